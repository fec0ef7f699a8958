using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;

namespace Complaints.Core.Tests.Deadlines;

public sealed partial class DeadlineRuleTests
{
    private static readonly BusinessCalendar London = BusinessCalendar.CreateBuilder("Europe/London")
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
        .AddHolidays(UkBankHolidays.EnglandAndWales)
        .Covering(2024, 2028)
        .Build();

    private static Instant Utc(string text) => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();

    private static BusinessCalendar Weekdays(string zone) => BusinessCalendar.CreateBuilder(zone)
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
        .Covering(2025, 2027)
        .Build();

    [Fact]
    public void Acknowledge24Hours_IsElapsedTimeWhateverTheCalendar()
    {
        // Fri 6 March 2026 18:30Z plus 24 hours, although the weekend is not working time.
        Assert.Equal(Utc("2026-03-07T18:30:00Z"), DeadlinePresets.Acknowledge24Hours.Due(new(Utc("2026-03-06T18:30:00Z")), London));
    }

    [Fact]
    public void FcaSummaryResolution_CloseOfThirdBusinessDayAfterReceipt()
    {
        // Received Wed 16 Dec 2026: Thu 17 (1), Fri 18 (2), Mon 21 (3); close of business 17:00 GMT.
        Assert.Equal(Utc("2026-12-21T17:00:00Z"), DeadlinePresets.FcaSummaryResolution.Due(new(Utc("2026-12-16T14:30:00Z")), London));

        // Received Wed 23 Dec 2026: Thu 24 (1), then Christmas and the Boxing Day substitute (Mon 28) close, Tue 29 (2), Wed 30 (3).
        Assert.Equal(Utc("2026-12-30T17:00:00Z"), DeadlinePresets.FcaSummaryResolution.Due(new(Utc("2026-12-23T20:00:00Z")), London));
    }

    [Fact]
    public void FcaFinalResponse_EndOfEightWeeksAfterReceipt_NoRollForward()
    {
        // 16 Dec 2026 + 56 days = Wed 10 Feb 2027 (15 days to 31 Dec, 31 in January, 10 in February); ends at midnight GMT.
        Assert.Equal(Utc("2027-02-11T00:00:00Z"), DeadlinePresets.FcaFinalResponse.Due(new(Utc("2026-12-16T14:30:00Z")), London));

        // Received Sat 7 March 2026: 56 days later is Sat 2 May 2027 -> stays on the Saturday (no roll-forward); BST ends at 23:00Z.
        Assert.Equal(Utc("2026-05-02T23:00:00Z"), DeadlinePresets.FcaFinalResponse.Due(new(Utc("2026-03-07T12:00:00Z")), London));
    }

    [Fact]
    public void PaymentServices_FifteenBusinessDays_ThirtyFiveWithAHoldingReply()
    {
        var received = Utc("2026-12-16T14:30:00Z");

        // Thu 17 .. Thu 24 (1–6), Tue 29 .. Thu 31 (7–9), [Fri 1 Jan], Mon 4 .. Fri 8 (10–14), Mon 11 Jan (15).
        Assert.Equal(Utc("2027-01-11T17:00:00Z"), DeadlinePresets.PaymentServicesFinalResponse.Due(new(received), London));

        // Holding reply on 5 Jan, before the normal deadline: Tue 12 Jan (16) .. Mon 8 Feb (35).
        Assert.Equal(Utc("2027-02-08T17:00:00Z"), DeadlinePresets.PaymentServicesFinalResponse.Due(new(received, HoldingReplyAt: Utc("2027-01-05T10:00:00Z")), London));

        // A holding reply after the normal deadline extends nothing.
        Assert.Equal(Utc("2027-01-11T17:00:00Z"), DeadlinePresets.PaymentServicesFinalResponse.Due(new(received, HoldingReplyAt: Utc("2027-01-12T10:00:00Z")), London));
    }

    [Fact]
    public void Gdpr_OneMonthFromThe31st_ClampsToFebruaryAndRollsToMonday_ExtendedToThreeMonths()
    {
        var received = Utc("2026-01-31T10:00:00Z");

        // 31 Jan + 1 month = 28 Feb 2026, a Saturday -> Monday 2 March; the period ends at the end of that day.
        Assert.Equal(Utc("2026-03-03T00:00:00Z"), DeadlinePresets.GdprSubjectRequest.Due(new(received), London));

        // Extended by two further months: 31 Jan + 3 months = 30 April 2026 (Thursday); midnight BST = 23:00Z.
        Assert.Equal(Utc("2026-04-30T23:00:00Z"), DeadlinePresets.GdprSubjectRequest.Due(new(received, HoldingReplyAt: Utc("2026-02-10T10:00:00Z")), London));
    }

    [Fact]
    public void Cfpb_FifteenCalendarDaysInNewYork_AcrossTheSpringChange()
    {
        // Received Mon 2 March 2026 10:00 EST; day 15 is Tue 17 March; ends at midnight EDT (04:00Z) after DST began on 8 March.
        Assert.Equal(Utc("2026-03-18T04:00:00Z"), DeadlinePresets.CfpbResponse.Due(new(Utc("2026-03-02T15:00:00Z")), Weekdays("America/New_York")));
        Assert.Equal(Utc("2026-05-02T04:00:00Z"), DeadlinePresets.CfpbFinalResponse.Due(new(Utc("2026-03-02T15:00:00Z")), Weekdays("America/New_York")));
    }

    [Fact]
    public void Asic_ThirtyFortyFiveAndTwentyOneCalendarDaysInSydney()
    {
        var sydney = Weekdays("Australia/Sydney");
        var received = Utc("2026-03-30T23:00:00Z"); // Tue 31 March 2026 10:00 AEDT

        // Day 30 is Thu 30 April; midnight AEST (+10) after DST ended on 5 April.
        Assert.Equal(Utc("2026-04-30T14:00:00Z"), DeadlinePresets.AsicStandardComplaint.Due(new(received), sydney));
        Assert.Equal(Utc("2026-05-15T14:00:00Z"), DeadlinePresets.AsicSuperannuation.Due(new(received), sydney));
        Assert.Equal(Utc("2026-04-21T14:00:00Z"), DeadlinePresets.AsicHardshipOrDefaultNotice.Due(new(received), sydney));
    }

    [Fact]
    public void EuAdr_CountsFromTheCompleteFile_NotBeforeIt()
    {
        var berlin = Weekdays("Europe/Berlin");

        Assert.Null(DeadlinePresets.EuAdrOutcome.Due(new(Utc("2026-01-05T09:00:00Z")), berlin));

        // Complete file on 10 Jan 2026; day 90 is Fri 10 April; midnight CEST = 22:00Z.
        Assert.Equal(Utc("2026-04-10T22:00:00Z"), DeadlinePresets.EuAdrOutcome.Due(new(Utc("2026-01-05T09:00:00Z"), CompleteInformationAt: Utc("2026-01-10T12:00:00Z")), berlin));
    }

    [Fact]
    public void WorkingTime_EightHoursFromWednesdayAfternoon()
    {
        // 2.5 hours on Wed 16 Dec to 17:00, 5.5 hours on Thursday from 09:00.
        Assert.Equal(Utc("2026-12-17T14:30:00Z"), DeadlineRule.WorkingTime(Duration.FromHours(8)).Due(new(Utc("2026-12-16T14:30:00Z")), London));
    }

    [Fact]
    public void AnchorDayCounting_MakesTheDayOfReceiptDayOne()
    {
        var rule = DeadlineRule.BusinessDays(3).WithAnchorDayCounting();

        // Wed 16 (1), Thu 17 (2), Fri 18 (3).
        Assert.Equal(Utc("2026-12-18T17:00:00Z"), rule.Due(new(Utc("2026-12-16T14:30:00Z")), London));

        // Received on Saturday 19 Dec: not a business day, so Mon 21 (1), Tue 22 (2), Wed 23 (3).
        Assert.Equal(Utc("2026-12-23T17:00:00Z"), rule.Due(new(Utc("2026-12-19T10:00:00Z")), London));

        // Calendar days counting the day of receipt: 10 days from Wed 16 Dec end on Fri 25 Dec.
        Assert.Equal(Utc("2026-12-26T00:00:00Z"), DeadlineRule.CalendarDays(10).WithAnchorDayCounting().Due(new(Utc("2026-12-16T14:30:00Z")), London));
    }

    [Fact]
    public void Chaining_FromAcknowledgement_WaitsForIt()
    {
        var rule = DeadlineRule.BusinessDays(5).WithAnchor(DeadlineAnchor.Acknowledgement);

        Assert.Null(rule.Due(new(Utc("2026-03-02T10:00:00Z")), London));
        Assert.Equal(Utc("2026-03-10T17:00:00Z"), rule.Due(new(Utc("2026-03-02T10:00:00Z"), AcknowledgedAt: Utc("2026-03-03T10:00:00Z")), London));
    }

    [Fact]
    public void BadRules_AreRejectedNamingTheField()
    {
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.CalendarDays(0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.BusinessDays(-3)).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.WorkingTime(Duration.Zero)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.BusinessDays(15).WithExtension(15)).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.WorkingTime(Duration.FromHours(8)).WithExtension(Duration.FromHours(8))).ParamName);
        Assert.Equal("anchor", Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.CalendarDays(1).WithAnchor((DeadlineAnchor)9)).ParamName);
        Assert.Throws<InvalidOperationException>(() => DeadlineRule.BusinessDays(3).WithRollForward());
        Assert.Throws<InvalidOperationException>(() => DeadlineRule.WorkingTime(Duration.FromHours(1)).WithAnchorDayCounting());
        Assert.Throws<InvalidOperationException>(() => DeadlineRule.WorkingTime(Duration.FromHours(1)).WithExtension(4));
        Assert.Throws<ArgumentNullException>(() => DeadlineRule.CalendarDays(1).Due(new(Utc("2026-03-02T10:00:00Z")), null!));
    }

    [Fact]
    public void EveryPreset_HasANameAndASource()
    {
        var presets = typeof(DeadlinePresets).GetProperties().Select(p => (DeadlineRule)p.GetValue(null)!).ToArray();

        Assert.True(presets.Length >= 11);
        Assert.All(presets, p => Assert.False(string.IsNullOrWhiteSpace(p.Name)));
        Assert.All(presets, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
    }

    public static Arbitrary<(long Seconds, int Count, int Unit)> Inputs() =>
        (from minutes in Gen.Choose(0, 2 * 365 * 24 * 60)
         from count in Gen.Choose(1, 60)
         from unit in Gen.Choose(0, 3)
         select (Instant.FromUtc(2025, 1, 1, 0, 0).ToUnixTimeSeconds() + (minutes * 60L), count, unit)).ToArbitrary();

    [Property(Arbitrary = [typeof(DeadlineRuleTests)], MaxTest = 200)]
    public void MoreDays_NeverEarlier_AndAnExtensionNeverShortens((long Seconds, int Count, int Unit) input)
    {
        var received = Instant.FromUnixTimeSeconds(input.Seconds);
        DeadlineRule Rule(int n) => input.Unit switch
        {
            0 => DeadlineRule.BusinessDays(n),
            1 => DeadlineRule.CalendarDays(n).WithRollForward(),
            2 => DeadlineRule.CalendarWeeks(n),
            _ => DeadlineRule.CalendarMonths(1 + (n % 12)),
        };

        var due = Rule(input.Count).Due(new(received), London)!.Value;
        Assert.True(due > received);
        if (input.Unit != 3)
        {
            // Strictly later, except that two calendar days rolling forward to the same business day end together.
            var next = Rule(input.Count + 1).Due(new(received), London);
            Assert.True(input.Unit == 1 ? next >= due : next > due, $"{input.Count + 1} units end at {next}, not after {due}.");
        }

        var extended = Rule(input.Count).WithExtension((input.Unit == 3 ? 1 + (input.Count % 12) : input.Count) + 5);
        Assert.True(extended.Due(new(received, HoldingReplyAt: received), London) > due);
        Assert.Equal(due, extended.Due(new(received), London));
    }
}
