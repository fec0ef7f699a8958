using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using NodaTime;
using T = Complaints.Core.Domain.ComplaintTrigger;

namespace Complaints.Core.Tests.Support;

/// <summary>A verb call prepared from a random action: the data the verb would record, or the error building it raised.</summary>
/// <param name="Trigger">The trigger the verb fires.</param>
/// <param name="Candidates">
/// The data the verb would record; two for a rejection of a proposal, whose level depends on the destination.
/// </param>
/// <param name="Invalid">The exception the arguments call for (the data's constructor or the verb's own check); the verb must throw one of exactly this type.</param>
/// <param name="Fire">Calls the verb.</param>
internal sealed record Attempt(T Trigger, HistoryData[] Candidates, ArgumentException? Invalid, Func<HistoryEntry> Fire);

/// <summary>What one step of a walk did.</summary>
internal sealed record StepOutcome(T Trigger, Instant At, HistoryEntry? Entry, ComplaintTransitionRefusedException? Refusal, ArgumentException? Invalid);

/// <summary>
/// Drives a complaint through a random <see cref="Scenario"/>: each action becomes one verb call with data built from
/// the action, and the only exceptions accepted are the exact ones the action calls for.
/// </summary>
internal static class ComplaintWalk
{
    /// <summary>How much a forward step prefers each state-changing trigger: the forward path first, the terminal exits rarely.</summary>
    public static readonly IReadOnlyDictionary<T, int> Preference = new Dictionary<T, int>
    {
        [T.Acknowledge] = 60,
        [T.Assess] = 60,
        [T.StartInvestigation] = 60,
        [T.Resolve] = 60,
        [T.ProposeResolution] = 40,
        [T.AcceptResolution] = 45,
        [T.StartFollowUp] = 60,
        [T.Close] = 60,
        [T.ProvideInformation] = 60,
        [T.Reopen] = 20,
        [T.RequestInformation] = 12,
        [T.RejectResolution] = 12,
        [T.Escalate] = 8,
        [T.Withdraw] = 1,
        [T.Reject] = 2,
        [T.Refer] = 1,
    };

    private static readonly Actor Agent = TestComplaints.Agent;
    private static readonly Actor Customer = TestComplaints.Customer;

    /// <summary>The trigger an action fires on the complaint as it is now.</summary>
    public static T Choose(Complaint c, ComplaintAction a)
    {
        if (!a.Forward)
        {
            return a.Trigger;
        }

        var permitted = c.GetPermittedTriggers().Where(t => !t.IsRecording()).ToArray();
        if (permitted.Length == 0)
        {
            return a.Trigger;
        }

        var roll = a.Roll % permitted.Sum(t => Preference[t]);
        foreach (var trigger in permitted)
        {
            roll -= Preference[trigger];
            if (roll < 0)
            {
                return trigger;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Prepares the verb call for a trigger with the action's choices.</summary>
    public static Attempt Prepare(Complaint c, T trigger, ComplaintAction a, Instant at)
    {
        var p = a.Pick;
        switch (trigger)
        {
            case T.Acknowledge:
                return Make(trigger, () => new Acknowledgement("Thank you."), () => c.Acknowledge(Agent, at, "Thank you."));
            case T.Assess:
                var severity = (Severity)(p % 4);
                var priority = (Priority)((p / 4) % 4);
                return Make(trigger, () => new Assessment(severity, priority, c.Category, null), () => c.Assess(Agent, at, severity, priority));
            case T.StartInvestigation:
                return Make(trigger, () => new TransitionNote(null), () => c.StartInvestigation(Agent, at));
            case T.Resolve:
                return Make(trigger, () => new TransitionNote("Passed on."), () => c.Resolve(Agent, at, "Passed on."));
            case T.StartFollowUp:
                return Make(trigger, () => new TransitionNote(null), () => c.StartFollowUp(Agent, at));
            case T.Withdraw:
                return Make(trigger, () => new TransitionNote(null), () => c.Withdraw(Customer, at));
            case T.RequestInformation:
                string[] questions = [$"Q{p % 3}?"];
                return Make(trigger, () => new InformationRequest(questions), () => c.RequestInformation(Agent, at, questions));
            case T.ProvideInformation:
                return Make(trigger, () => new InformationProvided("Answer."), () => c.ProvideInformation(Customer, at, "Answer."));
            case T.ProposeResolution:
                Remedy[] remedies = a.Amount == 0m
                    ? [new Remedy(RemedyType.Apology)]
                    : [new Remedy(RemedyType.Refund, new Money(a.Amount, p % 11 == 0 ? "GBP" : "EUR"))];
                return Make(trigger, () => new ResolutionProposal(remedies, null), () => c.ProposeResolution(Agent, at, remedies));
            case T.AcceptResolution:
                return Make(trigger, () => new ResolutionAcceptance(null), () => c.AcceptResolution(Customer, at));
            case T.RejectResolution:
                var rank = c.Snapshot.LevelRank;
                return new Attempt(
                    trigger,
                    [new ResolutionRejection(null, a.Flag, rank, rank), new ResolutionRejection(null, a.Flag, rank, rank + 1)],
                    null,
                    () => c.RejectResolution(Customer, at, a.Flag));
            case T.Escalate:
                var escalateTo = p % 3 == 0 ? p % 5 : (int?)null;
                return Make(
                    trigger,
                    () => EscalationData(c, "Not satisfied.", a.Flag, escalateTo),
                    () => c.Escalate(Agent, at, "Not satisfied.", a.Flag, escalateTo));
            case T.RaiseLevel:
                var raiseTo = p % 2 == 0 ? (int?)null : p % 5;
                return Make(trigger, () => EscalationData(c, "Policy.", false, raiseTo), () => c.RaiseLevel(Agent, at, "Policy.", raiseTo));
            case T.LowerLevel:
                var lowerTo = p % 2 == 0 ? (int?)null : (p % 5) - 1;
                return LowerLevel(c, at, "Reviewed.", lowerTo);
            case T.Close:
                var outcome = p % 12 == 0 ? null : (ComplaintOutcome?)(p % 3);
                var cause = a.Flag ? new RootCause("CAUSE", ["why"]) : null;
                return Make(trigger, () => new Closure(outcome, cause), () => c.Close(Agent, at, outcome, cause));
            case T.Reopen:
                return Make(trigger, () => new Reopening("Still broken."), () => c.Reopen(Customer, at, "Still broken."));
            case T.Reject:
                var reason = (RejectionReason)(p % 3);
                return Make(trigger, () => new Rejection(reason, null), () => c.Reject(Agent, at, reason));
            case T.Refer:
                return Make(trigger, () => new Referral("Ombudsman", null), () => c.Refer(Agent, at, "Ombudsman"));
            case T.RecordCommunication:
                var kind = (CommunicationKind)(p % Enum.GetValues<CommunicationKind>().Length);
                return Make(trigger, () => new Communication(kind, "Text."), () => c.RecordCommunication(Agent, at, kind, "Text."));
            case T.ChangePriority:
                var newPriority = (Priority)(p % 4);
                return Make(trigger, () => new PriorityChange(c.Priority, newPriority), () => c.ChangePriority(Agent, at, newPriority));
            case T.ChangeSeverity:
                var newSeverity = (Severity)(p % 4);
                return Make(trigger, () => new SeverityChange(c.Severity, newSeverity), () => c.ChangeSeverity(Agent, at, newSeverity));
            case T.ChangeCategory:
                var category = Category.Parse($"Billing/C{p % 2}");
                return Make(trigger, () => new CategoryChange(c.Category, category), () => c.ChangeCategory(Agent, at, category));
            case T.Assign:
                var team = p % 3 == 0 ? null : $"Team{p % 2}";
                return Make(trigger, () => new AssignmentChange(c.Team, c.Assignee, team, null), () => c.Assign(Agent, at, team));
            case T.ChangePromisedDate:
                var promised = p % 3 == 0 ? (Instant?)null : TestComplaints.Start + Duration.FromDays(p % 2);
                return Make(trigger, () => new PromisedDateChange(c.PromisedAt, promised), () => c.ChangePromisedDate(Agent, at, promised));
            case T.ChangeCustomerTier:
                var tier = p % 3 == 0 ? null : $"Tier{p % 2}";
                return Make(trigger, () => new CustomerTierChange(c.CustomerTier, tier), () => c.ChangeCustomerTier(Agent, at, tier));
            case T.Rate:
                var score = p % 6;
                return Make(trigger, () => new Rating(score, null), () => c.Rate(Customer, at, score));
            case T.RecordHandlingTime:
                var time = Duration.FromMinutes(15 * (p % 4));
                return Make(trigger, () => new HandlingTime(time, "agent"), () => c.RecordHandlingTime(Agent, at, time, "agent"));
            case T.RecordApproval:
                return Make(trigger, () => new Approval("Goodwill payment", null), () => c.RecordApproval(Agent, at, "Goodwill payment"));
            case T.FlagAbusiveContact:
                return Make(trigger, () => new AbusiveContact("Call ended."), () => c.FlagAbusiveContact(Agent, at, "Call ended."));
            case T.RecordPolicyApplication:
                var rule = $"rule {p % 3}";
                return Make(trigger, () => new PolicyApplication(rule, null), () => c.RecordPolicyApplication(Agent, at, rule));
            default:
                throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null);
        }
    }

    /// <summary>
    /// Takes one step: fires the verb the action calls for. A refusal must leave the complaint unchanged; bad arguments
    /// must throw exactly the exception the arguments call for. With <paramref name="checkFirst"/>,
    /// <see cref="Complaint.Check"/> is asked first and must answer as the verb then does.
    /// </summary>
    public static StepOutcome Step(Complaint c, ComplaintAction a, bool checkFirst = false)
    {
        var at = c.LastActivityAt + Duration.FromMinutes(a.Minutes);
        var trigger = Choose(c, a);
        var attempt = Prepare(c, trigger, a, at);
        var before = TestComplaints.Snapshot(c);
        if (attempt.Invalid is { } invalid)
        {
            var thrown = Assert.Throws(invalid.GetType(), () => attempt.Fire());
            Assert.False(string.IsNullOrEmpty(((ArgumentException)thrown).ParamName), thrown.Message);
            Assert.Equal(before, TestComplaints.Snapshot(c));
            return new StepOutcome(trigger, at, null, null, invalid);
        }

        var check = checkFirst ? CheckAny(c, attempt, at) : null;
        HistoryEntry entry;
        try
        {
            entry = attempt.Fire();
        }
        catch (ComplaintTransitionRefusedException ex)
        {
            Assert.Equal(before, TestComplaints.Snapshot(c));
            Assert.Equal((c.State, trigger), (ex.State, ex.Trigger));
            if (check is not null)
            {
                Assert.False(check.IsPermitted, $"Check permitted {trigger} in {c.State}, but the verb refused: {ex.Message}");
                Assert.Equal(ex.UnmetGuards, check.UnmetGuards);
            }

            return new StepOutcome(trigger, at, null, ex, null);
        }

        if (check is not null)
        {
            Assert.True(check.IsPermitted, $"Check refused {trigger} in {entry.From} ({string.Join(", ", check.UnmetGuards)}), but the verb accepted it.");
            Assert.Equal(entry.To, check.Destination);
            Assert.Empty(check.UnmetGuards);
            Assert.Contains(entry.Data, attempt.Candidates);
        }

        return new StepOutcome(trigger, at, entry, null, null);
    }

    /// <summary>Walks a new complaint through a scenario.</summary>
    public static (Complaint Complaint, ComplaintLifecycle Lifecycle, List<StepOutcome> Steps) Run(Scenario scenario, bool checkFirst = false)
    {
        var lifecycle = scenario.Flags.Build();
        var complaint = TestComplaints.New(lifecycle, scenario.Kind);
        var steps = scenario.Steps.Select(a => Step(complaint, a, checkFirst)).ToList();
        return (complaint, lifecycle, steps);
    }

    /// <summary>The states a walk was in at some point, the initial one included.</summary>
    public static HashSet<ComplaintState> StatesReached(Complaint complaint) =>
        [ComplaintState.Received, .. complaint.History.Select(e => e.To)];

    /// <summary>
    /// Records a history again through the live verbs, each called with the arguments its entry holds; every verb must
    /// accept and record exactly the stored entry. Proves a history is one the verbs could have produced.
    /// </summary>
    public static Complaint ReplayThroughVerbs(ComplaintId id, ComplaintIntake intake, IEnumerable<HistoryEntry> history, ComplaintLifecycle lifecycle)
    {
        var c = Complaint.Receive(id, intake, lifecycle);
        foreach (var stored in history)
        {
            var (actor, at) = (stored.Actor, stored.At);
            var recorded = stored.Data switch
            {
                Acknowledgement d => c.Acknowledge(actor, at, d.Message),
                Assessment d => c.Assess(actor, at, d.Severity, d.Priority, d.Category, d.Summary),
                TransitionNote d => stored.Trigger switch
                {
                    T.StartInvestigation => c.StartInvestigation(actor, at, d.Note),
                    T.Resolve => c.Resolve(actor, at, d.Note),
                    T.StartFollowUp => c.StartFollowUp(actor, at, d.Note),
                    _ => c.Withdraw(actor, at, d.Note),
                },
                InformationRequest d => c.RequestInformation(actor, at, d.Questions),
                InformationProvided d => c.ProvideInformation(actor, at, d.Answer),
                ResolutionProposal d => c.ProposeResolution(actor, at, d.Remedies, d.Explanation),
                ResolutionAcceptance d => c.AcceptResolution(actor, at, d.Comment),
                ResolutionRejection d => c.RejectResolution(actor, at, d.ConsentToEscalate, d.Comment),
                Escalation d when stored.Trigger == T.Escalate => c.Escalate(actor, at, d.Reason, d.CustomerConsent, d.ToLevel),
                Escalation d => c.RaiseLevel(actor, at, d.Reason, d.ToLevel),
                Deescalation d => c.LowerLevel(actor, at, d.Reason, d.ToLevel),
                Closure d => c.Close(actor, at, d.Outcome, d.RootCause),
                Reopening d => c.Reopen(actor, at, d.Reason),
                Rejection d => c.Reject(actor, at, d.Reason, d.Note),
                Referral d => c.Refer(actor, at, d.Body, d.Reference),
                Communication d => c.RecordCommunication(actor, at, d.Kind, d.Text),
                PriorityChange d => c.ChangePriority(actor, at, d.To),
                SeverityChange d => c.ChangeSeverity(actor, at, d.To),
                CategoryChange d => c.ChangeCategory(actor, at, d.To),
                AssignmentChange d => c.Assign(actor, at, d.ToTeam, d.ToAssignee),
                PromisedDateChange d => c.ChangePromisedDate(actor, at, d.To),
                CustomerTierChange d => c.ChangeCustomerTier(actor, at, d.To),
                Rating d => c.Rate(actor, at, d.Score, d.Comment),
                HandlingTime d => c.RecordHandlingTime(actor, at, d.Time, d.Role),
                Approval d => c.RecordApproval(actor, at, d.Subject, d.Note),
                AbusiveContact d => c.FlagAbusiveContact(actor, at, d.Note),
                PolicyApplication d => c.RecordPolicyApplication(actor, at, d.Rule, d.Note),
                _ => throw new ArgumentOutOfRangeException(nameof(history), stored.Data, null),
            };
            Assert.Equal(stored, recorded);
        }

        c.MarkEventsDispatched();
        return c;
    }

    private static Attempt Make(T trigger, Func<HistoryData> data, Func<HistoryEntry> fire)
    {
        try
        {
            return new Attempt(trigger, [data()], null, fire);
        }
        catch (ArgumentException ex) when (ex.GetType() == typeof(ArgumentException) || ex.GetType() == typeof(ArgumentOutOfRangeException))
        {
            return new Attempt(trigger, [], ex, fire);
        }
    }

    // The verb checks the requested level against the ladder before it builds the data.
    private static Escalation EscalationData(Complaint c, string reason, bool consent, int? toLevel)
    {
        var rank = c.Snapshot.LevelRank;
        if (toLevel is { } target && (target <= rank || target >= c.Lifecycle.Levels.Count))
        {
            throw new ArgumentOutOfRangeException(nameof(toLevel), target, "outside the ladder above the current level");
        }

        return new Escalation(rank, toLevel ?? rank + 1, reason, consent);
    }

    // The verb asks the machine first (no lowering can be described at the first level), then checks the requested level.
    private static Attempt LowerLevel(Complaint c, Instant at, string reason, int? toLevel)
    {
        var rank = c.Snapshot.LevelRank;
        Func<HistoryEntry> fire = () => c.LowerLevel(Agent, at, reason, toLevel);
        if (!c.CanFire(T.LowerLevel))
        {
            // Refused whatever the data; at the first level Check is asked with a lowering from the level above.
            var from = Math.Max(rank, 1);
            return new Attempt(T.LowerLevel, [new Deescalation(from, from - 1, reason)], null, fire);
        }

        return toLevel is { } target && (target < 0 || target >= rank)
            ? new Attempt(T.LowerLevel, [], new ArgumentOutOfRangeException(nameof(toLevel), target, "outside the ladder below the current level"), fire)
            : new Attempt(T.LowerLevel, [new Deescalation(rank, toLevel ?? rank - 1, reason)], null, fire);
    }

    // Asks Check with each candidate: a refusal is the same whatever the data; a permission fits exactly one candidate.
    private static TransitionCheck CheckAny(Complaint c, Attempt attempt, Instant at)
    {
        var answers = new List<TransitionCheck>();
        foreach (var data in attempt.Candidates)
        {
            try
            {
                answers.Add(c.Check(attempt.Trigger, data, at));
            }
            catch (ArgumentException ex) when (ex.GetType() == typeof(ArgumentException) && attempt.Candidates.Length > 1)
            {
                Assert.Equal("data", ex.ParamName);
            }
        }

        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.Equal(answers[0].Destination, a.Destination));
        Assert.All(answers, a => Assert.Equal(answers[0].UnmetGuards, a.UnmetGuards));
        return answers[0];
    }
}
