using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Tests.Support;
using NodaTime;
using S = Complaints.Core.Domain.ComplaintState;
using T = Complaints.Core.Domain.ComplaintTrigger;

namespace Complaints.Core.Tests.Lifecycle;

/// <summary>Every guard of the lifecycle, met and unmet.</summary>
public sealed class ComplaintGuardTests
{
    private static readonly Actor Agent = TestComplaints.Agent;
    private static readonly Actor Customer = TestComplaints.Customer;

    private static Remedy Refund(decimal amount, string currency = "EUR") => new(RemedyType.Refund, new Money(amount, currency));

    private static ComplaintTransitionRefusedException AssertRefused(Complaint complaint, Func<Complaint, HistoryEntry> act, ComplaintGuard guard)
    {
        var before = TestComplaints.Snapshot(complaint);
        var ex = Assert.Throws<ComplaintTransitionRefusedException>(() => act(complaint));
        Assert.Contains(guard, ex.UnmetGuards);
        Assert.Contains(guard.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, TestComplaints.Snapshot(complaint));
        return ex;
    }

    [Fact]
    public void ProposeResolution_WithinAgentAuthority_IsAccepted()
    {
        var complaint = TestComplaints.In(S.Investigating);

        complaint.ProposeResolution(Agent, complaint.Next(), [Refund(60m), Refund(40m)]);

        Assert.Equal(S.ResolutionProposed, complaint.State);
    }

    [Fact]
    public void ProposeResolution_AboveAgentAuthority_IsRefusedUntilEscalatedToALevelWithThatAuthority()
    {
        var complaint = TestComplaints.In(S.Investigating);

        AssertRefused(complaint, c => c.ProposeResolution(Agent, c.Next(), [Refund(150m)]), ComplaintGuard.WithinAuthority);

        complaint.Escalate(Agent, complaint.Next(), "Needs a larger refund.", customerConsent: true);
        complaint.ProposeResolution(Actor.Staff("supervisor"), complaint.Next(), [Refund(150m)]);
        Assert.Equal(S.ResolutionProposed, complaint.State);
        Assert.Equal("Supervisor", complaint.Level.Name);
    }

    [Fact]
    public void ProposeResolution_RemedyInAnotherCurrency_IsRefused()
    {
        var complaint = TestComplaints.In(S.Investigating);

        AssertRefused(complaint, c => c.ProposeResolution(Agent, c.Next(), [Refund(1m, "GBP")]), ComplaintGuard.WithinAuthority);
    }

    [Fact]
    public void ProposeResolution_UnlimitedTopLevel_AcceptsAnyAmount()
    {
        var complaint = TestComplaints.In(S.Investigating);
        complaint.RaiseLevel(Agent, complaint.Next(), "Executive review.", toLevel: 3);

        complaint.ProposeResolution(Agent, complaint.Next(), [Refund(1_000_000m)]);

        Assert.Equal(S.ResolutionProposed, complaint.State);
    }

    [Fact]
    public void ProposeResolution_TwoRefundsOfDecimalMaxValueAtUnlimitedTopLevel_IsAccepted()
    {
        var complaint = TestComplaints.In(S.Investigating);
        complaint.RaiseLevel(Agent, complaint.Next(), "Executive review.", toLevel: 3);

        complaint.ProposeResolution(Agent, complaint.Next(), [Refund(decimal.MaxValue), Refund(decimal.MaxValue)]);

        Assert.Equal(S.ResolutionProposed, complaint.State);
    }

    [Fact]
    public void ProposeResolution_TwoRefundsOfDecimalMaxValueAtLimitedLevel_IsRefused()
    {
        var complaint = TestComplaints.In(S.Investigating);
        complaint.RaiseLevel(Agent, complaint.Next(), "Manager review.", toLevel: 2);

        AssertRefused(complaint, c => c.ProposeResolution(Agent, c.Next(), [Refund(decimal.MaxValue), Refund(decimal.MaxValue)]), ComplaintGuard.WithinAuthority);
    }

    [Fact]
    public void RejectResolution_WithConsent_EscalatesToNextLevel()
    {
        var complaint = TestComplaints.In(S.ResolutionProposed);

        var entry = complaint.RejectResolution(Customer, complaint.Next(), consentToEscalate: true, "Not enough.");

        Assert.Equal(S.Escalated, complaint.State);
        Assert.Equal(1, complaint.Level.Rank);
        Assert.Equal(new ResolutionRejection("Not enough.", true, 0, 1), entry.Data);
    }

    [Fact]
    public void RejectResolution_WithoutConsent_ResumesInvestigationAtSameLevel()
    {
        var complaint = TestComplaints.In(S.ResolutionProposed);

        var entry = complaint.RejectResolution(Customer, complaint.Next(), consentToEscalate: false);

        Assert.Equal(S.Investigating, complaint.State);
        Assert.Equal(0, complaint.Level.Rank);
        Assert.Equal(new ResolutionRejection(null, false, 0, 0), entry.Data);
    }

    [Fact]
    public void RejectResolution_AtTopLevel_ResumesInvestigation()
    {
        var complaint = TestComplaints.In(S.Investigating);
        complaint.RaiseLevel(Agent, complaint.Next(), "Executive review.", toLevel: 3);
        complaint.FireDefault(T.ProposeResolution);

        complaint.RejectResolution(Customer, complaint.Next(), consentToEscalate: true);

        Assert.Equal(S.Investigating, complaint.State);
        Assert.Equal(3, complaint.Level.Rank);
    }

    [Fact]
    public void RejectResolution_EscalationOnRejectionTurnedOff_ResumesInvestigation()
    {
        var complaint = TestComplaints.In(S.ResolutionProposed, new ComplaintLifecycle(new LifecycleOptions { EscalateOnRejection = false }));

        complaint.RejectResolution(Customer, complaint.Next(), consentToEscalate: true);

        Assert.Equal(S.Investigating, complaint.State);
    }

    [Fact]
    public void Escalate_WithoutConsentWhereRequired_IsRefused()
    {
        var complaint = TestComplaints.In(S.Investigating);

        AssertRefused(complaint, c => c.Escalate(Agent, c.Next(), "Unhappy.", customerConsent: false), ComplaintGuard.CustomerConsent);
    }

    [Fact]
    public void Escalate_WithoutConsentWhereNotRequired_IsAccepted()
    {
        var complaint = TestComplaints.In(S.Investigating, new ComplaintLifecycle(new LifecycleOptions { RequireCustomerConsentToEscalate = false }));

        complaint.Escalate(Agent, complaint.Next(), "Unhappy.", customerConsent: false);

        Assert.Equal(S.Escalated, complaint.State);
    }

    [Fact]
    public void Escalate_AtTopLevel_IsRefused()
    {
        var complaint = TestComplaints.In(S.Investigating);
        complaint.RaiseLevel(Agent, complaint.Next(), "Executive review.", toLevel: 3);

        AssertRefused(complaint, c => c.Escalate(Agent, c.Next(), "Unhappy.", customerConsent: true), ComplaintGuard.HigherLevelExists);
    }

    [Fact]
    public void Escalate_ToNamedLevel_SkipsLevels()
    {
        var complaint = TestComplaints.In(S.Investigating);

        var entry = complaint.Escalate(Agent, complaint.Next(), "Legal threat.", customerConsent: true, toLevel: 2);

        Assert.Equal(new Escalation(0, 2, "Legal threat.", true), entry.Data);
        Assert.Equal("Manager", complaint.Level.Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Escalate_ToLevelNotAboveCurrentOrBeyondLadder_ThrowsNamingToLevel(int toLevel)
    {
        var complaint = TestComplaints.In(S.Investigating);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => complaint.Escalate(Agent, complaint.Next(), "x", true, toLevel));

        Assert.Equal("toLevel", ex.ParamName);
        Assert.Equal(S.Investigating, complaint.State);
    }

    [Fact]
    public void Close_WithoutOutcome_IsRefused()
    {
        var complaint = TestComplaints.In(S.FollowUp);

        AssertRefused(complaint, c => c.Close(Agent, c.Next(), outcome: null), ComplaintGuard.OutcomeRecorded);
    }

    [Fact]
    public void Close_WithoutRootCauseWhereRequired_IsRefused_WithRootCause_IsAccepted()
    {
        var complaint = TestComplaints.In(S.FollowUp, new ComplaintLifecycle(new LifecycleOptions { RequireRootCauseToClose = true }));

        AssertRefused(complaint, c => c.Close(Agent, c.Next(), ComplaintOutcome.NotUpheld), ComplaintGuard.RootCauseRecorded);

        complaint.Close(Agent, complaint.Next(), ComplaintOutcome.NotUpheld, new RootCause("CUSTOMER.MISUNDERSTANDING", []));
        Assert.Equal(S.Closed, complaint.State);
        Assert.Equal(ComplaintOutcome.NotUpheld, complaint.Outcome);
    }

    [Fact]
    public void Close_WithoutRootCauseWhereNotRequired_IsAccepted()
    {
        var complaint = TestComplaints.In(S.FollowUp);

        complaint.Close(Agent, complaint.Next(), ComplaintOutcome.PartlyUpheld);

        Assert.Equal(S.Closed, complaint.State);
        Assert.Null(complaint.RootCause);
    }

    [Fact]
    public void Close_FromResolvedWhenFollowUpRequired_IsRefused()
    {
        var complaint = TestComplaints.In(S.Resolved);

        AssertRefused(complaint, c => c.Close(Agent, c.Next(), ComplaintOutcome.Upheld), ComplaintGuard.FollowUpNotRequired);
    }

    [Fact]
    public void Close_FromResolvedWhenFollowUpNotRequired_IsAccepted()
    {
        var complaint = TestComplaints.In(S.Resolved, new ComplaintLifecycle(new LifecycleOptions { RequireFollowUp = false }));

        complaint.Close(Agent, complaint.Next(), ComplaintOutcome.Upheld);

        Assert.Equal(S.Closed, complaint.State);
    }

    [Fact]
    public void Reopen_ClosedAtTheEdgeOfTheWindow_IsAccepted_AndCountsACycle()
    {
        var complaint = TestComplaints.In(S.Closed);
        var closedAt = complaint.ClosedAt!.Value;

        complaint.Reopen(Customer, closedAt + Duration.FromDays(28), "Fault came back.");

        Assert.Equal(S.Reopened, complaint.State);
        Assert.Equal(1, complaint.ReopenCount);
        Assert.Null(complaint.ClosedAt);
    }

    [Fact]
    public void Reopen_ClosedAfterTheWindow_IsRefused()
    {
        var complaint = TestComplaints.In(S.Closed);
        var late = complaint.ClosedAt!.Value + Duration.FromDays(28) + Duration.FromSeconds(1);

        AssertRefused(complaint, c => c.Reopen(Customer, late, "Fault came back."), ComplaintGuard.WithinReopenWindow);
    }

    [Fact]
    public void Reopen_WindowFromOptions_IsUsed()
    {
        var complaint = TestComplaints.In(S.Closed, new ComplaintLifecycle(new LifecycleOptions { ReopenWindow = TimeSpan.FromDays(2) }));
        var late = complaint.ClosedAt!.Value + Duration.FromDays(3);

        AssertRefused(complaint, c => c.Reopen(Customer, late, "Fault came back."), ComplaintGuard.WithinReopenWindow);
    }

    [Fact]
    public void RequestInformation_QuestionAlreadyAnswered_IsRefused_NewQuestion_IsAccepted()
    {
        var complaint = TestComplaints.In(S.Investigating);
        complaint.RequestInformation(Agent, complaint.Next(), ["What is your order number?"]);
        complaint.ProvideInformation(Customer, complaint.Next(), "55-1201");
        Assert.True(complaint.WasAnswered(" what is your ORDER number? "));

        AssertRefused(complaint, c => c.RequestInformation(Agent, c.Next(), ["Photo?", "What is your order number?"]), ComplaintGuard.NothingAlreadyAnswered);

        complaint.RequestInformation(Agent, complaint.Next(), ["Photo?"]);
        Assert.Equal(["Photo?"], complaint.OpenQuestions);
    }

    [Fact]
    public void Suggestion_TakesTheShortPath_AcknowledgedRoutedResolvedClosed()
    {
        var suggestion = TestComplaints.New(new ComplaintLifecycle(), FeedbackKind.Suggestion);
        suggestion.FireDefault(T.Acknowledge);
        suggestion.FireDefault(T.Assess);
        suggestion.Assign(Agent, suggestion.Next(), "Product");

        suggestion.Resolve(Agent, suggestion.Next(), "Added to the roadmap.");
        suggestion.Close(Agent, suggestion.Next(), outcome: null);

        Assert.Equal(S.Closed, suggestion.State);
        Assert.Equal("Product", suggestion.Team);
    }

    [Fact]
    public void Suggestion_ProposeResolutionAndFollowUp_AreRefused()
    {
        var suggestion = TestComplaints.New(new ComplaintLifecycle(), FeedbackKind.Suggestion);
        foreach (var trigger in TestComplaints.PathTo(S.Investigating))
        {
            suggestion.FireDefault(trigger);
        }

        AssertRefused(suggestion, c => c.FireDefault(T.ProposeResolution), ComplaintGuard.NotSuggestion);
        suggestion.FireDefault(T.Resolve);
        AssertRefused(suggestion, c => c.FireDefault(T.StartFollowUp), ComplaintGuard.NotSuggestion);
    }

    [Fact]
    public void Resolve_Complaint_IsRefused()
    {
        var complaint = TestComplaints.In(S.Investigating);

        AssertRefused(complaint, c => c.FireDefault(T.Resolve), ComplaintGuard.Suggestion);
    }

    [Fact]
    public void FlagAbusiveContact_EndsConversationWithoutLosingTheCase_ThenRejectAsAbusive()
    {
        var complaint = TestComplaints.In(S.Investigating);

        complaint.FlagAbusiveContact(Agent, complaint.Next(), "Threats on the phone; call ended.");

        Assert.True(complaint.IsFlaggedAbusive);
        Assert.Equal(S.Investigating, complaint.State);
        complaint.Reject(Agent, complaint.Next(), RejectionReason.Abusive);
        Assert.Equal(S.Rejected, complaint.State);
        Assert.Equal(3 + 2, complaint.History.Count);
    }

    [Theory]
    [InlineData(S.Closed)]
    [InlineData(S.Withdrawn)]
    public void RecordingTriggers_InTerminalState_AllowDocumentationButNoFieldChanges(S state)
    {
        var complaint = TestComplaints.In(state);

        complaint.FireDefault(T.RecordCommunication);
        complaint.FireDefault(T.RecordHandlingTime);
        complaint.FireDefault(T.RecordApproval);
        complaint.FireDefault(T.FlagAbusiveContact);
        foreach (var trigger in new[] { T.ChangePriority, T.ChangeSeverity, T.ChangeCategory, T.Assign, T.ChangePromisedDate, T.ChangeCustomerTier, T.RaiseLevel, T.LowerLevel })
        {
            var before = TestComplaints.Snapshot(complaint);
            var ex = Assert.Throws<ComplaintTransitionRefusedException>(() => complaint.FireDefault(trigger));
            Assert.Equal(trigger, ex.Trigger);
            Assert.Equal(before, TestComplaints.Snapshot(complaint));
        }
    }

    [Theory]
    [InlineData(S.Investigating, false)]
    [InlineData(S.Resolved, true)]
    [InlineData(S.FollowUp, true)]
    [InlineData(S.Closed, true)]
    [InlineData(S.Withdrawn, false)]
    public void Rate_OnlyAfterResolution(S state, bool accepted)
    {
        var complaint = TestComplaints.In(state);

        if (accepted)
        {
            complaint.Rate(Customer, complaint.Next(), 5);
            Assert.Equal(5, complaint.Rating);
        }
        else
        {
            Assert.Throws<ComplaintTransitionRefusedException>(() => complaint.Rate(Customer, complaint.Next(), 5));
            Assert.Null(complaint.Rating);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Rate_ScoreOutOfRange_ThrowsNamingScore(int score)
    {
        var complaint = TestComplaints.In(S.Resolved);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => complaint.Rate(Customer, complaint.Next(), score));

        Assert.Equal("score", ex.ParamName);
    }

    [Fact]
    public void RaiseLevel_ChangesLevelNotState_AndIsRefusedAtTop()
    {
        var complaint = TestComplaints.In(S.AwaitingCustomer);

        complaint.RaiseLevel(Agent, complaint.Next(), "Breach.");
        complaint.RaiseLevel(Agent, complaint.Next(), "Breach.", toLevel: 3);

        Assert.Equal(S.AwaitingCustomer, complaint.State);
        Assert.Equal("Executive", complaint.Level.Name);
        Assert.False(complaint.CanFire(T.RaiseLevel));
        Assert.Throws<ComplaintTransitionRefusedException>(() => complaint.RaiseLevel(Agent, complaint.Next(), "Breach."));
    }

    [Fact]
    public void LowerLevel_HandsTheCaseBackDownWithoutChangingTheState_AndRecordsADeescalation()
    {
        var complaint = TestComplaints.In(S.AwaitingCustomer);
        complaint.RaiseLevel(Agent, complaint.Next(), "Breach.", toLevel: 3);
        var at = complaint.Next();

        var entry = complaint.LowerLevel(Agent, at, "Reviewed by the executive.", toLevel: 1);
        complaint.LowerLevel(Agent, complaint.Next(), "Back to the agent.");

        Assert.Equal((T.LowerLevel, S.AwaitingCustomer, S.AwaitingCustomer), (entry.Trigger, entry.From, entry.To));
        Assert.Equal(new Deescalation(3, 1, "Reviewed by the executive."), entry.Data);
        Assert.Equal(S.AwaitingCustomer, complaint.State);
        Assert.Equal("Agent", complaint.Level.Name);
        Assert.Equal(3, complaint.Snapshot.HighestLevelRank);
        Assert.Equal(complaint.LastActivityAt, complaint.Snapshot.LevelReachedAt);
        Assert.Equal(entry, complaint.AsOf(at).History[^1]);
        Assert.Equal(1, complaint.AsOf(at).LevelRank);
    }

    [Fact]
    public void LowerLevel_AtTheFirstLevel_IsRefusedNamingTheGuard()
    {
        var complaint = TestComplaints.In(S.Investigating);

        Assert.False(complaint.CanFire(T.LowerLevel));
        Assert.DoesNotContain(T.LowerLevel, complaint.GetPermittedTriggers());
        var ex = AssertRefused(complaint, c => c.LowerLevel(Agent, c.Next(), "Reviewed."), ComplaintGuard.LowerLevelExists);
        Assert.Equal((S.Investigating, T.LowerLevel), (ex.State, ex.Trigger));
        AssertRefused(complaint, c => c.LowerLevel(Agent, c.Next(), "Reviewed.", toLevel: -1), ComplaintGuard.LowerLevelExists);
    }

    [Fact]
    public void LowerLevel_InATerminalState_IsRefused()
    {
        var complaint = TestComplaints.In(S.Investigating);
        complaint.RaiseLevel(Agent, complaint.Next(), "Breach.");
        complaint.Withdraw(Customer, complaint.Next());
        var before = TestComplaints.Snapshot(complaint);

        var ex = Assert.Throws<ComplaintTransitionRefusedException>(() => complaint.LowerLevel(Agent, complaint.Next(), "Reviewed."));

        Assert.Equal((S.Withdrawn, T.LowerLevel), (ex.State, ex.Trigger));
        Assert.Empty(ex.UnmetGuards);
        Assert.Equal(before, TestComplaints.Snapshot(complaint));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(-1)]
    public void LowerLevel_ToLevelNotBelowCurrentOrNegative_ThrowsNamingToLevel(int toLevel)
    {
        var complaint = TestComplaints.In(S.Investigating);
        complaint.RaiseLevel(Agent, complaint.Next(), "Breach.", toLevel: 2);
        var before = TestComplaints.Snapshot(complaint);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => complaint.LowerLevel(Agent, complaint.Next(), "Reviewed.", toLevel));

        Assert.Equal("toLevel", ex.ParamName);
        Assert.Equal(before, TestComplaints.Snapshot(complaint));
    }

    [Fact]
    public void LowerLevel_BadReasonOrActorOrInstant_ThrowsNamingIt()
    {
        var complaint = TestComplaints.In(S.Investigating);
        complaint.RaiseLevel(Agent, complaint.Next(), "Breach.");
        var before = TestComplaints.Snapshot(complaint);

        Assert.Equal("reason", Assert.Throws<ArgumentNullException>(() => complaint.LowerLevel(Agent, complaint.Next(), null!)).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => complaint.LowerLevel(Agent, complaint.Next(), " ")).ParamName);
        Assert.Equal("actor", Assert.Throws<ArgumentNullException>(() => complaint.LowerLevel(null!, complaint.Next(), "Reviewed.")).ParamName);
        Assert.Equal("at", Assert.Throws<ArgumentOutOfRangeException>(() => complaint.LowerLevel(Agent, complaint.LastActivityAt - Duration.FromMinutes(1), "Reviewed.")).ParamName);
        Assert.Equal(before, TestComplaints.Snapshot(complaint));
    }

    [Theory]
    [InlineData(1, 1, "toLevel")]
    [InlineData(1, 2, "toLevel")]
    [InlineData(1, -1, "toLevel")]
    [InlineData(-1, -2, "fromLevel")]
    public void Deescalation_ToLevelNotBelowFromLevel_ThrowsNamingTheField(int fromLevel, int toLevel, string field)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Deescalation(fromLevel, toLevel, "Reviewed."));

        Assert.Equal(field, ex.ParamName);
    }

    [Fact]
    public void FieldChanges_UpdateFieldsAndRecordOldAndNew()
    {
        var complaint = TestComplaints.In(S.Investigating);
        var promised = complaint.Next() + Duration.FromDays(3);

        var priority = complaint.ChangePriority(Agent, complaint.Next(), Priority.Urgent);
        complaint.ChangeSeverity(Agent, complaint.Next(), Severity.Critical);
        complaint.ChangeCategory(Agent, complaint.Next(), Category.Parse("Billing/Fraud"));
        var assign = complaint.Assign(Agent, complaint.Next(), "Fraud", "frank");
        complaint.ChangePromisedDate(Agent, complaint.Next(), promised);
        complaint.ChangeCustomerTier(Agent, complaint.Next(), "Platinum");

        Assert.Equal(new PriorityChange(Priority.High, Priority.Urgent), priority.Data);
        Assert.Equal(new AssignmentChange(null, null, "Fraud", "frank"), assign.Data);
        Assert.Equal(
            (Priority.Urgent, Severity.Critical, "Billing/Fraud", "Fraud", "frank", (Instant?)promised, "Platinum"),
            (complaint.Priority, complaint.Severity, complaint.Category.Path, complaint.Team, complaint.Assignee, complaint.PromisedAt, complaint.CustomerTier));
    }

    [Fact]
    public void FieldChange_ToCurrentValue_ThrowsNamingTheField()
    {
        var complaint = TestComplaints.In(S.Investigating);

        var ex = Assert.Throws<ArgumentException>(() => complaint.ChangePriority(Agent, complaint.Next(), complaint.Priority));

        Assert.Equal("priority", ex.ParamName);
    }

    [Fact]
    public void ProposeResolution_SuggestionAfterEscalation_IsRefusedAsNotSuggestion()
    {
        var suggestion = TestComplaints.New(new ComplaintLifecycle(), FeedbackKind.Suggestion);
        foreach (var trigger in new[] { T.Acknowledge, T.Assess, T.StartInvestigation, T.Escalate })
        {
            suggestion.FireDefault(trigger);
        }

        var ex = AssertRefused(suggestion, c => c.ProposeResolution(Agent, c.Next(), [Refund(50m)]), ComplaintGuard.NotSuggestion);

        Assert.Equal(S.Escalated, ex.State);
    }

    [Fact]
    public void Assign_TeamAtTheNameLimit_GivesFacts_OneMore_IsRefusedNamingTeam()
    {
        var complaint = TestComplaints.In(S.Investigating);

        complaint.Assign(Agent, complaint.Next(), new string('t', TextLimits.Name));
        var facts = Core.Metrics.ComplaintFacts.From(complaint.Snapshot);
        var ex = Assert.Throws<ArgumentException>(() => complaint.Assign(Agent, complaint.Next(), new string('t', TextLimits.Name + 1)));

        Assert.Equal(128, facts.Team!.Length);
        Assert.Equal("team", ex.ParamName);
    }
}
