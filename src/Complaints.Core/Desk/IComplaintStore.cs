using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Desk;

/// <summary>
/// Where complaints are kept: their canonical JSON with a version each, the commands carried out on them, and the
/// notifications saved with them and not yet sent. A save is all or nothing: the record, the command and the
/// notifications are kept together, or, when the version has moved on or the command was recorded already, nothing
/// is. Implementations must be safe to call from many threads at once; the conformance tests pin the behaviour every
/// store must have.
/// </summary>
public interface IComplaintStore
{
    /// <summary>Gets a complaint's record.</summary>
    /// <param name="id">The complaint's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, or <see langword="null"/> when no complaint has that id.</returns>
    ValueTask<ComplaintRecord?> FindAsync(ComplaintId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a complaint's record if its stored version is still the one expected, with the command that produced it
    /// and the notifications to send, all or nothing.
    /// </summary>
    /// <param name="save">What to save.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The notifications saved, numbered by the store.</returns>
    /// <exception cref="ComplaintConcurrencyException">
    /// The stored version is not <see cref="ComplaintSave.ExpectedVersion"/> (another writer saved first, or a new
    /// complaint's id is taken), or the command was recorded already; nothing is saved.
    /// </exception>
    ValueTask<IReadOnlyList<PendingNotification>> SaveAsync(ComplaintSave save, CancellationToken cancellationToken = default);

    /// <summary>Gets what was recorded of a command, if it was carried out.</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, or <see langword="null"/> when no command has that id.</returns>
    ValueTask<CommandRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a page of the open complaints whose next change is due at or before <paramref name="dueBy"/>, in the order
    /// of their next change and then their id, starting after <paramref name="after"/>.
    /// </summary>
    /// <param name="dueBy">The latest next change to include.</param>
    /// <param name="after">Where the previous page ended (<see cref="ComplaintPage.Next"/>), or <see langword="null"/> for the first page.</param>
    /// <param name="pageSize">The most records to return, from 1 to <see cref="ComplaintPage.MaxSize"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not from 1 to <see cref="ComplaintPage.MaxSize"/>.</exception>
    ValueTask<ComplaintPage> FindDueAsync(Instant dueBy, DueCursor? after, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Gets a customer's complaints received at or after <paramref name="receivedFrom"/>, oldest first (then by id).</summary>
    /// <param name="customerId">The customer's id.</param>
    /// <param name="receivedFrom">The earliest receipt to include.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customerId"/> is <see langword="null"/>.</exception>
    ValueTask<IReadOnlyList<ComplaintRecord>> FindByCustomerAsync(string customerId, Instant receivedFrom, CancellationToken cancellationToken = default);

    /// <summary>Gets the notifications saved and not yet marked sent, oldest first.</summary>
    /// <param name="max">The most to return, from 1 to <see cref="ComplaintPage.MaxSize"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The notifications.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not from 1 to <see cref="ComplaintPage.MaxSize"/>.</exception>
    ValueTask<IReadOnlyList<PendingNotification>> FindPendingNotificationsAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Marks notifications sent, so they are not offered again; a sequence not pending is ignored.</summary>
    /// <param name="sequences">The notifications' sequence numbers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when they are marked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sequences"/> is <see langword="null"/>.</exception>
    ValueTask MarkSentAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default);
}

/// <summary>What one save writes: a complaint's record, the version it replaces, the command that produced it and the notifications to send.</summary>
public sealed record ComplaintSave
{
    /// <summary>Initializes a new instance of the <see cref="ComplaintSave"/> class.</summary>
    /// <param name="record">The complaint's new record.</param>
    /// <param name="expectedVersion">The version stored now, or <see langword="null"/> for a new complaint (no complaint may have its id).</param>
    /// <param name="command">The command that produced it, recorded with it, or <see langword="null"/> for none.</param>
    /// <param name="notifications">The notifications to send once saved; empty for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> or <paramref name="notifications"/>, or one of them, is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The command is of another complaint or version, a notification is of another complaint, or the record's version
    /// is below the expected one (it may equal it when only the record's columns change, as a sweep's new next change).
    /// </exception>
    public ComplaintSave(ComplaintRecord record, long? expectedVersion, CommandRecord? command, IReadOnlyList<ComplaintNotification> notifications)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(notifications);
        if (expectedVersion is { } expected && (expected < 0 || record.Version < expected))
        {
            throw new ArgumentException($"Complaint {record.Id}: the record's version ({record.Version}) must be at least the expected version ({expected}).", nameof(expectedVersion));
        }

        if (command is not null && (command.ComplaintId != record.Id || command.Version != record.Version))
        {
            throw new ArgumentException(
                $"Complaint {record.Id}: command {command.CommandId} is recorded for complaint {command.ComplaintId} version {command.Version}, not version {record.Version}.", nameof(command));
        }

        var copy = new ComplaintNotification[notifications.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = notifications[i] ?? throw new ArgumentNullException(nameof(notifications), $"notifications[{i}] is null.");
            if (copy[i].ComplaintId != record.Id)
            {
                throw new ArgumentException($"Complaint {record.Id}: notifications[{i}] is for complaint {copy[i].ComplaintId}.", nameof(notifications));
            }
        }

        Record = record;
        ExpectedVersion = expectedVersion;
        Command = command;
        Notifications = Array.AsReadOnly(copy);
    }

    /// <summary>Gets the complaint's new record.</summary>
    public ComplaintRecord Record { get; }

    /// <summary>Gets the version stored now, or <see langword="null"/> for a new complaint.</summary>
    public long? ExpectedVersion { get; }

    /// <summary>Gets the command that produced the record, if any.</summary>
    public CommandRecord? Command { get; }

    /// <summary>Gets the notifications to send once saved.</summary>
    public IReadOnlyList<ComplaintNotification> Notifications { get; }
}

/// <summary>Where a page of due complaints ended: the last record's next change and id.</summary>
/// <param name="NextChangeAt">The last record's next change.</param>
/// <param name="Id">The last record's id.</param>
public readonly record struct DueCursor(Instant NextChangeAt, ComplaintId Id);

/// <summary>A page of complaint records and where the next page starts.</summary>
public sealed record ComplaintPage
{
    /// <summary>The largest page a store returns.</summary>
    public const int MaxSize = 10_000;

    /// <summary>Initializes a new instance of the <see cref="ComplaintPage"/> class.</summary>
    /// <param name="records">The records.</param>
    /// <param name="next">Where the next page starts, or <see langword="null"/> when this is the last.</param>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    public ComplaintPage(IReadOnlyList<ComplaintRecord> records, DueCursor? next)
    {
        ArgumentNullException.ThrowIfNull(records);
        Records = Array.AsReadOnly(records.ToArray());
        Next = next;
    }

    /// <summary>Gets the records.</summary>
    public IReadOnlyList<ComplaintRecord> Records { get; }

    /// <summary>Gets where the next page starts, or <see langword="null"/> when this is the last.</summary>
    public DueCursor? Next { get; }
}

/// <summary>
/// A save refused because the complaint's stored version is not the one expected (another writer saved first, or a
/// new complaint's id is taken) or because its command was recorded already. Nothing was saved.
/// </summary>
public sealed class ComplaintConcurrencyException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="ComplaintConcurrencyException"/> class.</summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="expectedVersion">The version the save expected, or <see langword="null"/> for a new complaint.</param>
    /// <param name="actualVersion">The version stored, or <see langword="null"/> when none is.</param>
    /// <param name="commandId">The command recorded already, or <see langword="null"/> when the versions conflict.</param>
    public ComplaintConcurrencyException(ComplaintId complaintId, long? expectedVersion, long? actualVersion, CommandId? commandId = null)
        : base(commandId is { } command
            ? $"Complaint {complaintId}: command {command} was recorded already; nothing was saved."
            : $"Complaint {complaintId}: expected {(expectedVersion is { } e ? $"version {e}" : "no stored complaint")}, but {(actualVersion is { } a ? $"version {a} is stored" : "none is stored")}; nothing was saved.")
    {
        ComplaintId = complaintId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
        CommandId = commandId;
    }

    /// <summary>Gets the complaint.</summary>
    public ComplaintId ComplaintId { get; }

    /// <summary>Gets the version the save expected, or <see langword="null"/> for a new complaint.</summary>
    public long? ExpectedVersion { get; }

    /// <summary>Gets the version stored, or <see langword="null"/> when none is.</summary>
    public long? ActualVersion { get; }

    /// <summary>Gets the command recorded already, or <see langword="null"/> when the versions conflict.</summary>
    public CommandId? CommandId { get; }
}
