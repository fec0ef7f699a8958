using Complaints.Core.Calendars;
using NodaTime;
using NodaTime.TimeZones;

namespace Complaints.Core.Tests.Calendars;

/// <summary>
/// A plain day-by-day reference for <see cref="BusinessCalendar"/>: it maps each day's weekly intervals to instants
/// when asked (or a working-day override's hours on its date), less any closures, takes their union over the days it
/// needs, and walks them. No tables, no prefix sums.
/// </summary>
internal sealed class ReferenceCalendar(
    DateTimeZone zone,
    IReadOnlyList<WorkingInterval> weekly,
    Func<LocalDate, bool> isHoliday,
    LocalDate lastDay,
    IReadOnlyDictionary<LocalDate, WorkingDayOverride>? workingDays = null,
    IReadOnlyList<CalendarClosure>? closures = null)
{
    private static readonly ZoneLocalMappingResolver Start =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private static readonly ZoneLocalMappingResolver End =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>
    /// Whether a day is a day of a <see cref="CalendarSystemHoliday"/>: the day, or one of the <c>Days - 1</c> days before it,
    /// has the rule's month and day in the rule's calendar system.
    /// </summary>
    public static bool IsHoliday(CalendarSystemHoliday rule, LocalDate day)
    {
        for (var back = 0; back < rule.Days; back++)
        {
            var there = day.PlusDays(-back).WithCalendar(rule.Calendar);
            if (there.Month == rule.Month && there.Day == rule.Day)
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerable<(Instant Start, Instant End)> DayIntervals(LocalDate day) => OpenDayIntervals(day).SelectMany(LessClosures);

    /// <summary>The parts of an interval that no closure covers, found one closure at a time.</summary>
    private IEnumerable<(Instant Start, Instant End)> LessClosures((Instant Start, Instant End) interval)
    {
        IEnumerable<(Instant Start, Instant End)> open = [interval];
        foreach (var closure in closures ?? [])
        {
            var from = zone.ResolveLocal(closure.Start, Start).ToInstant();
            var to = zone.ResolveLocal(closure.End, End).ToInstant();
            open = open.SelectMany(p => new[] { (p.Start, Instant.Min(p.End, from)), (Instant.Max(p.Start, to), p.End) }).Where(p => p.Item2 > p.Item1).ToList();
        }

        return open;
    }

    private IEnumerable<(Instant Start, Instant End)> OpenDayIntervals(LocalDate day)
    {
        if (workingDays is not null && workingDays.TryGetValue(day, out var workingDay))
        {
            foreach (var (s, e) in workingDay.Hours)
            {
                var start = zone.ResolveLocal(day + s, Start).ToInstant();
                var end = zone.ResolveLocal((e == LocalTime.Midnight ? day.PlusDays(1) : day) + e, End).ToInstant();
                if (end > start)
                {
                    yield return (start, end);
                }
            }

            yield break;
        }

        if (isHoliday(day))
        {
            yield break;
        }

        foreach (var w in weekly.Where(w => w.Day == day.DayOfWeek).OrderBy(w => w.Start))
        {
            var start = zone.ResolveLocal(day + w.Start, Start).ToInstant();
            var end = zone.ResolveLocal((w.CrossesMidnight ? day.PlusDays(1) : day) + w.End, End).ToInstant();
            if (end > start)
            {
                yield return (start, end);
            }
        }
    }

    /// <summary>The union of working intervals of the days from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public List<(Instant Start, Instant End)> Union(LocalDate first, LocalDate last)
    {
        var all = new List<(Instant Start, Instant End)>();
        for (var d = first; d <= last; d = d.PlusDays(1))
        {
            all.AddRange(DayIntervals(d));
        }

        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        var union = new List<(Instant Start, Instant End)>();
        foreach (var interval in all)
        {
            if (union.Count > 0 && interval.Start <= union[^1].End)
            {
                union[^1] = (union[^1].Start, Instant.Max(union[^1].End, interval.End));
            }
            else
            {
                union.Add(interval);
            }
        }

        return union;
    }

    public Duration Between(Instant a, Instant b)
    {
        var total = Duration.Zero;
        foreach (var (s, e) in Union(a.InZone(zone).Date.PlusDays(-2), b.InZone(zone).Date.PlusDays(1)))
        {
            var from = Instant.Max(s, a);
            var to = Instant.Min(e, b);
            if (to > from)
            {
                total += to - from;
            }
        }

        return total;
    }

    /// <summary>The earliest instant by which <paramref name="amount"/> of working time has passed, or null past <c>lastDay</c>.</summary>
    public Instant? Add(Instant start, Duration amount)
    {
        if (amount == Duration.Zero)
        {
            return start;
        }

        var remaining = amount;
        var first = start.InZone(zone).Date.PlusDays(-2);
        foreach (var (s, e) in Union(first, lastDay))
        {
            if (e <= start)
            {
                continue;
            }

            var from = Instant.Max(s, start);
            if (remaining <= e - from)
            {
                return from + remaining;
            }

            remaining -= e - from;
        }

        return null;
    }

    public LocalDate? AddBusinessDays(LocalDate date, int days)
    {
        var count = 0;
        for (var d = date.PlusDays(1); d <= lastDay; d = d.PlusDays(1))
        {
            if (DayIntervals(d).Any() && ++count == days)
            {
                return d;
            }
        }

        return null;
    }
}

/// <summary>
/// A plain day-by-day reference for holiday substitution: it walks every day of a range, asks each rule whether the day
/// is one of its dates, keeps the dates that stay, then walks the range again and moves each weekend date of a
/// substituting rule one day at a time until it finds a free day. A working-day override's date is never a holiday and
/// never free.
/// </summary>
internal static class ReferenceSubstitution
{
    public sealed record Move(LocalDate From, LocalDate To, HolidaySubstitution Substitution, int Skipped, int SkippedWorkingDays = 0);

    /// <summary>Whether a day is a date of a rule (before substitution), found without the rule's own date arithmetic.</summary>
    public static bool Falls(HolidayRule rule, LocalDate day) => rule switch
    {
        FixedDateHoliday f => day.Month == f.Month && day.Day == f.Day,
        CalendarSystemHoliday c => ReferenceCalendar.IsHoliday(c, day),
        _ => throw new NotSupportedException(rule.GetType().Name),
    };

    public static (HashSet<LocalDate> Holidays, List<Move> Moves) Holidays(
        IReadOnlyList<HolidayRule> rules, IReadOnlySet<IsoDayOfWeek> weekend, LocalDate first, LocalDate last, IReadOnlySet<LocalDate>? workingDays = null)
    {
        bool IsWorkingDay(LocalDate d) => workingDays?.Contains(d) == true;
        bool IsWeekend(LocalDate d) => weekend.Contains(d.DayOfWeek);
        bool Moves(HolidayRule r, LocalDate d) => r.Substitution != HolidaySubstitution.None && IsWeekend(d);

        var holidays = new HashSet<LocalDate>();
        for (var d = first; d <= last; d = d.PlusDays(1))
        {
            if (!IsWorkingDay(d) && rules.Any(r => Falls(r, d) && !Moves(r, d)))
            {
                holidays.Add(d);
            }
        }

        var moves = new List<Move>();
        var taken = new HashSet<LocalDate>(holidays);
        taken.UnionWith(workingDays ?? new HashSet<LocalDate>());
        for (var d = first; d <= last; d = d.PlusDays(1))
        {
            if (IsWorkingDay(d))
            {
                continue;
            }

            foreach (var rule in rules.Where(r => Falls(r, d) && Moves(r, d)))
            {
                // The US rule: back from the first day of a run of weekend days, forward from the others.
                var back = rule.Substitution == HolidaySubstitution.NearestWeekday && !IsWeekend(d.PlusDays(-1));
                var to = d;
                var skipped = 0;
                var skippedWorkingDays = 0;
                do
                {
                    to = to.PlusDays(back ? -1 : 1);
                    if (!IsWeekend(to) && taken.Contains(to))
                    {
                        skipped++;
                        skippedWorkingDays += IsWorkingDay(to) ? 1 : 0;
                    }
                }
                while (IsWeekend(to) || taken.Contains(to));

                taken.Add(to);
                holidays.Add(to);
                moves.Add(new Move(d, to, rule.Substitution, skipped, skippedWorkingDays));
            }
        }

        return (holidays, moves);
    }
}
