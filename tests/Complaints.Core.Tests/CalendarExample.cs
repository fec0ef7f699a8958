using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using NodaTime;

namespace Complaints.Core.Tests;

/// <summary>The README's calendar and deadline example, compiled and run; <see cref="ReadmeTests"/> checks both.</summary>
internal static class CalendarExample
{
    public static void Run()
    {
        // calendar-example:begin
        // England and Wales: weekdays 09:00–17:00, bank holidays by rule. The host's calendar, not a year's list of dates.
        var englandAndWales = BusinessCalendar.CreateBuilder("Europe/London")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .AddHolidays(UkBankHolidays.EnglandAndWales)
            .Build();

        var receivedAt = Instant.FromUtc(2026, 12, 16, 14, 30); // Wednesday 16 December 2026, 14:30 GMT
        var anchors = new DeadlineAnchors(receivedAt);

        Console.WriteLine(englandAndWales.AddWorkingTime(receivedAt, Duration.FromHours(8))); // 2026-12-17T14:30:00Z
        Console.WriteLine(englandAndWales.AddBusinessDays(receivedAt, 3));                   // 2026-12-21T17:00:00Z (close of business)

        Console.WriteLine(DeadlinePresets.Acknowledge24Hours.Due(anchors, englandAndWales));           // 2026-12-17T14:30:00Z
        Console.WriteLine(DeadlinePresets.FcaSummaryResolution.Due(anchors, englandAndWales));         // 2026-12-21T17:00:00Z
        Console.WriteLine(DeadlinePresets.FcaFinalResponse.Due(anchors, englandAndWales));             // 2027-02-11T00:00:00Z
        Console.WriteLine(DeadlinePresets.PaymentServicesFinalResponse.Due(anchors, englandAndWales)); // 2027-01-11T17:00:00Z
        Console.WriteLine(DeadlinePresets.PaymentServicesFinalResponse.Due(
            anchors with { HoldingReplyAt = Instant.FromUtc(2027, 1, 5, 10, 0) }, englandAndWales)); // 2027-02-08T17:00:00Z
        Console.WriteLine(DeadlinePresets.GdprSubjectRequest.Due(anchors, englandAndWales));           // 2027-01-19T00:00:00Z (16 January is a Saturday)
        Console.WriteLine(DeadlinePresets.CfpbResponse.Due(anchors, englandAndWales));                 // 2027-01-01T00:00:00Z
        Console.WriteLine(DeadlinePresets.CfpbFinalResponse.Due(anchors, englandAndWales));            // 2027-02-15T00:00:00Z
        Console.WriteLine(DeadlinePresets.AsicStandardComplaint.Due(anchors, englandAndWales));        // 2027-01-16T00:00:00Z
        Console.WriteLine(DeadlinePresets.AsicSuperannuation.Due(anchors, englandAndWales));           // 2027-01-31T00:00:00Z
        Console.WriteLine(DeadlinePresets.AsicHardshipOrDefaultNotice.Due(anchors, englandAndWales));  // 2027-01-07T00:00:00Z
        Console.WriteLine(DeadlinePresets.EuAdrOutcome.Due(
            anchors with { CompleteInformationAt = receivedAt }, englandAndWales));   // 2027-03-17T00:00:00Z

        // A rule of your own: 10 business days from the acknowledgement, the day of acknowledgement counting as day 1.
        var internalTarget = DeadlineRule.BusinessDays(10).WithAnchor(DeadlineAnchor.Acknowledgement).WithAnchorDayCounting();
        Console.WriteLine(internalTarget.Due(anchors, englandAndWales));                               // null: not acknowledged yet
        // calendar-example:end
    }
}
