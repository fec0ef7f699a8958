using System.Globalization;
using System.Numerics;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Sla;
using NodaTime;

namespace Complaints.Core.Policies;

/// <summary>
/// What a rule tests of a complaint as of an instant: a field of its snapshot, a target's service-level status, a fact
/// the host supplies, or a composition of those (<see cref="All"/>, <see cref="Any"/>, <see cref="Not"/>). Conditions
/// are immutable; a rule set checks the names they use (targets, levels, teams) when it is built, so that evaluation
/// compares values only. Every condition says, for a decision, what it found ("severity High, at least High").
/// </summary>
public abstract class PolicyCondition
{
    private protected PolicyCondition()
    {
    }

    /// <summary>
    /// Gets what the condition reads beyond the complaint's snapshot, so its rule set asks for it only when some rule
    /// does: service-level status (with an <see cref="SlaEngine"/>), its working times, or what a host works out.
    /// </summary>
    internal virtual PolicyReads Reads => PolicyReads.None;

    /// <summary>Holds when every one of <paramref name="conditions"/> holds (and when there is none).</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="conditions"/> or one of them is <see langword="null"/>.</exception>
    public static PolicyCondition All(params PolicyCondition[] conditions) => new AllCondition(Checked(conditions));

    /// <summary>Holds when at least one of <paramref name="conditions"/> holds (never when there is none).</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="conditions"/> or one of them is <see langword="null"/>.</exception>
    public static PolicyCondition Any(params PolicyCondition[] conditions) => new AnyCondition(Checked(conditions));

    /// <summary>Holds when <paramref name="condition"/> does not.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is <see langword="null"/>.</exception>
    public static PolicyCondition Not(PolicyCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new NotCondition(condition);
    }

    /// <summary>Holds when a target of that name, in any applying SLA policy (or only in <paramref name="group"/>), is breached.</summary>
    /// <param name="target">The target's name.</param>
    /// <param name="group">The SLA policy group, or <see langword="null"/> for any.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="target"/> or <paramref name="group"/> is empty or too long.</exception>
    public static PolicyCondition TargetBreached(string target, string? group = null) => new TargetStateCondition(target, group, SlaClockState.Breached);

    /// <summary>Holds when a target of that name, in any applying SLA policy (or only in <paramref name="group"/>), is at risk (a warning threshold passed, not yet breached).</summary>
    /// <param name="target">The target's name.</param>
    /// <param name="group">The SLA policy group, or <see langword="null"/> for any.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="target"/> or <paramref name="group"/> is empty or too long.</exception>
    public static PolicyCondition TargetAtRisk(string target, string? group = null) => new TargetStateCondition(target, group, SlaClockState.AtRisk);

    /// <summary>
    /// Holds when a target of that name, in any applying SLA policy (or only in <paramref name="group"/>), has used at
    /// least <paramref name="share"/> of the time it allows, in its calendar's time, and is neither met nor stopped.
    /// </summary>
    /// <param name="target">The target's name.</param>
    /// <param name="share">The share, from 0 to 1 (0.9 is 90 %).</param>
    /// <param name="group">The SLA policy group, or <see langword="null"/> for any.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="target"/> or <paramref name="group"/> is empty or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="share"/> is not between 0 and 1.</exception>
    public static PolicyCondition ShareUsedAtLeast(string target, double share, string? group = null)
    {
        if (!(share is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "share must be between 0 and 1 (0.9 is 90 %).");
        }

        return new ShareUsedCondition(target, group, share);
    }

    /// <summary>
    /// Holds when a target of that name (in any applying SLA policy, or only in <paramref name="group"/>) is running and
    /// due within <paramref name="before"/> of working time in its calendar: a ladder step before the breach. It stops
    /// holding once the target is met, stopped or breached.
    /// </summary>
    /// <param name="target">The target's name.</param>
    /// <param name="before">The working time left at or below which it holds.</param>
    /// <param name="group">The SLA policy group, or <see langword="null"/> for any.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="target"/> or <paramref name="group"/> is empty or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="before"/> is negative.</exception>
    public static PolicyCondition TargetDueWithin(string target, Duration before, string? group = null) =>
        new DueWithinCondition(target, group, before >= Duration.Zero ? before : throw new ArgumentOutOfRangeException(nameof(before), before, "before must not be negative."));

    /// <summary>
    /// Holds when a target of that name (in any applying SLA policy, or only in <paramref name="group"/>) is breached and
    /// not yet met or stopped, and its deadline passed at least <paramref name="after"/> of working time ago in its
    /// calendar (<see cref="Duration.Zero"/>: at the breach): a ladder step after the breach. It stops holding once the
    /// target is met late or the complaint's cycle stops.
    /// </summary>
    /// <param name="target">The target's name.</param>
    /// <param name="after">The working time since the deadline at or above which it holds.</param>
    /// <param name="group">The SLA policy group, or <see langword="null"/> for any.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="target"/> or <paramref name="group"/> is empty or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="after"/> is negative.</exception>
    public static PolicyCondition TargetOverdueBy(string target, Duration after, string? group = null) =>
        new OverdueCondition(target, group, after >= Duration.Zero ? after : throw new ArgumentOutOfRangeException(nameof(after), after, "after must not be negative."));

    /// <summary>Holds when the severity is at least <paramref name="severity"/>.</summary>
    /// <param name="severity">The lowest severity that matches.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is not a defined value.</exception>
    public static PolicyCondition SeverityAtLeast(Severity severity)
    {
        Defined(severity, nameof(severity));
        return Field("severity", s => s.Severity.ToString(), new SeverityAtLeastTest(severity), $"at least {severity}");
    }

    /// <summary>Holds when the priority is at least <paramref name="priority"/>.</summary>
    /// <param name="priority">The lowest priority that matches.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> is not a defined value.</exception>
    public static PolicyCondition PriorityAtLeast(Priority priority)
    {
        Defined(priority, nameof(priority));
        return Field("priority", s => s.Priority.ToString(), new PriorityAtLeastTest(priority), $"at least {priority}");
    }

    /// <summary>Holds when the complaint is in one of <paramref name="states"/>.</summary>
    /// <param name="states">The states that match.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="states"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A state is not a defined value.</exception>
    public static PolicyCondition StateIs(params ComplaintState[] states)
    {
        var set = DefinedSet(states, nameof(states));
        return Field("state", s => s.State.ToString(), new StateInTest(Mask(set)), $"one of {string.Join(", ", set)}");
    }

    /// <summary>Holds when the complaint's kind is one of <paramref name="kinds"/>.</summary>
    /// <param name="kinds">The kinds that match.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="kinds"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A kind is not a defined value.</exception>
    public static PolicyCondition KindIs(params FeedbackKind[] kinds)
    {
        var set = DefinedSet(kinds, nameof(kinds));
        return Field("kind", s => s.Kind.ToString(), new KindInTest(Mask(set)), $"one of {string.Join(", ", set)}");
    }

    /// <summary>Holds when the complaint came in through one of <paramref name="channels"/>.</summary>
    /// <param name="channels">The channels that match.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="channels"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A channel is not a defined value.</exception>
    public static PolicyCondition ChannelIs(params Channel[] channels)
    {
        var set = DefinedSet(channels, nameof(channels));
        return Field("channel", s => s.Intake.Channel.ToString(), new ChannelInTest(Mask(set)), $"one of {string.Join(", ", set)}");
    }

    /// <summary>Holds when the complaint came in through a regulator or legal body (<see cref="Channel.RegulatorOrLegalBody"/>).</summary>
    /// <returns>The condition.</returns>
    public static PolicyCondition ThroughRegulator() =>
        Field("channel", s => s.Intake.Channel.ToString(), new ChannelInTest(Mask([Channel.RegulatorOrLegalBody])), "through a regulator or legal body");

    /// <summary>Holds when the customer's tier is one of <paramref name="tiers"/> (compared ordinally, ignoring case).</summary>
    /// <param name="tiers">The tiers that match.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="tiers"/> is empty, or a tier is empty or too long.</exception>
    public static PolicyCondition TierIs(params string[] tiers)
    {
        var set = Names(tiers, nameof(tiers));
        return Field("customer tier", s => s.CustomerTier ?? "none", new TierInTest(set), $"one of {string.Join(", ", set)}");
    }

    /// <summary>Holds when the complaint's category is <paramref name="category"/> or one of its descendants.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="category"/> is <see langword="null"/>.</exception>
    public static PolicyCondition InCategory(Category category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return Field("category", s => s.Category.Path, new WithinCategoryTest(category), $"within {category}");
    }

    /// <summary>Holds when the complaint is assigned to one of <paramref name="teams"/>; each must be one of the rule set's teams.</summary>
    /// <param name="teams">The teams that match.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="teams"/> is empty, or a team is empty or too long.</exception>
    public static PolicyCondition TeamIs(params string[] teams) => new TeamCondition(Names(teams, nameof(teams)));

    /// <summary>Holds when the level handling the complaint is <paramref name="level"/> or above; the level must be on the lifecycle's ladder.</summary>
    /// <param name="level">The level's name.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="level"/> is empty or too long.</exception>
    public static PolicyCondition LevelAtLeast(string level) => new LevelCondition(Guard.Text(level, nameof(level), TextLimits.Name));

    /// <summary>
    /// Holds when the level handling the complaint has a response target on the ladder
    /// (<see cref="EscalationLevel.ResponseTarget"/>), and at least that long has passed since the complaint reached
    /// the level (for the first level, since receipt) with no response to the customer since.
    /// </summary>
    /// <returns>The condition.</returns>
    public static PolicyCondition LevelResponseOverdue() => new LevelResponseCondition();

    /// <summary>Holds when the complaint has been reopened at least <paramref name="count"/> times.</summary>
    /// <param name="count">The least number of reopenings that matches.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static PolicyCondition ReopenedAtLeast(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Field("reopenings", s => s.ReopenCount.ToString(CultureInfo.InvariantCulture), new ReopenedAtLeastTest(count), $"at least {count}");
    }

    /// <summary>Holds when the customer rejected the latest proposal and none has been made since.</summary>
    /// <returns>The condition.</returns>
    public static PolicyCondition ProposalRejected() =>
        Field("latest proposal", s => s.LatestProposal is null ? "none" : s.LatestProposalRejected ? "rejected" : "not rejected", default(ProposalRejectedTest), "rejected by the customer");

    /// <summary>
    /// Holds when the customer rejected the latest proposal, none has been made since, and the rejection recorded the
    /// customer's consent to escalate (<c>Complaint.RejectResolution(..., consentToEscalate: true)</c>): the
    /// escalation the customer agreed to.
    /// </summary>
    /// <returns>The condition.</returns>
    public static PolicyCondition RejectedWithConsentToEscalate() =>
        Field(
            "latest proposal",
            s => !s.LatestProposalRejected ? "not rejected" : s.LatestRejectionConsented ? "rejected, consent to escalate given" : "rejected, no consent to escalate",
            default(ConsentedRejectionTest),
            "rejected with the customer's consent to escalate");

    /// <summary>Holds when the complaint is flagged for abusive contact.</summary>
    /// <returns>The condition.</returns>
    public static PolicyCondition FlaggedAbusive() =>
        Field("abusive contact", s => s.IsFlaggedAbusive ? "flagged" : "not flagged", default(FlaggedAbusiveTest), "flagged");

    /// <summary>Holds when the customer rated the handling <paramref name="rating"/> or lower at follow-up.</summary>
    /// <param name="rating">The highest rating that matches (1 to 5).</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is not from 1 to 5.</exception>
    public static PolicyCondition RatingAtMost(int rating)
    {
        if (rating is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "rating must be from 1 to 5.");
        }

        return Field("rating", s => s.Rating?.ToString(CultureInfo.InvariantCulture) ?? "none", new RatingAtMostTest(rating), $"at most {rating}");
    }

    /// <summary>
    /// Holds when the compensation the host is about to offer (<see cref="PolicyContext.ProposedRemedies"/>) exceeds the
    /// authority of the level handling the complaint: its limit on the lifecycle's ladder, in the authority currency (a
    /// remedy valued in another currency is over any limit). The lifecycle refuses such a proposal; this condition lets
    /// a rule ask for approval or escalation instead.
    /// </summary>
    /// <returns>The condition.</returns>
    public static PolicyCondition CompensationOverAuthority() => new OverAuthorityCondition();

    /// <summary>
    /// Holds when the compensation the host is about to offer (<see cref="PolicyContext.ProposedRemedies"/>) includes a
    /// remedy type the rule set's <see cref="RemedyCatalogue"/> does not offer, or one that only a level above the
    /// handling level may offer.
    /// </summary>
    /// <returns>The condition.</returns>
    public static PolicyCondition RemedyNotOffered() => new NotOfferedCondition();

    /// <summary>
    /// Holds when the compensation the host is about to offer, added to what the customer has received in the budget
    /// period (<see cref="PolicyContext.CompensationThisPeriod"/>), exceeds <paramref name="budget"/>; an amount in
    /// another currency than the budget's is over it, since it cannot be compared.
    /// </summary>
    /// <param name="budget">The budget per customer and period.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="budget"/> is the default value, with no currency.</exception>
    public static PolicyCondition CompensationOverBudget(Money budget) =>
        new OverBudgetCondition(budget == default ? throw new ArgumentException("budget must have a currency.", nameof(budget)) : budget);

    /// <summary>Holds when at least <paramref name="elapsed"/> has passed since the customer's last message (or, with none, since receipt).</summary>
    /// <param name="elapsed">The least elapsed time that matches.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="elapsed"/> is not positive.</exception>
    public static PolicyCondition SinceLastCustomerMessage(Duration elapsed) =>
        new SinceCondition("the customer's last message", Positive(elapsed, nameof(elapsed)), customerMessage: true);

    /// <summary>Holds when at least <paramref name="elapsed"/> has passed since the customer was last responded to (or, with no response, since receipt).</summary>
    /// <param name="elapsed">The least elapsed time that matches.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="elapsed"/> is not positive.</exception>
    public static PolicyCondition SinceLastUpdate(Duration elapsed) =>
        new SinceCondition("the last update to the customer", Positive(elapsed, nameof(elapsed)), customerMessage: false);

    /// <summary>
    /// Holds when the customer has made at least <paramref name="count"/> complaints within the host's window, this one
    /// included, as the host supplies it in <see cref="PolicyContext.RecentComplaintsFromCustomer"/>.
    /// </summary>
    /// <param name="count">The least number of complaints that matches (at least 2).</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 2.</exception>
    public static PolicyCondition RepeatComplainant(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        return new RepeatCondition(count);
    }

    /// <summary>
    /// Gets this condition with the names it uses (targets, levels, teams) resolved against a rule set: itself when it
    /// uses none. Throws an <see cref="ArgumentException"/> naming the rule and the name when one is unknown.
    /// </summary>
    internal virtual PolicyCondition Bind(PolicyBinding binding) => this;

    /// <summary>Tests the condition on one complaint.</summary>
    internal abstract bool Test(in PolicyInput input);

    /// <summary>
    /// Tests the condition on the complaints of a block whose bit is set in <paramref name="candidates"/> (bit <c>j</c>
    /// for the block's complaint <c>j</c>), exactly as <see cref="Test(in PolicyInput)"/> on each of them, and returns
    /// the bits of those it holds for. A condition on a field of the snapshot tests the block in one loop.
    /// </summary>
    internal virtual ulong Test(in PolicyBlock block, ulong candidates)
    {
        var held = 0UL;
        for (var rest = candidates; rest != 0; rest &= rest - 1)
        {
            var j = BitOperations.TrailingZeroCount(rest);
            if (Test(block.Input(j)))
            {
                held |= 1UL << j;
            }
        }

        return held;
    }

    /// <summary>Adds what the condition found to <paramref name="facts"/>: the facts that made it hold when <paramref name="held"/>, otherwise those that failed it.</summary>
    internal abstract void Explain(in PolicyInput input, bool held, List<string> facts);

    private static PolicyCondition[] Checked(PolicyCondition[] conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        for (var i = 0; i < conditions.Length; i++)
        {
            if (conditions[i] is null)
            {
                throw new ArgumentNullException(nameof(conditions), $"conditions[{i}] is null.");
            }
        }

        return [.. conditions];
    }

    /// <summary>What any of <paramref name="conditions"/> reads.</summary>
    internal static PolicyReads ReadsOf(IEnumerable<PolicyCondition> conditions)
    {
        var reads = PolicyReads.None;
        foreach (var condition in conditions)
        {
            reads |= condition.Reads;
        }

        return reads;
    }

    /// <summary>Whether <paramref name="names"/> holds <paramref name="name"/>, ignoring case; a loop, so a test allocates no closure.</summary>
    private static bool ContainsIgnoringCase(string[] names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static T Defined<T>(T value, string paramName)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is not a defined {typeof(T).Name}.");

    private static T[] DefinedSet<T>(T[] values, string paramName)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        if (values.Length == 0)
        {
            throw new ArgumentException($"{paramName} must hold at least one value.", paramName);
        }

        return [.. values.Select(v => Defined(v, paramName)).Distinct()];
    }

    private static string[] Names(string[] names, string paramName)
    {
        ArgumentNullException.ThrowIfNull(names, paramName);
        if (names.Length == 0)
        {
            throw new ArgumentException($"{paramName} must hold at least one name.", paramName);
        }

        return [.. names.Select((n, i) => Guard.Text(n, $"{paramName}[{i}]", TextLimits.Name))];
    }

    private static Duration Positive(Duration value, string paramName) =>
        value > Duration.Zero ? value : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be positive.");

    private sealed class AllCondition(PolicyCondition[] conditions) : PolicyCondition
    {
        internal override PolicyReads Reads => ReadsOf(conditions);

        internal override PolicyCondition Bind(PolicyBinding binding) => new AllCondition([.. conditions.Select(c => c.Bind(binding))]);

        internal override ulong Test(in PolicyBlock block, ulong candidates)
        {
            // Each part is tested only where the parts before it held, as one by one.
            foreach (var condition in conditions)
            {
                if (candidates == 0)
                {
                    break;
                }

                candidates = condition.Test(block, candidates);
            }

            return candidates;
        }

        internal override bool Test(in PolicyInput input)
        {
            foreach (var condition in conditions)
            {
                if (!condition.Test(input))
                {
                    return false;
                }
            }

            return true;
        }

        internal override void Explain(in PolicyInput input, bool held, List<string> facts)
        {
            // Held: every part did, and all are the reason. Failed: the parts that failed are.
            foreach (var condition in conditions)
            {
                if (held || !condition.Test(input))
                {
                    condition.Explain(input, held, facts);
                }
            }
        }
    }

    private sealed class AnyCondition(PolicyCondition[] conditions) : PolicyCondition
    {
        internal override PolicyReads Reads => ReadsOf(conditions);

        internal override PolicyCondition Bind(PolicyBinding binding) => new AnyCondition([.. conditions.Select(c => c.Bind(binding))]);

        internal override ulong Test(in PolicyBlock block, ulong candidates)
        {
            // Each part is tested only where no part before it held, as one by one.
            var held = 0UL;
            foreach (var condition in conditions)
            {
                var open = candidates & ~held;
                if (open == 0)
                {
                    break;
                }

                held |= condition.Test(block, open);
            }

            return held;
        }

        internal override bool Test(in PolicyInput input)
        {
            foreach (var condition in conditions)
            {
                if (condition.Test(input))
                {
                    return true;
                }
            }

            return false;
        }

        internal override void Explain(in PolicyInput input, bool held, List<string> facts)
        {
            if (conditions.Length == 0)
            {
                facts.Add("no alternative given");
                return;
            }

            // Held: the parts that held are the reason. Failed: every part did.
            foreach (var condition in conditions)
            {
                if (!held || condition.Test(input))
                {
                    condition.Explain(input, held, facts);
                }
            }
        }
    }

    private sealed class NotCondition(PolicyCondition condition) : PolicyCondition
    {
        internal override PolicyReads Reads => condition.Reads;

        internal override PolicyCondition Bind(PolicyBinding binding) => new NotCondition(condition.Bind(binding));

        internal override bool Test(in PolicyInput input) => !condition.Test(input);

        internal override ulong Test(in PolicyBlock block, ulong candidates) => candidates & ~condition.Test(block, candidates);

        internal override void Explain(in PolicyInput input, bool held, List<string> facts)
        {
            var inner = new List<string>();
            condition.Explain(input, !held, inner);
            facts.AddRange(inner.Select(f => $"not: {f}"));
        }
    }

    /// <summary>A condition on a field of the snapshot: a test of it (a struct, so the test is compiled into the condition, with no delegate call) and, for explanations, how the field reads.</summary>
    private static FieldCondition<TTest> Field<TTest>(string field, Func<ComplaintSnapshot, string> show, TTest test, string expected)
        where TTest : struct, ISnapshotTest => new(field, show, test, expected);

    /// <summary>The set of enum values as bits, for a test with no search; the enums tested have fewer than 64 values.</summary>
    private static ulong Mask<T>(T[] set)
        where T : struct, Enum
    {
        var mask = 0UL;
        foreach (var value in set)
        {
            var bit = Convert.ToInt32(value, CultureInfo.InvariantCulture);
            mask |= bit is >= 0 and < 64 ? 1UL << bit : throw new ArgumentOutOfRangeException(nameof(set), value, $"{typeof(T).Name} {value} cannot be tested as a bit.");
        }

        return mask;
    }

    private static bool InMask(ulong mask, int value) => (uint)value < 64 && ((mask >> value) & 1) != 0;

    /// <summary>A test of a field of the snapshot.</summary>
    private interface ISnapshotTest
    {
        bool Test(ComplaintSnapshot complaint, Instant asOf);
    }

    /// <summary>
    /// Tests <paramref name="test"/> on the complaints of a block whose bit is set in <paramref name="candidates"/>:
    /// one tight loop, the test compiled in, for the many complaints a batch reads.
    /// </summary>
    private static ulong Each<TTest>(in PolicyBlock block, ulong candidates, TTest test)
        where TTest : struct, ISnapshotTest
    {
        var complaints = block.Complaints;
        var asOf = block.AsOf;
        var held = 0UL;
        for (var rest = candidates; rest != 0; rest &= rest - 1)
        {
            var j = BitOperations.TrailingZeroCount(rest);
            if (test.Test(complaints[j], asOf))
            {
                held |= 1UL << j;
            }
        }

        return held;
    }

    private readonly struct SeverityAtLeastTest(Severity least) : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => complaint.Severity >= least;
    }

    private readonly struct PriorityAtLeastTest(Priority least) : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => complaint.Priority >= least;
    }

    private readonly struct StateInTest(ulong mask) : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => InMask(mask, (int)complaint.State);
    }

    private readonly struct KindInTest(ulong mask) : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => InMask(mask, (int)complaint.Kind);
    }

    private readonly struct ChannelInTest(ulong mask) : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => InMask(mask, (int)complaint.Intake.Channel);
    }

    private readonly struct TierInTest(string[] tiers) : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => complaint.CustomerTier is { } tier && ContainsIgnoringCase(tiers, tier);
    }

    private readonly struct WithinCategoryTest(Category category) : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => complaint.Category.IsWithin(category);
    }

    private readonly struct ReopenedAtLeastTest(int least) : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => complaint.ReopenCount >= least;
    }

    private readonly struct ProposalRejectedTest : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => complaint.LatestProposalRejected;
    }

    private readonly struct ConsentedRejectionTest : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => complaint.LatestRejectionConsented;
    }

    private readonly struct FlaggedAbusiveTest : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => complaint.IsFlaggedAbusive;
    }

    private readonly struct RatingAtMostTest(int most) : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => complaint.Rating is { } rating && rating <= most;
    }

    /// <summary>A field of the snapshot compared with a fixed value.</summary>
    private sealed class FieldCondition<TTest>(string field, Func<ComplaintSnapshot, string> show, TTest test, string expected) : PolicyCondition
        where TTest : struct, ISnapshotTest
    {
        internal override bool Test(in PolicyInput input) => test.Test(input.Complaint, input.AsOf);

        internal override ulong Test(in PolicyBlock block, ulong candidates) => Each(block, candidates, test);

        internal override void Explain(in PolicyInput input, bool held, List<string> facts) => facts.Add($"{field} {show(input.Complaint)}, {expected}");
    }

    private sealed class TeamCondition(string[] teams) : PolicyCondition
    {
        internal override PolicyCondition Bind(PolicyBinding binding)
        {
            foreach (var team in teams)
            {
                binding.Team(team);
            }

            return this;
        }

        internal override bool Test(in PolicyInput input) => new TeamInTest(teams).Test(input.Complaint, input.AsOf);

        internal override ulong Test(in PolicyBlock block, ulong candidates) => Each(block, candidates, new TeamInTest(teams));

        internal override void Explain(in PolicyInput input, bool held, List<string> facts) =>
            facts.Add($"team {input.Complaint.Team ?? "none"}, one of {string.Join(", ", teams)}");
    }

    private sealed class LevelCondition(string level, int rank = -1) : PolicyCondition
    {
        internal override PolicyCondition Bind(PolicyBinding binding) => new LevelCondition(level, binding.LevelRank(level));

        internal override bool Test(in PolicyInput input) => input.Complaint.LevelRank >= rank;

        internal override ulong Test(in PolicyBlock block, ulong candidates) => Each(block, candidates, new LevelAtLeastTest(rank));

        internal override void Explain(in PolicyInput input, bool held, List<string> facts) =>
            facts.Add($"level {input.Lifecycle.Levels[input.Complaint.LevelRank].Name}, at least {level}");
    }

    private sealed class LevelResponseCondition : PolicyCondition
    {
        internal override bool Test(in PolicyInput input) => Waiting(input) is var (_, waited, target) && waited >= target;

        internal override void Explain(in PolicyInput input, bool held, List<string> facts)
        {
            var level = input.Lifecycle.Levels[input.Complaint.LevelRank];
            facts.Add(Waiting(input) switch
            {
                null when level.ResponseTarget is null => $"level {level.Name} has no response target",
                null => $"level {level.Name} has responded since the complaint reached it",
                var (_, waited, target) => $"{Show(waited)} at level {level.Name} with no response, target {Show(target)}",
            });
        }

        /// <summary>Since when the current level owes a response, how long it has waited, and its target; <see langword="null"/> when it owes none.</summary>
        private static (Instant Since, Duration Waited, Duration Target)? Waiting(in PolicyInput input)
        {
            var complaint = input.Complaint;
            if (input.Lifecycle.Levels[complaint.LevelRank].ResponseTarget is not { } target)
            {
                return null;
            }

            var since = complaint.LevelReachedAt ?? complaint.Intake.ReceivedAt;
            return complaint.LastResponseAt is { } responded && responded >= since ? null : (since, input.AsOf - since, target);
        }
    }

    private sealed class OverAuthorityCondition : PolicyCondition
    {
        internal override bool Test(in PolicyInput input) => Over(input) is true;

        internal override void Explain(in PolicyInput input, bool held, List<string> facts)
        {
            var level = input.Lifecycle.Levels[input.Complaint.LevelRank];
            var limit = level.AuthorityLimit is { } l ? $"{l.ToString(CultureInfo.InvariantCulture)} {input.Lifecycle.AuthorityCurrency}" : "unlimited";
            facts.Add(Over(input) switch
            {
                null => $"no compensation proposed; level {level.Name} may offer {limit}",
                true => $"compensation proposed over the authority of level {level.Name} ({limit})",
                false => $"compensation proposed within the authority of level {level.Name} ({limit})",
            });
        }

        private static bool? Over(in PolicyInput input)
        {
            if (input.Context.ProposedRemedies is not { Count: > 0 } remedies)
            {
                return null;
            }

            var level = input.Lifecycle.Levels[input.Complaint.LevelRank];
            return !Compensation.IsWithin(remedies, level.AuthorityLimit, input.Lifecycle.AuthorityCurrency);
        }
    }

    private sealed class NotOfferedCondition(int[]? ranks = null) : PolicyCondition
    {
        internal override PolicyCondition Bind(PolicyBinding binding) => new NotOfferedCondition(binding.RemedyRanks());

        internal override bool Test(in PolicyInput input) => FirstNotOffered(input) is not null;

        internal override void Explain(in PolicyInput input, bool held, List<string> facts)
        {
            var level = input.Lifecycle.Levels[input.Complaint.LevelRank].Name;
            var levels = input.Lifecycle.Levels;
            var proposed = input.Context.ProposedRemedies is { Count: > 0 };
            facts.Add(FirstNotOffered(input) switch
            {
                null when !proposed => "no compensation proposed",
                null => $"every remedy proposed is in the catalogue for level {level}",
                { Rank: -1 } found => $"remedy {found.Type} proposed is not in the catalogue",
                { } found => $"remedy {found.Type} proposed may be offered from level {levels[found.Rank].Name}; the complaint is at level {level}",
            });
        }

        private (RemedyType Type, int Rank)? FirstNotOffered(in PolicyInput input)
        {
            if (input.Context.ProposedRemedies is not { } remedies)
            {
                return null;
            }

            for (var i = 0; i < remedies.Count; i++)
            {
                var remedy = remedies[i];
                var rank = ranks![(int)remedy.Type];
                if (rank < 0 || rank > input.Complaint.LevelRank)
                {
                    return (remedy.Type, rank);
                }
            }

            return null;
        }
    }

    private sealed class OverBudgetCondition(Money budget) : PolicyCondition
    {
        internal override PolicyReads Reads => PolicyReads.CompensationThisPeriod;

        internal override bool Test(in PolicyInput input) => Total(input) is { } total && (total.Currency != budget.Currency || total.Amount > budget.Amount);

        internal override void Explain(in PolicyInput input, bool held, List<string> facts) =>
            facts.Add(Total(input) switch
            {
                null => $"no compensation proposed; budget {budget}",
                { Currency: var c } when c != budget.Currency => $"compensation in {c} cannot be compared with the budget of {budget}",
                var total => $"{total} with the period's compensation so far, budget {budget}",
            });

        /// <summary>The period's compensation so far plus the proposal's, in the budget's currency (or the first amount in another), or <see langword="null"/> with nothing proposed.</summary>
        private Money? Total(in PolicyInput input)
        {
            if (input.Context.ProposedRemedies is not { Count: > 0 } remedies || !AnyValued(remedies))
            {
                return null;
            }

            var total = 0m;
            if (input.Context.CompensationThisPeriod is { } sofar && !TryAdd(ref total, sofar))
            {
                return sofar;
            }

            for (var i = 0; i < remedies.Count; i++)
            {
                if (remedies[i].Value is { } amount && !TryAdd(ref total, amount))
                {
                    return amount;
                }
            }

            return new Money(total, budget.Currency);
        }

        private static bool AnyValued(IReadOnlyList<Remedy> remedies)
        {
            for (var i = 0; i < remedies.Count; i++)
            {
                if (remedies[i].Value is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Adds an amount in the budget's currency, saturating rather than overflowing (a total at decimal.MaxValue is over any budget); false for another currency.</summary>
        private bool TryAdd(ref decimal total, Money amount)
        {
            if (amount.Currency != budget.Currency)
            {
                return false;
            }

            total = amount.Amount > decimal.MaxValue - total ? decimal.MaxValue : total + amount.Amount;
            return true;
        }
    }

    /// <summary>Time since the customer's last message, or since the last response to the customer; with none, since receipt.</summary>
    private sealed class SinceCondition(string what, Duration elapsed, bool customerMessage) : PolicyCondition
    {
        internal override bool Test(in PolicyInput input) => new SinceTest(elapsed, customerMessage).Test(input.Complaint, input.AsOf);

        internal override ulong Test(in PolicyBlock block, ulong candidates) => Each(block, candidates, new SinceTest(elapsed, customerMessage));

        internal override void Explain(in PolicyInput input, bool held, List<string> facts) =>
            facts.Add($"{Show(input.AsOf - SinceTest.Since(input.Complaint, customerMessage))} since {what}, at least {Show(elapsed)}");
    }

    private readonly struct SinceTest(Duration elapsed, bool customerMessage) : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => asOf - Since(complaint, customerMessage) >= elapsed;

        public static Instant Since(ComplaintSnapshot complaint, bool customerMessage) =>
            (customerMessage ? complaint.LastCustomerMessageAt : complaint.LastResponseAt) ?? complaint.ReceivedAt;
    }

    private readonly struct TeamInTest(string[] teams) : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => complaint.Team is { } team && Array.IndexOf(teams, team) >= 0;
    }

    private readonly struct LevelAtLeastTest(int rank) : ISnapshotTest
    {
        public bool Test(ComplaintSnapshot complaint, Instant asOf) => complaint.LevelRank >= rank;
    }

    private sealed class RepeatCondition(int count) : PolicyCondition
    {
        internal override PolicyReads Reads => PolicyReads.RecentComplaints;

        internal override bool Test(in PolicyInput input) => input.Context.RecentComplaintsFromCustomer >= count;

        internal override void Explain(in PolicyInput input, bool held, List<string> facts) =>
            facts.Add($"{input.Context.RecentComplaintsFromCustomer} recent complaints from the customer, at least {count}");
    }

    /// <summary>A condition on the status of the targets of one name (in one group, or any), read from the facts the SLA engine writes.</summary>
    private abstract class TargetCondition(string target, string? group, bool[]? slots) : PolicyCondition
    {
        private readonly bool[] _slots = slots ?? [];

        protected string Target { get; } = Guard.Text(target, nameof(target), TextLimits.Name);

        protected string? Group { get; } = group is null ? null : Guard.Text(group, nameof(group), TextLimits.Name);

        internal override PolicyReads Reads => PolicyReads.Sla;

        internal override PolicyCondition Bind(PolicyBinding binding) => Bound(binding.TargetSlots(Target, Group));

        /// <summary>The same condition on the engine's slots of targets of its name.</summary>
        protected abstract PolicyCondition Bound(bool[] slots);

        internal override bool Test(in PolicyInput input)
        {
            foreach (ref readonly var fact in input.Sla)
            {
                if (_slots[fact.Slot] && Holds(fact, input))
                {
                    return true;
                }
            }

            return false;
        }

        internal override void Explain(in PolicyInput input, bool held, List<string> facts)
        {
            var any = false;
            foreach (ref readonly var fact in input.Sla)
            {
                if (_slots[fact.Slot] && Holds(fact, input) == held)
                {
                    facts.Add($"{input.Engine!.PolicyArray[fact.Policy].Name} {Target} target {Describe(fact, input)}");
                    any = true;
                }
            }

            if (!any)
            {
                facts.Add($"no applying SLA policy{(Group is null ? string.Empty : $" of group {Group}")} has a {Target} target");
            }
        }

        protected abstract bool Holds(in SlaTargetFact fact, in PolicyInput input);

        protected abstract string Describe(in SlaTargetFact fact, in PolicyInput input);
    }

    private sealed class TargetStateCondition(string target, string? group, SlaClockState state, bool[]? slots = null) : TargetCondition(target, group, slots)
    {
        protected override PolicyCondition Bound(bool[] slots) => new TargetStateCondition(Target, Group, state, slots);

        protected override bool Holds(in SlaTargetFact fact, in PolicyInput input) => fact.State == state;

        protected override string Describe(in SlaTargetFact fact, in PolicyInput input) => $"{fact.State}, {state} wanted";
    }

    private sealed class ShareUsedCondition(string target, string? group, double share, bool[]? slots = null) : TargetCondition(target, group, slots)
    {
        internal override PolicyReads Reads => PolicyReads.Sla | PolicyReads.SlaWorkingTimes;

        protected override PolicyCondition Bound(bool[] slots) => new ShareUsedCondition(Target, Group, share, slots);

        protected override bool Holds(in SlaTargetFact fact, in PolicyInput input) =>
            fact.State is not (SlaClockState.Met or SlaClockState.Stopped or SlaClockState.NotStarted) && fact.ShareUsed is { } used && used >= share;

        protected override string Describe(in SlaTargetFact fact, in PolicyInput input) =>
            fact.ShareUsed is { } used
                ? $"{Percent(used)} used ({fact.State}), threshold {Percent(share)}"
                : $"{fact.State}, no share used, threshold {Percent(share)}";
    }

    private sealed class DueWithinCondition(string target, string? group, Duration before, bool[]? slots = null) : TargetCondition(target, group, slots)
    {
        internal override PolicyReads Reads => PolicyReads.Sla | PolicyReads.SlaWorkingTimes;

        protected override PolicyCondition Bound(bool[] slots) => new DueWithinCondition(Target, Group, before, slots);

        protected override bool Holds(in SlaTargetFact fact, in PolicyInput input) => fact.State is SlaClockState.Running or SlaClockState.AtRisk && fact.Remaining <= before;

        protected override string Describe(in SlaTargetFact fact, in PolicyInput input) =>
            $"{fact.State}, {Show(fact.Remaining)} of working time left, due within {Show(before)}";
    }

    private sealed class OverdueCondition(string target, string? group, Duration after, bool[]? slots = null) : TargetCondition(target, group, slots)
    {
        protected override PolicyCondition Bound(bool[] slots) => new OverdueCondition(Target, Group, after, slots);

        protected override bool Holds(in SlaTargetFact fact, in PolicyInput input) => Overdue(fact, input) >= after;

        protected override string Describe(in SlaTargetFact fact, in PolicyInput input) =>
            Overdue(fact, input) is { } overdue
                ? $"{fact.State}, {Show(overdue)} of working time past its deadline, at least {Show(after)}"
                : $"{fact.State}, not overdue, at least {Show(after)} past its deadline wanted";

        /// <summary>The working time since the deadline of a target breached and still open, in the target's calendar; <see langword="null"/> otherwise.</summary>
        private static Duration? Overdue(in SlaTargetFact fact, in PolicyInput input) =>
            fact is { State: SlaClockState.Breached, Ended: false, Deadline: { } deadline } && deadline <= input.AsOf
                ? input.Engine!.PolicyArray[fact.Policy].TargetArray[fact.Target].Calendar.WorkingTimeBetween(deadline, input.AsOf)
                : null;
    }

    private static string Percent(double share) => $"{Math.Round(share * 100, 1).ToString(CultureInfo.InvariantCulture)} %";

    private static string Show(Duration duration) => duration.ToString("-D:hh:mm", CultureInfo.InvariantCulture);
}

/// <summary>What a condition reads beyond the complaint's snapshot.</summary>
[Flags]
internal enum PolicyReads
{
    /// <summary>Only the snapshot and the instant.</summary>
    None = 0,

    /// <summary>The states and deadlines of service-level targets.</summary>
    Sla = 1,

    /// <summary>The targets' working times (elapsed, allowed, remaining), which the SLA engine then measures.</summary>
    SlaWorkingTimes = 2,

    /// <summary><see cref="PolicyContext.RecentComplaintsFromCustomer"/>.</summary>
    RecentComplaints = 4,

    /// <summary><see cref="PolicyContext.CompensationThisPeriod"/>.</summary>
    CompensationThisPeriod = 8,
}
