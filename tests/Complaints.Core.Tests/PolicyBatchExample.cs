using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Policies;
using NodaTime;

namespace Complaints.Core.Tests;

/// <summary>The README's batch example, compiled and run; <see cref="ReadmeTests"/> checks the code and what it prints.</summary>
internal static class PolicyBatchExample
{
    public static void Run()
    {
        // policy-batch-example:begin
        var lifecycle = new ComplaintLifecycle(new LifecycleOptions());
        var rules = PolicyRuleSet.CreateBuilder(lifecycle)
            .AddRule("severe", PolicyCondition.SeverityAtLeast(Severity.High), new RaiseLevelAction("Supervisor"))
            .Build();

        var received = Instant.FromUtc(2026, 3, 2, 9, 0);
        var page = new ComplaintSnapshot[1_000];
        for (var i = 0; i < page.Length; i++)
        {
            var complaint = Complaint.Receive(
                new ComplaintId($"C-{i}"),
                new ComplaintIntake(FeedbackKind.Complaint, Channel.Email, new CustomerRef($"cust-{i}"), Category.Parse("Orders"), "Late delivery.", received),
                lifecycle);
            complaint.Acknowledge(Actor.Staff("anna"), received + Duration.FromMinutes(30), "Thank you; we are on it.");
            complaint.Assess(Actor.Staff("anna"), received + Duration.FromHours(1), i % 100 == 0 ? Severity.High : Severity.Low, Priority.Normal);
            page[i] = complaint.Snapshot;
        }

        var decisions = new PolicyDecision?[page.Length];
        var decided = rules.Evaluate(page, received + Duration.FromHours(2), decisions);   // or (..., contexts): one each
        Console.WriteLine(decided);                     // 10
        Console.WriteLine(decisions[100]);              // C-100 at 2026-03-02T11:00:00Z: severe -> raise to level Supervisor
        Console.WriteLine(decisions[101] is null);      // True
        // policy-batch-example:end
    }
}
