using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// One transfer of a day off in a Russian Government decree, as the decree words it: "с субботы 27 апреля на понедельник
/// 29 апреля" is <c>new RussianDayOffTransfer(new LocalDate(2024, 4, 27), new LocalDate(2024, 4, 29))</c>.
/// </summary>
/// <remarks>
/// <para>What the transfer does depends on <see cref="From"/>, a Saturday or Sunday of the five-day week:</para>
/// <list type="bullet">
/// <item>a January holiday (1–8 January) on a weekend: its day off goes to <see cref="To"/> (Labour Code art. 112 part 2 leaves these to the decree);</item>
/// <item>another non-working holiday on a weekend: its day off goes to <see cref="To"/> instead of the next working day (2025: 23 February to 8 May);</item>
/// <item>a plain Saturday or Sunday: it becomes a working day and <see cref="To"/> a day off (2024: 27 April to 29 April).</item>
/// </list>
/// </remarks>
public sealed record RussianDayOffTransfer
{
    /// <summary>Initializes a new instance of the <see cref="RussianDayOffTransfer"/> class.</summary>
    /// <param name="from">The day off moved: a Saturday or Sunday; converted to the ISO calendar.</param>
    /// <param name="to">The day that becomes a day off: Monday to Friday; converted to the ISO calendar.</param>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not a Saturday or Sunday, or <paramref name="to"/> is.</exception>
    public RussianDayOffTransfer(LocalDate from, LocalDate to)
    {
        From = from.WithCalendar(CalendarSystem.Iso);
        To = to.WithCalendar(CalendarSystem.Iso);
        if (!IsWeekend(From))
        {
            throw new ArgumentException($"from ({From:uuuu-MM-dd}, a {From.DayOfWeek}) must be a Saturday or Sunday: a decree moves the days off of the five-day week.", nameof(from));
        }

        if (IsWeekend(To))
        {
            throw new ArgumentException($"to ({To:uuuu-MM-dd}, a {To.DayOfWeek}) must be Monday to Friday: the day off moves to a working day.", nameof(to));
        }
    }

    /// <summary>Gets the day off moved: a Saturday or Sunday.</summary>
    public LocalDate From { get; }

    /// <summary>Gets the day that becomes a day off: Monday to Friday.</summary>
    public LocalDate To { get; }

    /// <summary>Returns the transfer as "2024-04-27 → 2024-04-29".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{From:uuuu-MM-dd} → {To:uuuu-MM-dd}";

    private static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
}
