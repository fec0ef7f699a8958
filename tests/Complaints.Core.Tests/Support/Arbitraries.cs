using Complaints.Core.Domain;
using Complaints.Core.Lifecycle;
using FsCheck;
using FsCheck.Fluent;

namespace Complaints.Core.Tests.Support;

/// <summary>One random action on a complaint: a trigger and the choices that make up its data.</summary>
/// <param name="Trigger">What to fire when <paramref name="FromPermitted"/> is negative.</param>
/// <param name="FromPermitted">When zero or more, fire instead the state-changing trigger at this index (modulo) of those permitted now; low indices are the forward path, so walks reach deep states.</param>
/// <param name="Minutes">How many minutes after the latest activity it happens.</param>
/// <param name="Amount">The refund amount, for a proposal.</param>
/// <param name="Flag">Consent, for escalation and rejection; whether a root cause is given, for closing.</param>
/// <param name="Pick">A small number that picks other data: question, currency, outcome, level, score, new field values.</param>
public sealed record ComplaintAction(ComplaintTrigger Trigger, int FromPermitted, int Minutes, decimal Amount, bool Flag, int Pick);

/// <summary>A random complaint history to replay: kind, options, and the steps.</summary>
public sealed record Scenario(FeedbackKind Kind, LifecycleFlags Flags, ComplaintAction[] Steps)
{
    public override string ToString() =>
        $"{Kind} {Flags}: {string.Join(", ", Steps.Select(s => $"{(s.FromPermitted < 0 ? s.Trigger : $"permitted[{s.FromPermitted}]")}(+{s.Minutes}m, {s.Amount}, {s.Flag}, {s.Pick})"))}";
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

/// <summary>Bounded generators for the property tests.</summary>
public static class Arbitraries
{
    private static readonly ComplaintTrigger[] StateChanging =
        Enum.GetValues<ComplaintTrigger>().Where(t => !t.IsRecording()).ToArray();

    private static readonly ComplaintTrigger[] Recording =
        Enum.GetValues<ComplaintTrigger>().Where(ComplaintVocabulary.IsRecording).ToArray();

    public static Gen<ComplaintAction> ActionGen =>
        from trigger in Gen.Frequency((4, Gen.Elements(StateChanging)), (1, Gen.Elements(Recording)))
        from fromPermitted in Gen.Frequency((6, Gen.Choose(0, 1)), (1, Gen.Choose(0, 10)), (2, Gen.Constant(-1)))
        from minutes in Gen.Elements(0, 1, 30, 600, 1440 * 3, 1440 * 20, 1440 * 40)
        from amount in Gen.Elements(0m, 50m, 100m, 150m, 600m, 6_000m)
        from flag in Gen.Elements(true, false)
        from pick in Gen.Choose(0, 11)
        select new ComplaintAction(trigger, fromPermitted, minutes, amount, flag, pick);

    public static Arbitrary<Scenario> Scenarios() =>
        (from kind in Gen.Frequency((3, Gen.Constant(FeedbackKind.Complaint)), (1, Gen.Constant(FeedbackKind.Claim)), (2, Gen.Constant(FeedbackKind.Suggestion)))
         from flags in Gen.Elements(true, false).ArrayOf(4)
         from length in Gen.Choose(0, 60)
         from steps in ActionGen.ArrayOf(length)
         select new Scenario(kind, new LifecycleFlags(flags[0], flags[1], flags[2], flags[3]), steps))
        .ToArbitrary();
}
