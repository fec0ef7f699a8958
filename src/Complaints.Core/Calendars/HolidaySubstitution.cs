namespace Complaints.Core.Calendars;

/// <summary>
/// What happens to a holiday date that falls on a weekend day of the calendar it is added to.
/// </summary>
/// <remarks>
/// <para>
/// The weekend comes from the calendar: the days of the week on which no weekly working interval starts
/// (see <see cref="BusinessCalendarBuilder.Build"/>). A London calendar with Monday–Friday hours has a Saturday–Sunday
/// weekend; a Riyadh calendar with Sunday–Thursday hours a Friday–Saturday one.
/// </para>
/// <para>
/// A day is <em>free</em> when it is not a weekend day, not the date of any holiday (by rule or provider) and not already
/// a substitute. Holiday dates that move are taken in date order, each to the nearest free day in its direction, so a
/// substitute never lands on a weekend day, another holiday or another substitute; collisions chain on.
/// </para>
/// </remarks>
public enum HolidaySubstitution
{
    /// <summary>The holiday stays on its date, weekend or not.</summary>
    None = 0,

    /// <summary>
    /// A holiday on a weekend day moves to the first free day after it (UK bank holidays: Christmas Day on a Saturday
    /// is observed on Monday 27 December, and Boxing Day on the Sunday on Tuesday 28).
    /// </summary>
    NextWorkingDay = 1,

    /// <summary>
    /// A holiday on the first day of a run of consecutive weekend days (the weekend day whose day before is not a weekend
    /// day) moves to the last free day before it; a holiday on any other day of the run moves to the first free day after
    /// it. With a Saturday–Sunday weekend this is the US federal rule (5 U.S.C. 6103(b)): Saturday to the Friday before,
    /// Sunday to the Monday after. With a one-day weekend every weekend holiday moves to the day before.
    /// </summary>
    NearestWeekday = 2,
}
