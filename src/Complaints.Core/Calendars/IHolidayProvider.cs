using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// Supplies holiday dates that rules cannot express: a host's own list, one-off bank holidays (a coronation, a state
/// funeral) or dates read from a published feed. Called once per covered year when a calendar is built.
/// </summary>
public interface IHolidayProvider
{
    /// <summary>Gets the holidays in a year.</summary>
    /// <param name="year">The ISO year.</param>
    /// <returns>The dates on which the business is closed all day. Dates outside <paramref name="year"/> are ignored.</returns>
    IEnumerable<LocalDate> GetHolidays(int year);
}
