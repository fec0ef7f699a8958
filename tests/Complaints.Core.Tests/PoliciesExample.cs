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

        var rules = PolicyRuleSet.CreateBuilder(lifecycle, sla)
            .AddTeams("logistics", "quality")
            .AddRule("acknowledgement breached", PolicyCondition.TargetBreached("acknowledge"),
                new RaiseLevelAction("Supervisor"), new NotifyAction("supervisor", "sla-breach"))
            .AddRule("deliveries", PolicyCondition.InCategory(Category.Parse("Orders/Delivery")), new AssignTeamAction("logistics"))
            .AddRule("over authority", PolicyCondition.CompensationOverAuthority(),
                new RequireApprovalAction("supervisor", "Remedy above the handling level's authority."))
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
        // > deliveries: category Orders/Delivery/Late, within Orders/Delivery
        // > over authority: compensation proposed over the authority of level Agent (100 EUR)

        Console.WriteLine(string.Join("; ", decision.Actions));
        // > raise to level Supervisor; notify supervisor: sla-breach; assign to logistics; require approval by supervisor: Remedy above the handling level's authority.
        // policies-example:end
    }
}
