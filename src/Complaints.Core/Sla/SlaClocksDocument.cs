using System.Text.Json.Serialization;
using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Sla;

/// <summary>
/// The stored form of a complaint's clocks: what applying the next entry needs; the rest is derived again on reading.
/// <see cref="Policies"/> lists the engine's policies in order, each with the policy that applied in its group before
/// it started to (or null); <see cref="Clocks"/> has one clock per slot: the targets of every policy in order, then
/// those of each policy that restarts on a change.
/// </summary>
internal sealed record SlaClocksDocument(
    [property: JsonPropertyOrder(-1)] int FormatVersion,
    ComplaintId ComplaintId,
    Instant ReceivedAt,
    Instant LatestEntryAt,
    long Version,
    ComplaintState State,
    SlaFieldsDocument Fields,
    IReadOnlyList<SlaPolicyDocument> Policies,
    IReadOnlyList<SlaKeyDocument> BreachedEarlier,
    IReadOnlyList<TargetClockDocument> Clocks);

internal sealed record SlaFieldsDocument(
    FeedbackKind Kind, Channel Channel, Priority Priority, Severity Severity, Category Category, string? Team, string? CustomerTier, Instant? PromisedAt);

internal sealed record SlaPolicyDocument(string Name, string? Before);

internal sealed record SlaKeyDocument(string Group, string Target);

internal sealed record PauseDocument(Instant From, Instant To, ComplaintState State);

internal sealed record TargetClockDocument(
    string Policy,
    string Target,
    int Reopens,
    int Updates,
    int CycleStartIndex,
    bool Started,
    int StartIndex,
    Instant Start,
    Instant? Acknowledged,
    Instant? Holding,
    Instant? Complete,
    int MetIndex,
    Instant? MetAt,
    int StopIndex,
    Instant? StopAt,
    IReadOnlyList<PauseDocument> Pauses);

/// <summary>The source-generated serializer of the stored clocks: no reflection, safe to trim.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    AllowDuplicateProperties = false,
    WriteIndented = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [
        typeof(ComplaintIdJsonConverter),
        typeof(CategoryJsonConverter),
        typeof(InstantJsonConverter),
        typeof(StrictEnumConverter<FeedbackKind>),
        typeof(StrictEnumConverter<Channel>),
        typeof(StrictEnumConverter<Severity>),
        typeof(StrictEnumConverter<Priority>),
        typeof(StrictEnumConverter<ComplaintState>),
    ])]
[JsonSerializable(typeof(SlaClocksDocument))]
internal sealed partial class SlaClocksJsonContext : JsonSerializerContext;
