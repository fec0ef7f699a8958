using Complaints.Core.Domain;
using Complaints.Core.Lifecycle;
using NodaTime;

namespace Complaints.Core.Tests;

/// <summary>The README's quick start, compiled and run. <see cref="ReadmeTests"/> checks the README holds this exact code.</summary>
internal static class QuickStart
{
    public static Complaint Run()
    {
        // quick-start:begin
        var lifecycle = new ComplaintLifecycle(); // one definition, shared by every complaint
        var received = Instant.FromUtc(2026, 3, 2, 9, 15);
        var agent = Actor.Staff("anna");
        var customer = Actor.Customer("cust-1042");

        var complaint = Complaint.Receive(
            new ComplaintId("C-2026-000117"),
            new ComplaintIntake(
                FeedbackKind.Complaint,
                Channel.Email,
                new CustomerRef("cust-1042", tier: "Gold"),
                Category.Parse("Products/Appliances"),
                "The kettle stopped working after two days.",
                received),
            lifecycle);

        complaint.Acknowledge(agent, received + Duration.FromMinutes(20), "Sorry to hear that; we are on it.");
        complaint.Assess(agent, received + Duration.FromHours(1), Severity.Medium, Priority.High);
        complaint.StartInvestigation(agent, received + Duration.FromHours(2));
        complaint.ProposeResolution(agent, received + Duration.FromHours(3),
            [new Remedy(RemedyType.Apology), new Remedy(RemedyType.Refund, new Money(39.90m, "EUR"))]);
        complaint.AcceptResolution(customer, received + Duration.FromHours(5));

        Console.WriteLine(complaint.State);             // Resolved
        Console.WriteLine(complaint.History.Count);     // 5 entries: who, when, from, to, trigger, data
        Console.WriteLine(complaint.CanFire(ComplaintTrigger.Close)); // False: a follow-up comes first

        try
        {
            complaint.Close(agent, received + Duration.FromHours(6), ComplaintOutcome.Upheld);
        }
        catch (ComplaintTransitionRefusedException ex)
        {
            // Names the state, the trigger, the unmet guard and what is permitted now; the complaint is unchanged.
            Console.WriteLine(ex.Message);
        }
        // quick-start:end
        return complaint;
    }
}
