using Complaints.Core.Calendars;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

/// <summary>A random weekend (bit <c>i</c> of <see cref="WeekendMask"/> is ISO day <c>i + 1</c>) and random substituting rules.</summary>
public sealed record SubstitutionCase(int WeekendMask, (bool Span, int Month, int Day, int Days, HolidaySubstitution Substitution)[] Rules)
{
    public IReadOnlySet<IsoDayOfWeek> Weekend =>
        Enumerable.Range(0, 7).Where(i => (WeekendMask & (1 << i)) != 0).Select(i => (IsoDayOfWeek)(i + 1)).ToHashSet();

    public IReadOnlyList<HolidayRule> HolidayRules =>
        Rules.Select((r, i) => r.Span
            ? new CalendarSystemHoliday($"span {i}", CalendarSystem.Gregorian, r.Month, r.Day, r.Days, substitution: r.Substitution)
            : (HolidayRule)new FixedDateHoliday($"fixed {i}", r.Month, r.Day, r.Substitution)).ToArray();

    public override string ToString() =>
        $"weekend=[{string.Join(", ", Weekend)}] rules=[{string.Join(", ", Rules.Select(r => $"{r.Month}/{r.Day}×{(r.Span ? r.Days : 1)} {r.Substitution}"))}]";
}

public static class SubstitutionArbitraries
{
    /// <summary>Dates crowd into the turn of the year half the time, so substitutes collide with holidays and each other.</summary>
    private static Gen<(bool Span, int Month, int Day, int Days, HolidaySubstitution Substitution)> Rule =>
        from span in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from date in Gen.Frequency(
            (2, Gen.Choose(-8, 4).Select(i => new LocalDate(2025, 1, 1).PlusDays(i))),
            (1, from month in Gen.Choose(1, 12) from day in Gen.Choose(1, 28) select new LocalDate(2025, month, day)))
        from days in Gen.Choose(1, 4)
        from substitution in Gen.Frequency(
            (1, Gen.Constant(HolidaySubstitution.None)),
            (2, Gen.Constant(HolidaySubstitution.NextWorkingDay)),
            (2, Gen.Constant(HolidaySubstitution.NearestWeekday)))
        select (span, date.Month, date.Day, days, substitution);

    internal static Gen<SubstitutionCase> Generator =>
        from weekend in Gen.Frequency((1, Gen.Constant(0b110_0000)), (1, Gen.Constant(0b011_0000)), (3, Gen.Choose(1, 126)))
        from count in Gen.Choose(1, 6)
        from rules in Rule.ArrayOf(count)
        select new SubstitutionCase(weekend, rules);

    public static Arbitrary<SubstitutionCase> Cases() => Generator.ToArbitrary();
}

public sealed class HolidaySubstitutionPropertyTests
{
    internal static readonly LocalDate First = new(2024, 1, 1);
    internal static readonly LocalDate Last = new(2028, 12, 31);

    private static readonly string[] Labels =
    [
        "a substitute skips another holiday or substitute", "NextWorkingDay moves", "NearestWeekday moves back",
        "NearestWeekday moves forward", "None stays on a weekend day", "weekend other than Saturday–Sunday",
    ];

    [Property(Arbitrary = [typeof(SubstitutionArbitraries)], MaxTest = 200)]
    public Property Holidays_AgreeWithDayByDayReference_AndNoSubstituteLandsOnAWeekendHolidayOrSubstitute(SubstitutionCase c)
    {
        var weekend = c.Weekend;
        var rules = c.HolidayRules;
        var fast = Build(weekend, rules);
        var (expected, moves) = ReferenceSubstitution.Holidays(rules, weekend, First.PlusDays(-366), Last.PlusDays(366));
        var labels = LabelsOf(c, moves.Where(m => m.From >= First && m.From <= Last).ToList());

        return Prop.ToProperty(() =>
            {
                AssertHolidays(expected, fast);
                var unmoved = expected.Except(moves.Select(m => m.To)).ToHashSet();
                Assert.Equal(moves.Count, moves.Select(m => m.To).Distinct().Count());
                foreach (var move in moves)
                {
                    Assert.DoesNotContain(move.To.DayOfWeek, weekend);
                    Assert.DoesNotContain(move.To, unmoved);
                    if (move.To >= First && move.To <= Last)
                    {
                        Assert.True(fast.IsHoliday(move.To) && !fast.IsBusinessDay(move.To), $"{move.To}, the substitute for {move.From}, is a business day");
                    }
                }
            })
            .Classify(labels.Contains(Labels[0]), Labels[0])
            .Classify(labels.Contains(Labels[1]), Labels[1])
            .Classify(labels.Contains(Labels[2]), Labels[2])
            .Classify(labels.Contains(Labels[3]), Labels[3])
            .Classify(labels.Contains(Labels[4]), Labels[4])
            .Classify(labels.Contains(Labels[5]), Labels[5]);
    }

    /// <summary>Builds a UTC calendar over 2024–2028 working 09:00–17:00 on the days outside the weekend, with the rules and any working days (10:00–14:00).</summary>
    internal static BusinessCalendar Build(IReadOnlySet<IsoDayOfWeek> weekend, IReadOnlyList<HolidayRule> rules, IEnumerable<LocalDate>? workingDays = null)
    {
        var builder = BusinessCalendar.CreateBuilder("Etc/UTC").Covering(First.Year, Last.Year).AddHolidays(rules);
        foreach (var day in Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d).Where(d => !weekend.Contains(d)))
        {
            builder.AddWorkingHours(day, new LocalTime(9, 0), new LocalTime(17, 0));
        }

        foreach (var date in workingDays ?? [])
        {
            builder.AddWorkingDay(date, new LocalTime(10, 0), new LocalTime(14, 0));
        }

        return builder.Build();
    }

    /// <summary>Asserts that the calendar's holidays from 2024 to 2028 are the reference's.</summary>
    internal static void AssertHolidays(HashSet<LocalDate> expected, BusinessCalendar fast)
    {
        for (var d = First; d <= Last; d = d.PlusDays(1))
        {
            Assert.True(expected.Contains(d) == fast.IsHoliday(d), $"{d} ({d.DayOfWeek}): reference {expected.Contains(d)}, calendar {fast.IsHoliday(d)}");
        }
    }

    [Fact]
    public void Generator_ReachesCollisionsEveryPolicyAndOtherWeekends()
    {
        var seen = new HashSet<string>();
        foreach (var c in SubstitutionArbitraries.Generator.Sample(300))
        {
            var (_, moves) = ReferenceSubstitution.Holidays(c.HolidayRules, c.Weekend, First, Last);
            seen.UnionWith(LabelsOf(c, moves));
        }

        Assert.All(Labels, label => Assert.Contains(label, seen));
    }

    private static HashSet<string> LabelsOf(SubstitutionCase c, List<ReferenceSubstitution.Move> moves)
    {
        var labels = new HashSet<string>();
        if (moves.Any(m => m.Skipped > 0))
        {
            labels.Add(Labels[0]);
        }

        if (moves.Any(m => m.Substitution == HolidaySubstitution.NextWorkingDay))
        {
            labels.Add(Labels[1]);
        }

        if (moves.Any(m => m.Substitution == HolidaySubstitution.NearestWeekday && m.To < m.From))
        {
            labels.Add(Labels[2]);
        }

        if (moves.Any(m => m.Substitution == HolidaySubstitution.NearestWeekday && m.To > m.From))
        {
            labels.Add(Labels[3]);
        }

        var weekend = c.Weekend;
        var staying = c.HolidayRules.Where(r => r.Substitution == HolidaySubstitution.None).ToArray();
        if (Enumerable.Range(0, 366).Select(i => First.PlusDays(i)).Any(d => weekend.Contains(d.DayOfWeek) && staying.Any(r => ReferenceSubstitution.Falls(r, d))))
        {
            labels.Add(Labels[4]);
        }

        if (c.WeekendMask != 0b110_0000)
        {
            labels.Add(Labels[5]);
        }

        return labels;
    }
}
