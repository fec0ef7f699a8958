using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Desk;

/// <summary>Options of the <see cref="ComplaintDesk"/>: how far back it counts a customer's complaints, and how much it reads at a time.</summary>
public sealed class ComplaintDeskOptions
{
    /// <summary>The default <see cref="RepeatComplaintWindow"/>: 30 days.</summary>
    public static readonly Duration DefaultRepeatComplaintWindow = Duration.FromDays(30);

    /// <summary>The default <see cref="SweepPageSize"/>.</summary>
    public const int DefaultSweepPageSize = 500;

    /// <summary>The default <see cref="DispatchBatchSize"/>.</summary>
    public const int DefaultDispatchBatchSize = 100;

    /// <summary>
    /// Gets or sets how far back the desk counts a customer's complaints for the policies' repeat-complainant facts
    /// (<c>PolicyContext.RecentComplaintsFromCustomer</c>): those received at or after the current instant minus this.
    /// </summary>
    /// <value>The default value is 30 days; it must be positive.</value>
    public Duration RepeatComplaintWindow { get; set; } = DefaultRepeatComplaintWindow;

    /// <summary>Gets or sets how many due complaints <see cref="ComplaintDesk.SweepAsync"/> reads from the store at a time.</summary>
    /// <value>The default value is 500; it must be from 1 to <see cref="ComplaintPage.MaxSize"/>.</value>
    public int SweepPageSize { get; set; } = DefaultSweepPageSize;

    /// <summary>Gets or sets how many pending notifications <see cref="ComplaintDesk.DispatchPendingAsync"/> sends at a time.</summary>
    /// <value>The default value is 100; it must be from 1 to <see cref="ComplaintPage.MaxSize"/>.</value>
    public int DispatchBatchSize { get; set; } = DefaultDispatchBatchSize;

    /// <summary>Lists what is wrong with the options, every problem at once.</summary>
    /// <returns>The problems, each naming the option; empty when the options are valid.</returns>
    internal List<string> Problems()
    {
        var problems = new List<string>();
        if (RepeatComplaintWindow <= Duration.Zero)
        {
            problems.Add($"{nameof(RepeatComplaintWindow)} is {RepeatComplaintWindow}; it must be positive.");
        }

        if (SweepPageSize is < 1 or > ComplaintPage.MaxSize)
        {
            problems.Add($"{nameof(SweepPageSize)} is {SweepPageSize}; it must be from 1 to {ComplaintPage.MaxSize}.");
        }

        if (DispatchBatchSize is < 1 or > ComplaintPage.MaxSize)
        {
            problems.Add($"{nameof(DispatchBatchSize)} is {DispatchBatchSize}; it must be from 1 to {ComplaintPage.MaxSize}.");
        }

        return problems;
    }
}

/// <summary>What the desk did with a command: the complaint, the version saved, whether it was a replay, and how many of its notifications are still to send.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Version">The complaint's version the command saved (for a replay, the version the first run saved).</param>
/// <param name="IsReplay">Whether the command id was carried out before, so nothing was done now and the first result is returned.</param>
/// <param name="PendingNotifications">
/// How many of the notifications saved with the command are still pending because the sink failed (0 when all were
/// sent, and for a replay); <see cref="ComplaintDesk.DispatchPendingAsync"/> offers them again.
/// </param>
public sealed record ComplaintCommandResult(ComplaintId ComplaintId, long Version, bool IsReplay, int PendingNotifications);

/// <summary>A command named a complaint that no store holds.</summary>
public sealed class ComplaintNotFoundException : KeyNotFoundException
{
    /// <summary>Initializes a new instance of the <see cref="ComplaintNotFoundException"/> class.</summary>
    /// <param name="complaintId">The complaint's id.</param>
    public ComplaintNotFoundException(ComplaintId complaintId)
        : base($"Complaint {complaintId} was not found; nothing was saved.")
    {
        ComplaintId = complaintId;
    }

    /// <summary>Gets the complaint's id.</summary>
    public ComplaintId ComplaintId { get; }
}

/// <summary>Validates <see cref="ComplaintDeskOptions"/>, reporting every problem at once, each naming its option.</summary>
public sealed class ComplaintDeskOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<ComplaintDeskOptions>
{
    /// <inheritdoc/>
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, ComplaintDeskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new Microsoft.Extensions.Options.ValidateOptionsResultBuilder();
        foreach (var problem in options.Problems())
        {
            builder.AddError(problem);
        }

        return builder.Build();
    }
}
