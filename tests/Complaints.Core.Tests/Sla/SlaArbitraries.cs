using System.Globalization;
using System.Text;
using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.Lifecycle;
using Complaints.Core.Sla;
using Complaints.Core.Tests.Calendars;
using Complaints.Core.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using T = Complaints.Core.Domain.ComplaintTrigger;

namespace Complaints.Core.Tests.Sla;

/// <summary>One step of an SLA walk: which permitted trigger (by weighted roll), how long after the latest activity, and a small number for its data.</summary>
public sealed record SlaStep(int Roll, int Minutes, int Pick)
{
    public override string ToString() => $"#{Roll}(+{Minutes}m, {Pick})";
}

/// <summary>
/// A deadline rule by its unit and amount: hours for working and elapsed time, days for business and calendar days;
/// optionally anchored on the acknowledgement instead of receipt.
/// </summary>
public sealed record RuleSpec(DeadlineUnit Unit, int Amount, bool AnchorOnAcknowledgement)
{
    public DeadlineRule Build()
    {
        var rule = Unit switch
        {
            DeadlineUnit.WorkingTime => DeadlineRule.WorkingTime(Duration.FromHours(Amount)),
            DeadlineUnit.ElapsedTime => DeadlineRule.ElapsedTime(Duration.FromHours(Amount)),
            DeadlineUnit.BusinessDays => DeadlineRule.BusinessDays(Amount),
            DeadlineUnit.CalendarDays => DeadlineRule.CalendarDays(Amount),
            _ => throw new ArgumentOutOfRangeException(nameof(Unit), Unit, null),
        };
        return AnchorOnAcknowledgement ? rule.WithAnchor(DeadlineAnchor.Acknowledgement) : rule;
    }

    public override string ToString() => $"{Unit}({Amount}){(AnchorOnAcknowledgement ? " from acknowledgement" : string.Empty)}";
}

/// <summary>A random target: kind, rule, calendar, pause in AwaitingCustomer or not, reopen rule, warning share.</summary>
public sealed record TargetSpec(SlaTargetKind Kind, RuleSpec Rule, bool AlwaysOpen, bool PauseOnCustomer, ReopenRule Reopen, double? WarnAt)
{
    public BusinessCalendar Calendar => AlwaysOpen ? SlaArbitraries.AlwaysOpen : SlaArbitraries.London;

    public SlaPolicy Policy(string name = "P") =>
        SlaPolicy.CreateBuilder(name).AddTarget("t", Kind, Rule.Build(), Calendar, Configure).Build();

    public void Configure(SlaTargetBuilder b)
    {
        if (PauseOnCustomer)
        {
            b.PausedIn(ComplaintState.AwaitingCustomer);
        }

        b.OnReopen(Reopen);
        if (WarnAt is { } share)
        {
            b.WarnAt(share);
        }
    }

    public override string ToString() =>
        $"{Kind} {Rule} on {(AlwaysOpen ? "24x7" : "London 9-17")}{(PauseOnCustomer ? ", paused awaiting customer" : string.Empty)}, {Reopen}{(WarnAt is { } w ? $", warn at {w:P0}" : string.Empty)}";
}

/// <summary>A random complaint history (received some minutes after the base instant), a target and an instant to ask about.</summary>
public sealed record SlaCase(FeedbackKind Kind, int ReceivedAfterMinutes, SlaStep[] Steps, TargetSpec Target, int AsOfPick, int AsOfMinutes)
{
    public override string ToString() =>
        $"{Kind} received +{ReceivedAfterMinutes}m; {Target}; asOf pick {AsOfPick}/{AsOfMinutes}m; steps: {string.Join(", ", Steps.Select(s => s.ToString()))}";
}

/// <summary>Bounded generators for the SLA properties, and the walk that turns a case into a complaint.</summary>
public static class SlaArbitraries
{
    public static readonly Instant Base = Instant.FromUtc(2026, 3, 2, 9, 0);

    public static readonly BusinessCalendar London = BusinessCalendar.CreateBuilder("Europe/London")
        .Covering(2025, 2027)
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
        .AddHolidays(UkBankHolidays.EnglandAndWales)
        .Build();

    public static readonly BusinessCalendar AlwaysOpen = BusinessCalendar.AlwaysOpen("Europe/London", 2025, 2027);

    internal static readonly ReferenceCalendar LondonReference = Reference(London);

    internal static readonly ReferenceCalendar AlwaysOpenReference = Reference(AlwaysOpen);

    public static readonly ComplaintLifecycle Lifecycle = new(new LifecycleOptions());

    // How much a step prefers each state-changing trigger: forward mostly, waits on the customer, reopenings and exits often enough to count.
    private static readonly Dictionary<T, int> Weights = new()
    {
        [T.Acknowledge] = 60,
        [T.Assess] = 60,
        [T.StartInvestigation] = 60,
        [T.Resolve] = 35,
        [T.ProposeResolution] = 35,
        [T.AcceptResolution] = 45,
        [T.StartFollowUp] = 50,
        [T.Close] = 45,
        [T.ProvideInformation] = 50,
        [T.Reopen] = 30,
        [T.RequestInformation] = 150,
        [T.RejectResolution] = 12,
        [T.Escalate] = 6,
        [T.Withdraw] = 4,
        [T.Reject] = 3,
        [T.Refer] = 2,
    };

    public static Gen<SlaStep> StepGen =>
        from roll in Gen.Choose(0, 9_999)
        from minutes in Gen.Elements(0, 1, 7, 30, 45, 90, 240, 600, 1_000, 1_440, 2_880)
        from pick in Gen.Choose(0, 11)
        select new SlaStep(roll, minutes, pick);

    public static Gen<RuleSpec> RuleGen =>
        from unit in Gen.Elements(DeadlineUnit.WorkingTime, DeadlineUnit.BusinessDays, DeadlineUnit.CalendarDays, DeadlineUnit.ElapsedTime)
        from amount in unit switch
        {
            DeadlineUnit.WorkingTime => Gen.Elements(1, 2, 4, 8, 16, 24),
            DeadlineUnit.ElapsedTime => Gen.Elements(1, 4, 24, 48, 72),
            _ => Gen.Choose(1, 5),
        }
        from onAck in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new RuleSpec(unit, amount, onAck);

    public static Gen<TargetSpec> TargetGen =>
        from kind in Gen.Elements(SlaTargetKind.Acknowledge, SlaTargetKind.FirstResponse, SlaTargetKind.Resolution, SlaTargetKind.Resolution, SlaTargetKind.FinalResponse)
        from rule in RuleGen
        from alwaysOpen in Gen.Elements(true, false)
        from pause in Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false)))
        from reopen in Gen.Elements(ReopenRule.ResumeCycle, ReopenRule.NewCycle, ReopenRule.Reset)
        from warn in Gen.Frequency((2, Gen.Constant((double?)null)), (1, Gen.Elements<double?>(0.5, 0.8, 1.0)))
        select new TargetSpec(kind, rule, alwaysOpen, pause, reopen, warn);

    public static Gen<SlaCase> CaseGen =>
        from kind in Gen.Frequency((4, Gen.Constant(FeedbackKind.Complaint)), (1, Gen.Constant(FeedbackKind.Claim)), (1, Gen.Constant(FeedbackKind.Suggestion)))
        from received in Gen.Choose(0, 40 * 1_440)
        from length in Gen.Choose(0, 22)
        from steps in StepGen.ArrayOf(length)
        from target in TargetGen
        from asOfPick in Gen.Choose(0, 999)
        from asOfMinutes in Gen.Frequency((3, Gen.Choose(0, 600)), (1, Gen.Choose(0, 5 * 1_440)))
        select new SlaCase(kind, received, steps, target, asOfPick, asOfMinutes);

    public static Arbitrary<SlaCase> Cases() => CaseGen.ToArbitrary();

    internal static ReferenceCalendar ReferenceFor(BusinessCalendar calendar) =>
        ReferenceEquals(calendar, London) ? LondonReference : AlwaysOpenReference;

    /// <summary>Walks a new complaint through a case's steps; refused steps record nothing.</summary>
    /// <param name="c">The case.</param>
    /// <param name="fieldChanges">
    /// Whether recording steps also change the promised date (to some hours after the step, or none), the team and the
    /// customer tier, besides the priority and communications.
    /// </param>
    internal static Complaint Walk(SlaCase c, bool fieldChanges = false)
    {
        var intake = TestComplaints.Intake(c.Kind, Base + Duration.FromMinutes(c.ReceivedAfterMinutes));
        var complaint = Complaint.Receive(new ComplaintId($"SLA-{Guid.NewGuid():N}"), intake, Lifecycle);
        foreach (var step in c.Steps)
        {
            var trigger = Choose(complaint, step);
            if (fieldChanges && step.Roll % 4 == 0)
            {
                trigger = (step.Roll / 4 % 5) switch
                {
                    0 => T.ChangePriority,
                    1 => T.RecordCommunication,
                    2 => T.ChangePromisedDate,
                    3 => T.Assign,
                    _ => T.ChangeCustomerTier,
                };
            }

            if (trigger == T.ChangePromisedDate)
            {
                if (!complaint.CanFire(T.ChangePromisedDate))
                {
                    continue;
                }

                var at = complaint.LastActivityAt + Duration.FromMinutes(step.Minutes);
                Instant? promised = step.Pick % 4 == 0 ? null : at + Duration.FromHours(6 * step.Pick);
                if (promised != complaint.PromisedAt)
                {
                    complaint.ChangePromisedDate(TestComplaints.Agent, at, promised);
                }

                continue;
            }

            ComplaintWalk.Step(complaint, new ComplaintAction(trigger, false, 0, step.Minutes, 0m, true, step.Pick));
        }

        return complaint;
    }

    /// <summary>
    /// The instant a case asks about: an entry's instant plus some minutes (or the receipt plus some minutes), so the
    /// instants fall near the changes; often the start of a wait on the customer, so paused clocks are common.
    /// </summary>
    internal static Instant AsOf(SlaCase c, Complaint complaint)
    {
        var history = complaint.History;
        var waits = history.Where(e => e.IsStateChange && e.To == ComplaintState.AwaitingCustomer).ToArray();
        if (history.Count == 0 || c.AsOfPick % 5 == 0)
        {
            return complaint.Snapshot.Intake.ReceivedAt + Duration.FromMinutes(c.AsOfMinutes);
        }

        return waits.Length > 0 && c.AsOfPick % 5 <= 3
            ? waits[c.AsOfPick % waits.Length].At + Duration.FromMinutes(c.AsOfMinutes % 120)
            : history[c.AsOfPick % history.Count].At + Duration.FromMinutes(c.AsOfMinutes);
    }

    /// <summary>Every figure of an evaluation, timelines included, as text to compare two evaluations by.</summary>
    internal static string Describe(SlaEvaluation evaluation)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{evaluation.ComplaintId} at {evaluation.AsOf}\n");
        foreach (var policy in evaluation.Policies)
        {
            text.Append(CultureInfo.InvariantCulture, $"{policy.Group}/{policy.Policy.Name}\n");
            foreach (var s in policy.Targets)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {s.Target.Name} cycle {s.Cycle} {s.State} started {s.StartedAt} due {s.Deadline} (before pauses {s.DeadlineBeforePauses}) met {s.MetAt} stopped {s.StoppedAt} elapsed {s.Elapsed} remaining {s.Remaining} paused {s.Paused} share {s.ShareUsed:R} breached earlier {s.BreachedEarlier} next {s.NextChangeAt} timeline [{string.Join("; ", s.Timeline)}]\n");
            }
        }

        return text.ToString();
    }

    private static T Choose(Complaint c, SlaStep step)
    {
        var permitted = c.GetPermittedTriggers().Where(t => !t.IsRecording()).ToArray();
        if (step.Roll % 4 == 0 || permitted.Length == 0)
        {
            return step.Roll % 3 == 0 ? T.ChangePriority : T.RecordCommunication;
        }

        var roll = step.Roll % permitted.Sum(t => Weights[t]);
        foreach (var trigger in permitted)
        {
            roll -= Weights[trigger];
            if (roll < 0)
            {
                return trigger;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private static ReferenceCalendar Reference(BusinessCalendar calendar) =>
        new(calendar.Zone, calendar.WeeklyHours, calendar.IsHoliday, new LocalDate(2027, 12, 31));
}
