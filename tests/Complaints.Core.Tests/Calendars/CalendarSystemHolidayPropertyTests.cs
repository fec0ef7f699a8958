using Complaints.Core.Calendars;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Calendars;

namespace Complaints.Core.Tests.Calendars;

/// <summary>A random calendar (without UK holidays) with random holiday rules in random calendar systems.</summary>
public sealed record CalendarSystemHolidayCase(CalendarCase Calendar, (int System, int Month, int Day, int Days)[] Rules)
{
    public override string ToString() =>
        $"{Calendar} rules=[{string.Join(", ", Rules.Select(r => $"{CalendarSystemHolidayArbitraries.Systems[r.System].Id} {r.Month}/{r.Day}×{r.Days}"))}]";
}

public static class CalendarSystemHolidayArbitraries
{
    internal static readonly CalendarSystem[] Systems =
    [
        CalendarSystem.PersianAstronomical,
        CalendarSystem.UmAlQura,
        CalendarSystem.GetIslamicCalendar(IslamicLeapYearPattern.Base16, IslamicEpoch.Civil),
        CalendarSystem.GetIslamicCalendar(IslamicLeapYearPattern.Indian, IslamicEpoch.Astronomical),
        CalendarSystem.Gregorian,
    ];

    /// <summary>A rule anywhere in its calendar's year, or (for the lunar ones) on a date that falls twice in one of the covered ISO years.</summary>
    internal static Gen<(int System, int Month, int Day, int Days)> Rule =>
        from system in Gen.Choose(0, Systems.Length - 1)
        from twice in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from year in Gen.Choose(2024, 2028)
        from january in Gen.Choose(1, 10)
        from month in Gen.Choose(1, 12)
        from day in Gen.Frequency((4, Gen.Choose(1, 29)), (1, Gen.Choose(29, 31)))
        from days in Gen.Frequency((3, Gen.Choose(1, 4)), (1, Gen.Choose(1, CalendarSystemHoliday.MaxDays)))
        let lunar = system is 1 or 2 or 3
        let early = new LocalDate(year, 1, january).WithCalendar(Systems[system])
        select lunar && twice ? (system, early.Month, early.Day, days) : (system, month, day, days);

    public static Arbitrary<CalendarSystemHolidayCase> Cases() =>
        (from calendar in CalendarArbitraries.Cases().Generator
         from count in Gen.Choose(1, 3)
         from rules in Rule.ArrayOf(count)
         select new CalendarSystemHolidayCase(calendar with { UkHolidays = false }, rules))
        .ToArbitrary();
}

public sealed class CalendarSystemHolidayPropertyTests
{
    private static readonly LocalDate First = new(2024, 1, 1);
    private static readonly LocalDate Last = new(2028, 12, 31);

    [Property(Arbitrary = [typeof(CalendarSystemHolidayArbitraries), typeof(CalendarArbitraries)], MaxTest = 100)]
    public Property FastCalendar_AgreesWithDayByDayReference_ThatConvertsEachDayToTheRulesCalendar(CalendarSystemHolidayCase c)
    {
        var rules = new List<CalendarSystemHoliday>();
        foreach (var (system, month, day, days) in c.Rules)
        {
            try
            {
                rules.Add(new CalendarSystemHoliday($"rule {rules.Count}", CalendarSystemHolidayArbitraries.Systems[system], month, day, days));
            }
            catch (ArgumentOutOfRangeException ex) when (ex.ParamName == "day")
            {
                // 30 February or 31 Mehr: the constructor refuses it, naming day; the case goes on without it.
            }
        }

        bool ReferenceIsHoliday(LocalDate d) => rules.Any(r => ReferenceCalendar.IsHoliday(r, d));
        var (fast, reference) = BusinessCalendarPropertyTests.Build(c.Calendar, rules, ReferenceIsHoliday);

        // An occurrence is counted on its first day, so a long span that overlaps the next one is not mistaken for it.
        bool FallsTwice(CalendarSystemHoliday r) =>
            Enumerable.Range(First.Year, Last.Year - First.Year + 1).Any(y =>
                Enumerable.Range(0, CalendarSystem.Iso.GetDaysInYear(y))
                    .Select(i => new LocalDate(y, 1, 1).PlusDays(i).WithCalendar(r.Calendar))
                    .Count(d => d.Month == r.Month && d.Day == r.Day) >= 2);

        return Prop.ToProperty(() =>
            {
                for (var d = First; d <= Last; d = d.PlusDays(1))
                {
                    Assert.True(ReferenceIsHoliday(d) == fast.IsHoliday(d), $"{d}: reference {ReferenceIsHoliday(d)}, calendar {fast.IsHoliday(d)}");
                }

                BusinessCalendarPropertyTests.AssertAgrees(c.Calendar, fast, reference);
            })
            .Classify(rules.Any(r => r.Calendar == CalendarSystem.PersianAstronomical), "Persian")
            .Classify(rules.Any(r => r.Calendar.Id.StartsWith("Hijri", StringComparison.Ordinal) || r.Calendar == CalendarSystem.UmAlQura), "Hijri")
            .Classify(rules.Any(r => r.Calendar == CalendarSystem.Gregorian), "Gregorian")
            .Classify(rules.Any(r => r.Days > 1), "span of days")
            .Classify(rules.Any(FallsTwice), "a date falls twice in one ISO year");
    }
}
