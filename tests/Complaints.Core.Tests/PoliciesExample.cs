using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.Lifecycle;
using Complaints.Core.Policies;
using Complaints.Core.Sla;
using NodaTime;

namespace Complaints.Core.Tests;

/// <summary>The README's policies example, compiled and run; <see cref="ReadmeTests"/> checks the code and what it prints.</summary>
internal static class PoliciesExample
{
    public static void Run()
    {
        // policies-example:begin
        var lifecycle = new ComplaintLifecycle(new LifecycleOptions()); // the ladder: Agent, Supervisor, Manager, Executive
        var sla = new SlaEngine(
        [
            SlaPolicy.CreateBuilder("customer")
                .AddTarget("acknowledge", SlaTargetKind.Acknowledge, DeadlineRule.ElapsedTime(Duration.FromHours(24)), BusinessCalendar.AlwaysOpen("Europe/London", 2026, 2027))
                .Build(),
        ]);

        var catalogue = RemedyCatalogue.CreateBuilder()                 // remedies offered, and from which level
            .Add(RemedyType.Apology, "Agent")
            .Add(RemedyType.Refund, "Agent", new Money(20m, lifecycle.AuthorityCurrency))
            .Add(RemedyType.Replacement, "Supervisor")
            .Build();
        var routing = RoutingTable.CreateBuilder("front desk")          // the department that owns each category
            .Add(Category.Parse("Orders/Delivery"), "logistics")
            .Add(null, "quality", FeedbackKind.Suggestion)
            .Build();

        var rules = PolicyRuleSet.CreateBuilder(lifecycle, sla)
            .AddTeams("front desk", "logistics", "quality")
            .UseCatalogue(catalogue)
            .RouteBy(routing)
            .AddRule("acknowledgement breached", PolicyCondition.TargetBreached("acknowledge"),
                new RaiseLevelAction("Supervisor"), new NotifyAction("supervisor", "sla-breach"))
            .AddRule("over authority", PolicyCondition.CompensationOverAuthority(),
                new RequireApprovalAction("supervisor", "remedy above the handling level's authority"))
            .AddRule("not offered", PolicyCondition.RemedyNotOffered(),
                new RequireApprovalAction("manager", "remedy not offered at this level"))
            .AddRule("settled above agent", PolicyCondition.All(PolicyCondition.LevelAtLeast("Supervisor"), PolicyCondition.StateIs(ComplaintState.Resolved)),
                new LowerLevelAction("Agent"))                          // hands the case back down, unless a matched rule raises it
            .Build();

        var received = Instant.FromUtc(2026, 3, 2, 9, 0);
        var complaint = Complaint.Receive(new ComplaintId("C-1001"),
            new ComplaintIntake(FeedbackKind.Complaint, Channel.Email, new CustomerRef("cust-42"), Category.Parse("Orders/Delivery/Late"), "Still no parcel.", received),
            lifecycle);

        // Nobody acknowledged it within 24 hours, and the agent is about to offer a refund above the agent's limit.
        var refund = new Remedy(RemedyType.Refund, new Money(500m, lifecycle.AuthorityCurrency));
        var decision = rules.Evaluate(complaint.Snapshot, received + Duration.FromHours(30), new PolicyContext { ProposedRemedies = [refund] });

        foreach (var match in decision.Matches)
        {
            Console.WriteLine($"{match.Rule.Name}: {string.Join("; ", match.Facts)}");
        }
        // > acknowledgement breached: customer acknowledge target Breached, Breached wanted
        // > over authority: compensation proposed over the authority of level Agent (100 EUR)
        // > routing: unassigned, category Orders/Delivery/Late, kind Complaint: Orders/Delivery -> logistics

        Console.WriteLine(string.Join("; ", decision.Actions));
        // > raise to level Supervisor; notify supervisor: sla-breach; require approval by supervisor: remedy above the handling level's authority; assign to logistics
        // policies-example:end
    }
}
