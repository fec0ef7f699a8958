using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Complaints.Core.Tests.Deadlines;

/// <summary>
/// Business-day and working-time deadlines, computed from the calendar's instant tables, against a reference that
/// steps local dates one at a time with the calendar's per-date answers; in zones whose clocks change at midnight and
/// one that skipped a whole day.
/// </summary>
public sealed class DeadlineRuleReferenceTests
{
    private static readonly BusinessCalendar[] Calendars =
    [
        Build("Europe/London"),
        Build("America/Sao_Paulo"),  // clocks went forward at midnight until 2019
        Build("Asia/Beirut"),        // clocks change at midnight
        Build("Pacific/Apia"),       // 30 December 2011 never happened
    ];

    public static Arbitrary<(int Calendar, long Seconds, int Count, bool DayCounts)> Inputs() =>
        (from calendar in Gen.Choose(0, Calendars.Length - 1)
         from minutes in Gen.Choose(0, 10 * 365 * 24 * 60)
         from count in Gen.Choose(1, 40)
         from dayCounts in Gen.Elements(false, true)
         // From 2 January 2010 UTC: the first hours of 2010 in UTC are still 2009 in Apia (then UTC-11) and São Paulo, outside the coverage.
         select (calendar, Instant.FromUtc(2010, 1, 2, 0, 0).ToUnixTimeSeconds() + (minutes * 60L), count, dayCounts)).ToArbitrary();

    [Property(Arbitrary = [typeof(DeadlineRuleReferenceTests)], MaxTest = 400)]
    public void BusinessDays_AreTheCloseOfTheNthBusinessDayCountedDateByDate((int Calendar, long Seconds, int Count, bool DayCounts) input)
    {
        var calendar = Calendars[input.Calendar];
        var received = Instant.FromUnixTimeSeconds(input.Seconds);
        var rule = DeadlineRule.BusinessDays(input.Count).WithAnchorDayCounting(input.DayCounts);

        // Reference: from the local date of receipt (or the day before it, when that day counts), step one date at a time.
        var date = received.InZone(calendar.Zone).Date.PlusDays(input.DayCounts ? -1 : 0);
        for (var found = 0; found < input.Count;)
        {
            date = date.PlusDays(1);
            found += calendar.IsBusinessDay(date) ? 1 : 0;
        }

        Assert.Equal(calendar.CloseOfBusiness(date), rule.Due(new(received), calendar));
    }

    [Property(Arbitrary = [typeof(DeadlineRuleReferenceTests)], MaxTest = 200)]
    public void WorkingTime_IsTheFirstInstantByWhichThatMuchWorkingTimeHasPassed((int Calendar, long Seconds, int Count, bool DayCounts) input)
    {
        var calendar = Calendars[input.Calendar];
        var received = Instant.FromUnixTimeSeconds(input.Seconds);
        var amount = Duration.FromMinutes(input.Count * 37);

        var due = DeadlineRule.WorkingTime(amount).Due(new(received), calendar)!.Value;

        Assert.Equal(amount, calendar.WorkingTimeBetween(received, due));
        Assert.True(calendar.WorkingTimeBetween(received, due - Duration.Epsilon) < amount, $"{due} is not the first instant by which {amount} has passed.");
    }

    [Fact]
    public void BusinessDays_PastTheCoveredYears_NameTheRuleAndTheCoverage()
    {
        var received = Instant.FromUtc(2020, 12, 30, 12, 0);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.BusinessDays(5).Due(new(received), Calendars[0]));

        Assert.Equal("anchors", ex.ParamName);
        Assert.Contains("5 BusinessDays", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2010–2020", ex.Message, StringComparison.Ordinal);
    }

    private static BusinessCalendar Build(string zone) => BusinessCalendar.CreateBuilder(zone)
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
        .AddHolidays(UkBankHolidays.EnglandAndWales)
        .Covering(2010, 2020)
        .Build();
}
