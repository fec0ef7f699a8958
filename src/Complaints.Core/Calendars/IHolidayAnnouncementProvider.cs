namespace Complaints.Core.Calendars;

/// <summary>
/// Supplies the announced dates of estimated lunar holidays (see <see cref="HolidayAnnouncement"/>), for example read
/// from a feed of the official announcements. Called once per covered year when a calendar is built.
/// </summary>
public interface IHolidayAnnouncementProvider
{
    /// <summary>Gets the announcements whose first day lies in a year.</summary>
    /// <param name="year">The ISO year.</param>
    /// <returns>The announcements. Those whose <see cref="HolidayAnnouncement.FirstDay"/> is outside <paramref name="year"/> are ignored.</returns>
    IEnumerable<HolidayAnnouncement> GetAnnouncements(int year);
}
