using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>A one-off closure in local time: a whole day, several days, or part of a day (closing early on 24 December).</summary>
public readonly record struct CalendarClosure
{
    /// <summary>Initializes a new instance of the <see cref="CalendarClosure"/> struct.</summary>
    /// <param name="start">The local start of the closure.</param>
    /// <param name="end">The local end of the closure; after <paramref name="start"/>.</param>
    /// <param name="reason">Why the business is closed, if recorded.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public CalendarClosure(LocalDateTime start, LocalDateTime end, string? reason = null)
    {
        if (end <= start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"end must be after start ({start}).");
        }

        Start = start;
        End = end;
        Reason = reason;
    }

    /// <summary>Gets the local start of the closure.</summary>
    public LocalDateTime Start { get; }

    /// <summary>Gets the local end of the closure.</summary>
    public LocalDateTime End { get; }

    /// <summary>Gets why the business is closed, if recorded.</summary>
    public string? Reason { get; }

    /// <summary>Creates a closure of whole days.</summary>
    /// <param name="first">The first closed day.</param>
    /// <param name="last">The last closed day; the same as <paramref name="first"/> for one day.</param>
    /// <param name="reason">Why, if recorded.</param>
    /// <returns>The closure from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="last"/> is before <paramref name="first"/>, or is <see cref="LocalDate.MaxIsoValue"/> (the closure would end on the day after it).</exception>
    public static CalendarClosure Days(LocalDate first, LocalDate last, string? reason = null)
    {
        if (last < first)
        {
            throw new ArgumentOutOfRangeException(nameof(last), last, $"last must not be before first ({first}).");
        }

        if (last == LocalDate.MaxIsoValue)
        {
            throw new ArgumentOutOfRangeException(nameof(last), last, $"last must be before {LocalDate.MaxIsoValue}, the last date there is: a closure ends at the start of the day after its last day.");
        }

        return new CalendarClosure(first.AtMidnight(), last.PlusDays(1).AtMidnight(), reason);
    }
}
