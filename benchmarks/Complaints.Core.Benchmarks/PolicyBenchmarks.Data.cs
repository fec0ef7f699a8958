using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using NodaTime;

namespace Complaints.Core.Benchmarks;

/// <content>
/// The data: open complaints received over the ten days before the instant, walked through the lifecycle's verbs from a
/// fixed seed. Every complaint comes close to some rule (a Gold customer at normal priority, a severe complaint outside
/// payments, a rejection without consent, a customer who wrote four days ago; for <see cref="RuleSet.FieldsOnly"/>, also
/// a high priority and, for some, a supervisor) and, unless it is one of the chosen <see cref="MatchingPercent"/>,
/// matches none. The data for <see cref="RuleSet.WithSla"/> is as it was before the second set; for
/// <see cref="RuleSet.FieldsOnly"/> no other complaint is urgent, and a quarter of the assessed ones are raised to a
/// supervisor (one more number drawn, so its complaints are others of the same kinds).
/// </content>
public partial class PolicyBenchmarks
{
    private const int Seed = 20261204;

    private static readonly Channel[] _channels = [.. Enum.GetValues<Channel>().Where(c => c != Channel.RegulatorOrLegalBody)];
    private static readonly string?[] _tiers = [null, null, null, "Silver", "Silver", Gold];
    private static readonly Category[] _categories =
    [
        Category.Parse("Orders/Delivery"),
        Category.Parse("Orders/Returns"),
        Category.Parse("Billing/Invoice"),
        Category.Parse("Service/Staff"),
        Category.Parse("Payments/Card"),
        Category.Parse("Payments/Refund"),
    ];

    // The second rule a complaint that matches two is made to match: one its walk can reach beside the first (an
    // acknowledgement at risk is too young to be silent for five days, and not yet assessed). The pairs suit both sets.
    private static readonly int[] _partners = [2, 3, 4, 5, 6, 7, 8, 9, 0, 3];

    private static readonly Category _payments = Category.Parse(Payments);
    private static readonly Actor _agent = Actor.Staff("agent");
    private static readonly Actor _customer = Actor.Customer("customer");

    /// <summary>
    /// Builds <see cref="Complaints"/> complaints. Those at indexes that are multiples of <c>100 / matchingPercent</c>
    /// are each made to match one rule (every third of them a second one too); the others match none.
    /// </summary>
    /// <param name="wanted">For each complaint, the mask of the rules it was made to match.</param>
    private static ComplaintSnapshot[] Generate(ComplaintLifecycle lifecycle, Instant asOf, int matchingPercent, bool fieldsOnly, out int[] wanted)
    {
        wanted = new int[Complaints];
        var random = new Random(Seed);
        var every = matchingPercent == 0 ? 0 : 100 / matchingPercent;
        var snapshots = new ComplaintSnapshot[Complaints];
        for (var i = 0; i < snapshots.Length; i++)
        {
            var rules = 0;
            if (every > 0 && i % every == 0)
            {
                var chosen = i / every;
                rules = 1 << (chosen % RuleNames.Length);
                rules |= chosen % 3 == 0 ? 1 << _partners[chosen % RuleNames.Length] : 0;
            }

            wanted[i] = rules;
            snapshots[i] = Walk(new ComplaintId($"POL-{i:D6}"), lifecycle, asOf, random, rules, fieldsOnly).Snapshot;
        }

        return snapshots;
    }

    /// <summary>
    /// One complaint, walked up to <paramref name="asOf"/> so that it matches the rules of <paramref name="rules"/> (a
    /// mask) of <see cref="RuleSet.WithSla"/>, or of <see cref="RuleSet.FieldsOnly"/> when <paramref name="fieldsOnly"/>,
    /// and comes near others.
    /// </summary>
    internal static Complaint Walk(ComplaintId id, ComplaintLifecycle lifecycle, Instant asOf, Random random, int rules, bool fieldsOnly = false)
    {
        // Rules 0 and 1 are the SLA rules (resolution breached, acknowledgement at risk) or the field rules (urgent,
        // manager or above); rules 2 to 9 are the same in both sets.
        bool Wants(int rule) => (rules & (1 << rule)) != 0 && (rule > 1 || !fieldsOnly);
        var urgent = fieldsOnly && (rules & (1 << 0)) != 0;
        var manager = fieldsOnly && (rules & (1 << 1)) != 0;

        // Received over the ten days before the instant (a breach needs longer, an acknowledgement at risk 18 to 24 hours,
        // five days' silence more than five days).
        var age = Wants(0) ? Duration.FromDays(24) + Duration.FromMinutes(random.Next(0, 10 * 1_440))
            : Wants(1) ? Duration.FromHours(19) + Duration.FromMinutes(random.Next(0, 4 * 60))
            : Wants(9) ? Duration.FromDays(8) + Duration.FromMinutes(random.Next(0, 2 * 1_440))
            : Duration.FromMinutes(random.Next(60, 10 * 1_440));
        var received = asOf - age;
        var channel = Wants(3) ? Channel.RegulatorOrLegalBody : _channels[random.Next(_channels.Length)];
        // Not Gold when urgent is wanted: Gold at high priority or above is rule 7.
        var tier = Wants(7) ? Gold : _tiers[random.Next(urgent ? _tiers.Length - 1 : _tiers.Length)];
        var category = Wants(8) ? _categories[4 + random.Next(2)] : _categories[random.Next(_categories.Length)];
        var intake = new ComplaintIntake(
            FeedbackKind.Complaint, channel, new CustomerRef($"cust-{random.Next(20_000):D5}", tier), category, "Something went wrong.", received);
        var complaint = Complaint.Receive(id, intake, lifecycle);

        // Not acknowledged yet: the one at risk, and half of those received in the last 12 hours that match nothing.
        if (Wants(1) || (rules == 0 && age < Duration.FromHours(12) && random.Next(2) == 0))
        {
            return complaint;
        }

        // At most a dozen steps, each within a sixteenth of the complaint's age, so the walk ends before the instant.
        var at = received;
        var longest = (int)Math.Max(2, age.TotalMinutes / 16);
        Instant Next(int minutes) => at += Duration.FromMinutes(random.Next(1, Math.Min(minutes, longest)));
        complaint.Acknowledge(_agent, Next(240), "Thank you, we are on it.");

        // Severe, but outside payments; or in payments, but not severe; Gold, but at normal priority; with the field
        // rules, at most high unless urgent is wanted.
        var severity = Wants(2) ? Severity.Critical
            : Wants(8) ? Severity.High
            : category.IsWithin(_payments) ? (Severity)random.Next((int)Severity.High)
            : (Severity)random.Next((int)Severity.Critical);
        var priority = Wants(7) ? Priority.High
            : urgent ? Priority.Urgent
            : tier == Gold ? (Priority)random.Next((int)Priority.High)
            : (Priority)random.Next(fieldsOnly ? (int)Priority.Urgent : (int)Priority.Urgent + 1);
        complaint.Assess(_agent, Next(120), severity, priority);
        complaint.StartInvestigation(_agent, Next(120));

        // Raised to a manager, or (for a quarter of the others, with the field rules) to a supervisor only.
        if (manager || (fieldsOnly && random.Next(4) == 0))
        {
            complaint.RaiseLevel(_agent, Next(120), "Needs a second look.", toLevel: manager ? ManagerRank : ManagerRank - 1);
        }

        if (Wants(4))
        {
            complaint.FlagAbusiveContact(_agent, Next(120), "Threatening language on the phone.");
        }

        if (Wants(5))
        {
            // Resolved, reopened, resolved again and reopened again.
            for (var cycle = 0; cycle < 2; cycle++)
            {
                complaint.ProposeResolution(_agent, Next(120), [new Remedy(RemedyType.Apology)]);
                complaint.AcceptResolution(_customer, Next(60));
                complaint.Reopen(_customer, Next(120), "It happened again.");
                complaint.StartInvestigation(_agent, Next(60));
            }
        }
        else if (Wants(6) || random.Next(8) == 0)
        {
            // A proposal rejected: with consent to escalate only when rule 6 is wanted.
            complaint.ProposeResolution(_agent, Next(240), [new Remedy(RemedyType.Apology)]);
            complaint.RejectResolution(_customer, Next(240), consentToEscalate: Wants(6), "Not enough.");
        }
        else if (!Wants(0) && random.Next(6) == 0)
        {
            // Waiting on the customer (which pauses the resolution target).
            complaint.RequestInformation(_agent, Next(240), ["Order number?"]);
        }

        if (at >= asOf)
        {
            throw new InvalidOperationException($"Complaint {id}: the walk reached {at}, past the instant {asOf}.");
        }

        // The customer wrote within the last four days, unless the silence rule is wanted (or the complaint is younger).
        var silent = Wants(9) ? Duration.FromDays(5) + Duration.FromMinutes(random.Next(60, 2 * 1_440)) : Duration.FromMinutes(random.Next(10, 4 * 1_440));
        var wrote = asOf - silent;
        if (wrote > at)
        {
            complaint.RecordCommunication(_customer, wrote, CommunicationKind.CustomerMessage, "Any news?");
        }

        return complaint;
    }
}
