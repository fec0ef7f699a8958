using System.Text.Json.Serialization;
using Complaints.Core.Domain;

namespace Complaints.Core.History;

/// <summary>The canonical JSON document of one complaint: the format version, the id, the intake and the history.</summary>
internal sealed class ComplaintDocument
{
    [JsonConstructor]
    public ComplaintDocument(int formatVersion, ComplaintId id, ComplaintIntake intake, IReadOnlyList<HistoryEntry> history)
    {
        FormatVersion = formatVersion;
        Id = id;
        Intake = intake;
        History = history;
    }

    [JsonPropertyOrder(-1)]
    public int FormatVersion { get; }

    public ComplaintId Id { get; }

    public ComplaintIntake Intake { get; }

    public IReadOnlyList<HistoryEntry> History { get; }
}

/// <summary>The source-generated serializer of the canonical complaint format: no reflection, safe to trim.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    AllowDuplicateProperties = false,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowOutOfOrderMetadataProperties = true,
    Converters = [
        typeof(ComplaintIdJsonConverter),
        typeof(CategoryJsonConverter),
        typeof(MoneyJsonConverter),
        typeof(InstantJsonConverter),
        typeof(DurationJsonConverter),
        typeof(StrictEnumConverter<FeedbackKind>),
        typeof(StrictEnumConverter<Channel>),
        typeof(StrictEnumConverter<Severity>),
        typeof(StrictEnumConverter<Priority>),
        typeof(StrictEnumConverter<ComplaintState>),
        typeof(StrictEnumConverter<ComplaintTrigger>),
        typeof(StrictEnumConverter<ActorKind>),
        typeof(StrictEnumConverter<CommunicationKind>),
        typeof(StrictEnumConverter<RejectionReason>),
        typeof(StrictEnumConverter<ComplaintOutcome>),
        typeof(StrictEnumConverter<RemedyType>),
    ])]
[JsonSerializable(typeof(ComplaintDocument))]
internal sealed partial class ComplaintJsonContext : JsonSerializerContext;
