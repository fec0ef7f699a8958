using System.Text.Json;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Complaints.Core.Tests.History;

public sealed class ComplaintJsonTests
{
    private static readonly ComplaintLifecycle Lifecycle = new(new LifecycleOptions { RequireRootCauseToClose = true });
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 15);
    private static readonly Actor Agent = Actor.Staff("anna");
    private static readonly Actor Customer = Actor.Customer("cust-1042");

    private static string GoldenPath => Path.Combine(AppContext.BaseDirectory, "History", "complaint-format-v1.json");

    /// <summary>A complaint whose history holds nearly every kind of entry, used for the golden file.</summary>
    public static Complaint Golden()
    {
        // Received with the intake the golden file holds, and taken through to closed and reopened.
        var c = SampleComplaints.ClosedAndReopened(new ComplaintId("C-2026-000117"), Lifecycle, Start, out var t);
        Instant Next(int minutes) => t += Duration.FromMinutes(minutes);
        c.RaiseLevel(Agent, Next(5), "Repeat failure.");
        c.StartInvestigation(Agent, Next(5));
        c.FlagAbusiveContact(Agent, Next(5), "Threatening call.");
        c.Refer(Agent, Next(60), "Financial Ombudsman Service", "FOS-123");
        return c;
    }

    private static void AssertSameComplaint(Complaint expected, Complaint actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Intake, actual.Intake);
        Assert.Equal(expected.History, actual.History);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.Level, actual.Level);
        Assert.Equal(expected.Snapshot.AgreedRemedies, actual.Snapshot.AgreedRemedies);
        Assert.Equal(expected.Snapshot.HoldingReplyAt, actual.Snapshot.HoldingReplyAt);
    }

    [Fact]
    public void Serialize_ThenDeserialize_GivesTheSameComplaintWithNoPendingEvents()
    {
        var original = Golden();

        var loaded = ComplaintJson.Deserialize(ComplaintJson.Serialize(original), Lifecycle);

        AssertSameComplaint(original, loaded);
        Assert.Empty(loaded.GetPendingEvents());
    }

    [Fact]
    public void Serialize_GoldenComplaint_IsFormatVersion1AsPinned()
    {
        var pinned = File.ReadAllText(GoldenPath).ReplaceLineEndings("\n").TrimEnd('\n');

        Assert.Equal(pinned, ComplaintJson.Serialize(Golden()).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Deserialize_PinnedVersion1File_GivesTheGoldenComplaint()
    {
        var loaded = ComplaintJson.Deserialize(File.ReadAllText(GoldenPath), Lifecycle);

        AssertSameComplaint(Golden(), loaded);
    }

    /// <summary>A complaint raised to the manager and handed back to the supervisor.</summary>
    private static Complaint Lowered()
    {
        var c = Complaint.Receive(new ComplaintId("C-2026-000118"), new ComplaintIntake(FeedbackKind.Complaint, Channel.Phone, new CustomerRef("cust-7"), Category.Parse("Billing"), "Charged twice.", Start), Lifecycle);
        c.Acknowledge(Agent, Start + Duration.FromMinutes(5), null);
        c.RaiseLevel(Agent, Start + Duration.FromMinutes(10), "SLA breached.", toLevel: 2);
        c.LowerLevel(Actor.Staff("mia"), Start + Duration.FromMinutes(70), "Reviewed; the supervisor takes it on.");
        return c;
    }

    [Fact]
    public void Serialize_LoweredComplaint_WritesADeescalationAndRestoresIt()
    {
        var original = Lowered();

        var json = ComplaintJson.Serialize(original);
        var loaded = ComplaintJson.Deserialize(json, Lifecycle);

        Assert.Contains(
            """
                  "trigger": "LowerLevel",
                  "from": "Acknowledged",
                  "to": "Acknowledged",
                  "data": {
                    "type": "Deescalation",
                    "fromLevel": 2,
                    "toLevel": 1,
                    "reason": "Reviewed; the supervisor takes it on."
                  }
            """.ReplaceLineEndings("\n"),
            json.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        AssertSameComplaint(original, loaded);
        Assert.Equal(("Supervisor", 2), (loaded.Level.Name, loaded.Snapshot.HighestLevelRank));
        Assert.Equal(original.LastActivityAt, loaded.Snapshot.LevelReachedAt);
    }

    public static TheoryData<string, string, string> DeescalationTamperings => new()
    {
        { "\"toLevel\": 1,\n        \"reason\": \"Reviewed", "\"toLevel\": 2,\n        \"reason\": \"Reviewed", "toLevel" },
        { "\"toLevel\": 1,\n        \"reason\": \"Reviewed", "\"toLevel\": -1,\n        \"reason\": \"Reviewed", "toLevel" },
        { "\"reason\": \"Reviewed; the supervisor takes it on.\"", "\"reason\": \"\"", "reason" },
        { "\"reason\": \"Reviewed; the supervisor takes it on.\"", "\"reason\": \"Reviewed.\", \"customerConsent\": false", "customerConsent" },
        { "\"type\": \"Deescalation\"", "\"type\": \"Escalation\"", "customerConsent" },
    };

    [Theory]
    [MemberData(nameof(DeescalationTamperings))]
    public void Deserialize_MalformedDeescalation_ThrowsJsonExceptionNamingIt(string find, string replace, string named) =>
        AssertMalformedIsNamed(ComplaintJson.Serialize(Lowered()).ReplaceLineEndings("\n"), find, replace, named);

    [Fact]
    public void Deserialize_DeescalationTheLifecycleRefuses_ThrowsArgumentExceptionNamingTheEntry()
    {
        var json = ComplaintJson.Serialize(Lowered()).ReplaceLineEndings("\n");
        var fromTop = json.Replace("\"fromLevel\": 2,\n        \"toLevel\": 1", "\"fromLevel\": 3,\n        \"toLevel\": 1", StringComparison.Ordinal);
        var onTheWrongTrigger = json.Replace("\"trigger\": \"LowerLevel\"", "\"trigger\": \"RaiseLevel\"", StringComparison.Ordinal);
        Assert.NotEqual(json, fromTop);
        Assert.NotEqual(json, onTheWrongTrigger);

        var misfit = Assert.Throws<ArgumentException>(() => ComplaintJson.Deserialize(fromTop, Lifecycle));
        var wrongData = Assert.Throws<JsonException>(() => ComplaintJson.Deserialize(onTheWrongTrigger, Lifecycle));

        Assert.Contains("history[2] (sequence 3, LowerLevel", misfit.Message, StringComparison.Ordinal);
        Assert.Contains("data.FromLevel is 3, but the complaint is at level 2", misfit.Message, StringComparison.Ordinal);
        Assert.Contains("Deescalation", wrongData.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SerializeWithSystemTextJson_HistoryAndIntake_RoundTrip()
    {
        // Plain JsonSerializer on the history used to write "Data":{} for every entry, and "At":{} for every instant.
        var golden = Golden();
        var json = JsonSerializer.Serialize(golden.History);
        var intake = JsonSerializer.Serialize(golden.Intake);

        Assert.DoesNotContain("{}", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"ResolutionProposal\"", json, StringComparison.Ordinal);
        Assert.Equal(golden.History, JsonSerializer.Deserialize<List<HistoryEntry>>(json));
        Assert.Equal(golden.Intake, JsonSerializer.Deserialize<ComplaintIntake>(intake));
    }

    public static TheoryData<string, string, string> Tamperings => new()
    {
        { "\"formatVersion\": 1", "\"formatVersion\": 2", "format version 1" },
        { "\"formatVersion\": 1,", string.Empty, "formatVersion" },
        { "\"type\": \"Acknowledgement\"", "\"type\": \"Telepathy\"", "Telepathy" },
        { "\"message\": \"Sorry to hear that.\"", "\"message\": \"Sorry to hear that.\", \"mood\": \"sad\"", "mood" },
        { "\"severity\": \"High\"", "\"severity\": \"Huge\"", "severity" },
        { "\"time\": \"PT45M30S\"", "\"time\": \"PT-45M\"", "time" },
        { "\"value\": \"39.90 EUR\"", "\"value\": \"39.90 eur\"", "currency" },
        { "\"value\": \"39.90 EUR\"", "\"value\": \"-1 EUR\"", "amount" },
        { "\"receivedAt\": \"2026-03-02T09:15:00Z\"", "\"receivedAt\": \"yesterday\"", "ISO 8601 instant" },
        { "\"category\": \"Products/Appliances\"", "\"category\": \"Products//Appliances\"", "category" },
        { "\"score\": 4", "\"score\": 9", "score" },
        { "\"time\": \"PT45M30S\"", "\"time\": \"P2147483647D\"", "duration" },
        { "\"time\": \"PT45M30S\"", "\"time\": \"PT9223372036854775807H\"", "duration" },
        { "\"id\": \"C-2026-000117\",", "\"id\": \"C-1\", \"id\": \"C-2026-000117\",", "Duplicate" },
        { "\"formatVersion\": 1,", "\"formatVersion\": 2, \"formatVersion\": 1,", "Duplicate" },
        { "\"kind\": \"Complaint\"", "\"kind\": \"Complaint, Claim\"", "FeedbackKind" },
        { "\"kind\": \"Complaint\"", "\"kind\": \" Claim \"", "FeedbackKind" },
        { "\"kind\": \"Complaint\"", "\"kind\": 1", "FeedbackKind" },
        { "\"kind\": \"Complaint\"", "\"kind\": \"1\"", "FeedbackKind" },
        { "\"history\": [", "\"history\": [null,", "history[0]" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Deserialize_MalformedDocument_ThrowsJsonExceptionNamingIt(string find, string replace, string named) =>
        AssertMalformedIsNamed(ComplaintJson.Serialize(Golden()), find, replace, named);

    private static void AssertMalformedIsNamed(string json, string find, string replace, string named)
    {
        Assert.Contains(find, json, StringComparison.Ordinal);

        var ex = Assert.Throws<JsonException>(() => ComplaintJson.Deserialize(json.Replace(find, replace, StringComparison.Ordinal), Lifecycle));

        Assert.Contains(named, ex.Message + ex.Path, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Deserialize_RepeatedHistory_ThrowsInsteadOfDroppingTheFirst()
    {
        var json = ComplaintJson.Serialize(Golden()).TrimEnd().TrimEnd('}') + ", \"history\": [] }";

        var ex = Assert.Throws<JsonException>(() => ComplaintJson.Deserialize(json, Lifecycle));

        Assert.Contains("Duplicate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_MissingRequiredProperty_ThrowsJsonException()
    {
        var json = ComplaintJson.Serialize(Golden()).Replace("\"note\": \"Threatening call.\"", "\"other\": 1", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => ComplaintJson.Deserialize(json, Lifecycle));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"formatVersion\": \"1\"}")]
    public void Deserialize_NotAComplaintDocument_ThrowsJsonException(string json) =>
        Assert.Throws<JsonException>(() => ComplaintJson.Deserialize(json, Lifecycle));

    [Fact]
    public void Deserialize_HistoryTheLifecycleRefuses_ThrowsArgumentExceptionNamingTheEntry()
    {
        var json = ComplaintJson.Serialize(Golden()).Replace("\"sequence\": 3,", "\"sequence\": 4,", StringComparison.Ordinal);

        var ex = Assert.Throws<ArgumentException>(() => ComplaintJson.Deserialize(json, Lifecycle));

        Assert.Contains("history[2] (sequence 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnderStricterOptions_RefusesTheHistoryTheyForbid()
    {
        var json = ComplaintJson.Serialize(Golden());
        var lowLimits = new ComplaintLifecycle(new LifecycleOptions().ReplaceLadder(
            new EscalationLevelOptions { Name = "Agent", AuthorityLimit = 10m },
            new EscalationLevelOptions { Name = "Supervisor", AuthorityLimit = 10m },
            new EscalationLevelOptions { Name = "Manager", AuthorityLimit = 10m }));

        var ex = Assert.Throws<ArgumentException>(() => ComplaintJson.Deserialize(json, lowLimits));

        Assert.Contains(nameof(ComplaintGuard.WithinAuthority), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SerializeAndDeserialize_Null_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ComplaintJson.Serialize(null!));
        Assert.Throws<ArgumentNullException>(() => ComplaintJson.Deserialize(null!, Lifecycle));
        Assert.Throws<ArgumentNullException>(() => ComplaintJson.Deserialize("{}", null!));
    }

    [Property(MaxTest = 150)]
    public Property RandomComplaint_RoundTripsExactly()
    {
        var texts = Gen.Elements("Hello", "Ünïcødé ✓ \"quoted\"", "line one\nline two", "tab\there", "<b>&amp;</b>", "日本語のテキスト");
        var walks =
            from kind in Gen.Elements(FeedbackKind.Complaint, FeedbackKind.Claim, FeedbackKind.Suggestion)
            from steps in Gen.Choose(0, 40)
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from text in texts
            from nanos in Gen.Choose(0, 999_999_999)
            from cents in Gen.Choose(0, 10_000)
            select (kind, steps, seed, text, nanos, cents);
        return Prop.ForAll(walks.ToArbitrary(), w =>
        {
            var complaint = RandomWalk.Run(Lifecycle, w.kind, w.steps, w.seed, w.text, w.nanos, w.cents);
            var loaded = ComplaintJson.Deserialize(ComplaintJson.Serialize(complaint), Lifecycle);
            AssertSameComplaint(complaint, loaded);
            Assert.Equal(ComplaintJson.Serialize(complaint), ComplaintJson.Serialize(loaded));
            return true.Classify(complaint.State.IsTerminal(), "terminal")
                .Classify(complaint.History.Count > 10, "more than 10 entries");
        });
    }
}

/// <summary>A seeded walk that fires random permitted triggers with random data, mostly forward.</summary>
internal static class RandomWalk
{
    public static Complaint Run(ComplaintLifecycle lifecycle, FeedbackKind kind, int steps, int seed, string text, int nanos, int cents)
    {
        var random = new Random(seed);
        var at = Instant.FromUtc(2026, 1, 5, 8, 0) + Duration.FromNanoseconds(nanos);
        var complaint = Complaint.Receive(
            new ComplaintId($"C-{seed}"),
            new ComplaintIntake(kind, (Channel)random.Next(Enum.GetValues<Channel>().Length), new CustomerRef($"cust-{seed % 17}", tier: random.Next(2) == 0 ? null : "Gold"), Category.Parse("Billing/Refunds"), text, at),
            lifecycle);
        var agent = Actor.Staff("agent");
        for (var i = 0; i < steps; i++)
        {
            at += Duration.FromMinutes(random.Next(0, 3000)) + Duration.FromNanoseconds(random.Next(0, 1000));
            var permitted = complaint.GetPermittedTriggers();
            var forward = permitted.Where(t => t is not (ComplaintTrigger.Withdraw or ComplaintTrigger.Reject or ComplaintTrigger.Refer)).ToArray();
            var pool = forward.Length > 0 && random.Next(10) > 0 ? forward : [.. permitted];
            if (pool.Length == 0)
            {
                break;
            }

            var trigger = pool[random.Next(pool.Length)];
            var money = new Money(cents / 100m, "EUR");
            try
            {
                _ = trigger switch
                {
                    ComplaintTrigger.Acknowledge => complaint.Acknowledge(agent, at, text),
                    ComplaintTrigger.Assess => complaint.Assess(agent, at, (Severity)random.Next(4), (Priority)random.Next(4), null, text),
                    ComplaintTrigger.StartInvestigation => complaint.StartInvestigation(agent, at),
                    ComplaintTrigger.RequestInformation => complaint.RequestInformation(agent, at, [$"Question {random.Next(1000)}?"]),
                    ComplaintTrigger.ProvideInformation => complaint.ProvideInformation(Actor.Customer("c"), at, text),
                    ComplaintTrigger.ProposeResolution => complaint.ProposeResolution(agent, at, [new Remedy(RemedyType.Refund, money), new Remedy(RemedyType.Apology, null, text)]),
                    ComplaintTrigger.AcceptResolution => complaint.AcceptResolution(Actor.Customer("c"), at),
                    ComplaintTrigger.RejectResolution => complaint.RejectResolution(Actor.Customer("c"), at, random.Next(2) == 0, text),
                    ComplaintTrigger.Escalate => complaint.Escalate(agent, at, text, customerConsent: true),
                    ComplaintTrigger.Resolve => complaint.Resolve(agent, at, text),
                    ComplaintTrigger.StartFollowUp => complaint.StartFollowUp(agent, at),
                    ComplaintTrigger.Close => complaint.Close(agent, at, ComplaintOutcome.PartlyUpheld, new RootCause("CAUSE", [text])),
                    ComplaintTrigger.Reopen => complaint.Reopen(Actor.Customer("c"), at, text),
                    ComplaintTrigger.Withdraw => complaint.Withdraw(Actor.Customer("c"), at),
                    ComplaintTrigger.Reject => complaint.Reject(agent, at, RejectionReason.Duplicate, text),
                    ComplaintTrigger.Refer => complaint.Refer(agent, at, "Ombudsman"),
                    ComplaintTrigger.RecordCommunication => complaint.RecordCommunication(agent, at, (CommunicationKind)random.Next(5), text),
                    ComplaintTrigger.ChangePriority => complaint.ChangePriority(agent, at, complaint.Priority == Priority.Urgent ? Priority.Low : Priority.Urgent),
                    ComplaintTrigger.ChangeSeverity => complaint.ChangeSeverity(agent, at, complaint.Severity == Severity.Critical ? Severity.Low : Severity.Critical),
                    ComplaintTrigger.ChangeCategory => complaint.ChangeCategory(agent, at, Category.Parse(complaint.Category.Path == "Billing/Refunds" ? "Billing/Fees" : "Billing/Refunds")),
                    ComplaintTrigger.Assign => complaint.Assign(agent, at, complaint.Team == "Team A" ? "Team B" : "Team A"),
                    ComplaintTrigger.ChangePromisedDate => complaint.ChangePromisedDate(agent, at, complaint.PromisedAt is null ? at + Duration.FromDays(2) : null),
                    ComplaintTrigger.ChangeCustomerTier => complaint.ChangeCustomerTier(agent, at, complaint.CustomerTier == "Gold" ? null : "Gold"),
                    ComplaintTrigger.RaiseLevel => complaint.RaiseLevel(agent, at, text),
                    ComplaintTrigger.LowerLevel => complaint.LowerLevel(agent, at, text),
                    ComplaintTrigger.Rate => complaint.Rate(Actor.Customer("c"), at, random.Next(1, 6), text),
                    ComplaintTrigger.RecordHandlingTime => complaint.RecordHandlingTime(agent, at, Duration.FromSeconds(random.Next(1, 36_000)) + Duration.FromNanoseconds(nanos), "Agent"),
                    ComplaintTrigger.RecordApproval => complaint.RecordApproval(agent, at, text),
                    ComplaintTrigger.FlagAbusiveContact => complaint.FlagAbusiveContact(agent, at, text),
                    ComplaintTrigger.RecordPolicyApplication => complaint.RecordPolicyApplication(agent, at, "rule " + random.Next(0, 3), text),
                    _ => throw new InvalidOperationException($"No data for {trigger}."),
                };
            }
            catch (ComplaintTransitionRefusedException)
            {
                // A data-dependent guard (authority, consent, an answered question) refused; the walk goes on.
            }
        }

        return complaint;
    }
}
