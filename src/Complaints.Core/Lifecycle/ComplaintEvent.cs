using Complaints.Core.Domain;
using Complaints.Core.History;

namespace Complaints.Core.Lifecycle;

/// <summary>A domain event: one accepted change to a complaint, for a host's outbox.</summary>
/// <param name="ComplaintId">The complaint that changed.</param>
/// <param name="Entry">The history entry the change appended.</param>
public sealed record ComplaintEvent(ComplaintId ComplaintId, HistoryEntry Entry);
