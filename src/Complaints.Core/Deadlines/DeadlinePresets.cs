using NodaTime;

namespace Complaints.Core.Deadlines;

/// <summary>
/// Deadline rules with published sources. Each is a rule only: evaluate it with the host's
/// <see cref="Calendars.BusinessCalendar"/> (for the UK, one built with the bank holidays of the right part of the UK),
/// so no preset hard-codes a year's dates.
/// </summary>
public static class DeadlinePresets
{
    /// <summary>
    /// Gets the source articles' rule: acknowledge a complaint within 24 hours of receipt (elapsed time).
    /// Source: the complaint-handling articles this library is built from ("respond quickly, ideally within 24 hours").
    /// </summary>
    public static DeadlineRule Acknowledge24Hours { get; } = DeadlineRule.ElapsedTime(Duration.FromHours(24))
        .WithName("Acknowledge within 24 hours", "Complaint-handling practice: acknowledge quickly, ideally within 24 hours of receipt.");

    /// <summary>
    /// Gets UK FCA DISP 1.5.1R: a complaint may be handled by a summary resolution communication if it is resolved by
    /// close of business on the third business day following the day on which it was received.
    /// </summary>
    public static DeadlineRule FcaSummaryResolution { get; } = DeadlineRule.BusinessDays(3)
        .WithName("FCA summary resolution", "FCA Handbook DISP 1.5.1R: resolved by close of business on the third business day following the day of receipt.");

    /// <summary>
    /// Gets UK FCA DISP 1.6.2R: a final response (or a written explanation of the delay) by the end of eight weeks
    /// after receipt, counted in calendar days from the day after receipt, with no roll-forward and no pause.
    /// </summary>
    public static DeadlineRule FcaFinalResponse { get; } = DeadlineRule.CalendarWeeks(8)
        .WithName("FCA final response", "FCA Handbook DISP 1.6.2R: by the end of eight weeks after receipt of the complaint.");

    /// <summary>
    /// Gets UK payment services DISP 1.6.2AR–1.6.2BR (and EU PSD2 article 101(2)): a final response by the end of
    /// 15 business days after the day of receipt; in exceptional situations, with a holding reply giving the reasons,
    /// by the end of 35 business days.
    /// </summary>
    public static DeadlineRule PaymentServicesFinalResponse { get; } = DeadlineRule.BusinessDays(15).WithExtension(35)
        .WithName(
            "Payment services final response",
            "FCA Handbook DISP 1.6.2AR and 1.6.2BR; Directive (EU) 2015/2366 (PSD2) article 101(2): 15 business days, up to 35 with a holding reply.");

    /// <summary>
    /// Gets GDPR article 12(3): respond to a data subject's request within one month of receipt, extendable by two
    /// further months; periods end on the same date of the last month (or its last day) and, when that is not a working
    /// day, on the next working day (Regulation (EEC, Euratom) No 1182/71, article 3).
    /// </summary>
    public static DeadlineRule GdprSubjectRequest { get; } = DeadlineRule.CalendarMonths(1).WithExtension(3).WithRollForward()
        .WithName(
            "GDPR data subject request",
            "Regulation (EU) 2016/679 article 12(3): one month, extendable by two further months; counted per Regulation No 1182/71 article 3.");

    /// <summary>Gets the US CFPB company portal's expectation: respond to a complaint within 15 calendar days.</summary>
    public static DeadlineRule CfpbResponse { get; } = DeadlineRule.CalendarDays(15)
        .WithName("CFPB response", "CFPB Company Portal Manual: companies should respond to complaints within 15 days.");

    /// <summary>Gets the US CFPB company portal's final limit: a final response within 60 calendar days when the first response was "in progress".</summary>
    public static DeadlineRule CfpbFinalResponse { get; } = DeadlineRule.CalendarDays(60)
        .WithName("CFPB final response", "CFPB Company Portal Manual: complaints in progress should be closed with a final response within 60 days.");

    /// <summary>Gets ASIC Regulatory Guide 271: an IDR response to a standard complaint no later than 30 calendar days after receipt.</summary>
    public static DeadlineRule AsicStandardComplaint { get; } = DeadlineRule.CalendarDays(30)
        .WithName("ASIC IDR response", "ASIC Regulatory Guide 271 Internal dispute resolution: 30 calendar days for standard complaints.");

    /// <summary>Gets ASIC Regulatory Guide 271: an IDR response to a superannuation trustee complaint no later than 45 calendar days after receipt.</summary>
    public static DeadlineRule AsicSuperannuation { get; } = DeadlineRule.CalendarDays(45)
        .WithName("ASIC IDR response (superannuation)", "ASIC Regulatory Guide 271 Internal dispute resolution: 45 calendar days for superannuation trustee complaints.");

    /// <summary>Gets ASIC Regulatory Guide 271: an IDR response to a complaint about financial hardship or a default notice no later than 21 calendar days after receipt.</summary>
    public static DeadlineRule AsicHardshipOrDefaultNotice { get; } = DeadlineRule.CalendarDays(21)
        .WithName("ASIC IDR response (hardship, default notice)", "ASIC Regulatory Guide 271 Internal dispute resolution: 21 calendar days for hardship and default-notice complaints.");

    /// <summary>
    /// Gets EU ADR Directive 2013/11/EU article 8(e): the outcome of the ADR procedure within 90 calendar days from
    /// the date on which the ADR entity received the complete complaint file.
    /// </summary>
    public static DeadlineRule EuAdrOutcome { get; } = DeadlineRule.CalendarDays(90).WithAnchor(DeadlineAnchor.CompleteInformation)
        .WithName("EU ADR outcome", "Directive 2013/11/EU article 8(e): within 90 calendar days of receiving the complete complaint file.");
}
