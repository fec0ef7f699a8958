using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Sla;
using NodaTime;
using static Complaints.Core.Tests.Support.TestComplaints;

namespace Complaints.Core.Tests.Sla;

public sealed class SlaEngineTests
{
    private static readonly ComplaintLifecycle Lifecycle = new();

    // Monday 2 March 2026, 09:00 in London (GMT): weekdays 9–17, England and Wales bank holidays.
    private static readonly BusinessCalendar London = BusinessCalendar.CreateBuilder("Europe/London")
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
        .AddHolidays(UkBankHolidays.EnglandAndWales)
        .Covering(2020, 2035)
        .Build();

    private static Instant Day(int day, int hour, int minute = 0) => Instant.FromUtc(2026, 3, day, hour, minute);

    private static Complaint Investigating()
    {
        var c = New(Lifecycle);
        c.Acknowledge(Agent, Day(2, 9, 30));
        c.Assess(Agent, Day(2, 10), Severity.Medium, Priority.Normal);
        c.StartInvestigation(Agent, Day(2, 11));
        return c;
    }

    private static SlaPolicy Team(Action<SlaTargetBuilder>? resolution = null) =>
        SlaPolicy.CreateBuilder("Team")
            .InGroup("internal")
            .AddTarget("first response", SlaTargetKind.FirstResponse, DeadlineRule.WorkingTime(Duration.FromHours(4)), London)
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(5), London, resolution ?? (t => t.PausedIn(ComplaintState.AwaitingCustomer)))
            .Build();

    private static SlaTargetStatus Status(SlaPolicy policy, Complaint c, Instant at, string target) =>
        new SlaEngine([policy]).Evaluate(c.Snapshot, at).Find(policy.Name, target)!;

    [Fact]
    public void Resolution_WaitingOnTheCustomerTwice_MovesTheDeadlineByExactlyThePausedWorkingTime()
    {
        var c = Investigating();
        var before = Status(Team(), c, Day(2, 12), "resolution");
        c.RequestInformation(Agent, Day(2, 14), ["Which order?"]);
        c.ProvideInformation(Customer, Day(3, 10), "Order 77.");            // paused 3 h on Monday + 1 h on Tuesday = 4 h
        c.RequestInformation(Agent, Day(4, 9), ["A photo?"]);
        c.ProvideInformation(Customer, Day(4, 16, 30), "Attached.");        // paused 7 h 30 min on Wednesday

        var after = Status(Team(), c, Day(5, 9), "resolution");

        Assert.Equal(Day(9, 17), before.Deadline);                          // close of business on the fifth business day
        Assert.Equal(before.Deadline, after.DeadlineBeforePauses);
        Assert.Equal(Duration.FromHours(11.5), after.Paused);
        Assert.Equal(London.AddWorkingTime(Day(9, 17), Duration.FromHours(11.5)), after.Deadline);
        Assert.Equal(Day(11, 12, 30), after.Deadline);
        Assert.Equal(SlaClockState.Running, after.State);
        Assert.Equal(
            [SlaSegmentKind.Running, SlaSegmentKind.Paused, SlaSegmentKind.Running, SlaSegmentKind.Paused, SlaSegmentKind.Running],
            after.Timeline.Select(s => s.Kind));
        Assert.All(after.Timeline.Where(s => s.Kind == SlaSegmentKind.Paused), s => Assert.Equal(ComplaintState.AwaitingCustomer, s.PausedIn));
        Assert.Equal(after.Elapsed + after.Paused, London.WorkingTimeBetween(Day(2, 9), Day(5, 9)));
    }

    [Fact]
    public void Status_WhileWaitingOnTheCustomer_IsPaused()
    {
        var c = Investigating();
        c.RequestInformation(Agent, Day(2, 14), ["Which order?"]);

        Assert.Equal(SlaClockState.Paused, Status(Team(), c, Day(20, 9), "resolution").State);
    }

    [Fact]
    public void FirstResponse_InternalNoteOrAutomatedAcknowledgement_DoesNotMeetIt_APublicReplyDoes()
    {
        var c = New(Lifecycle);
        c.RecordCommunication(Actor.System("mailer"), Day(2, 9, 1), CommunicationKind.AutomatedAcknowledgement, "Received.");
        c.RecordCommunication(Agent, Day(2, 10), CommunicationKind.InternalNote, "Looks like a double charge.");
        var policy = SlaPolicy.CreateBuilder("Team")
            .AddTarget("first response", SlaTargetKind.FirstResponse, DeadlineRule.WorkingTime(Duration.FromHours(4)), London)
            .Build();

        var afterNote = Status(policy, c, Day(2, 12), "first response");
        c.RecordCommunication(Agent, Day(2, 12, 30), CommunicationKind.PublicReply, "We are looking into it.");
        var afterReply = Status(policy, c, Day(2, 15), "first response");

        Assert.Equal(SlaClockState.Running, afterNote.State);
        Assert.Null(afterNote.MetAt);
        Assert.Equal(SlaClockState.Met, afterReply.State);
        Assert.Equal(Day(2, 12, 30), afterReply.MetAt);
        Assert.Equal(Duration.FromHours(3.5), afterReply.Elapsed);
        Assert.Equal(Duration.FromMinutes(30), afterReply.Remaining);
    }

    [Fact]
    public void Deadline_PassedWithoutMeeting_IsBreached_AndStaysBreachedWhenMetLate()
    {
        var c = Investigating();
        var policy = Team();

        var breached = Status(policy, c, Day(10, 9), "resolution");
        c.ProposeResolution(Agent, Day(10, 10), [new Remedy(RemedyType.Apology)]);
        c.AcceptResolution(Customer, Day(10, 11));
        var late = Status(policy, c, Day(10, 12), "resolution");

        Assert.Equal(SlaClockState.Breached, breached.State);
        Assert.Equal(SlaClockState.Breached, late.State);
        Assert.Equal(Day(10, 11), late.MetAt);
        Assert.True(late.ShareUsed > 1);
    }

    [Fact]
    public void Reopen_NewCycle_CountsFromTheReopening_WithoutAnInstantBreach()
    {
        var c = Investigating();
        c.ProposeResolution(Agent, Day(3, 10), [new Remedy(RemedyType.Apology)]);
        c.AcceptResolution(Customer, Day(3, 11));
        c.Reopen(Customer, Day(23, 10), "It broke again.");

        var status = Status(Team(), c, Day(23, 11), "resolution");

        Assert.Equal(1, status.Cycle);
        Assert.Equal(Day(23, 10), status.StartedAt);
        Assert.Equal(SlaClockState.Running, status.State);
        Assert.Equal(Instant.FromUtc(2026, 3, 30, 16, 0), status.Deadline);   // five business days on, in BST
    }

    [Fact]
    public void Reopen_ResumeCycle_KeepsTheTargetMetBefore()
    {
        var c = Investigating();
        c.ProposeResolution(Agent, Day(3, 10), [new Remedy(RemedyType.Apology)]);
        c.AcceptResolution(Customer, Day(3, 11));
        c.Reopen(Customer, Day(23, 10), "It broke again.");
        var policy = Team(t => t.OnReopen(ReopenRule.ResumeCycle));

        var status = Status(policy, c, Day(23, 11), "resolution");

        Assert.Equal(0, status.Cycle);
        Assert.Equal(SlaClockState.Met, status.State);
        Assert.Equal(Day(3, 11), status.MetAt);
    }

    [Theory]
    [InlineData(ReopenRule.NewCycle, true)]
    [InlineData(ReopenRule.Reset, false)]
    public void Reopen_AfterALateResolution_KeepsTheBreachUnderNewCycle_AndSetsItAsideUnderReset(ReopenRule rule, bool kept)
    {
        var c = Investigating();
        c.ProposeResolution(Agent, Day(10, 10), [new Remedy(RemedyType.Apology)]);
        c.AcceptResolution(Customer, Day(10, 11));                          // late: due at 17:00 on Monday 9 March
        c.Reopen(Customer, Day(12, 10), "It broke again.");
        c.StartInvestigation(Agent, Day(12, 11));
        c.ProposeResolution(Agent, Day(13, 10), [new Remedy(RemedyType.Apology)]);
        c.AcceptResolution(Customer, Day(13, 11));                          // on time in the new cycle
        var policy = Team(t => t.OnReopen(rule));
        var engine = new SlaEngine([policy]);

        var before = engine.Evaluate(c.Snapshot, Day(11, 9)).Find("Team", "resolution")!;
        var after = engine.Evaluate(c.Snapshot, Day(13, 12)).Find("Team", "resolution")!;
        var states = new SlaTargetState[engine.MaxTargetCount];
        engine.StatesAt(c.Snapshot, Day(13, 12), states);
        var clocks = engine.Track(c.Snapshot);
        var tracked = new SlaTargetState[clocks.TargetCount];
        clocks.StatesAt(Day(13, 12), tracked);
        var facts = Complaints.Core.Metrics.ComplaintFacts.From(c.Snapshot, Day(14, 0), engine);

        Assert.Equal(SlaClockState.Breached, before.State);
        Assert.False(before.BreachedEarlier);
        Assert.Equal(1, after.Cycle);
        Assert.Equal(SlaClockState.Met, after.State);
        Assert.Equal(kept, after.BreachedEarlier);
        Assert.Equal(kept, states[1].BreachedEarlier);
        Assert.Equal(states[..2], tracked);
        Assert.Equal(kept ? Complaints.Core.Metrics.SlaStatus.Breached : Complaints.Core.Metrics.SlaStatus.Met, facts.Sla.Single(r => r.Target == "Team/resolution").Status);

        // What-if: the other rule on the same history changes only the kept breach, and the target as the metrics count it.
        var otherRule = rule == ReopenRule.NewCycle ? ReopenRule.Reset : ReopenRule.NewCycle;
        var change = Assert.Single(SlaComparison.Compare(engine, new SlaEngine([Team(t => t.OnReopen(otherRule))]), [c.Snapshot], Day(13, 12)).Changes);
        Assert.Equal(("resolution", SlaClockState.Met, SlaClockState.Met), (change.Target, change.Current, change.Candidate));
        Assert.Equal((kept, !kept), (change.CurrentBreachedEarlier, change.CandidateBreachedEarlier));
        Assert.Equal((kept, !kept), (change.BecomesMet, change.BecomesBreached));
    }

    [Fact]
    public void Reopen_ResumeCycle_KeepsTheBreachItIsStillIn()
    {
        var c = Investigating();
        c.ProposeResolution(Agent, Day(10, 10), [new Remedy(RemedyType.Apology)]);
        c.AcceptResolution(Customer, Day(10, 11));
        c.Reopen(Customer, Day(12, 10), "It broke again.");

        var status = Status(Team(t => t.OnReopen(ReopenRule.ResumeCycle)), c, Day(12, 11), "resolution");

        Assert.Equal(0, status.Cycle);
        Assert.Equal(SlaClockState.Breached, status.State);
        Assert.False(status.BreachedEarlier);
    }

    [Fact]
    public void Pause_BeginningExactlyAtTheDeadline_DoesNotMoveIt_AndTheNextChangeIsTheBreach()
    {
        var c = Investigating();
        c.RequestInformation(Agent, Day(9, 17), ["Which order?"]);     // the resolution deadline, to the nanosecond
        var engine = new SlaEngine([Team()]);
        var clocks = engine.Track(c.Snapshot);

        var atDeadline = engine.Evaluate(c.Snapshot, Day(9, 17)).Find("Team", "resolution")!;
        var after = engine.Evaluate(c.Snapshot, Day(9, 17) + Duration.Epsilon).Find("Team", "resolution")!;

        Assert.Equal(SlaClockState.Paused, atDeadline.State);
        Assert.Equal(Day(9, 17), atDeadline.Deadline);
        Assert.Equal(Day(9, 17) + Duration.Epsilon, atDeadline.NextChangeAt);
        Assert.Equal(SlaClockState.Breached, after.State);
        Assert.Equal(atDeadline.NextChangeAt, engine.NextChangeAt(c.Snapshot, Day(9, 17)));
        Assert.Equal(atDeadline.NextChangeAt, clocks.NextChangeAt(Day(9, 17)));
        Assert.Equal(SlaClockState.Breached, clocks.Evaluate(Day(9, 17) + Duration.Epsilon).Find("Team", "resolution")!.State);
    }

    [Fact]
    public void Withdrawal_BeforeTheDeadline_StopsTheClock()
    {
        var c = Investigating();
        c.Withdraw(Customer, Day(3, 10));

        var status = Status(Team(), c, Day(30, 10), "resolution");

        Assert.Equal(SlaClockState.Stopped, status.State);
        Assert.Equal(Day(3, 10), status.StoppedAt);
    }

    [Fact]
    public void Warnings_ShareUsedOrTimeBeforeTheDeadline_MarkTheClockAtRisk()
    {
        var c = Investigating();
        var byShare = Team(t => t.WarnAt(0.5));
        var byTime = Team(t => t.WarnBefore(Duration.FromHours(8)));

        Assert.Equal(SlaClockState.Running, Status(byShare, c, Day(3, 17), "resolution").State);   // 16 of 40 hours
        Assert.Equal(SlaClockState.AtRisk, Status(byShare, c, Day(5, 10), "resolution").State);    // 25 of 40 hours
        Assert.Equal(SlaClockState.Running, Status(byTime, c, Day(6, 16), "resolution").State);    // 9 h left
        Assert.Equal(SlaClockState.AtRisk, Status(byTime, c, Day(9, 9), "resolution").State);      // 8 h left
    }

    [Fact]
    public void ThreePolicies_CustomerInternalAndRegulatory_AreEachReported_FirstMatchInAGroup()
    {
        var gold = SlaPolicy.CreateBuilder("Gold customers").InGroup("customer").ForCustomerTiers("Gold")
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(2), London).Build();
        var everyone = SlaPolicy.CreateBuilder("Everyone").InGroup("customer")
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(10), London).Build();
        var engine = new SlaEngine([gold, everyone, Team(), SlaPresets.FcaDisp(London)]);
        var c = Investigating();

        var evaluation = engine.Evaluate(c.Snapshot, Day(3, 9));

        Assert.Equal(["Gold customers", "Team", "FCA DISP"], evaluation.Policies.Select(p => p.Policy.Name));
        Assert.Equal(["customer", "internal", "regulatory"], evaluation.Policies.Select(p => p.Group));
        Assert.Equal(Day(4, 17), evaluation.Find("Gold customers", "resolution")!.Deadline);
        Assert.Equal(Day(5, 17), evaluation.Find("FCA DISP", "summary resolution")!.Deadline);
        Assert.Equal(Instant.FromUtc(2026, 4, 27, 23, 0), evaluation.Find("FCA DISP", "final response")!.Deadline);
        Assert.Null(evaluation.Find("Everyone", "resolution"));
    }

    [Fact]
    public void PriorityRaisedMidFlight_ThePolicyThatSelectsItNowApplies_CountedFromTheSameStart()
    {
        var urgent = SlaPolicy.CreateBuilder("Urgent").InGroup("customer").ForPriorities(Priority.Urgent)
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.WorkingTime(Duration.FromHours(8)), London).Build();
        var normal = SlaPolicy.CreateBuilder("Normal").InGroup("customer")
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(5), London).Build();
        var engine = new SlaEngine([urgent, normal]);
        var c = Investigating();
        c.ChangePriority(Agent, Day(3, 12), Priority.Urgent);

        var beforeChange = engine.Evaluate(c.Snapshot, Day(3, 11));
        var afterChange = engine.Evaluate(c.Snapshot, Day(3, 13));

        Assert.Equal("Normal", Assert.Single(beforeChange.Policies).Policy.Name);
        var status = Assert.Single(afterChange.Policies).Targets[0];
        Assert.Equal("Urgent", afterChange.Policies[0].Policy.Name);
        Assert.Equal(Day(2, 9), status.StartedAt);
        Assert.Equal(Day(2, 17), status.Deadline);
        Assert.Equal(SlaClockState.Breached, status.State);
    }

    [Fact]
    public void PaymentServices_HoldingReplyBeforeTheNormalDeadline_ExtendsTo35BusinessDays()
    {
        var c = Investigating();
        var policy = SlaPresets.PaymentServices(London);
        var normal = Status(policy, c, Day(10, 9), "final response");
        c.RecordCommunication(Agent, Day(16, 10), CommunicationKind.HoldingReply, "We need more time: the card scheme has not answered.");

        var extended = Status(policy, c, Day(23, 9), "final response");

        Assert.Equal(Day(23, 17), normal.Deadline);                                           // 15 business days
        Assert.Equal(Instant.FromUtc(2026, 4, 22, 16, 0), extended.Deadline);                  // 35, skipping Easter (BST from 29 March)
        Assert.Equal(SlaClockState.Running, extended.State);
    }

    [Fact]
    public void AnchorOnAcknowledgement_BeforeIt_IsNotStarted()
    {
        var c = New(Lifecycle);
        var policy = SlaPolicy.CreateBuilder("Stage one")
            .AddTarget("stage one", SlaTargetKind.Custom, DeadlineRule.BusinessDays(2).WithAnchor(DeadlineAnchor.Acknowledgement), London,
                t => t.MetBy(SlaEvent.PublicReply, SlaEvent.ResolutionProposed))
            .Build();

        var waiting = Status(policy, c, Day(2, 10), "stage one");
        c.Acknowledge(Agent, Day(2, 11));
        var counting = Status(policy, c, Day(2, 12), "stage one");

        Assert.Equal(SlaClockState.NotStarted, waiting.State);
        Assert.Null(waiting.Deadline);
        Assert.Equal(SlaClockState.Running, counting.State);
        Assert.Equal(Day(4, 17), counting.Deadline);
    }

    [Fact]
    public void AsOfAPastInstant_LeavesOutLaterEntries()
    {
        var c = Investigating();
        c.ProposeResolution(Agent, Day(3, 10), [new Remedy(RemedyType.Apology)]);
        c.AcceptResolution(Customer, Day(3, 11));

        Assert.Equal(SlaClockState.Running, Status(Team(), c, Day(3, 10, 30), "resolution").State);
        Assert.Equal(SlaClockState.Met, Status(Team(), c, Day(3, 11), "resolution").State);
    }

    [Fact]
    public void Evaluate_BeforeReceipt_OrOutsideTheCalendar_NamesTheComplaintPolicyAndTarget()
    {
        var c = Investigating();
        var shortCalendar = BusinessCalendar.CreateBuilder("Europe/London").AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Covering(2020, 2025).Build();
        var policy = SlaPolicy.CreateBuilder("Old").AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(5), shortCalendar).Build();

        var early = Assert.Throws<ArgumentOutOfRangeException>(() => new SlaEngine([policy]).Evaluate(c.Snapshot, Day(1, 9)));
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => new SlaEngine([policy]).Evaluate(c.Snapshot, Day(3, 9)));

        Assert.Equal("asOf", early.ParamName);
        Assert.Equal("complaint", outside.ParamName);
        Assert.Contains($"Complaint {c.Id}, policy 'Old', target 'resolution'", outside.Message, StringComparison.Ordinal);

        // The buffer-writing and next-change readers name it the same way.
        var states = Assert.Throws<ArgumentOutOfRangeException>(() => new SlaEngine([policy]).StatesAt(c.Snapshot, Day(3, 9), new SlaTargetState[4]));
        var next = Assert.Throws<ArgumentOutOfRangeException>(() => new SlaEngine([policy]).NextChangeAt(c.Snapshot, Day(3, 9)));
        Assert.Equal(outside.Message, states.Message);
        Assert.Equal(outside.Message, next.Message);
    }

    [Fact]
    public void Builder_BadValues_AreRefusedNamingPolicyTargetAndField()
    {
        var rule = DeadlineRule.BusinessDays(5);
        SlaPolicyBuilder Fresh() => SlaPolicy.CreateBuilder("P").AddTarget("t", SlaTargetKind.Resolution, rule, London);

        Assert.Contains("Policy 'P', target 'u': WarnAtShare", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Fresh().AddTarget("u", SlaTargetKind.Resolution, rule, London, t => t.WarnAt(1.5))).Message, StringComparison.Ordinal);
        Assert.Contains("Policy 'P', target 'u': WarnBefore", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Fresh().AddTarget("u", SlaTargetKind.Resolution, rule, London, t => t.WarnBefore(Duration.Zero))).Message, StringComparison.Ordinal);
        Assert.Contains("PausedIn", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Fresh().AddTarget("u", SlaTargetKind.Resolution, rule, London, t => t.PausedIn((ComplaintState)99))).Message, StringComparison.Ordinal);
        Assert.Contains("PausedIn: Closed is terminal", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Fresh().AddTarget("u", SlaTargetKind.Resolution, rule, London, t => t.PausedIn(ComplaintState.Closed))).Message, StringComparison.Ordinal);
        Assert.Contains("already added", Assert.Throws<ArgumentException>(() =>
            Fresh().AddTarget("t", SlaTargetKind.Resolution, rule, London)).Message, StringComparison.Ordinal);
        Assert.Contains("MetBy", Assert.Throws<ArgumentException>(() =>
            Fresh().AddTarget("u", SlaTargetKind.Custom, rule, London)).Message, StringComparison.Ordinal);
        Assert.Contains("both starts and meets", Assert.Throws<ArgumentException>(() =>
            Fresh().AddTarget("u", SlaTargetKind.Custom, rule, London, t => t.StartsAt(SlaEvent.Acknowledged).MetBy(SlaEvent.Acknowledged))).Message, StringComparison.Ordinal);
        Assert.Contains("cannot meet a target", Assert.Throws<ArgumentException>(() =>
            Fresh().AddTarget("u", SlaTargetKind.Custom, rule, London, t => t.MetBy(SlaEvent.Finished))).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => SlaPolicy.CreateBuilder("Empty").Build());
        var builder = Fresh();
        builder.Build();
        Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("named 'P'", Assert.Throws<ArgumentException>(() => new SlaEngine([Fresh().Build(), Fresh().Build()])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Facts_FromTheEngine_CarryEachTargetsResultAsOfThePeriodEnd()
    {
        var engine = new SlaEngine([Team(), SlaPresets.FcaDisp(London)]);
        var c = Investigating();
        c.ProposeResolution(Agent, Day(4, 10), [new Remedy(RemedyType.Apology)]);
        c.AcceptResolution(Customer, Day(4, 11));
        var withdrawn = Investigating();
        withdrawn.Withdraw(Customer, Day(3, 9));

        var facts = Complaints.Core.Metrics.ComplaintFacts.From(c.Snapshot, Day(31, 0), engine);
        var beforeResolution = Complaints.Core.Metrics.ComplaintFacts.From(c.Snapshot, Day(4, 10, 30), engine);
        var stopped = Complaints.Core.Metrics.ComplaintFacts.From(withdrawn.Snapshot, Day(31, 0), engine);

        Assert.Equal(
            [("Team/first response", Complaints.Core.Metrics.SlaStatus.Met), ("Team/resolution", Complaints.Core.Metrics.SlaStatus.Met), ("FCA DISP/summary resolution", Complaints.Core.Metrics.SlaStatus.Met), ("FCA DISP/final response", Complaints.Core.Metrics.SlaStatus.Met)],
            facts.Sla.Select(r => (r.Target, r.Status)));
        Assert.Equal(Complaints.Core.Metrics.SlaStatus.Open, beforeResolution.Sla.Single(r => r.Target == "Team/resolution").Status);
        Assert.Equal(["Team/first response"], stopped.Sla.Select(r => r.Target));
    }

    [Fact]
    public void PauseBegunBeforeADeadlineInClosedHours_NeverBreachesWhileItLasts_AndAMessageInsideItChangesNothing()
    {
        // Found by the finality property: a four-hour elapsed deadline falls on Friday evening, after a question sent at
        // 17:30; the weekend has no working time, so the pause used to move nothing until Monday and the clock breached on
        // Saturday, then went back to paused. A customer message inside the pause also used to split it in two.
        var policy = SlaPolicy.CreateBuilder("Team")
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.ElapsedTime(Duration.FromHours(4)), London, t => t.PausedIn(ComplaintState.AwaitingCustomer))
            .Build();
        var c = Complaint.Receive(new ComplaintId("FRIDAY"), Intake(receivedAt: Day(6, 16)), Lifecycle);
        c.Acknowledge(Agent, Day(6, 16, 10));
        c.Assess(Agent, Day(6, 16, 20), Severity.Medium, Priority.Normal);
        c.StartInvestigation(Agent, Day(6, 16, 30));
        c.RequestInformation(Agent, Day(6, 17, 30), ["Which order?"]);
        var saturday = Status(policy, c, Day(7, 12), "resolution");
        var monday = Status(policy, c, Day(9, 10), "resolution");
        c.RecordCommunication(Customer, Day(7, 10), CommunicationKind.CustomerMessage, "Still looking for it.");
        var mondayWithMessage = Status(policy, c, Day(9, 10), "resolution");

        Assert.Equal(SlaClockState.Paused, saturday.State);
        Assert.Equal(SlaClockState.Paused, monday.State);
        Assert.Equal(Day(9, 10), monday.Deadline);
        Assert.Equal(SlaClockState.Paused, mondayWithMessage.State);
        Assert.Equal(monday.Deadline, mondayWithMessage.Deadline);
        Assert.Equal(monday.Paused, mondayWithMessage.Paused);
    }

    [Fact]
    public void NextChange_IsTheEarliestWarningOrBreachAcrossPolicies()
    {
        var c = Investigating();
        var engine = new SlaEngine([Team(t => t.WarnBefore(Duration.FromHours(8))), SlaPresets.FcaDisp(London)]);

        var monday = engine.Evaluate(c.Snapshot, Day(2, 12));
        var friday = engine.Evaluate(c.Snapshot, Day(6, 12));

        // Monday: the first response is met by the acknowledgement; the FCA summary resolution breaches just after
        // Thursday's close of business. Friday: that one is breached; the team's resolution is at risk from Friday's close
        // of business, when only Monday's eight working hours are left.
        Assert.Null(monday.Find("Team", "first response")!.NextChangeAt);
        Assert.Equal(Day(5, 17) + Duration.Epsilon, monday.NextChangeAt);
        Assert.Equal(Day(6, 17), friday.NextChangeAt);
        Assert.Equal(Day(6, 17), friday.Find("Team", "resolution")!.NextChangeAt);
        Assert.Null(friday.Find("FCA DISP", "summary resolution")!.NextChangeAt);
    }

    [Fact]
    public void ChainedClock_StartsWhenTheEarlierTargetIsMet_AndNotBefore()
    {
        var policy = SlaPolicy.CreateBuilder("Two stages")
            .AddTarget("acknowledge", SlaTargetKind.Acknowledge, DeadlineRule.WorkingTime(Duration.FromHours(8)), London)
            .AddTarget("stage one", SlaTargetKind.Custom, DeadlineRule.BusinessDays(3), London, t => t
                .StartsWhenMet("acknowledge")
                .MetBy(SlaEvent.ResolutionProposed))
            .Build();
        var c = New(Lifecycle);

        var before = Status(policy, c, Day(2, 10), "stage one");
        c.Acknowledge(Agent, Day(3, 15));
        var after = Status(policy, c, Day(3, 16), "stage one");

        Assert.Equal(SlaClockState.NotStarted, before.State);
        Assert.Equal(Day(3, 15), after.StartedAt);
        Assert.Equal(Day(6, 17), after.Deadline);
        Assert.Contains("no earlier target named 'later'", Assert.Throws<ArgumentException>(() => SlaPolicy.CreateBuilder("P")
            .AddTarget("t", SlaTargetKind.Custom, DeadlineRule.BusinessDays(3), London, t => t.StartsWhenMet("later").MetBy(SlaEvent.PublicReply))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PromisedDate_IsTheDeadlineWhenSet()
    {
        var policy = Team(t => t.DueAtPromisedDate());
        var c = Investigating();
        var byRule = Status(policy, c, Day(3, 9), "resolution");
        c.ChangePromisedDate(Agent, Day(3, 10), Day(4, 12));

        var promised = Status(policy, c, Day(3, 11), "resolution");

        Assert.Equal(Day(9, 17), byRule.Deadline);
        Assert.Equal(Day(4, 12), promised.Deadline);
        Assert.Equal(SlaClockState.Breached, Status(policy, c, Day(4, 13), "resolution").State);
    }

    [Fact]
    public void NextUpdate_FallsDueAgainAfterEachUpdateOrCustomerMessage_ThreeTimes()
    {
        var policy = SlaPolicy.CreateBuilder("Cadence")
            .AddTarget("update", SlaTargetKind.NextUpdate, DeadlineRule.BusinessDays(1), London)
            .Build();
        var c = Investigating();                                                   // acknowledged Monday 09:30: an update
        var first = Status(policy, c, Day(2, 12), "update");
        c.RecordCommunication(Customer, Day(4, 9), CommunicationKind.CustomerMessage, "Any news?");
        var second = Status(policy, c, Day(4, 10), "update");
        c.RecordCommunication(Agent, Day(4, 15), CommunicationKind.PublicReply, "Still checking with the bank.");
        c.RecordCommunication(Agent, Day(4, 16), CommunicationKind.InternalNote, "Bank says Friday.");
        var third = Status(policy, c, Day(6, 9), "update");
        c.ProposeResolution(Agent, Day(6, 10), [new Remedy(RemedyType.Apology)]);
        c.AcceptResolution(Customer, Day(6, 11));
        var done = Status(policy, c, Day(20, 9), "update");

        Assert.Equal((1, Day(2, 9, 30), Day(3, 17), SlaClockState.Running), (first.Cycle, first.StartedAt, first.Deadline, first.State));
        Assert.Equal((2, Day(4, 9), Day(5, 17), SlaClockState.Running), (second.Cycle, second.StartedAt, second.Deadline, second.State));
        Assert.Equal((3, Day(4, 15), Day(5, 17), SlaClockState.Breached), (third.Cycle, third.StartedAt, third.Deadline, third.State));
        Assert.Equal(SlaClockState.Met, done.State);
    }

    [Fact]
    public void WhatIf_AStricterCandidate_ReportsTheTargetsItWouldBreach_AndItselfReportsNothing()
    {
        var current = new SlaEngine([Team()]);
        var strict = new SlaEngine([SlaPolicy.CreateBuilder("Strict").InGroup("internal")
            .AddTarget("first response", SlaTargetKind.FirstResponse, DeadlineRule.WorkingTime(Duration.FromHours(4)), London)
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(1), London)
            .Build()]);
        var quick = Investigating();
        quick.ProposeResolution(Agent, Day(3, 10), [new Remedy(RemedyType.Apology)]);
        quick.AcceptResolution(Customer, Day(3, 11));
        var slow = Investigating();
        slow.ProposeResolution(Agent, Day(5, 10), [new Remedy(RemedyType.Apology)]);
        slow.AcceptResolution(Customer, Day(5, 11));

        var comparison = SlaComparison.Compare(current, strict, [quick.Snapshot, slow.Snapshot], Day(31, 0));
        var same = SlaComparison.Compare(current, current, [quick.Snapshot, slow.Snapshot], Day(31, 0));

        var change = Assert.Single(comparison.Changes, c => c.Current != c.Candidate);
        Assert.Equal((slow.Id, "internal", "resolution", SlaClockState.Met, SlaClockState.Breached), (change.ComplaintId, change.Group, change.Target, change.Current, change.Candidate));
        Assert.Equal(1, comparison.BecomeBreached);
        Assert.Equal(-Duration.FromDays(6), comparison.Changes.Single(c => c.ComplaintId == quick.Id).DeadlineShift);
        Assert.Empty(same.Changes);
        Assert.Equal(2, same.Complaints);
    }

    [Theory]
    [InlineData(SlaChangeRule.KeepElapsed, 2, 17, SlaClockState.Breached)]
    [InlineData(SlaChangeRule.Restart, 4, 12, SlaClockState.Running)]
    public void PriorityRaisedMidFlight_UnderEachChangeRule(SlaChangeRule rule, int dueDay, int dueHour, SlaClockState state)
    {
        var urgent = SlaPolicy.CreateBuilder("Urgent").InGroup("customer").ForPriorities(Priority.Urgent).OnChange(rule)
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.WorkingTime(Duration.FromHours(8)), London).Build();
        var normal = SlaPolicy.CreateBuilder("Normal").InGroup("customer")
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(5), London).Build();
        var c = Investigating();
        c.ChangePriority(Agent, Day(3, 12), Priority.Urgent);

        var status = new SlaEngine([urgent, normal]).Evaluate(c.Snapshot, Day(3, 13)).Find("Urgent", "resolution")!;

        Assert.Equal(Day(dueDay, dueHour), status.Deadline);
        Assert.Equal(state, status.State);
    }

    [Fact]
    public void PriorityLoweredMidFlight_Stricter_KeepsTheEarlierDeadlineOfThePolicyBefore()
    {
        var urgent = SlaPolicy.CreateBuilder("Urgent").InGroup("customer").ForPriorities(Priority.Urgent)
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.WorkingTime(Duration.FromHours(8)), London).Build();
        SlaPolicy Normal(SlaChangeRule rule) => SlaPolicy.CreateBuilder("Normal").InGroup("customer").OnChange(rule)
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(5), London).Build();
        var c = UrgentThenLowered();

        var stricter = new SlaEngine([urgent, Normal(SlaChangeRule.Stricter)]).Evaluate(c.Snapshot, Day(2, 13)).Find("Normal", "resolution")!;
        var kept = new SlaEngine([urgent, Normal(SlaChangeRule.KeepElapsed)]).Evaluate(c.Snapshot, Day(2, 13)).Find("Normal", "resolution")!;

        Assert.Equal(Day(2, 17), stricter.Deadline);
        Assert.Equal("resolution", stricter.Target.Name);
        Assert.Equal(DeadlineRule.BusinessDays(5), stricter.Target.Rule);      // reported under the policy that applies now
        Assert.Equal(Day(9, 17), kept.Deadline);
    }

    [Fact]
    public void PriorityLoweredMidFlight_Restart_StartsAgain_AndNeverTakesThePolicyBeforesDeadline()
    {
        // Found by the incremental-clocks property: a restarting policy once compared its clock with the previous policy's as if it were stricter.
        var urgent = SlaPolicy.CreateBuilder("Urgent").InGroup("customer").ForPriorities(Priority.Urgent)
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.WorkingTime(Duration.FromHours(8)), London).Build();
        var normal = SlaPolicy.CreateBuilder("Normal").InGroup("customer").OnChange(SlaChangeRule.Restart)
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(5), London).Build();
        var c = UrgentThenLowered();

        var status = new SlaEngine([urgent, normal]).Evaluate(c.Snapshot, Day(2, 13)).Find("Normal", "resolution")!;

        Assert.Equal(Day(2, 12), status.StartedAt);
        Assert.Equal(Day(9, 17), status.Deadline);
        Assert.Equal(SlaClockState.Running, status.State);
    }

    // Received, acknowledged and assessed urgent on day 2, then lowered to low priority at noon.
    private static Complaint UrgentThenLowered()
    {
        var c = New(Lifecycle);
        c.Acknowledge(Agent, Day(2, 9, 30));
        c.Assess(Agent, Day(2, 10), Severity.High, Priority.Urgent);
        c.StartInvestigation(Agent, Day(2, 11));
        c.ChangePriority(Agent, Day(2, 12), Priority.Low);
        return c;
    }

    [Fact]
    public void RequiredGroup_WithNoPolicyThatSelectsTheComplaint_IsANamedError()
    {
        var goldOnly = SlaPolicy.CreateBuilder("Gold").InGroup("customer").ForCustomerTiers("Platinum")
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(2), London).Build();
        var engine = new SlaEngine([goldOnly, Team()], ["customer"]);
        var c = Investigating();

        var ex = Assert.Throws<ArgumentException>(() => engine.Evaluate(c.Snapshot, Day(3, 9)));

        Assert.Equal("complaint", ex.ParamName);
        Assert.Contains($"Complaint {c.Id}: no policy of the required group 'customer'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("tier 'Gold'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'nobody'", Assert.Throws<ArgumentException>(() => new SlaEngine([goldOnly], ["nobody"])).Message, StringComparison.Ordinal);
    }
}
