using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using Complaints.Core.Tests.Support;
using NodaTime;
using static Complaints.Core.Tests.Support.TestComplaints;

namespace Complaints.Core.Tests.Metrics;

public sealed class ComplaintFactsTests
{
    private static readonly ComplaintLifecycle Lifecycle = new();

    private static Instant At(int minutes) => Start + Duration.FromMinutes(minutes);

    private static Complaint ClosedAtFirstContact()
    {
        var c = New(Lifecycle);
        c.RecordCommunication(Actor.System("autoresponder"), At(1), CommunicationKind.AutomatedAcknowledgement, "We have your complaint.");
        c.Acknowledge(Agent, At(10));
        c.Assess(Agent, At(20), Severity.Medium, Priority.High);
        c.StartInvestigation(Agent, At(30));
        c.RecordHandlingTime(Agent, At(40), Duration.FromMinutes(45), "agent");
        c.ProposeResolution(Agent, At(50), [new Remedy(RemedyType.Apology), new Remedy(RemedyType.Refund, new Money(20m, "EUR"))]);
        c.AcceptResolution(Customer, At(60));
        c.StartFollowUp(Agent, At(70));
        c.Close(Agent, At(80), ComplaintOutcome.Upheld, new RootCause("PROCESS", ["Manual step missed"]));
        c.Rate(Customer, At(90), 4);
        return c;
    }

    [Fact]
    public void From_ClosedComplaint_SummarisesItsHistory()
    {
        var closed = ClosedAtFirstContact();
        var facts = ComplaintFacts.From(closed.Snapshot, closed.LastActivityAt + Duration.FromSeconds(1), [new SlaResult("response", SlaStatus.Met)]);

        Assert.Equal((ComplaintState.Closed, Start, "Billing/Refunds", "cust-1", "Consumer"), (facts.State, facts.ReceivedAt, facts.Category.Path, facts.Customer.Id, facts.Customer.Segment));
        Assert.Equal(At(10), facts.FirstResponseAt); // the automated acknowledgement does not count
        Assert.Equal(At(80), facts.ClosedAt);
        Assert.Equal(At(80), facts.FirstClosedAt);
        Assert.Null(facts.ReopenedAt);
        Assert.Null(facts.RecontactAt);
        Assert.True(facts.ResolvedAtFirstContact);
        Assert.Equal((ComplaintOutcome?)ComplaintOutcome.Upheld, facts.Outcome);
        Assert.Equal("PROCESS", facts.RootCause);
        Assert.Equal(4, facts.Rating);
        Assert.Equal(0, facts.HighestLevel);
        Assert.Equal([(Duration.FromMinutes(45), "agent")], facts.Handling.Select(h => (h.Time, h.Role)));
        Assert.Equal([RemedyType.Apology, RemedyType.Refund], facts.Remedies.Select(r => r.Type));
        Assert.Equal([new SlaResult("response", SlaStatus.Met)], facts.Sla);
        Assert.Null(facts.Team);
    }

    [Fact]
    public void From_ReopenedComplaint_IsOpenWithItsFirstClosureAndRecontact()
    {
        var complaint = ClosedAtFirstContact();
        complaint.Reopen(Customer, At(2 * 24 * 60), "Still broken.");

        var facts = ComplaintFacts.From(complaint.Snapshot);

        Assert.Equal(ComplaintState.Reopened, facts.State);
        Assert.Null(facts.ClosedAt);
        Assert.Equal(At(80), facts.FirstClosedAt);
        Assert.Equal(At(2 * 24 * 60), facts.ReopenedAt);
        Assert.Equal(At(2 * 24 * 60), facts.RecontactAt);
        Assert.Equal(complaint.Snapshot.AgreedRemedies, facts.Remedies); // compensation agreed before the reopening stays agreed
    }

    [Fact]
    public void From_AsOfBeforeTheClosure_IsOpenThen()
    {
        var complaint = ClosedAtFirstContact();

        var facts = ComplaintFacts.From(complaint.Snapshot, At(79));

        Assert.False(facts.State.IsTerminal());
        Assert.Null(facts.ClosedAt);
        Assert.Null(facts.FirstClosedAt);
        Assert.Equal(complaint.Intake.ReceivedAt, facts.ReceivedAt);
    }

    [Fact]
    public void From_InformationRequestedBeforeClosing_IsNotFirstContact()
    {
        var c = New(Lifecycle);
        c.Acknowledge(Agent, At(10));
        c.Assess(Agent, At(20), Severity.Medium, Priority.High);
        c.StartInvestigation(Agent, At(30));
        c.RequestInformation(Agent, At(40), ["Which order?"]);
        c.ProvideInformation(Customer, At(50), "Order 17.");
        c.ProposeResolution(Agent, At(60), [new Remedy(RemedyType.Apology)]);
        c.AcceptResolution(Customer, At(70));
        c.StartFollowUp(Agent, At(80));
        c.Close(Agent, At(90), ComplaintOutcome.PartlyUpheld);

        var facts = ComplaintFacts.From(c.Snapshot);

        Assert.False(facts.ResolvedAtFirstContact);
        Assert.Equal(At(10), facts.FirstResponseAt);
    }

    [Fact]
    public void From_ComplaintHandedBackDown_StillRecordsTheHighestLevelReached()
    {
        var complaint = TestComplaints.In(ComplaintState.Investigating, Lifecycle);
        complaint.RaiseLevel(TestComplaints.Agent, complaint.Next(), "Breach.", toLevel: 2);
        complaint.LowerLevel(TestComplaints.Agent, complaint.Next(), "Reviewed.", toLevel: 0);

        var facts = ComplaintFacts.From(complaint.Snapshot);

        // The lowering is not an escalation: the complaint counts once, at the highest level it reached.
        Assert.Equal(0, complaint.Level.Rank);
        Assert.Equal(2, facts.HighestLevel);
    }

    [Fact]
    public void From_EscalatedComplaint_RecordsTheHighestLevel()
    {
        var escalated = TestComplaints.In(ComplaintState.Escalated, Lifecycle);
        var facts = ComplaintFacts.From(escalated.Snapshot);

        Assert.Equal(1, facts.HighestLevel);
        Assert.Null(facts.ClosedAt);
        Assert.False(facts.ResolvedAtFirstContact);
    }

    [Theory]
    [InlineData(ComplaintState.Withdrawn)]
    [InlineData(ComplaintState.Rejected)]
    [InlineData(ComplaintState.Referred)]
    public void From_OtherTerminalStates_SetClosedAtWhenTheyWereReached(ComplaintState state)
    {
        var complaint = TestComplaints.In(state, Lifecycle);

        var facts = ComplaintFacts.From(complaint.Snapshot);

        Assert.Equal(complaint.History.Last(e => e.To == state && e.From != state).At, facts.ClosedAt);
        Assert.Null(facts.FirstClosedAt);
    }

    [Fact]
    public void Properties_RefuseBadValues_NamingTheField()
    {
        var id = new ComplaintId("C-1");
        var customer = new CustomerRef("K1");
        var category = Category.Parse("billing");

        Assert.Equal("Rating", Assert.Throws<ArgumentOutOfRangeException>(() => new ComplaintFacts(id, FeedbackKind.Complaint, Channel.Email, category, customer, Start) { Rating = 6 }).ParamName);
        Assert.Equal("HighestLevel", Assert.Throws<ArgumentOutOfRangeException>(() => new ComplaintFacts(id, FeedbackKind.Complaint, Channel.Email, category, customer, Start) { HighestLevel = -1 }).ParamName);
        Assert.Equal("State", Assert.Throws<ArgumentOutOfRangeException>(() => new ComplaintFacts(id, FeedbackKind.Complaint, Channel.Email, category, customer, Start) { State = (ComplaintState)99 }).ParamName);
        Assert.Equal("Team", Assert.Throws<ArgumentException>(() => new ComplaintFacts(id, FeedbackKind.Complaint, Channel.Email, category, customer, Start) { Team = " " }).ParamName);
        Assert.Equal("time", Assert.Throws<ArgumentOutOfRangeException>(() => new HandlingTime(Duration.FromMinutes(-1), null)).ParamName);
        Assert.Equal("Remedies", Assert.Throws<ArgumentException>(() => new ComplaintFacts(id, FeedbackKind.Complaint, Channel.Email, category, customer, Start) { Remedies = [null!] }).ParamName);
        Assert.Contains("second time", Assert.Throws<ArgumentException>(() => new ComplaintFacts(id, FeedbackKind.Complaint, Channel.Email, category, customer, Start)
            { Sla = [new SlaResult("a", SlaStatus.Met), new SlaResult("a", SlaStatus.Open)] }).Message, StringComparison.Ordinal);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new ComplaintFacts(default, FeedbackKind.Complaint, Channel.Email, category, customer, Start)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new ComplaintFacts(id, FeedbackKind.Complaint, Channel.Email, null!, customer, Start));
        Assert.Throws<ArgumentNullException>(() => ComplaintFacts.From(null!, Start));
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => new SlaResult(" ", SlaStatus.Met)).ParamName);
    }
}
