using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Complaints.Core.Calendars;
using Complaints.Core.Domain;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using Complaints.Core.Tests.Metrics;
using Complaints.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Complaints.Core.Tests;

/// <summary>Every collection the library hands out is a read-only view that cannot be cast back and changed.</summary>
public sealed class ReadOnlySurfaceConventionTests
{
    private static readonly Type[] PublicTypes = typeof(ComplaintLifecycle).Assembly.GetExportedTypes();

    private static readonly Type[] ReadOnlyShapes =
        [typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IReadOnlyDictionary<,>), typeof(IEnumerable<>), typeof(ImmutableArray<>)];


    // Options classes are mutable for binding by design (house style, practice 8).
    private static bool IsOptions(Type t) => t.Name.EndsWith("Options", StringComparison.Ordinal);

    // The registration builder hands back the host's own service collection, as every DI builder does.
    private static bool IsCollection(Type t) =>
        t != typeof(string) && t != typeof(IServiceCollection) && typeof(IEnumerable).IsAssignableFrom(t);

    private static IEnumerable<PropertyInfo> CollectionProperties(BindingFlags flags) =>
        PublicTypes.Where(t => !IsOptions(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.DeclaredOnly | flags))
            .Where(p => p.GetIndexParameters().Length == 0 && IsCollection(p.PropertyType));

    [Fact]
    public void CollectionProperties_AreDeclaredAsReadOnlyInterfaces()
    {
        var offenders = CollectionProperties(BindingFlags.Instance | BindingFlags.Static)
            .Where(p => !(p.PropertyType.IsGenericType && ReadOnlyShapes.Contains(p.PropertyType.GetGenericTypeDefinition())))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}: {p.PropertyType.Name}");

        Assert.Empty(offenders);
    }

    [Fact]
    public void CollectionValues_OfASampleOfEveryPublicType_CannotBeChangedThroughACast()
    {
        var offenders = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var seenTypes = new HashSet<Type>();
        foreach (var root in Catalogue())
        {
            Visit(root, root.GetType().Name, offenders, visited, seenTypes);
        }

        foreach (var property in CollectionProperties(BindingFlags.Static))
        {
            Check((IEnumerable)property.GetValue(null)!, $"{property.DeclaringType!.Name}.{property.Name}", offenders);
        }

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
        var withCollections = CollectionProperties(BindingFlags.Instance).Select(p => p.DeclaringType!).Distinct();
        Assert.Empty(withCollections.Where(t => !seenTypes.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public void PendingEventsAndPermittedTriggers_CannotBeChangedThroughACast()
    {
        var complaint = TestComplaints.In(ComplaintState.Investigating);

        ReadOnlyAssert.CannotMutate(complaint.GetPendingEvents());
        ReadOnlyAssert.CannotMutate(complaint.GetPermittedTriggers());
        Assert.Equal(3, complaint.GetPendingEvents().Count);
    }

    private static void Visit(object value, string path, List<string> offenders, HashSet<object> visited, HashSet<Type> seenTypes)
    {
        var type = value.GetType();
        if (type.Assembly != typeof(ComplaintLifecycle).Assembly || (!type.IsValueType && !visited.Add(value)) || path.Count(c => c == '.') > 6)
        {
            return;
        }

        seenTypes.Add(type);
        // Properties the library declares: Exception.Data belongs to the BCL.
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.DeclaringType!.Assembly == type.Assembly);
        foreach (var property in properties)
        {
            var child = property.GetValue(value);
            var childPath = $"{path}.{property.Name}";
            if (child is IEnumerable items and not string)
            {
                Check(items, childPath, offenders);

                foreach (var item in items.Cast<object?>().Where(i => i is not null).Take(5))
                {
                    Visit(item!, childPath + "[]", offenders, visited, seenTypes);
                }
            }
            else if (child is not null)
            {
                Visit(child, childPath, offenders, visited, seenTypes);
            }
        }
    }

    private static void Check(IEnumerable items, string path, List<string> offenders)
    {
        var mutations = ReadOnlyAssert.Mutations(items);
        if (mutations.Count > 0)
        {
            offenders.Add($"{path} ({items.GetType().Name}): {string.Join(", ", mutations)}");
        }
    }

    private static IEnumerable<object> Catalogue()
    {
        var lifecycle = new ComplaintLifecycle(new LifecycleOptions().ReplaceLadder(
            new EscalationLevelOptions { Name = "Desk", AuthorityLimit = 50m },
            new EscalationLevelOptions { Name = "Board", AuthorityLimit = null }));
        var agent = TestComplaints.Agent;
        var c = TestComplaints.New(lifecycle);
        c.Acknowledge(agent, c.Next());
        c.Assess(agent, c.Next(), Severity.High, Priority.High);
        c.StartInvestigation(agent, c.Next());
        c.RequestInformation(agent, c.Next(), ["Order number?", "Date?"]);
        c.ProvideInformation(TestComplaints.Customer, c.Next(), "42, yesterday.");
        c.RecordHandlingTime(agent, c.Next(), Duration.FromMinutes(30), "agent");
        c.ProposeResolution(agent, c.Next(), [new Remedy(RemedyType.Apology), new Remedy(RemedyType.Refund, new Money(40m, "EUR"))]);
        c.AcceptResolution(TestComplaints.Customer, c.Next());
        c.StartFollowUp(agent, c.Next());
        c.Close(agent, c.Next(), ComplaintOutcome.Upheld, new RootCause("PROCESS", ["Manual step missed", "No check"]));
        var open = TestComplaints.In(ComplaintState.AwaitingCustomer);
        var refusal = Assert.Throws<ComplaintTransitionRefusedException>(() => open.Close(agent, open.Next(), ComplaintOutcome.Upheld));
        var calculator = new MetricsCalculator(MetricsDataSet.Options());
        var accumulator = calculator.CreateAccumulator(MetricsDataSet.March);
        accumulator.AddRange(MetricsDataSet.All());
        var calendar = BusinessCalendar.CreateBuilder("Europe/London")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .AddHolidays(UkBankHolidays.EnglandAndWales)
            .Build();
        var sla = new Complaints.Core.Sla.SlaEngine(
        [
            Complaints.Core.Sla.SlaPresets.FcaDisp(calendar),
            Complaints.Core.Sla.SlaPolicy.CreateBuilder("Team")
                .AddTarget("resolution", Complaints.Core.Sla.SlaTargetKind.Resolution, Complaints.Core.Deadlines.DeadlineRule.BusinessDays(5), calendar, t => t.PausedIn(ComplaintState.AwaitingCustomer))
                .Build(),
        ]);
        var rules = Complaints.Core.Policies.PolicyRuleSet.CreateBuilder(lifecycle, sla).AddTeams("billing")
            .RouteBy(Complaints.Core.Policies.RoutingTable.CreateBuilder("billing").Add(Category.Parse("Billing"), "billing").Build())
            .UseCatalogue(Complaints.Core.Policies.RemedyCatalogue.CreateBuilder().Add(RemedyType.Refund, "Desk", new Money(10m, "EUR")).Build())
            .AddRule("breach", Complaints.Core.Policies.PolicyCondition.TargetBreached("resolution"), new Complaints.Core.Policies.RaiseLevelAction("Board"))
            .AddRule("always", Complaints.Core.Policies.PolicyCondition.KindIs(FeedbackKind.Complaint), new Complaints.Core.Policies.RaiseLevelAction("Desk"), new Complaints.Core.Policies.NotifyAction("agent", "look"))
            .AddRule("never", Complaints.Core.Policies.PolicyCondition.FlaggedAbusive(), new Complaints.Core.Policies.AssignTeamAction("billing"))
            .Build();
        var context = new Complaints.Core.Policies.PolicyContext { ProposedRemedies = [new Remedy(RemedyType.Refund, new Money(40m, "EUR"))] };
        var record = new Complaints.Core.Desk.ComplaintRecord(c.Id, c.Snapshot.Version, Complaints.Core.Lifecycle.ComplaintJson.Serialize(c), "cust-1", c.Intake.ReceivedAt, null, isOpen: false);
        var note = new Complaints.Core.Desk.ComplaintNotification(Complaints.Core.Desk.NotificationKind.Policy, c.Id, "agent", "look", c.LastActivityAt);
        var sink = new Complaints.Core.Desk.RecordingNotificationSink();
        sink.SendAsync([note]).AsTask().Wait();
        return
        [
            new Complaints.Core.Desk.ComplaintSave(record, null, null, [note]), new Complaints.Core.Desk.ComplaintPage([record], null), sink,
            new Complaints.Core.Desk.SweepResult(1, [new Complaints.Core.Desk.SweepFailure(c.Id, refusal)]),
            c, open, lifecycle, refusal, calculator, accumulator.ToReport(), calendar,
            new WorkingDayOverride(new LocalDate(2024, 11, 2), [(new LocalTime(9, 0), new LocalTime(12, 0)), (new LocalTime(13, 0), new LocalTime(17, 0))]),
            new RussianHolidayTransfers(new LocalTime(9, 0), new LocalTime(18, 0)), RussianHolidays.Decrees[1],
            rules, rules.Evaluate(open.Snapshot, open.LastActivityAt + Duration.FromDays(30), context, explainMisses: true), context,
            sla, sla.Evaluate(c.Snapshot, c.LastActivityAt), sla.Evaluate(open.Snapshot, open.LastActivityAt + Duration.FromDays(1)),
            Complaints.Core.Sla.SlaComparison.Compare(sla, new Complaints.Core.Sla.SlaEngine([Complaints.Core.Sla.SlaPresets.PaymentServices(calendar)]), [c.Snapshot, open.Snapshot], open.LastActivityAt + Duration.FromDays(1)),
            c.Check(ComplaintTrigger.Reopen, new Complaints.Core.History.Reopening("Again."), c.Next()),
            open.Check(ComplaintTrigger.Escalate, new Complaints.Core.History.Escalation(0, 1, "Why.", false), open.Next()),
            ComplaintFacts.From(c.Snapshot, c.LastActivityAt + NodaTime.Duration.FromSeconds(1), [new SlaResult("response", SlaStatus.Met)]),
            .. c.GetPendingEvents(),
            .. MetricsDataSet.All(),
        ];
    }
}
