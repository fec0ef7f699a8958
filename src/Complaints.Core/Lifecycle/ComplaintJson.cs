using System.Text.Json;
using Complaints.Core.History;

namespace Complaints.Core.Lifecycle;

/// <summary>
/// The canonical, versioned JSON format of a complaint: its id, its intake and its typed history, which every store
/// can read and write. Reading checks the document as strictly as <see cref="Complaint.Restore"/> checks a history,
/// so a complaint loaded from JSON is one the verbs could have produced.
/// </summary>
/// <remarks>
/// <para>
/// The document is an object with <c>formatVersion</c> (<see cref="FormatVersion"/>), <c>id</c>, <c>intake</c> and
/// <c>history</c>. Property names are camelCase; enums are written by name; ids, categories (<c>Products/Appliances</c>)
/// and money (<c>39.90 EUR</c>) are strings; instants are ISO 8601 in UTC (<c>2026-03-02T09:15:00Z</c>) and durations
/// ISO 8601 durations (<c>PT45M</c>). Each entry's <c>data</c> names its record in <c>type</c>
/// (<c>"type": "ResolutionProposal"</c>); these names are part of the format and never change. Absent values are
/// written as <see langword="null"/>; unknown and repeated properties are refused, and enums are read by their exact
/// names only.
/// </para>
/// <para>The serializer is source-generated: no reflection at run time, safe to trim. The class is stateless and thread-safe.</para>
/// </remarks>
public static class ComplaintJson
{
    /// <summary>The version of the format this library writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes a complaint in the canonical JSON format.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <returns>The JSON document, indented.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    public static string Serialize(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var document = new ComplaintDocument(FormatVersion, complaint.Id, complaint.Intake, complaint.History);
        return JsonSerializer.Serialize(document, ComplaintJsonContext.Default.ComplaintDocument);
    }

    /// <summary>
    /// Reads a complaint from the canonical JSON format and restores it with <see cref="Complaint.Restore"/>, so every
    /// entry is checked against the lifecycle. The restored entries count as dispatched.
    /// </summary>
    /// <param name="json">The JSON document.</param>
    /// <param name="lifecycle">The lifecycle the complaint follows.</param>
    /// <returns>The complaint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="lifecycle"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">
    /// The document is not well-formed, is of another format version, misses a required property, has an unknown
    /// property or data type, or holds a value its type refuses; the message names the JSON path and what was wrong.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// The history does not fit the lifecycle; the message names the entry (<c>history[i]</c>), its sequence number and
    /// what is wrong, as <see cref="Complaint.Restore"/> does.
    /// </exception>
    public static Complaint Deserialize(string json, ComplaintLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(lifecycle);
        var document = Read(json);
        return Complaint.Restore(document.Id, document.Intake, document.History, lifecycle);
    }

    private static ComplaintDocument Read(string json)
    {
        var version = ReadVersion(json);
        if (version != FormatVersion)
        {
            throw new JsonException($"formatVersion is {version}; this library reads format version {FormatVersion}.", "$.formatVersion", null, null);
        }

        ComplaintDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, ComplaintJsonContext.Default.ComplaintDocument);
        }
        catch (JsonException ex) when (ex.GetType() != typeof(JsonException))
        {
            throw Plain(ex);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or NotSupportedException or OverflowException)
        {
            throw new JsonException($"The complaint document holds a value its type refuses: {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new JsonException("The complaint document is null.", "$", null, null);
        }

        for (var i = 0; i < document.History.Count; i++)
        {
            if (document.History[i] is null)
            {
                throw new JsonException($"history[{i}] is null; every entry is an object.", $"$.history[{i}]", null, null);
            }
        }

        return document;
    }

    private static JsonException Plain(JsonException ex) => new(ex.Message, ex.Path, ex.LineNumber, ex.BytePositionInLine, ex);

    private static int ReadVersion(string json)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"The complaint document must be a JSON object; it is {parsed.RootElement.ValueKind}.", "$", null, null);
            }

            if (!parsed.RootElement.TryGetProperty("formatVersion", out var version)
                || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var number))
            {
                throw new JsonException("The complaint document has no whole-number formatVersion.", "$.formatVersion", null, null);
            }

            return number;
        }
        catch (JsonException ex) when (ex.GetType() != typeof(JsonException))
        {
            throw Plain(ex);
        }
    }
}
