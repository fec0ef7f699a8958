using Complaints.Core.Calendars;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

/// <summary>
/// Random estimated rules with, for each rule, the shift (−3 to +3 days, or none) announced for its first occurrences in
/// date order, delivered by <see cref="BusinessCalendarBuilder.AnnounceHoliday"/> or by a provider.
/// </summary>
public sealed record HolidayAnnouncementCase((int System, int Month, int Day, int Days)[] Rules, int?[][] Shifts, bool ByProvider)
{
    public override string ToString() =>
        $"rules=[{string.Join(", ", Rules.Select((r, i) => $"{CalendarSystemHolidayArbitraries.Systems[r.System].Id} {r.Month}/{r.Day}×{r.Days} " +
            $"shifts [{string.Join(" ", Shifts[i].Select(s => s?.ToString("+0;-0;0", System.Globalization.CultureInfo.InvariantCulture) ?? "·"))}]"))}] provider={ByProvider}";
}

public static class HolidayAnnouncementArbitraries
{
    /// <summary>Enough shifts for every occurrence of a lunar date in 2023–2029.</summary>
    private const int Occurrences = 8;

    /// <summary>
    /// A rule as in <see cref="CalendarSystemHolidayArbitraries"/>, or a Gregorian one at the turn of the year, so that a
    /// shift can move an occurrence into the ISO year before or after and into another calendar year's reach
    /// (1 January announced on 30 December).
    /// </summary>
    private static Gen<(int System, int Month, int Day, int Days)> Rule =>
        Gen.Frequency(
            (3, CalendarSystemHolidayArbitraries.Rule),
            (1, from start in Gen.Elements((1, 1), (1, 2), (1, 3), (12, 29), (12, 30), (12, 31))
                from days in Gen.Choose(1, 3)
                select (Array.IndexOf(CalendarSystemHolidayArbitraries.Systems, CalendarSystem.Gregorian), start.Item1, start.Item2, days)));

    public static Arbitrary<HolidayAnnouncementCase> Cases() =>
        (from count in Gen.Choose(1, 3)
         from rules in Rule.ArrayOf(count)
         from shifts in Gen.Frequency((2, Gen.Constant<int?>(null)), (3, Gen.Choose(-3, 3).Select(s => (int?)s))).ArrayOf(Occurrences).ArrayOf(count)
         from byProvider in Gen.Elements(true, false)
         select new HolidayAnnouncementCase(rules, shifts, byProvider))
        .ToArbitrary();
}

public sealed class HolidayAnnouncementPropertyTests
{
    private static readonly LocalDate First = new(2024, 1, 1);
    private static readonly LocalDate Last = new(2028, 12, 31);

    [Property(Arbitrary = [typeof(HolidayAnnouncementArbitraries)], MaxTest = 100)]
    public Property Build_WithRandomAnnouncements_GivesTheComputedOccurrencesWithTheAnnouncedOnesShifted(HolidayAnnouncementCase c)
    {
        var rules = new List<(CalendarSystemHoliday Rule, int?[] Shifts)>();
        for (var i = 0; i < c.Rules.Length; i++)
        {
            var (system, month, day, days) = c.Rules[i];
            try
            {
                rules.Add((new CalendarSystemHoliday($"rule {i}", CalendarSystemHolidayArbitraries.Systems[system], month, day, days, isEstimate: true), c.Shifts[i]));
            }
            catch (ArgumentOutOfRangeException ex) when (ex.ParamName == "day")
            {
                // 30 February or 31 Mehr: the constructor refuses it, naming day; the case goes on without it.
            }
        }

        // The reference: each occurrence found by walking the days, its first day moved by the announced shift, then its span.
        var announcements = new List<HolidayAnnouncement>();
        var reference = new HashSet<LocalDate>();
        var twiceAndAnnounced = false;
        foreach (var (rule, shifts) in rules)
        {
            var occurrences = Occurrences(rule).ToArray();
            for (var k = 0; k < occurrences.Length; k++)
            {
                var (calendarYear, start) = occurrences[k];
                if (k < shifts.Length && shifts[k] is { } shift && start.PlusDays(shift) is var announced && announced >= First && announced <= Last)
                {
                    announcements.Add(new HolidayAnnouncement(rule.Name, calendarYear, announced));
                    start = announced;
                    twiceAndAnnounced |= occurrences.Count(o => o.Start.Year == occurrences[k].Start.Year) >= 2;
                }

                reference.UnionWith(Enumerable.Range(0, rule.Days).Select(start.PlusDays));
            }
        }

        var builder = BusinessCalendar.CreateBuilder("Etc/UTC")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .AddHolidays(rules.Select(r => r.Rule))
            .Covering(First.Year, Last.Year);
        if (c.ByProvider)
        {
            builder.AddHolidayAnnouncementProvider(new HolidayAnnouncementTests.Announcements(y => announcements.Where(a => a.FirstDay.Year == y).ToArray()));
        }
        else
        {
            announcements.ForEach(a => builder.AnnounceHoliday(a));
        }

        var calendar = builder.Build();

        return Prop.ToProperty(() =>
            {
                for (var d = First; d <= Last; d = d.PlusDays(1))
                {
                    Assert.True(reference.Contains(d) == calendar.IsHoliday(d), $"{d}: reference {reference.Contains(d)}, calendar {calendar.IsHoliday(d)}");
                }
            })
            .Classify(announcements.Exists(a => Shift(rules, a) != 0), "shifted")
            .Classify(announcements.Exists(a => Shift(rules, a) == 0), "announced unshifted")
            .Classify(rules.Exists(r => r.Shifts.Any(s => s is null)), "some occurrences unannounced")
            .Classify(twiceAndAnnounced, "announced in an ISO year the date falls twice in")
            .Classify(rules.Exists(r => r.Rule.Days > 1), "span of days")
            .Classify(c.ByProvider, "by provider")
            .Classify(announcements.Exists(a => a.FirstDay.Year != Occurrences(rules.Single(r => r.Rule.Name == a.HolidayName).Rule).Single(o => o.CalendarYear == a.CalendarYear).Start.Year), "moved into another ISO year")
            .Collect($"{announcements.Count / 5 * 5}+ announcements");
    }

    /// <summary>Every occurrence whose first day lies from November 2023 to February 2029: its year in the rule's calendar, and its ISO first day.</summary>
    private static IEnumerable<(int CalendarYear, LocalDate Start)> Occurrences(CalendarSystemHoliday rule)
    {
        for (var d = new LocalDate(2023, 11, 1); d <= new LocalDate(2029, 2, 28); d = d.PlusDays(1))
        {
            var there = d.WithCalendar(rule.Calendar);
            if (there.Month == rule.Month && there.Day == rule.Day)
            {
                yield return (there.Year, d);
            }
        }
    }

    private static int Shift(List<(CalendarSystemHoliday Rule, int?[] Shifts)> rules, HolidayAnnouncement a)
    {
        var rule = rules.Single(r => r.Rule.Name == a.HolidayName).Rule;
        var computed = Occurrences(rule).Single(o => o.CalendarYear == a.CalendarYear).Start;
        return Period.DaysBetween(computed, a.FirstDay);
    }
}
