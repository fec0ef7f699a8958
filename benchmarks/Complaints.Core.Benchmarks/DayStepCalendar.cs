using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Benchmarks;

/// <summary>
/// The naive reference the benchmarks measure against: a Monday-to-Friday calendar with one working interval a day,
/// walked one local date at a time. Each business day's hours are mapped to instants with the library's resolvers (a
/// start or end in a gap moves to the end of the gap; in an overlap a start takes the earlier occurrence and an end the
/// later one).
/// </summary>
public sealed class DayStepCalendar
{
    private readonly HashSet<LocalDate> _holidays = [];

    /// <summary>Initializes a new instance of the <see cref="DayStepCalendar"/> class with the holidays of a library calendar.</summary>
    /// <param name="calendar">The library calendar whose zone and holidays to copy.</param>
    /// <param name="open">When each business day opens.</param>
    /// <param name="close">When each business day closes.</param>
    public DayStepCalendar(BusinessCalendar calendar, LocalTime open, LocalTime close)
    {
        Zone = calendar.Zone;
        Open = open;
        Close = close;
        for (var date = new LocalDate(calendar.FirstYear, 1, 1); date.Year <= calendar.LastYear; date = date.PlusDays(1))
        {
            if (calendar.IsHoliday(date))
            {
                _holidays.Add(date);
            }
        }
    }

    public DateTimeZone Zone { get; }

    public LocalTime Open { get; }

    public LocalTime Close { get; }

    public bool IsBusinessDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>One local date at a time: each business day's working interval, clipped to the start, subtracted from what remains until the remainder fits.</summary>
    public Instant AddWorkingTime(Instant from, Duration amount)
    {
        if (amount == Duration.Zero)
        {
            return from;
        }

        var remaining = amount;
        for (var date = from.InZone(Zone).Date; ; date = date.PlusDays(1))
        {
            if (!IsBusinessDay(date))
            {
                continue;
            }

            var (start, end) = Hours(date);
            if (end <= from)
            {
                continue;
            }

            start = Instant.Max(start, from);
            if (remaining <= end - start)
            {
                return start + remaining;
            }

            remaining -= end - start;
        }
    }

    /// <summary>One local date at a time: the working time of each business day between two instants.</summary>
    public Duration WorkingTimeBetween(Instant from, Instant to)
    {
        var total = Duration.Zero;
        for (var date = from.InZone(Zone).Date; date <= to.InZone(Zone).Date; date = date.PlusDays(1))
        {
            if (IsBusinessDay(date))
            {
                var (start, end) = Hours(date);
                var a = Instant.Max(start, from);
                var b = Instant.Min(end, to);
                total += b > a ? b - a : Duration.Zero;
            }
        }

        return total;
    }

    /// <summary>One local date at a time: count business days after the day of receipt; return the close of the last one.</summary>
    public Instant AddBusinessDays(Instant receivedAt, int days)
    {
        var date = receivedAt.InZone(Zone).Date;
        var counted = 0;
        while (true)
        {
            date = date.PlusDays(1);
            if (IsBusinessDay(date) && ++counted == days)
            {
                return Hours(date).End;
            }
        }
    }

    private (Instant Start, Instant End) Hours(LocalDate date) =>
        (Zone.ResolveLocal(date + Open, BusinessCalendar.StartResolver).ToInstant(),
         Zone.ResolveLocal(date + Close, BusinessCalendar.EndResolver).ToInstant());
}
