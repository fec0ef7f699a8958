using Complaints.Core.Desk;
using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Tests.Support;

/// <summary>A store that hands every call to another; tests derive from it to step in where they need to.</summary>
internal class ForwardingStore(IComplaintStore inner) : IComplaintStore
{
    public virtual ValueTask<IReadOnlyList<PendingNotification>> SaveAsync(ComplaintSave save, CancellationToken cancellationToken = default) => inner.SaveAsync(save, cancellationToken);

    public ValueTask<ComplaintRecord?> FindAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

    public ValueTask<CommandRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default) => inner.FindCommandAsync(commandId, cancellationToken);

    public ValueTask<ComplaintPage> FindDueAsync(Instant dueBy, DueCursor? after, int pageSize, CancellationToken cancellationToken = default) =>
        inner.FindDueAsync(dueBy, after, pageSize, cancellationToken);

    public ValueTask<IReadOnlyList<ComplaintRecord>> FindByCustomerAsync(string customerId, Instant receivedFrom, CancellationToken cancellationToken = default) =>
        inner.FindByCustomerAsync(customerId, receivedFrom, cancellationToken);

    public ValueTask<IReadOnlyList<PendingNotification>> FindPendingNotificationsAsync(int max, CancellationToken cancellationToken = default) =>
        inner.FindPendingNotificationsAsync(max, cancellationToken);

    public ValueTask MarkSentAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default) => inner.MarkSentAsync(sequences, cancellationToken);
}
