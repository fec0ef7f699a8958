using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// The announced first day of one occurrence of a lunar holiday whose rule only estimates it: Saudi Arabia's Supreme Court
/// announces the start of Shawwal after the moon sighting, and the announced date replaces the computed one.
/// </summary>
/// <remarks>
/// <para>
/// An announcement applies to every <see cref="CalendarSystemHoliday"/> of a calendar whose <see cref="HolidayRule.Name"/>
/// equals <see cref="HolidayName"/> (ordinal comparison) and whose <see cref="CalendarSystemHoliday.IsEstimate"/> is set.
/// The occurrence is named by its year in the rule's own calendar system, <see cref="CalendarYear"/>, because a Hijri
/// date can fall twice in one ISO year; the holiday's <see cref="CalendarSystemHoliday.Days"/> days then start on
/// <see cref="FirstDay"/> instead of the computed first day, and substitution applies to them as to any rule's dates.
/// </para>
/// <para>Instances are immutable and safe to share across threads.</para>
/// </remarks>
public sealed record HolidayAnnouncement
{
    /// <summary>The largest number of days an announced first day may be from the computed one.</summary>
    public const int MaxDaysFromEstimate = 3;

    /// <summary>Initializes a new instance of the <see cref="HolidayAnnouncement"/> class.</summary>
    /// <param name="holidayName">The <see cref="HolidayRule.Name"/> of the estimated rule, matched exactly.</param>
    /// <param name="calendarYear">The occurrence's year in the rule's calendar system (1446 for Eid al-Fitr 1446 AH), 1 to 9999.</param>
    /// <param name="firstDay">The announced first day, in the ISO calendar.</param>
    /// <exception cref="ArgumentNullException"><paramref name="holidayName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="holidayName"/> is empty, white space or too long, or <paramref name="firstDay"/> is not in the ISO calendar.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="calendarYear"/> is outside 1 to 9999.</exception>
    public HolidayAnnouncement(string holidayName, int calendarYear, LocalDate firstDay)
    {
        HolidayName = Guard.Text(holidayName, nameof(holidayName), TextLimits.Name);
        ArgumentOutOfRangeException.ThrowIfLessThan(calendarYear, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(calendarYear, 9999);
        if (firstDay.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException(
                $"firstDay must be an ISO date; {firstDay} is in the {firstDay.Calendar.Id} calendar (convert it with WithCalendar(CalendarSystem.Iso)).",
                nameof(firstDay));
        }

        CalendarYear = calendarYear;
        FirstDay = firstDay;
    }

    /// <summary>Gets the name of the estimated holiday rule the announcement is for.</summary>
    public string HolidayName { get; }

    /// <summary>Gets the occurrence's year in the rule's calendar system.</summary>
    public int CalendarYear { get; }

    /// <summary>Gets the announced first day, in the ISO calendar.</summary>
    public LocalDate FirstDay { get; }

    /// <summary>Returns the announcement as text, for messages.</summary>
    /// <returns>For example <c>Eid al-Fitr 1444 from 2023-04-21</c>.</returns>
    public override string ToString() => $"{HolidayName} {CalendarYear} from {FirstDay:uuuu-MM-dd}";
}
