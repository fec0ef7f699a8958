using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// A date made a working day with its own hours, whatever the weekly hours say: a transferred working Saturday (Russia
/// moved the day off from Saturday 2 November 2024 to Monday 30 December 2024 by decree), or a shortened day.
/// </summary>
/// <remarks>
/// On its date the override's hours replace the weekly ones, on a weekend day or not. It beats holidays: a holiday
/// rule's or provider's date that falls on it is not observed and not moved, and no substitute lands on it. One-off
/// closures still apply to it, as to any working time. Its hours lie within the date: each ends after it starts, or at
/// midnight (<see cref="LocalTime.Midnight"/> as the end means the end of the date), and none overlap.
/// </remarks>
public sealed class WorkingDayOverride
{
    /// <summary>Initializes a new instance of the <see cref="WorkingDayOverride"/> class with one working interval.</summary>
    /// <param name="date">The date; converted to the ISO calendar.</param>
    /// <param name="start">The local start.</param>
    /// <param name="end">The local end; after <paramref name="start"/>, or <see cref="LocalTime.Midnight"/> for the end of the date.</param>
    /// <exception cref="ArgumentException">The interval is empty or ends before it starts.</exception>
    public WorkingDayOverride(LocalDate date, LocalTime start, LocalTime end)
        : this(date, [(start, end)])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WorkingDayOverride"/> class.</summary>
    /// <param name="date">The date; converted to the ISO calendar.</param>
    /// <param name="hours">The working intervals in local time; each ends after it starts, or at <see cref="LocalTime.Midnight"/> for the end of the date.</param>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="hours"/> is empty, or an interval is empty, ends before it starts or overlaps another.</exception>
    public WorkingDayOverride(LocalDate date, IEnumerable<(LocalTime Start, LocalTime End)> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        Date = date.WithCalendar(CalendarSystem.Iso);
        var sorted = hours.OrderBy(h => h.Start).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException($"hours must hold at least one working interval for the working day {Date:uuuu-MM-dd}.", nameof(hours));
        }

        long previousEnd = -1;
        foreach (var (start, end) in sorted)
        {
            var endNanos = EndNanos(end);
            if (endNanos <= start.NanosecondOfDay)
            {
                throw new ArgumentException(
                    $"hours on the working day {Date:uuuu-MM-dd}: {start:HH:mm}–{end:HH:mm} is empty or ends before it starts; an interval ends after it starts, or at midnight for the end of the day.",
                    nameof(hours));
            }

            if (start.NanosecondOfDay < previousEnd)
            {
                throw new ArgumentException($"hours on the working day {Date:uuuu-MM-dd}: {start:HH:mm}–{end:HH:mm} overlaps the interval before it.", nameof(hours));
            }

            previousEnd = endNanos;
        }

        Hours = Array.AsReadOnly(sorted);
    }

    /// <summary>Gets the date, in the ISO calendar.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the working intervals in local time, in order; an end of <see cref="LocalTime.Midnight"/> means the end of the date.</summary>
    public IReadOnlyList<(LocalTime Start, LocalTime End)> Hours { get; }

    /// <summary>Gets the working intervals as local date-times.</summary>
    internal IEnumerable<(LocalDateTime Start, LocalDateTime End)> LocalIntervals =>
        Hours.Select(h => (Date + h.Start, (h.End == LocalTime.Midnight ? Date.PlusDays(1) : Date) + h.End));

    private static long EndNanos(LocalTime end) => end == LocalTime.Midnight ? NodaConstants.NanosecondsPerDay : end.NanosecondOfDay;
}
