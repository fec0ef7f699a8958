using Complaints.Core.Calendars;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

/// <summary>A random calendar case with random working-day overrides, given as days from 2025-01-01 and hours in quarters.</summary>
public sealed record OverrideCalendarCase(CalendarCase Calendar, (int Day, (int Start, int End)[] Quarters)[] Overrides)
{
    public IReadOnlyList<WorkingDayOverride> WorkingDays =>
        Overrides.DistinctBy(o => o.Day)
            .Select(o => new WorkingDayOverride(
                new LocalDate(2025, 1, 1).PlusDays(o.Day),
                o.Quarters.Select(q => (Quarter(q.Start), Quarter(q.End)))))
            .ToArray();

    private static LocalTime Quarter(int q) => q == 96 ? LocalTime.Midnight : LocalTime.Midnight.PlusMinutes(q * 15);

    public override string ToString() =>
        $"{Calendar} overrides=[{string.Join(", ", WorkingDays.Select(w => $"{w.Date} {string.Join("+", w.Hours.Select(h => $"{h.Start:HH:mm}–{h.End:HH:mm}"))}"))}]";
}

/// <summary>Random substitution cases with random working-day overrides, given as days from 2025-01-01.</summary>
public sealed record OverrideSubstitutionCase(SubstitutionCase Substitution, int[] OverrideDays)
{
    public IReadOnlySet<LocalDate> WorkingDays => OverrideDays.Select(d => new LocalDate(2025, 1, 1).PlusDays(d)).ToHashSet();

    public override string ToString() => $"{Substitution} overrides=[{string.Join(", ", WorkingDays.Order())}]";
}

public static class OverrideArbitraries
{
    /// <summary>One or two non-overlapping intervals in a day, in quarters of an hour; 96 is the midnight that ends the day.</summary>
    private static Gen<(int Start, int End)[]> Hours =>
        from start in Gen.Choose(0, 94)
        from end in Gen.Choose(start + 1, 96)
        from second in Gen.Elements(true, false)
        from start2 in Gen.Choose(Math.Min(end, 95), 95)
        from end2 in Gen.Choose(start2 + 1, 96)
        select second && end < 96 ? new[] { (start, end), (start2, end2) } : [(start, end)];

    /// <summary>Days in the case's query range (2025-01-06 and 800 days on), near its DST changes half the time.</summary>
    private static Gen<int> CalendarDays => Gen.Frequency(
        (1, Gen.Choose(5, 805)),
        (1, from t in Gen.Elements(83, 88, 95, 277, 298, 305, 431, 452, 459, 641, 662, 669) from d in Gen.Choose(-3, 3) select t + d));

    public static Arbitrary<OverrideCalendarCase> CalendarCases() =>
        (from c in CalendarArbitraries.Cases().Generator
         from count in Gen.Choose(1, 12)
         from overrides in (from day in CalendarDays from hours in Hours select (day, hours)).ArrayOf(count)
         select new OverrideCalendarCase(c, overrides))
        .ToArbitrary();

    /// <summary>Override days crowd into the turn of the year, where the substitution cases' holidays crowd, half the time.</summary>
    internal static Gen<OverrideSubstitutionCase> SubstitutionGenerator =>
        from c in SubstitutionArbitraries.Generator
        from count in Gen.Choose(0, 5)
        from days in Gen.Frequency((2, Gen.Choose(-8, 8)), (1, Gen.Choose(0, 364))).ArrayOf(count)
        select new OverrideSubstitutionCase(c, days);

    public static Arbitrary<OverrideSubstitutionCase> SubstitutionCases() => SubstitutionGenerator.ToArbitrary();
}

public sealed class WorkingDayOverridePropertyTests
{
    private static readonly LocalDate First = HolidaySubstitutionPropertyTests.First;
    private static readonly LocalDate Last = HolidaySubstitutionPropertyTests.Last;

    private static readonly string[] Labels =
    [
        "an override on a weekend day", "a substitute skips an override", "a holiday falls on an override",
    ];

    [Property(Arbitrary = [typeof(OverrideArbitraries)], MaxTest = 150)]
    public Property FastCalendar_WithOverrides_AgreesWithDayByDayReference(OverrideCalendarCase c)
    {
        var workingDays = c.WorkingDays;
        var (fast, reference) = BusinessCalendarPropertyTests.Build(c.Calendar, workingDays: workingDays);
        var weekend = Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d).Where(d => !fast.WeeklyHours.Any(w => w.Day == d)).ToHashSet();
        var onWeekend = workingDays.Any(w => weekend.Contains(w.Date.DayOfWeek));

        return Prop.ToProperty(() =>
            {
                BusinessCalendarPropertyTests.AssertAgrees(c.Calendar, fast, reference);
                foreach (var w in workingDays)
                {
                    var (dayStart, dayEnd) = (fast.Zone.AtStartOfDay(w.Date).ToInstant(), fast.Zone.AtStartOfDay(w.Date.PlusDays(1)).ToInstant());
                    Assert.False(fast.IsHoliday(w.Date));
                    Assert.Equal(reference.DayIntervals(w.Date).Any(), fast.IsBusinessDay(w.Date));
                    Assert.Equal(reference.Between(dayStart, dayEnd), fast.WorkingTimeBetween(dayStart, dayEnd));
                    Assert.Equal(reference.AddBusinessDays(w.Date.PlusDays(-1), 1), fast.AddBusinessDays(w.Date.PlusDays(-1), 1));
                }
            })
            .Classify(onWeekend, Labels[0]);
    }

    [Property(Arbitrary = [typeof(OverrideArbitraries)], MaxTest = 200)]
    public Property Holidays_WithOverrides_AgreeWithDayByDayReference_AndNoSubstituteLandsOnAnOverride(OverrideSubstitutionCase c)
    {
        var weekend = c.Substitution.Weekend;
        var rules = c.Substitution.HolidayRules;
        var workingDays = c.WorkingDays;
        var fast = HolidaySubstitutionPropertyTests.Build(weekend, rules, workingDays);
        var (expected, moves) = ReferenceSubstitution.Holidays(rules, weekend, First.PlusDays(-366), Last.PlusDays(366), workingDays);
        var labels = LabelsOf(c, moves);

        return Prop.ToProperty(() =>
            {
                HolidaySubstitutionPropertyTests.AssertHolidays(expected, fast);
                foreach (var date in workingDays)
                {
                    Assert.False(fast.IsHoliday(date), $"{date} is an override and a holiday");
                    Assert.True(fast.IsBusinessDay(date), $"{date} is an override but not a business day");
                }

                foreach (var move in moves)
                {
                    Assert.DoesNotContain(move.To, workingDays);
                    Assert.DoesNotContain(move.To.DayOfWeek, weekend);
                }
            })
            .Classify(labels.Contains(Labels[0]), Labels[0])
            .Classify(labels.Contains(Labels[1]), Labels[1])
            .Classify(labels.Contains(Labels[2]), Labels[2]);
    }

    [Fact]
    public void Generators_ReachWeekendOverridesAndOverrideCollisions()
    {
        var seen = new HashSet<string>();
        foreach (var c in OverrideArbitraries.SubstitutionGenerator.Sample(300))
        {
            var (_, moves) = ReferenceSubstitution.Holidays(c.Substitution.HolidayRules, c.Substitution.Weekend, First, Last, c.WorkingDays);
            seen.UnionWith(LabelsOf(c, moves));
        }

        Assert.All(Labels, label => Assert.Contains(label, seen));
    }

    private static HashSet<string> LabelsOf(OverrideSubstitutionCase c, List<ReferenceSubstitution.Move> moves)
    {
        var labels = new HashSet<string>();
        var weekend = c.Substitution.Weekend;
        var workingDays = c.WorkingDays;
        if (workingDays.Any(d => weekend.Contains(d.DayOfWeek)))
        {
            labels.Add(Labels[0]);
        }

        if (moves.Any(m => m.SkippedWorkingDays > 0))
        {
            labels.Add(Labels[1]);
        }

        if (workingDays.Any(d => c.Substitution.HolidayRules.Any(r => ReferenceSubstitution.Falls(r, d))))
        {
            labels.Add(Labels[2]);
        }

        return labels;
    }
}
