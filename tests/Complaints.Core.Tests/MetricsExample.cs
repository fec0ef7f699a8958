using System.Text.Json;
using System.Text.Json.Serialization;
using Complaints.Core.Calendars;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Complaints.Core.Tests;

/// <summary>The README's metrics example, compiled and run; <see cref="ReadmeTests"/> checks the code, the comments and the JSON.</summary>
internal static class MetricsExample
{
    public static void Run()
    {
        // metrics-example:begin
        var calendar = BusinessCalendar.CreateBuilder("Europe/London")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .AddHolidays(UkBankHolidays.EnglandAndWales)
            .Build();
        var calculator = new MetricsCalculator(new MetricsOptions // compiled once, shared by every thread
        {
            Calendar = calendar, // business days for the 3-day horizon, London months for the trend
            Currency = "GBP",
            RoleHourlyRates = { ["agent"] = 28m },
            TrendGranularity = TrendGranularity.Month,
            CustomerBase = 25_000,
            TopCustomers = 2,
        });

        // Facts come from ComplaintFacts.From(complaint.Snapshot, period.End), or straight from the host's own tables.
        static ComplaintFacts Closed(string id, string category, Instant received, Instant closed, int? rating, decimal refund) =>
            new(new ComplaintId(id), FeedbackKind.Complaint, Channel.Email, Category.Parse(category), new CustomerRef($"cust-{id}", segment: "retail"), received)
            {
                State = ComplaintState.Closed,
                FirstResponseAt = received + Duration.FromHours(2),
                ClosedAt = closed,
                Outcome = refund > 0 ? ComplaintOutcome.Upheld : ComplaintOutcome.NotUpheld,
                RootCause = category.Split('/')[0],
                Rating = rating,
                Handling = [new HandlingTime(Duration.FromMinutes(90), "agent")],
                Remedies = refund > 0 ? [new Remedy(RemedyType.Refund, new Money(refund, "GBP"))] : [],
            };

        var march = new Interval(Instant.FromUtc(2026, 3, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0));
        var monday = Instant.FromUtc(2026, 3, 2, 10, 0);
        var north = calculator.CreateAccumulator(march); // one accumulator per shard, thread or batch...
        var south = calculator.CreateAccumulator(march);
        north.Add(Closed("1", "billing/fees", monday, monday + Duration.FromDays(1), 5, 25m));
        north.Add(Closed("2", "billing/fees", monday, monday + Duration.FromDays(12), 2, 0m));
        south.Add(Closed("3", "delivery/late", monday + Duration.FromDays(3), monday + Duration.FromDays(5), 4, 10m));
        south.Add(Closed("4", "billing/fees", monday + Duration.FromDays(7), monday + Duration.FromDays(8), null, 0m));
        north.Merge(south); // ...merged, they report exactly what one accumulator fed everything would

        var report = north.ToReport();
        Console.WriteLine(report.ResolutionTime.Median);       // 1:00:00:00 (nearest rank: the 2nd of 1, 1, 2 and 12 days)
        Console.WriteLine(report.Timeliness.Within[0].Share);  // 0.75 closed within 3 business days
        Console.WriteLine(report.Satisfaction.Rate);           // 0.6666666666666666 (scores 5 and 4 of 5, 2 and 4 rated)
        Console.WriteLine(report.Cost.Total);                  // 203 (4 × 1.5 h × 28 GBP + 35 GBP of refunds)
        Console.WriteLine(report.CategoryPareto.Items[0].Key); // billing/fees

        var json = new JsonSerializerOptions { WriteIndented = true, Converters = { new JsonStringEnumConverter() } }
            .ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        Console.WriteLine(JsonSerializer.Serialize(report, json)); // docs/metrics-example-report.json
        // metrics-example:end
    }
}
