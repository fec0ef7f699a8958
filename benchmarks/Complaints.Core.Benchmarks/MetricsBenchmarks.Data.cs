using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using NodaTime;

namespace Complaints.Core.Benchmarks;

/// <content>The data set: one million closed complaints, generated from a fixed seed.</content>
public partial class MetricsBenchmarks
{
    private const int Seed = 20261123;
    private const long SecondsPerDay = 86_400;

    private static readonly string[] _segments = ["retail", "business", "premium", "public"];
    private static readonly string?[] _roles = ["agent", "agent", "agent", "specialist", "manager", null];
    private static readonly RemedyType[] _remedyTypes = Enum.GetValues<RemedyType>();
    private static readonly Channel[] _channels = Enum.GetValues<Channel>();

    /// <summary>
    /// Builds <see cref="ComplaintCount"/> closed complaints, all received in 2025 and closed within the period, with a
    /// realistic spread of kinds, channels, categories, teams, segments, customers, ratings, outcomes, root causes,
    /// handling, remedies, SLA results, escalations, reopenings and recontacts. The same seed gives the same data.
    /// </summary>
    private static ComplaintFacts[] Generate()
    {
        var random = new Random(Seed);
        var categories = Enumerable.Range(0, CategoryCount).Select(i => Category.Parse($"cat{i / 5:D2}/sub{i % 5}")).ToArray();
        var teams = Enumerable.Range(0, TeamCount).Select(i => $"team{i:D2}").ToArray();
        var rootCauses = Enumerable.Range(0, RootCauseCount).Select(i => $"rc{i:D2}").ToArray();
        var customers = Enumerable.Range(0, CustomerCount)
            .Select(i => new CustomerRef($"cust{i:D6}", segment: random.Next(10) == 0 ? null : _segments[random.Next(_segments.Length)]))
            .ToArray();

        var yearStart = Instant.FromUtc(2025, 1, 1, 0, 0);
        var yearSeconds = 365 * SecondsPerDay;
        var shortestResolution = Math.Log(5 * 60);
        var longestResolution = Math.Log(90 * SecondsPerDay);
        var shortestResponse = Math.Log(60);
        var longestResponse = Math.Log(5 * SecondsPerDay);

        var facts = new ComplaintFacts[ComplaintCount];
        for (var i = 0; i < facts.Length; i++)
        {
            var received = yearStart + Duration.FromSeconds(random.NextInt64(yearSeconds));

            // Resolution times from 5 minutes to 90 days, log-uniform: median about 13 hours, p90 about 28 days.
            var resolutionSeconds = (long)Math.Exp(shortestResolution + (random.NextDouble() * (longestResolution - shortestResolution)));
            var closed = received + Duration.FromSeconds(resolutionSeconds);
            var responseSeconds = (long)Math.Exp(shortestResponse + (random.NextDouble() * (longestResponse - shortestResponse)));
            var response = received + Duration.FromSeconds(Math.Min(responseSeconds, resolutionSeconds));

            var u = random.NextDouble();
            var level = u < 0.80 ? 0 : u < 0.95 ? 1 : 2;

            // 5 % were closed once, reopened and closed again; 6 % of the others came back after closure.
            Instant? firstClosed = null, reopened = null, recontact = null;
            if (random.NextDouble() < 0.05)
            {
                var firstSeconds = (long)(resolutionSeconds * (0.2 + (0.5 * random.NextDouble())));
                firstClosed = received + Duration.FromSeconds(firstSeconds);
                reopened = firstClosed.Value + Duration.FromSeconds((long)((resolutionSeconds - firstSeconds) * (0.05 + (0.45 * random.NextDouble()))));
                recontact = reopened;
            }
            else if (random.NextDouble() < 0.06)
            {
                recontact = closed + Duration.FromSeconds(random.NextInt64(20 * SecondsPerDay));
            }

            var firstContact = firstClosed is null && level == 0 && resolutionSeconds < 2 * SecondsPerDay && random.NextDouble() < 0.7;

            u = random.NextDouble();
            ComplaintOutcome? outcome = u < 0.4 ? ComplaintOutcome.Upheld : u < 0.6 ? ComplaintOutcome.PartlyUpheld : u < 0.9 ? ComplaintOutcome.NotUpheld : null;

            u = random.NextDouble();
            var kind = u < 0.85 ? FeedbackKind.Complaint : u < 0.95 ? FeedbackKind.Claim : FeedbackKind.Suggestion;

            facts[i] = new ComplaintFacts(
                new ComplaintId($"C{i:D7}"),
                kind,
                _channels[random.Next(_channels.Length)],
                categories[Skewed(random, CategoryCount, 1.6)],
                customers[Skewed(random, CustomerCount, 2.0)],
                received)
            {
                State = ComplaintState.Closed,
                Team = random.Next(20) == 0 ? null : teams[Skewed(random, TeamCount, 1.3)],
                FirstResponseAt = response,
                ClosedAt = closed,
                FirstClosedAt = firstClosed,
                ReopenedAt = reopened,
                RecontactAt = recontact,
                ResolvedAtFirstContact = firstContact,
                Outcome = outcome,
                RootCause = random.NextDouble() < 0.8 ? rootCauses[Skewed(random, RootCauseCount, 1.8)] : null,
                Rating = random.NextDouble() < 0.6 ? Rating(random) : null,
                HighestLevel = level,
                Handling = [.. Enumerable.Range(0, random.Next(4)).Select(_ => new HandlingTime(
                    Duration.FromSeconds(300 + random.Next(3 * 3600)), _roles[random.Next(_roles.Length)]))],
                Remedies = random.NextDouble() < 0.25 ? [.. Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Remedy(random))] : [],
                Sla = random.NextDouble() < 0.5
                    ? [new SlaResult("first response", Status(random, 0.85))]
                    : [new SlaResult("first response", Status(random, 0.85)), new SlaResult("final response", Status(random, 0.8))],
            };
        }

        return facts;
    }

    /// <summary>An index from 0 to <paramref name="count"/> - 1, the low ones more likely (the higher the power, the more).</summary>
    private static int Skewed(Random random, int count, double power) => (int)(count * Math.Pow(random.NextDouble(), power));

    private static int Rating(Random random)
    {
        var u = random.NextDouble();
        return u < 0.10 ? 1 : u < 0.20 ? 2 : u < 0.40 ? 3 : u < 0.70 ? 4 : 5;
    }

    private static SlaStatus Status(Random random, double met) => random.NextDouble() < met ? SlaStatus.Met : SlaStatus.Breached;

    private static Remedy Remedy(Random random)
    {
        var type = _remedyTypes[random.Next(_remedyTypes.Length)];
        return type switch
        {
            RemedyType.Apology or RemedyType.Explanation => new Remedy(type),
            RemedyType.Replacement or RemedyType.Repair or RemedyType.Upgrade when random.Next(2) == 0 => new Remedy(type),
            _ => new Remedy(type, new Money(decimal.Round((decimal)(5 + (random.NextDouble() * 295)), 2), Currency)),
        };
    }
}
