using Complaints.Core.Domain;
using Complaints.Core.Lifecycle;
using FsCheck;
using FsCheck.Fluent;

namespace Complaints.Core.Tests.Support;

/// <summary>One random action on a complaint: a trigger and the choices that make up its data.</summary>
/// <param name="Trigger">What to fire when <paramref name="Forward"/> is false.</param>
/// <param name="Forward">
/// When true, fire instead a state-changing trigger permitted now, picked by <see cref="ComplaintWalk.Preference"/>
/// with <paramref name="Roll"/>: the forward path most of the time, the terminal exits rarely.
/// </param>
/// <param name="Roll">Picks the forward trigger, weighted by preference.</param>
/// <param name="Minutes">How many minutes after the latest activity it happens.</param>
/// <param name="Amount">The refund amount, for a proposal.</param>
/// <param name="Flag">Consent, for escalation and rejection; whether a root cause is given, for closing.</param>
/// <param name="Pick">A small number that picks other data: question, currency, outcome, level, score, new field values.</param>
public sealed record ComplaintAction(ComplaintTrigger Trigger, bool Forward, int Roll, int Minutes, decimal Amount, bool Flag, int Pick)
{
    public override string ToString() =>
        $"{(Forward ? $"forward#{Roll}" : Trigger.ToString())}(+{Minutes}m, {Amount}, {Flag}, {Pick})";
}

/// <summary>A random complaint history to replay: kind, options, and the steps.</summary>
public sealed record Scenario(FeedbackKind Kind, LifecycleFlags Flags, ComplaintAction[] Steps)
{
    public override string ToString() => $"{Kind} {Flags}: {string.Join(", ", Steps.Select(s => s.ToString()))}";
}

/// <summary>The lifecycle options a scenario runs under.</summary>
public sealed record LifecycleFlags(bool RequireRootCause, bool RequireFollowUp, bool EscalateOnRejection, bool RequireConsent)
{
    public ComplaintLifecycle Build() => new(new LifecycleOptions
    {
        RequireRootCauseToClose = RequireRootCause,
        RequireFollowUp = RequireFollowUp,
        EscalateOnRejection = EscalateOnRejection,
        RequireCustomerConsentToEscalate = RequireConsent,
    });
}

/// <summary>How to tamper with a stored history, and where.</summary>
public enum TamperKind
{
    Drop,
    Swap,
    Duplicate,
    ChangeData,
    ChangeFrom,
    ChangeTo,
    ChangeTrigger,
    MoveEarlier,
    MoveLater,
}

/// <summary>One tampering of a valid history: what, at which entries (taken modulo the length), with which choices.</summary>
/// <param name="Kind">What to change.</param>
/// <param name="Index">The entry changed (modulo the history's length).</param>
/// <param name="Other">The second entry, for a swap (modulo the history's length).</param>
/// <param name="Pick">Picks the new value: state, trigger, field, minutes.</param>
/// <param name="Renumber">Whether to renumber sequences after a drop, swap or duplicate, so only deeper checks can catch it.</param>
public sealed record Tampering(TamperKind Kind, int Index, int Other, int Pick, bool Renumber);

/// <summary>Bounded generators for the property tests.</summary>
public static class Arbitraries
{
    private static readonly ComplaintTrigger[] Exits = [ComplaintTrigger.Withdraw, ComplaintTrigger.Reject, ComplaintTrigger.Refer];

    private static readonly ComplaintTrigger[] StateChanging =
        Enum.GetValues<ComplaintTrigger>().Where(t => !t.IsRecording() && !Exits.Contains(t)).ToArray();

    private static readonly ComplaintTrigger[] Recording =
        Enum.GetValues<ComplaintTrigger>().Where(ComplaintVocabulary.IsRecording).ToArray();

    // The level moves up and back down often enough for the lowering to be seen above the first level.
    private static readonly ComplaintTrigger[] LevelChanges = [ComplaintTrigger.RaiseLevel, ComplaintTrigger.LowerLevel];

    // Mostly forward along the permitted triggers; sometimes a named trigger, permitted or not, to exercise refusals.
    public static Gen<ComplaintAction> ActionGen =>
        from forward in Gen.Frequency((7, Gen.Constant(true)), (3, Gen.Constant(false)))
        from trigger in Gen.Frequency((6, Gen.Elements(Recording)), (2, Gen.Elements(LevelChanges)), (3, Gen.Elements(StateChanging)), (1, Gen.Elements(Exits)))
        from roll in Gen.Choose(0, 9_999)
        from minutes in Gen.Elements(0, 1, 30, 600, 1440 * 3, 1440 * 20, 1440 * 40)
        from amount in Gen.Frequency((6, Gen.Elements(0m, 20m, 50m, 100m)), (2, Gen.Elements(150m, 450m)), (1, Gen.Constant(6_000m)))
        from flag in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from pick in Gen.Choose(0, 11)
        select new ComplaintAction(trigger, forward, roll, minutes, amount, flag, pick);

    public static Gen<Scenario> ScenarioGen =>
        from kind in Gen.Frequency((3, Gen.Constant(FeedbackKind.Complaint)), (1, Gen.Constant(FeedbackKind.Claim)), (2, Gen.Constant(FeedbackKind.Suggestion)))
        from flags in Gen.Elements(true, false).ArrayOf(4)
        from length in Gen.Choose(0, 60)
        from steps in ActionGen.ArrayOf(length)
        select new Scenario(kind, new LifecycleFlags(flags[0], flags[1], flags[2], flags[3]), steps);

    public static Arbitrary<Scenario> Scenarios() => ScenarioGen.ToArbitrary();

    public static Arbitrary<Tampering> Tamperings() =>
        (from kind in Gen.Elements(Enum.GetValues<TamperKind>())
         from index in Gen.Choose(0, 1_000)
         from other in Gen.Choose(0, 1_000)
         from pick in Gen.Choose(0, 1_000)
         from renumber in Gen.Elements(true, false)
         select new Tampering(kind, index, other, pick, renumber))
        .ToArbitrary();
}
