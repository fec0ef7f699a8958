using Complaints.Core.Domain;
using Complaints.Core.History;
using NodaTime;

namespace Complaints.Core.Sla;

/// <summary>The fields of a complaint that select its policies and set a promised deadline, as of its latest entry.</summary>
internal readonly record struct SlaFields(
    FeedbackKind Kind,
    Channel Channel,
    Priority Priority,
    Severity Severity,
    Category Category,
    string? Team,
    string? CustomerTier,
    Instant? PromisedAt)
{
    public static SlaFields Of(ComplaintSnapshot complaint) => new(
        complaint.Kind,
        complaint.Intake.Channel,
        complaint.Priority,
        complaint.Severity,
        complaint.Category,
        complaint.Team,
        complaint.CustomerTier,
        complaint.PromisedAt);

    public static SlaFields Of(ComplaintIntake intake) => new(
        intake.Kind, intake.Channel, intake.Priority, intake.Severity, intake.Category, null, intake.Customer.Tier, null);

    /// <summary>The fields after an entry, as the complaint's projection folds them.</summary>
    public SlaFields With(HistoryData data) => data switch
    {
        Assessment a => this with { Severity = a.Severity, Priority = a.Priority, Category = a.Category },
        PriorityChange c => this with { Priority = c.To },
        SeverityChange c => this with { Severity = c.To },
        CategoryChange c => this with { Category = c.To },
        AssignmentChange c => this with { Team = c.ToTeam },
        PromisedDateChange c => this with { PromisedAt = c.To },
        CustomerTierChange c => this with { CustomerTier = c.To },
        _ => this,
    };

    public override string ToString() =>
        $"kind {Kind}, priority {Priority}, severity {Severity}, channel {Channel}, tier '{CustomerTier}', category {Category}, team '{Team}'";
}
