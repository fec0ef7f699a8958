using System.Globalization;
using System.Text.RegularExpressions;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Complaints.Core.Tests.Lifecycle;

/// <summary>Restore over random live walks and random tamperings of their histories.</summary>
public sealed partial class ComplaintRestoreTests
{
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 150)]
    public Property Restore_LiveWalk_EqualsTheLiveComplaintNowAndAsOfEveryInstant(Scenario scenario)
    {
        var (live, lifecycle, _) = ComplaintWalk.Run(scenario);

        var restored = Complaint.Restore(live.Id, live.Intake, live.History, lifecycle);

        ComplaintAssert.Same(live, restored);
        Assert.Empty(restored.GetPendingEvents());
        var history = live.History;
        Instant[] instants =
        [
            live.Intake.ReceivedAt - Duration.FromMinutes(1),
            live.Intake.ReceivedAt,
            .. history.Where((_, i) => i % 7 == 3).Select(e => e.At),
            live.LastActivityAt,
            live.LastActivityAt + Duration.FromMilliseconds(1),
        ];
        foreach (var t in instants)
        {
            ComplaintAssert.SameProperties(live.AsOf(t), restored.AsOf(t));

            // As of an instant is what a history cut at that instant restores to.
            var prefix = Complaint.Restore(live.Id, live.Intake, history.TakeWhile(e => e.At <= t), lifecycle);
            ComplaintAssert.SameProperties(prefix.Snapshot, restored.AsOf(t));
        }

        return true.ToProperty().Classify(history.Count >= 10, "ten entries or more").Collect($"ends {live.State}");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 250)]
    public Property Restore_TamperedHistory_IsRefusedNamingTheEntryOrIsOneTheVerbsCouldRecord(Scenario scenario, Tampering tampering)
    {
        var (live, lifecycle, _) = ComplaintWalk.Run(scenario);
        if (live.History.Count < 2)
        {
            return true.ToProperty().Classify(true, "too short to tamper");
        }

        HistoryEntry[] tampered;
        int first;
        try
        {
            (tampered, first) = Tamper(live.History, tampering);
        }
        catch (ArgumentException ex) when (ex.GetType() == typeof(ArgumentException) || ex.GetType() == typeof(ArgumentOutOfRangeException))
        {
            Assert.False(string.IsNullOrEmpty(ex.ParamName), ex.Message);
            return true.ToProperty().Classify(true, "refused by a constructor").Collect(tampering.Kind);
        }

        Complaint restored;
        try
        {
            restored = Complaint.Restore(live.Id, live.Intake, tampered, lifecycle);
        }
        catch (ArgumentException ex) when (ex.GetType() == typeof(ArgumentException))
        {
            Assert.Equal("history", ex.ParamName);
            var named = EntryNamed().Match(ex.Message);
            Assert.True(named.Success, ex.Message);
            var index = int.Parse(named.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(index, first, tampered.Length - 1);
            Assert.Equal(tampered[index].Sequence, long.Parse(named.Groups[2].Value, CultureInfo.InvariantCulture));
            return true.ToProperty().Classify(true, "refused by Restore").Collect(tampering.Kind);
        }

        // Accepted: the live verbs, called with the entries' own arguments, record exactly this history.
        var replayed = ComplaintWalk.ReplayThroughVerbs(live.Id, live.Intake, tampered, lifecycle);
        ComplaintAssert.Same(replayed, restored);
        ComplaintAssert.Same(restored, Complaint.Restore(live.Id, live.Intake, restored.History, lifecycle));
        return true.ToProperty().Classify(true, "accepted").Collect(tampering.Kind);
    }

    [GeneratedRegex(@"^history\[(\d+)\] \(sequence (-?\d+), ")]
    private static partial Regex EntryNamed();

    private static HistoryEntry[] Renumbered(IEnumerable<HistoryEntry> entries) =>
        [.. entries.Select((e, i) => e.Sequence == i + 1 ? e : With(e, sequence: i + 1))];

    // Returns the tampered history and the first position that differs from the original.
    private static (HistoryEntry[] History, int First) Tamper(IReadOnlyList<HistoryEntry> original, Tampering t)
    {
        var list = original.ToList();
        var i = t.Index % list.Count;
        var pick = t.Pick;
        var states = Enum.GetValues<ComplaintState>();
        var triggers = Enum.GetValues<ComplaintTrigger>();
        var minutes = Duration.FromMinutes(pick % 3 == 0 ? 1 : pick * 60);
        switch (t.Kind)
        {
            case TamperKind.Drop:
                list.RemoveAt(i);
                break;
            case TamperKind.Swap:
                var j = t.Other % list.Count;
                j = j == i ? (i + 1) % list.Count : j;
                (list[i], list[j]) = (list[j], list[i]);
                i = Math.Min(i, j);
                break;
            case TamperKind.Duplicate:
                list.Insert(i + 1, list[i]);
                i++;
                break;
            case TamperKind.ChangeData:
                list[i] = With(list[i], data: Mutate(list[i].Data, pick));
                break;
            case TamperKind.ChangeFrom:
                list[i] = With(list[i], from: states[pick % states.Length]);
                break;
            case TamperKind.ChangeTo:
                list[i] = With(list[i], to: states[pick % states.Length]);
                break;
            case TamperKind.ChangeTrigger:
                list[i] = With(list[i], trigger: triggers[pick % triggers.Length]);
                break;
            case TamperKind.MoveEarlier:
                list[i] = With(list[i], at: list[i].At - minutes);
                break;
            case TamperKind.MoveLater:
                list[i] = With(list[i], at: list[i].At + minutes);
                break;
        }

        var tampered = t.Renumber ? Renumbered(list) : [.. list];
        return (tampered, Math.Min(i, tampered.Length - 1));
    }

    // Changes one field of the data; the data's constructor may refuse the change.
    private static HistoryData Mutate(HistoryData data, int pick) => data switch
    {
        Acknowledgement d => new Acknowledgement(d.Message is null ? "Changed." : null),
        Assessment d when pick % 2 == 0 => new Assessment(d.Severity, (Priority)(((int)d.Priority + 1) % 4), d.Category, d.Summary),
        Assessment d => new Assessment((Severity)(((int)d.Severity + 1) % 4), d.Priority, Category.Parse("Other/Area"), d.Summary),
        TransitionNote d => new TransitionNote(d.Note is null ? "Changed." : null),
        InformationRequest d => new InformationRequest([.. d.Questions, $"Q{pick % 3}?"]),
        InformationProvided d => new InformationProvided(d.Answer is null ? "Changed." : null),
        ResolutionProposal d => new ResolutionProposal([new Remedy(RemedyType.Refund, new Money(pick, pick % 5 == 0 ? "GBP" : "EUR"))], d.Explanation),
        ResolutionAcceptance d => new ResolutionAcceptance(d.Comment is null ? "Changed." : null),
        ResolutionRejection d when pick % 3 == 0 => new ResolutionRejection(d.Comment, !d.ConsentToEscalate, d.FromLevel, d.ToLevel),
        ResolutionRejection d when pick % 3 == 1 => new ResolutionRejection(d.Comment, d.ConsentToEscalate, d.FromLevel, d.ToLevel == d.FromLevel ? d.FromLevel + 1 : d.FromLevel),
        ResolutionRejection d => new ResolutionRejection(d.Comment, d.ConsentToEscalate, d.FromLevel + 1, d.ToLevel + 1 + (pick % 2)),
        Escalation d when pick % 3 == 0 => new Escalation(d.FromLevel, d.ToLevel + 1, d.Reason, d.CustomerConsent),
        Escalation d when pick % 3 == 1 => new Escalation(d.FromLevel + 1, d.ToLevel, d.Reason, d.CustomerConsent),
        Escalation d => new Escalation(d.FromLevel, d.ToLevel, d.Reason, !d.CustomerConsent),
        Deescalation d when pick % 3 == 0 => new Deescalation(d.FromLevel, d.ToLevel + 1, d.Reason),
        Deescalation d when pick % 3 == 1 => new Deescalation(d.FromLevel + 1, d.ToLevel, d.Reason),
        Deescalation d => new Deescalation(d.FromLevel, d.ToLevel - 1, d.Reason),
        Closure d when pick % 3 == 0 => new Closure(null, d.RootCause),
        Closure d when pick % 3 == 1 => new Closure(d.Outcome, d.RootCause is null ? new RootCause("NEW", []) : null),
        Closure d => new Closure((ComplaintOutcome)(pick % 4), d.RootCause),
        Reopening d => new Reopening(d.Reason + " Again."),
        Rejection d => new Rejection((RejectionReason)(pick % 4), d.Note),
        Referral d => new Referral(d.Body + " 2", d.Reference),
        Communication d => new Communication((CommunicationKind)(pick % 7), d.Text),
        PriorityChange d => pick % 2 == 0 ? new PriorityChange(d.To, d.From) : new PriorityChange((Priority)(pick % 5), d.To),
        SeverityChange d => pick % 2 == 0 ? new SeverityChange(d.To, d.From) : new SeverityChange((Severity)(pick % 5), d.To),
        CategoryChange d => new CategoryChange(d.To, d.From),
        AssignmentChange d => new AssignmentChange(d.ToTeam, d.ToAssignee, d.FromTeam, d.FromAssignee),
        PromisedDateChange d => new PromisedDateChange(d.To, d.From),
        CustomerTierChange d => new CustomerTierChange(d.To, d.From),
        Rating d => new Rating(pick % 7, d.Comment),
        HandlingTime d => new HandlingTime(d.Time + Duration.FromMinutes((pick % 3) - 1), d.Role),
        Approval d => new Approval(d.Subject + " 2", d.Note),
        AbusiveContact d => new AbusiveContact(d.Note + " 2"),
        PolicyApplication d => new PolicyApplication(d.Rule + " 2", d.Note),
        _ => throw new ArgumentOutOfRangeException(nameof(data), data, null),
    };
}
