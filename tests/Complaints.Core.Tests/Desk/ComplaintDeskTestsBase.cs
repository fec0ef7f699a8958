using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Desk;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Policies;
using Complaints.Core.Sla;
using Complaints.Core.Tests.Support;
using NodaTime;
using NodaTime.Testing;

namespace Complaints.Core.Tests.Desk;

/// <summary>The desk's commands end to end, on the store each subclass makes.</summary>
public abstract class ComplaintDeskTestsBase
{
    protected static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    protected static readonly ComplaintLifecycle Lifecycle = new(new LifecycleOptions());
    protected static readonly ComplaintId Id = new("C-1");
    protected static readonly Actor Agent = Actor.Staff("agent");
    protected static readonly Actor Customer = Actor.Customer("cust-1");

    protected static readonly SlaEngine Sla = new(
    [
        SlaPolicy.CreateBuilder("customer")
            .AddTarget("acknowledge", SlaTargetKind.Acknowledge, DeadlineRule.ElapsedTime(Duration.FromHours(24)), BusinessCalendar.AlwaysOpen("Europe/London", 2026, 2027), t => t.WarnAt(0.75))
            .Build(),
    ]);

    protected static ComplaintIntake Intake(Instant? receivedAt = null, string category = "Billing/Refunds", string customer = "cust-1") =>
        new(FeedbackKind.Complaint, Channel.Email, new CustomerRef(customer), Category.Parse(category), "I was charged twice.", receivedAt ?? Start);

    protected static CommandId Cmd(string id) => new(id);

    /// <summary>Makes an empty store for one test.</summary>
    /// <returns>The store.</returns>
    protected abstract IComplaintStore CreateStore();

    private static Complaint Stored(IComplaintStore store, ComplaintId? id = null) =>
        ComplaintJson.Deserialize(store.FindAsync(id ?? Id).AsTask().GetAwaiter().GetResult()!.Json, Lifecycle);

    [Fact]
    public async Task Commands_FromSubmitToClose_SaveEachVersion_AtTheClocksInstants_AndNotifyTheCustomer()
    {
        var d = new Desk(CreateStore());

        Assert.Equal(new ComplaintCommandResult(Id, 0, false, 0), await d.Service.SubmitAsync(Cmd("submit"), Id, Intake()));
        var steps = new Func<int, Task<ComplaintCommandResult>>[]
        {
            n => d.Service.AcknowledgeAsync(Cmd($"c{n}"), Id, Agent, "Thank you."),
            n => d.Service.AssessAsync(Cmd($"c{n}"), Id, Agent, Severity.Medium, Priority.High),
            n => d.Service.StartInvestigationAsync(Cmd($"c{n}"), Id, Agent),
            n => d.Service.RequestInformationAsync(Cmd($"c{n}"), Id, Agent, ["Order number?"]),
            n => d.Service.ProvideInformationAsync(Cmd($"c{n}"), Id, Customer, "42."),
            n => d.Service.RecordHandlingTimeAsync(Cmd($"c{n}"), Id, Agent, Duration.FromMinutes(20), "agent"),
            n => d.Service.ProposeResolutionAsync(Cmd($"c{n}"), Id, Agent, [new Remedy(RemedyType.Apology)], "We are sorry."),
            n => d.Service.AcceptResolutionAsync(Cmd($"c{n}"), Id, Customer),
            n => d.Service.StartFollowUpAsync(Cmd($"c{n}"), Id, Agent),
            n => d.Service.RateAsync(Cmd($"c{n}"), Id, Customer, 5),
            n => d.Service.CloseAsync(Cmd($"c{n}"), Id, Agent, ComplaintOutcome.Upheld, new RootCause("PROCESS", ["Manual step missed"])),
        };
        for (var n = 0; n < steps.Length; n++)
        {
            d.Clock.Advance(Duration.FromHours(1));
            Assert.Equal(new ComplaintCommandResult(Id, n + 1, false, 0), await steps[n](n));
        }

        var record = (await d.Store.FindAsync(Id))!;
        var complaint = Stored(d.Store);
        Assert.Equal((11L, false, (Instant?)null, "cust-1"), (record.Version, record.IsOpen, record.NextChangeAt, record.CustomerId));
        Assert.Equal(ComplaintState.Closed, complaint.State);
        Assert.Equal(Enumerable.Range(1, 11).Select(h => Start + Duration.FromHours(h)), complaint.History.Select(e => e.At));
        Assert.Equal(
            [
                (NotificationKind.Acknowledgement, "Acknowledge"), (NotificationKind.InformationRequest, "RequestInformation"), (NotificationKind.Decision, "ProposeResolution"),
                (NotificationKind.FollowUp, "StartFollowUp"), (NotificationKind.Decision, "Close"),
            ],
            d.Sink.Sent.Select(s => (s.Kind, s.Topic)));
        Assert.All(d.Sink.Sent, s => Assert.Equal((Id, ComplaintNotification.Customer), (s.ComplaintId, s.Audience)));
        Assert.Empty(await d.Store.FindPendingNotificationsAsync(10));
    }

    // The compensation a customer agreed to on earlier complaints in the window counts toward a budget rule when a new
    // proposal awaits the customer: 80 EUR agreed before and 30 EUR proposed now pass a budget of 100 EUR.
    [Fact]
    public async Task Proposal_OverTheCustomersBudgetWithEarlierCompensation_AsksForApproval()
    {
        var rules = PolicyRuleSet.CreateBuilder(Lifecycle)
            .AddRule("over budget", PolicyCondition.CompensationOverBudget(new Money(100m, "EUR")), new RequireApprovalAction("manager", "over the customer's budget"))
            .Build();
        var d = new Desk(CreateStore(), policies: rules);
        async Task Propose(string id, string customer, decimal amount, bool accept)
        {
            var complaint = new ComplaintId(id);
            await d.Service.SubmitAsync(Cmd($"{id}-submit"), complaint, Intake(customer: customer));
            d.Clock.Advance(Duration.FromMinutes(5));
            await d.Service.AcknowledgeAsync(Cmd($"{id}-ack"), complaint, Agent);
            await d.Service.AssessAsync(Cmd($"{id}-assess"), complaint, Agent, Severity.Medium, Priority.Normal);
            await d.Service.StartInvestigationAsync(Cmd($"{id}-investigate"), complaint, Agent);
            await d.Service.ProposeResolutionAsync(Cmd($"{id}-propose"), complaint, Agent, [new Remedy(RemedyType.Refund, new Money(amount, "EUR"))]);
            if (accept)
            {
                await d.Service.AcceptResolutionAsync(Cmd($"{id}-accept"), complaint, Actor.Customer(customer));
            }
        }

        await Propose("C-1", "cust-1", 80m, accept: true);
        await Propose("C-2", "cust-1", 30m, accept: false);
        await Propose("C-3", "cust-2", 30m, accept: false);

        var approvals = d.Sink.Sent.Where(n => n.Topic == "approval").ToList();
        Assert.Equal([new ComplaintId("C-2")], approvals.Select(n => n.ComplaintId));
        Assert.Equal("manager", approvals[0].Audience);
        Assert.Contains(Stored(d.Store, new ComplaintId("C-2")).History, e => e.Data is PolicyApplication { Rule: "over budget" });
    }

    [Fact]
    public async Task Command_SentAgainWithItsId_ReturnsTheFirstResult_AndAppendsNothing()
    {
        var d = new Desk(CreateStore());
        await d.Service.SubmitAsync(Cmd("submit"), Id, Intake());
        var first = await d.Service.AcknowledgeAsync(Cmd("ack"), Id, Agent);
        d.Clock.Advance(Duration.FromMinutes(5));

        var again = await d.Service.AcknowledgeAsync(Cmd("ack"), Id, Agent);
        var submitAgain = await d.Service.SubmitAsync(Cmd("submit"), Id, Intake());

        Assert.Equal(first with { IsReplay = true }, again);
        Assert.Equal(new ComplaintCommandResult(Id, 0, true, 0), submitAgain);
        Assert.Single(Stored(d.Store).History);
        Assert.Single(d.Sink.Sent);
    }

    [Fact]
    public async Task Command_WithAnIdCarriedOutForAnotherComplaint_IsRefused_NamingBoth()
    {
        var d = new Desk(CreateStore());
        await d.Service.SubmitAsync(Cmd("submit-1"), Id, Intake());
        await d.Service.SubmitAsync(Cmd("submit-2"), new ComplaintId("C-2"), Intake());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => d.Service.AcknowledgeAsync(Cmd("submit-1"), new ComplaintId("C-2"), Agent));

        Assert.Equal("commandId", error.ParamName);
        Assert.Contains("Command submit-1 was carried out for complaint C-1, not for complaint C-2", error.Message, StringComparison.Ordinal);
        Assert.Empty(Stored(d.Store, new ComplaintId("C-2")).History);
    }

    [Fact]
    public async Task RefusedVerb_SavesNothing()
    {
        var d = new Desk(CreateStore());
        await d.Service.SubmitAsync(Cmd("submit"), Id, Intake());
        var before = await d.Store.FindAsync(Id);
        d.Clock.Advance(Duration.FromHours(1));

        var error = await Assert.ThrowsAsync<ComplaintTransitionRefusedException>(() => d.Service.CloseAsync(Cmd("close"), Id, Agent, ComplaintOutcome.Upheld));

        Assert.Equal(ComplaintState.Received, error.State);
        Assert.Equal(before, await d.Store.FindAsync(Id));
        Assert.Null(await d.Store.FindCommandAsync(Cmd("close")));
        Assert.Empty(await d.Store.FindPendingNotificationsAsync(10));
    }

    [Fact]
    public async Task Submit_OfAnIdTaken_OrReceivedInTheFuture_IsRefused_AndSavesNothing()
    {
        var d = new Desk(CreateStore());
        await d.Service.SubmitAsync(Cmd("submit"), Id, Intake());

        var taken = await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => d.Service.SubmitAsync(Cmd("submit-again"), Id, Intake()));
        var future = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => d.Service.SubmitAsync(Cmd("later"), new ComplaintId("C-2"), Intake(Start + Duration.FromHours(1))));

        Assert.Equal(((long?)null, (long?)0), (taken.ExpectedVersion, taken.ActualVersion));
        Assert.Equal("intake", future.ParamName);
        Assert.Contains("Complaint C-2: intake.ReceivedAt is after the clock's current instant", future.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await d.Store.FindAsync(Id))!.Version);
        Assert.Null(await d.Store.FindCommandAsync(Cmd("submit-again")));
        Assert.Null(await d.Store.FindAsync(new ComplaintId("C-2")));
    }

    [Fact]
    public async Task Command_WhenAnotherWriterSavesFirst_SavesNothing_AndTheRetryWithTheSameIdWorks()
    {
        var inner = CreateStore();
        var store = new InterferingStore(inner);
        var d = new Desk(store);
        var other = new ComplaintDesk(inner, new RecordingNotificationSink(), Lifecycle, d.Clock);
        await d.Service.SubmitAsync(Cmd("submit"), Id, Intake());
        d.Clock.Advance(Duration.FromHours(1));
        store.BeforeNextSave = () => other.RecordCommunicationAsync(Cmd("other"), Id, Agent, CommunicationKind.InternalNote, "Called the customer.");

        var error = await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => d.Service.AcknowledgeAsync(Cmd("ack"), Id, Agent));

        Assert.Equal((0L, 1L), (error.ExpectedVersion, error.ActualVersion));
        Assert.Equal([ComplaintTrigger.RecordCommunication], Stored(inner).History.Select(e => e.Trigger));
        Assert.Null(await inner.FindCommandAsync(Cmd("ack")));
        Assert.Empty(d.Sink.Sent);

        var retry = await d.Service.AcknowledgeAsync(Cmd("ack"), Id, Agent);

        Assert.Equal(new ComplaintCommandResult(Id, 2, false, 0), retry);
        Assert.Equal([ComplaintTrigger.RecordCommunication, ComplaintTrigger.Acknowledge], Stored(inner).History.Select(e => e.Trigger));
    }

    // Sixteen hosts send a note each to one complaint, retrying on conflicts, and each sends it once more: every note
    // is in the history exactly once.
    [Fact]
    public async Task ConcurrentCommands_OnOneComplaint_WithRetries_KeepEachAcceptedOneExactlyOnce()
    {
        var d = new Desk(CreateStore());
        await d.Service.SubmitAsync(Cmd("submit"), Id, Intake());
        var conflicts = 0;

        async Task<ComplaintCommandResult> Send(int n)
        {
            while (true)
            {
                try
                {
                    return await d.Service.RecordCommunicationAsync(Cmd($"note-{n}"), Id, Agent, CommunicationKind.InternalNote, $"Note {n}.");
                }
                catch (ComplaintConcurrencyException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(n => Task.Run(() => Send(n))));
        var replays = await Task.WhenAll(Enumerable.Range(0, 16).Select(n => Task.Run(() => Send(n))));

        var notes = Stored(d.Store).History.Select(e => ((Communication)e.Data).Text).ToList();
        Assert.Equal(Enumerable.Range(0, 16).Select(n => $"Note {n}.").Order(StringComparer.Ordinal), notes.Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 16).Select(v => (long)v), results.Select(r => r.Version).Order());
        Assert.Equal(results.Select(r => r with { IsReplay = true }), replays);
    }

    [Fact]
    public async Task Command_WhenTheSinkFails_IsSaved_AndItsNotificationsStayPending_UntilDispatched()
    {
        var sink = new FailingSink();
        var d = new Desk(CreateStore(), sink: sink);
        await d.Service.SubmitAsync(Cmd("submit"), Id, Intake());
        sink.Failing = true;

        var result = await d.Service.AcknowledgeAsync(Cmd("ack"), Id, Agent);

        Assert.Equal(new ComplaintCommandResult(Id, 1, false, 1), result);
        Assert.Equal(1, (await d.Store.FindAsync(Id))!.Version);
        Assert.Equal([NotificationKind.Acknowledgement], (await d.Store.FindPendingNotificationsAsync(10)).Select(p => p.Notification.Kind));
        await Assert.ThrowsAsync<InvalidOperationException>(() => d.Service.DispatchPendingAsync());

        sink.Failing = false;

        Assert.Equal(1, await d.Service.DispatchPendingAsync());
        Assert.Equal([NotificationKind.Acknowledgement], sink.Sent.Select(n => n.Kind));
        Assert.Empty(await d.Store.FindPendingNotificationsAsync(10));
        Assert.Equal(0, await d.Service.DispatchPendingAsync());
    }

    // The process dies after loading the complaint and before saving it: the stored complaint, the command's record and
    // the pending notifications are as they were, and the command sent again after the restart is carried out.
    [Fact]
    public async Task Command_WhenTheProcessDiesBetweenLoadAndSave_LeavesTheStoreUnchanged_AndTheRetryWorks()
    {
        var inner = CreateStore();
        var store = new CrashingStore(inner);
        var sink = new FailingSink { Failing = true };
        var d = new Desk(store, sink);
        await d.Service.SubmitAsync(Cmd("submit"), Id, Intake());
        await d.Service.AcknowledgeAsync(Cmd("ack"), Id, Agent);
        await d.Service.AssessAsync(Cmd("assess"), Id, Agent, Severity.Medium, Priority.High);
        await d.Service.StartInvestigationAsync(Cmd("investigate"), Id, Agent);
        var before = (await inner.FindAsync(Id))!;
        var pending = await inner.FindPendingNotificationsAsync(10);
        d.Clock.Advance(Duration.FromHours(1));
        store.Crashing = true;

        await Assert.ThrowsAsync<IOException>(() => d.Service.RequestInformationAsync(Cmd("ask"), Id, Agent, ["Order number?"]));

        var after = (await inner.FindAsync(Id))!;
        Assert.Equal((before.Version, before.Json), (after.Version, after.Json));
        Assert.Equal(before, after);
        Assert.Null(await inner.FindCommandAsync(Cmd("ask")));
        Assert.Equal([NotificationKind.Acknowledgement], pending.Select(p => p.Notification.Kind));
        Assert.Equal(pending, await inner.FindPendingNotificationsAsync(10));

        store.Crashing = false;
        var restarted = new ComplaintDesk(inner, new RecordingNotificationSink(), Lifecycle, d.Clock);

        Assert.Equal(4, (await restarted.RequestInformationAsync(Cmd("ask"), Id, Agent, ["Order number?"])).Version);
        Assert.Equal(ComplaintTrigger.RequestInformation, Stored(inner).History[^1].Trigger);
    }

    [Fact]
    public async Task DispatchPending_SendsInBatches_OldestFirst()
    {
        var sink = new FailingSink { Failing = true };
        var d = new Desk(CreateStore(), sink: sink, options: new ComplaintDeskOptions { DispatchBatchSize = 2 });
        for (var n = 0; n < 5; n++)
        {
            var id = new ComplaintId($"C-{n}");
            await d.Service.SubmitAsync(Cmd($"submit-{n}"), id, Intake());
            await d.Service.AcknowledgeAsync(Cmd($"ack-{n}"), id, Agent);
        }

        sink.Failing = false;

        Assert.Equal(5, await d.Service.DispatchPendingAsync());
        Assert.Equal(Enumerable.Range(0, 5).Select(n => $"C-{n}"), sink.Sent.Select(s => s.ComplaintId.Value));
        Assert.Equal([2, 2, 1], sink.Batches);
    }

    [Fact]
    public async Task Policies_AreCarriedOutOnce_RoutingAndARaiseOnSeverity_RecordedInHistory()
    {
        var routing = RoutingTable.CreateBuilder("front desk").Add(Category.Parse("Billing"), "billing").Build();
        var rules = PolicyRuleSet.CreateBuilder(Lifecycle)
            .AddTeams("front desk", "billing")
            .RouteBy(routing)
            .AddRule("serious", PolicyCondition.SeverityAtLeast(Severity.High), new RaiseLevelAction("Supervisor"), new NotifyAction("quality", "serious-complaint"))
            .Build();
        var d = new Desk(CreateStore(), policies: rules);

        var submitted = await d.Service.SubmitAsync(Cmd("submit"), Id, Intake());
        d.Clock.Advance(Duration.FromHours(1));
        await d.Service.AcknowledgeAsync(Cmd("ack"), Id, Agent);
        var assessed = await d.Service.AssessAsync(Cmd("assess"), Id, Agent, Severity.High, Priority.High);
        await d.Service.AssessAsync(Cmd("assess"), Id, Agent, Severity.High, Priority.High);
        await d.Service.StartInvestigationAsync(Cmd("investigate"), Id, Agent);
        Assert.Equal(new SweepResult(0, []), await d.Service.SweepAsync());

        var complaint = Stored(d.Store);
        Assert.Equal(1, submitted.Version);
        Assert.Equal(5, assessed.Version);
        Assert.Equal(
            [
                (ComplaintTrigger.Assign, "policies"), (ComplaintTrigger.Acknowledge, "agent"), (ComplaintTrigger.Assess, "agent"), (ComplaintTrigger.RaiseLevel, "policies"),
                (ComplaintTrigger.RecordPolicyApplication, "policies"), (ComplaintTrigger.StartInvestigation, "agent"),
            ],
            complaint.History.Select(e => (e.Trigger, e.Actor.Id)));
        Assert.Equal(("billing", "Supervisor"), (complaint.Team, complaint.Level.Name));
        Assert.Equal("serious", ((PolicyApplication)complaint.History[4].Data).Rule);
        Assert.Equal(
            [
                (NotificationKind.Acknowledgement, ComplaintNotification.Customer, "Acknowledge"), (NotificationKind.Escalation, "Supervisor", "RaiseLevel"),
                (NotificationKind.Policy, "quality", "serious-complaint"),
            ],
            d.Sink.Sent.Select(s => (s.Kind, s.Audience, s.Topic)));
    }

    [Fact]
    public async Task Policies_CountTheCustomersRecentComplaints_InTheirWindow()
    {
        var rules = PolicyRuleSet.CreateBuilder(Lifecycle)
            .AddRule("repeat", PolicyCondition.RepeatComplainant(3), new NotifyAction("retention", "repeat-complainant"))
            .Build();
        var d = new Desk(CreateStore(), policies: rules, options: new ComplaintDeskOptions { RepeatComplaintWindow = Duration.FromDays(7) });

        await d.Service.SubmitAsync(Cmd("s1"), new ComplaintId("C-1"), Intake());
        d.Clock.Advance(Duration.FromDays(8));
        await d.Service.SubmitAsync(Cmd("s2"), new ComplaintId("C-2"), Intake(d.Clock.GetCurrentInstant()));
        await d.Service.SubmitAsync(Cmd("s3"), new ComplaintId("C-3"), Intake(d.Clock.GetCurrentInstant()));
        await d.Service.SubmitAsync(Cmd("s4"), new ComplaintId("C-4"), Intake(d.Clock.GetCurrentInstant(), customer: "cust-2"));
        Assert.Empty(d.Sink.Sent);

        await d.Service.SubmitAsync(Cmd("s5"), new ComplaintId("C-5"), Intake(d.Clock.GetCurrentInstant()));

        Assert.Equal([("C-5", "retention")], d.Sink.Sent.Select(s => (s.ComplaintId.Value, s.Audience)));
    }

    // A next-update target is an update owed to the customer: at risk and overdue it is notified as an update due.
    [Fact]
    public async Task Sweep_OfANextUpdateTarget_NotifiesAnUpdateDue_AtRiskAndOverdue()
    {
        var sla = new SlaEngine(
        [
            SlaPolicy.CreateBuilder("updates")
                .AddTarget("update", SlaTargetKind.NextUpdate, DeadlineRule.ElapsedTime(Duration.FromHours(4)), BusinessCalendar.AlwaysOpen("Europe/London", 2026, 2027), t => t.WarnAt(0.5))
                .Build(),
        ]);
        var d = new Desk(CreateStore(), sla: sla);
        await d.Service.SubmitAsync(Cmd("submit"), Id, Intake());

        d.Clock.Advance(Duration.FromHours(3));
        await d.Service.SweepAsync();
        d.Clock.Advance(Duration.FromHours(2));
        await d.Service.SweepAsync();

        Assert.Equal(
            [(NotificationKind.UpdateDue, "Agent", "update", Start + Duration.FromHours(3)), (NotificationKind.UpdateDue, "Agent", "update", Start + Duration.FromHours(5))],
            d.Sink.Sent.Select(n => (n.Kind, n.Audience, n.Topic, n.At)));
    }

    [Fact]
    public async Task Sweep_OfATargetAtRiskThenBreached_NotifiesEachOnce_AndRaisesTheLevelPerARule()
    {
        var rules = PolicyRuleSet.CreateBuilder(Lifecycle, Sla)
            .AddRule("acknowledgement breached", PolicyCondition.TargetBreached("acknowledge"), new RaiseLevelAction("Supervisor"))
            .Build();
        var d = new Desk(CreateStore(), sla: Sla, policies: rules);
        await d.Service.SubmitAsync(Cmd("submit"), Id, Intake());
        Assert.Equal(Start + Duration.FromHours(18), (await d.Store.FindAsync(Id))!.NextChangeAt);
        Assert.Equal(new SweepResult(0, []), await d.Service.SweepAsync());

        d.Clock.Advance(Duration.FromHours(19));
        Assert.Equal(new SweepResult(1, []), await d.Service.SweepAsync());
        d.Clock.Advance(Duration.FromHours(1));
        Assert.Equal(new SweepResult(0, []), await d.Service.SweepAsync());
        d.Clock.Advance(Duration.FromHours(5));
        Assert.Equal(new SweepResult(1, []), await d.Service.SweepAsync());
        d.Clock.Advance(Duration.FromHours(5));
        Assert.Equal(new SweepResult(0, []), await d.Service.SweepAsync());

        var record = (await d.Store.FindAsync(Id))!;
        var complaint = Stored(d.Store);
        Assert.Equal((2L, (Instant?)null), (record.Version, record.NextChangeAt));
        Assert.Equal([ComplaintTrigger.RaiseLevel, ComplaintTrigger.RecordPolicyApplication], complaint.History.Select(e => e.Trigger));
        Assert.Equal("Supervisor", complaint.Level.Name);
        Assert.Equal(
            [
                (NotificationKind.SlaWarning, "Agent", "acknowledge", Start + Duration.FromHours(19)),
                (NotificationKind.Escalation, "Supervisor", "RaiseLevel", Start + Duration.FromHours(25)),
                (NotificationKind.SlaBreach, "Supervisor", "acknowledge", Start + Duration.FromHours(25)),
            ],
            d.Sink.Sent.Select(s => (s.Kind, s.Audience, s.Topic, s.At)));
    }

    [Fact]
    public async Task Command_AfterAnUnsweptChange_NotifiesTheTargetsNewState_AndTheSweepThenDoesNot()
    {
        var d = new Desk(CreateStore(), sla: Sla);
        await d.Service.SubmitAsync(Cmd("submit"), Id, Intake());
        d.Clock.Advance(Duration.FromHours(30));

        await d.Service.RecordCommunicationAsync(Cmd("note"), Id, Agent, CommunicationKind.InternalNote, "Looked at it.");
        Assert.Equal(new SweepResult(0, []), await d.Service.SweepAsync());
        await d.Service.AcknowledgeAsync(Cmd("ack"), Id, Agent);

        Assert.Equal([(NotificationKind.SlaBreach, "acknowledge"), (NotificationKind.Acknowledgement, "Acknowledge")], d.Sink.Sent.Select(s => (s.Kind, s.Topic)));
    }

    // One stored complaint that cannot be read, restored or evaluated does not keep the others from their warnings: it
    // is reported with its id and error, nothing is written for it, and the next sweep reports it again.
    [Theory]
    [InlineData("unreadable", typeof(System.Text.Json.JsonException))]
    [InlineData("history that does not fit", typeof(ArgumentException))]
    [InlineData("received outside the calendar's years", typeof(ArgumentOutOfRangeException))]
    public async Task Sweep_OfADueComplaintThatCannotBeEvaluated_ReportsIt_AndEvaluatesTheOthers(string kind, Type error)
    {
        // Working time on a 24x7 calendar: the same deadlines as elapsed time, but read from the calendar's covered years.
        var sla = new SlaEngine(
        [
            SlaPolicy.CreateBuilder("customer")
                .AddTarget("acknowledge", SlaTargetKind.Acknowledge, DeadlineRule.WorkingTime(Duration.FromHours(24)), BusinessCalendar.AlwaysOpen("Europe/London", 2026, 2027), t => t.WarnAt(0.75))
                .Build(),
        ]);
        var d = new Desk(CreateStore(), sla: sla);
        var bad = new ComplaintId("C-2");
        await d.Service.SubmitAsync(Cmd("submit-1"), Id, Intake());
        await PlantAsync(d.Store, bad, kind, Start + Duration.FromHours(18));
        await d.Service.SubmitAsync(Cmd("submit-3"), new ComplaintId("C-3"), Intake());
        var before = await d.Store.FindAsync(bad);
        d.Clock.Advance(Duration.FromHours(19));

        var first = await d.Service.SweepAsync();
        var second = await d.Service.SweepAsync();

        Assert.Equal(2, first.Saved);
        Assert.Equal([bad], first.Failures.Select(f => f.ComplaintId));
        Assert.IsType(error, first.Failures[0].Error);
        ReadOnlyAssert.CannotMutate(first.Failures);
        Assert.Equal(
            [(NotificationKind.SlaWarning, "C-1"), (NotificationKind.SlaWarning, "C-3")],
            d.Sink.Sent.Select(s => (s.Kind, s.ComplaintId.Value)));
        Assert.True((await d.Store.FindAsync(new ComplaintId("C-3")))!.NextChangeAt > d.Clock.GetCurrentInstant());
        Assert.Equal(before, await d.Store.FindAsync(bad));
        Assert.Equal(0, second.Saved);
        Assert.Equal([(bad, error)], second.Failures.Select(f => (f.ComplaintId, f.Error.GetType())));
        Assert.Equal(before, await d.Store.FindAsync(bad));
        Assert.Equal(2, d.Sink.Sent.Count);
    }

    // Across pages, and a save the store refuses for one complaint: the sweep goes on to the next page.
    [Fact]
    public async Task Sweep_WhenTheStoreRefusesOneSave_ReportsThatComplaint_AndGoesOnToTheNextPage()
    {
        var store = new CrashingStore(CreateStore());
        var d = new Desk(store, sla: Sla, options: new ComplaintDeskOptions { SweepPageSize = 1 });
        foreach (var n in new[] { 1, 2, 3 })
        {
            await d.Service.SubmitAsync(Cmd($"submit-{n}"), new ComplaintId($"C-{n}"), Intake());
        }

        d.Clock.Advance(Duration.FromHours(19));
        store.CrashingFor = new ComplaintId("C-2");

        var result = await d.Service.SweepAsync();

        Assert.Equal(2, result.Saved);
        Assert.Equal([(new ComplaintId("C-2"), typeof(IOException))], result.Failures.Select(f => (f.ComplaintId, f.Error.GetType())));
        Assert.Equal(["C-1", "C-3"], d.Sink.Sent.Select(s => s.ComplaintId.Value));
        Assert.Equal(0, (await d.Store.FindAsync(new ComplaintId("C-2")))!.Version);
        Assert.Equal(Start + Duration.FromHours(18), (await d.Store.FindAsync(new ComplaintId("C-2")))!.NextChangeAt!.Value);
    }

    // The sink is not the complaint's failure: the complaint is saved and counted, its notifications stay pending.
    [Fact]
    public async Task Sweep_WhenTheSinkFails_SavesAndCountsTheComplaint_AndItsNotificationsStayPending()
    {
        var sink = new FailingSink();
        var d = new Desk(CreateStore(), sink: sink, sla: Sla);
        await d.Service.SubmitAsync(Cmd("submit"), Id, Intake());
        d.Clock.Advance(Duration.FromHours(19));
        sink.Failing = true;

        var result = await d.Service.SweepAsync();

        Assert.Equal(new SweepResult(1, []), result);
        Assert.True((await d.Store.FindAsync(Id))!.NextChangeAt > d.Clock.GetCurrentInstant());
        Assert.Equal([NotificationKind.SlaWarning], (await d.Store.FindPendingNotificationsAsync(10)).Select(p => p.Notification.Kind));

        sink.Failing = false;

        Assert.Equal(1, await d.Service.DispatchPendingAsync());
        Assert.Equal([NotificationKind.SlaWarning], sink.Sent.Select(n => n.Kind));
    }

    // The caller's cancellation is not a complaint's failure: it ends the sweep.
    [Fact]
    public async Task Sweep_CanceledWhileSavingAComplaint_Throws_AndEvaluatesNoMore()
    {
        using var cancel = new CancellationTokenSource();
        var store = new InterferingStore(CreateStore());
        var d = new Desk(store, sla: Sla);
        await d.Service.SubmitAsync(Cmd("submit-1"), Id, Intake());
        await d.Service.SubmitAsync(Cmd("submit-2"), new ComplaintId("C-2"), Intake());
        d.Clock.Advance(Duration.FromHours(19));
        store.BeforeNextSave = cancel.CancelAsync;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => d.Service.SweepAsync(cancel.Token));

        Assert.Equal(Start + Duration.FromHours(18), (await d.Store.FindAsync(new ComplaintId("C-2")))!.NextChangeAt!.Value);
        Assert.Empty(d.Sink.Sent);
    }

    [Fact]
    public void SweepResult_CopiesItsFailures_AndComparesThemInOrder()
    {
        var failures = new List<SweepFailure> { new(Id, new InvalidOperationException("Bad.")) };

        var result = new SweepResult(3, failures);
        failures.Clear();

        Assert.Single(result.Failures);
        Assert.Equal(new SweepResult(3, [result.Failures[0]]), result);
        Assert.NotEqual(new SweepResult(3, []), result);
        Assert.Equal("SweepResult { Saved = 3, Failures = [C-1: InvalidOperationException] }", result.ToString());
        ReadOnlyAssert.CannotMutate(result.Failures);
        ReadOnlyAssert.CannotMutate(new SweepResult(0, []).Failures);
        Assert.Equal("saved", Assert.Throws<ArgumentOutOfRangeException>(() => new SweepResult(-1, [])).ParamName);
        Assert.Equal("failures", Assert.Throws<ArgumentNullException>(() => new SweepResult(0, [null!])).ParamName);
        Assert.Equal("error", Assert.Throws<ArgumentNullException>(() => new SweepFailure(Id, null!)).ParamName);
    }

    /// <summary>Stores a due complaint the desk cannot evaluate, straight through the store as a broken writer or a hand edit would.</summary>
    private static async Task PlantAsync(IComplaintStore store, ComplaintId id, string kind, Instant nextChangeAt)
    {
        var receivedAt = kind == "received outside the calendar's years" ? Instant.FromUtc(2020, 3, 2, 9, 0) : Start;
        var complaint = Complaint.Receive(id, Intake(receivedAt), Lifecycle);
        var json = ComplaintJson.Serialize(complaint);
        if (kind == "history that does not fit")
        {
            complaint.Acknowledge(Agent, Start + Duration.FromMinutes(1));
            json = ComplaintJson.Serialize(complaint).Replace("\"sequence\": 1,", "\"sequence\": 2,", StringComparison.Ordinal);
        }
        else if (kind == "unreadable")
        {
            json = json[..(json.Length / 2)];
        }

        var record = new ComplaintRecord(id, complaint.Version, json, "cust-1", receivedAt, nextChangeAt, isOpen: true);
        await store.SaveAsync(new ComplaintSave(record, null, null, []));
    }

    [Fact]
    public async Task Commands_WithBadArguments_AreRefused_NamingWhatWasWrong()
    {
        var d = new Desk(CreateStore());

        Assert.Equal("intake", (await Assert.ThrowsAsync<ArgumentNullException>(() => d.Service.SubmitAsync(Cmd("s"), Id, null!))).ParamName);
        Assert.Equal("commandId", (await Assert.ThrowsAsync<ArgumentException>(() => d.Service.SubmitAsync(default, Id, Intake()))).ParamName);
        Assert.Equal("complaintId", (await Assert.ThrowsAsync<ArgumentException>(() => d.Service.SubmitAsync(Cmd("s"), default, Intake()))).ParamName);
        Assert.Equal("actor", (await Assert.ThrowsAsync<ArgumentNullException>(() => d.Service.AcknowledgeAsync(Cmd("a"), Id, null!))).ParamName);
        Assert.Equal("questions", (await Assert.ThrowsAsync<ArgumentNullException>(() => d.Service.RequestInformationAsync(Cmd("q"), Id, Agent, null!))).ParamName);

        var missing = await Assert.ThrowsAsync<ComplaintNotFoundException>(() => d.Service.AcknowledgeAsync(Cmd("a"), new ComplaintId("C-404"), Agent));
        Assert.Equal(new ComplaintId("C-404"), missing.ComplaintId);
        Assert.Contains("Complaint C-404 was not found", missing.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<KeyNotFoundException>(missing);
        Assert.Null(await d.Store.FindAsync(Id));
        Assert.Null(await d.Store.FindAsync(new ComplaintId("C-404")));
    }

    /// <summary>A desk over a store, a recording sink unless given another, and a fake clock at <see cref="Start"/>.</summary>
    private sealed class Desk
    {
        public Desk(IComplaintStore store, INotificationSink? sink = null, SlaEngine? sla = null, PolicyRuleSet? policies = null, ComplaintDeskOptions? options = null)
        {
            Store = store;
            Sink = sink as RecordingNotificationSink ?? new RecordingNotificationSink();
            Service = new ComplaintDesk(store, sink ?? Sink, Lifecycle, Clock, sla, policies, options);
        }

        public FakeClock Clock { get; } = new(Start);

        public IComplaintStore Store { get; }

        public RecordingNotificationSink Sink { get; }

        public ComplaintDesk Service { get; }
    }

    /// <summary>A store that lets another writer save just before the next save, as a second host would.</summary>
    private sealed class InterferingStore(IComplaintStore inner) : ForwardingStore(inner)
    {
        public Func<Task>? BeforeNextSave { get; set; }

        public override async ValueTask<IReadOnlyList<PendingNotification>> SaveAsync(ComplaintSave save, CancellationToken cancellationToken = default)
        {
            if (BeforeNextSave is { } interfere)
            {
                BeforeNextSave = null;
                await interfere();
            }

            return await base.SaveAsync(save, cancellationToken);
        }
    }

    /// <summary>
    /// A store whose saves fail while <see cref="Crashing"/> is set (or, for one complaint, while <see cref="CrashingFor"/>
    /// names it), before reaching the store, as when the process dies.
    /// </summary>
    private sealed class CrashingStore(IComplaintStore inner) : ForwardingStore(inner)
    {
        public bool Crashing { get; set; }

        public ComplaintId? CrashingFor { get; set; }

        public override ValueTask<IReadOnlyList<PendingNotification>> SaveAsync(ComplaintSave save, CancellationToken cancellationToken = default) =>
            Crashing || save.Record.Id == CrashingFor ? throw new IOException("The process died before the save.") : base.SaveAsync(save, cancellationToken);
    }

    /// <summary>A sink that throws while <see cref="Failing"/> is set, and otherwise keeps what it is sent and in which batches.</summary>
    private sealed class FailingSink : INotificationSink
    {
        private readonly RecordingNotificationSink _inner = new();

        public bool Failing { get; set; }

        public List<int> Batches { get; } = [];

        public IReadOnlyList<ComplaintNotification> Sent => _inner.Sent;

        public ValueTask SendAsync(IReadOnlyList<ComplaintNotification> notifications, CancellationToken cancellationToken = default)
        {
            if (Failing)
            {
                throw new InvalidOperationException("The mail server is down.");
            }

            Batches.Add(notifications.Count);
            return _inner.SendAsync(notifications, cancellationToken);
        }
    }
}
