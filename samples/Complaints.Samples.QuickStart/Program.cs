// The story of source article 000 ("8 steps for handling complaints"): a customer's complaint is received,
// acknowledged, information is gathered, a refund is proposed, the customer rejects it, the case is escalated to a
// supervisor, a replacement is proposed and accepted, the complaint is resolved, followed up and closed with the
// customer's rating.
using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.History;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using Complaints.Core.Sla;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

var lifecycle = new ComplaintLifecycle(new LifecycleOptions { AuthorityCurrency = "EUR" });
var start = InstantPattern.General.Parse("2026-03-02T09:15:00Z").Value;
var agent = Actor.Staff("anna.agent");
var supervisor = Actor.Staff("sam.supervisor");
var customer = Actor.Customer("cust-1042");

var complaint = Complaint.Receive(
    new ComplaintId("C-2026-000117"),
    new ComplaintIntake(
        FeedbackKind.Complaint,
        Channel.Email,
        new CustomerRef("cust-1042", tier: "Gold", segment: "Consumer"),
        Category.Parse("Products/Appliances/Defect"),
        "The kettle I bought stopped working after two days.",
        receivedAt: start,
        occurredAt: start - Duration.FromDays(1),
        desiredOutcome: "A working kettle.",
        contact: "customer@example.org"),
    lifecycle);

// Step 1: acknowledge quickly and with empathy.
complaint.Acknowledge(agent, start + Duration.FromMinutes(20), "We are sorry your kettle failed; we are on it.");
complaint.Assess(agent, start + Duration.FromHours(1), Severity.Medium, Priority.High, summary: "Defective on arrival.");
complaint.Assign(agent, start + Duration.FromHours(1), team: "Appliances", assignee: "anna.agent");
complaint.StartInvestigation(agent, start + Duration.FromHours(2));

// Step 2: gather information; ask only what is missing.
complaint.RequestInformation(agent, start + Duration.FromHours(3), ["Order number?", "Photo of the rating plate?"]);
complaint.ProvideInformation(customer, start + Duration.FromHours(26), "Order 55-1201, photo attached.");

// Step 3: apologise and offer a remedy within the agent's authority.
complaint.ProposeResolution(
    agent,
    start + Duration.FromHours(28),
    [new Remedy(RemedyType.Apology), new Remedy(RemedyType.Refund, new Money(39.90m, "EUR"))],
    "We apologise and will refund the price in full.");

// Step 7: the customer wants a kettle, not money, and agrees to escalation.
complaint.RejectResolution(customer, start + Duration.FromHours(30), consentToEscalate: true, "I want a replacement.");

// The supervisor reviews and proposes a replacement, which the customer accepts.
complaint.ProposeResolution(
    supervisor,
    start + Duration.FromHours(32),
    [new Remedy(RemedyType.Apology), new Remedy(RemedyType.Replacement, new Money(39.90m, "EUR"), "Same model, express delivery")]);
complaint.AcceptResolution(customer, start + Duration.FromHours(33), "Thank you.");
complaint.RecordHandlingTime(supervisor, start + Duration.FromHours(33), Duration.FromMinutes(25), "Supervisor");

// Step 4: follow up a few days later; step 5: document and close with the outcome and the customer's rating.
complaint.StartFollowUp(agent, start + Duration.FromDays(4));
complaint.Rate(customer, start + Duration.FromDays(4) + Duration.FromHours(1), 5, "Quick and kind.");
complaint.Close(
    agent,
    start + Duration.FromDays(4) + Duration.FromHours(2),
    ComplaintOutcome.Upheld,
    new RootCause("SUPPLIER.QUALITY", ["Heating element failed", "Batch not tested", "Supplier skipped final QA"]));

Console.WriteLine($"Complaint {complaint.Id}: {complaint.State}, level {complaint.Level.Name}, rating {complaint.Rating}");
Console.WriteLine();
Console.WriteLine("History:");
foreach (var entry in complaint.History)
{
    var move = entry.IsStateChange ? $"{entry.From} -> {entry.To}" : $"{entry.From}";
    Console.WriteLine($"  {entry.Sequence,2}. {entry.At:uuuu-MM-dd HH:mm}  {entry.Actor,-22} {entry.Trigger,-20} {move,-42} {Describe(entry.Data)}");
}

// Saved as the canonical JSON format and loaded back: every entry is checked again on the way in.
var saved = ComplaintJson.Serialize(complaint);
var loaded = ComplaintJson.Deserialize(saved, lifecycle);
Console.WriteLine();
Console.WriteLine($"Saved as {saved.Length:N0} characters of JSON (format version {ComplaintJson.FormatVersion}); loaded back: {loaded.State}, {loaded.Version} entries, same history: {loaded.History.SequenceEqual(complaint.History)}");

// The deadlines that applied, on an England and Wales business calendar.
var englandAndWales = BusinessCalendar.CreateBuilder("Europe/London")
    .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
    .AddHolidays(UkBankHolidays.EnglandAndWales)
    .Covering(2025, 2030)
    .Build();
// The SLA engine derives every deadline and its status from the history: the acknowledgement is met by the
// acknowledgement, the FCA summary resolution by the resolution the customer accepted, not by the closing after the
// follow-up. Evaluated as of the closing; a past instant would give what was true then.
var sla = new SlaEngine([SlaPresets.Acknowledge24Hours(englandAndWales), SlaPresets.FcaDisp(englandAndWales)]);
Console.WriteLine();
Console.WriteLine("Deadlines (Europe/London, England and Wales bank holidays):");
foreach (var policy in sla.Evaluate(complaint.Snapshot, complaint.LastActivityAt).Policies)
{
    foreach (var target in policy.Targets)
    {
        Console.WriteLine($"  {policy.Policy.Name + ": " + target.Target.Name,-36} due {target.Deadline:uuuu-MM-dd HH:mm}Z  {target.State.ToString().ToLowerInvariant(),-8} at {target.MetAt:uuuu-MM-dd HH:mm}Z  ({target.Target.Rule.Source})");
    }
}

// Metrics for March 2026: the story's complaint and 300 simulated ones, gathered in two shards and merged.
var asOf = Instant.FromUtc(2026, 4, 1, 0, 0);
var calculator = new MetricsCalculator(new MetricsOptions
{
    Calendar = englandAndWales,
    RoleHourlyRates = { ["Agent"] = 32m, ["Supervisor"] = 55m },
    CustomerBase = 12_000,
    TopCustomers = 3,
});
var period = new Interval(Instant.FromUtc(2026, 3, 1, 0, 0), asOf);
var shards = new[] { calculator.CreateAccumulator(period), calculator.CreateAccumulator(period) };
var all = MonthOfComplaints.Simulate(lifecycle, 300, asOf, seed: 2026).Prepend(complaint).ToList();
for (var i = 0; i < all.Count; i++)
{
    shards[i % 2].Add(ComplaintFacts.From(all[i].Snapshot, asOf, sla));
}

shards[0].Merge(shards[1]);
var report = shards[0].ToReport();
string Pct(double? share) => share is { } s ? s.ToString("P0", CultureInfo.InvariantCulture) : "n/a";
string Days(Duration? d) => d is { } v ? $"{v.TotalDays:0.0} days" : "n/a";
Console.WriteLine();
Console.WriteLine($"Metrics for March 2026 ({report.Added} complaints, two shards merged):");
Console.WriteLine($"  received {report.Volume.Received}, closed {report.Volume.Closed}, open at the end {report.Backlog.Open} (oldest {Days(report.Backlog.OldestAge)})");
Console.WriteLine($"  first response: median {report.FirstResponseTime.Median:H:mm} h, p90 {report.FirstResponseTime.P90:H:mm} h");
Console.WriteLine($"  resolution: median {Days(report.ResolutionTime.Median)}, p90 {Days(report.ResolutionTime.P90)}, mean {Days(report.ResolutionTime.Mean)}");
Console.WriteLine($"  timeliness: {string.Join(", ", report.Timeliness.Mix.Select(m => $"{m.Label} {Pct(m.Share)}"))}");
Console.WriteLine($"  SLA: {string.Join(", ", report.Sla.Select(s => $"{s.Target} {Pct(s.Compliance)} met ({s.Open} still open)"))}");
Console.WriteLine($"  satisfaction {Pct(report.Satisfaction.Rate)} of {report.Satisfaction.Rated} rated (average {report.Satisfaction.AverageScore:0.0}), response rate {Pct(report.Satisfaction.ResponseRate)}");
Console.WriteLine($"  first-contact resolution {Pct(report.Resolution.FirstContactResolutionRate)}, escalation {Pct(report.Resolution.EscalationRate)}, upheld {Pct(report.Resolution.UpheldRate)}, {report.Resolution.PerThousandCustomers:0.0} per 1,000 customers");
Console.WriteLine($"  cost {report.Cost.Total:0.00} {report.Cost.Currency} ({report.Cost.Handling:0.00} handling, {report.Cost.Compensation:0.00} compensation), {report.Cost.PerComplaint:0.00} per complaint");
Console.WriteLine($"  Pareto of categories ({Pct(report.CategoryPareto.AskedShare)}): {string.Join(", ", report.CategoryPareto.Items.Select(i => $"{i.Key} {i.Count}"))}");
Console.WriteLine($"  weekly trend: {string.Join("; ", report.Trend.Periods.Select(p => $"{p.Start:MM-dd} +{p.Received}/-{p.Closed}"))}");
var json = new JsonSerializerOptions { WriteIndented = true, Converters = { new JsonStringEnumConverter() } }.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
var reportPath = Path.Combine(Path.GetTempPath(), "complaints-metrics-2026-03.json");
File.WriteAllText(reportPath, JsonSerializer.Serialize(report, json));
Console.WriteLine($"  full report as JSON: {reportPath}");

Console.WriteLine();
Console.WriteLine("Lifecycle (Mermaid):");
Console.WriteLine(lifecycle.ToMermaid());

static string Describe(HistoryData data) => data switch
{
    ResolutionProposal p => string.Join(", ", p.Remedies.Select(r => r.Value is { } v ? $"{r.Type} {v}" : $"{r.Type}")),
    ResolutionRejection r => $"escalated from level {r.FromLevel} to {r.ToLevel}",
    InformationRequest r => string.Join(" ", r.Questions),
    Rating r => $"score {r.Score}",
    Closure c => $"{c.Outcome}, root cause {c.RootCause?.Code}",
    AssignmentChange a => $"team {a.ToTeam}, assignee {a.ToAssignee}",
    HandlingTime h => $"{h.Time.TotalMinutes} min ({h.Role})",
    Assessment a => $"{a.Severity} severity, {a.Priority} priority",
    _ => string.Empty,
};
