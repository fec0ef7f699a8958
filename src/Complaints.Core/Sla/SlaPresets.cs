using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;

namespace Complaints.Core.Sla;

/// <summary>
/// Ready policies built from the regulatory deadline presets of <see cref="DeadlinePresets"/>, each in the
/// <c>regulatory</c> group (the acknowledgement policy in the <c>customer</c> group), so they apply beside a host's own.
/// </summary>
public static class SlaPresets
{
    /// <summary>The group the regulatory presets are in.</summary>
    public const string RegulatoryGroup = "regulatory";

    /// <summary>
    /// The UK FCA's complaint deadlines (DISP 1.5 and 1.6): the summary resolution, met by resolution by close of
    /// business on the third business day after receipt; and the final response within eight weeks, met by the
    /// resolution the customer accepts or the closure.
    /// </summary>
    /// <param name="calendar">The firm's business calendar (for example England and Wales bank holidays).</param>
    /// <returns>The policy <c>FCA DISP</c>, selecting every complaint and claim.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public static SlaPolicy FcaDisp(BusinessCalendar calendar) =>
        SlaPolicy.CreateBuilder("FCA DISP")
            .InGroup(RegulatoryGroup)
            .ForKinds(Domain.FeedbackKind.Complaint, Domain.FeedbackKind.Claim)
            .AddTarget("summary resolution", SlaTargetKind.Resolution, DeadlinePresets.FcaSummaryResolution, calendar)
            .AddTarget("final response", SlaTargetKind.FinalResponse, DeadlinePresets.FcaFinalResponse, calendar, t => t.MetBy(SlaEvent.Resolved, SlaEvent.Closed))
            .Build();

    /// <summary>
    /// The payment-services final response (UK PSRs 2017 reg. 101, FCA DISP 1.6.2A): 15 business days, up to 35 once a
    /// holding reply explains the delay; met by the resolution the customer accepts or the closure.
    /// </summary>
    /// <param name="calendar">The firm's business calendar.</param>
    /// <returns>The policy <c>Payment services</c>, selecting every complaint and claim.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public static SlaPolicy PaymentServices(BusinessCalendar calendar) =>
        SlaPolicy.CreateBuilder("Payment services")
            .InGroup(RegulatoryGroup)
            .ForKinds(Domain.FeedbackKind.Complaint, Domain.FeedbackKind.Claim)
            .AddTarget("final response", SlaTargetKind.FinalResponse, DeadlinePresets.PaymentServicesFinalResponse, calendar, t => t.MetBy(SlaEvent.Resolved, SlaEvent.Closed))
            .Build();

    /// <summary>The source articles' practice: acknowledge every complaint, claim and suggestion within 24 hours of receipt, met by the acknowledgement.</summary>
    /// <param name="calendar">The calendar to count on; 24 hours are counted as elapsed time whatever the calendar.</param>
    /// <returns>The policy <c>Acknowledge within 24 hours</c>, in the <c>customer</c> group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public static SlaPolicy Acknowledge24Hours(BusinessCalendar calendar) =>
        SlaPolicy.CreateBuilder("Acknowledge within 24 hours")
            .InGroup("customer")
            .AddTarget("acknowledge", SlaTargetKind.Acknowledge, DeadlinePresets.Acknowledge24Hours, calendar)
            .Build();
}
