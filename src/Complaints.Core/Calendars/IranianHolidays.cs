using NodaTime;
using NodaTime.Calendars;

namespace Complaints.Core.Calendars;

/// <summary>
/// The rules for Iran's official public holidays: the Solar Hijri ones on their fixed dates, and the lunar religious ones
/// as estimates that the announced dates replace (<see cref="BusinessCalendarBuilder.AnnounceHoliday"/>).
/// </summary>
/// <remarks>
/// <para>
/// Sources: the official calendar of the Institute of Geophysics, University of Tehran (https://calendar.ut.ac.ir/),
/// whose Council for Calendar sets the official Solar Hijri and lunar dates each year, and the holidays named by law (the
/// Labour Law makes Friday the weekly day of rest and the official holidays paid days off; the martyrdom of Imam Hasan
/// al-Askari, 8 Rabi al-Awwal, was added by the Law of Permanent Provisions of the Development Plans, article 37(h),
/// published in 1396, 2017).
/// </para>
/// <para>
/// The Solar Hijri holidays are on <see cref="CalendarSystem.PersianAstronomical"/>, which starts the year on the day of
/// the March equinox at Tehran as Iran does, and are exact. The lunar holidays follow the moon sighting confirmed each
/// month, so their rules are estimates (<see cref="CalendarSystemHoliday.IsEstimate"/>) on the tabular Islamic calendar
/// with the Base16 leap years and the civil epoch (<see cref="IslamicLeapYearPattern.Base16"/>,
/// <see cref="IslamicEpoch.Civil"/>). Against the 34 official lunar holiday dates of 1403 and 1404 (March 2024 to March
/// 2026) it gave 17 exactly and the others a day early or late; Umm al-Qura gave 10 exactly and was a day early in the
/// others (two days for the last day of Safar). The tabular calendar also covers every year a calendar may cover, where
/// Umm al-Qura ends in 2076.
/// </para>
/// <para>
/// The martyrdom of Imam Reza is kept on the last day of Safar, the 29th or the 30th. The tabular calendar's Safar always
/// has 29 days, so the rule is on 29 Safar; in a year whose official Safar has 30 days, the announced date replaces it
/// (in 1403 and 1404 the tabular 29 Safar fell on the official 30 Safar, because the tabular month began a day late).
/// </para>
/// <para>
/// No holiday moves when it falls on the weekend. The weekend is the host's choice: Friday is the weekly day of rest, and
/// government offices and many businesses also close on Thursday; give the calendar its working hours accordingly.
/// One-off closures (the last day of 1403, closed because the new year began on it; pollution or heat closures) come
/// from an <see cref="IHolidayProvider"/> or <see cref="BusinessCalendarBuilder.AddClosure"/>.
/// </para>
/// </remarks>
public static class IranianHolidays
{
    // The Hijri months, numbered as in every Hijri calendar system.
    private const int Muharram = 1;
    private const int Safar = 2;
    private const int RabiAlAwwal = 3;
    private const int JumadaAlThani = 6;
    private const int Rajab = 7;
    private const int Shaban = 8;
    private const int Ramadan = 9;
    private const int Shawwal = 10;
    private const int DhuAlHijjah = 12;

    // The Solar Hijri months.
    private const int Farvardin = 1;
    private const int Khordad = 3;
    private const int Bahman = 11;
    private const int Esfand = 12;

    /// <summary>The tabular Islamic calendar the lunar holidays are estimated on.</summary>
    private static readonly CalendarSystem Lunar = CalendarSystem.GetIslamicCalendar(IslamicLeapYearPattern.Base16, IslamicEpoch.Civil);

    /// <summary>
    /// Gets the rules for the official holidays. Solar Hijri, exact: Nowruz (1–4 Farvardin), Islamic Republic Day
    /// (12 Farvardin), Nature Day (13 Farvardin), the death of Imam Khomeini (14 Khordad), the 15 Khordad uprising,
    /// the victory of the Islamic Revolution (22 Bahman) and Oil Nationalisation Day (29 Esfand). Lunar, estimated:
    /// Tasua and Ashura (9 and 10 Muharram), Arbaeen (20 Safar), the death of the Prophet and martyrdom of Imam Hasan
    /// (28 Safar), the martyrdom of Imam Reza (the last day of Safar), the martyrdom of Imam Hasan al-Askari
    /// (8 Rabi al-Awwal, from 2017), the birth of the Prophet and Imam Sadeq (17 Rabi al-Awwal), the martyrdom of Fatimah
    /// (3 Jumada al-Thani), the birth of Imam Ali (13 Rajab), the Mab'ath (27 Rajab), the birth of Imam Mahdi
    /// (15 Sha'ban), the martyrdom of Imam Ali (21 Ramadan), Eid al-Fitr (1 and 2 Shawwal), the martyrdom of Imam Sadeq
    /// (25 Shawwal), Eid al-Adha (10 Dhu al-Hijjah) and Eid al-Ghadir (18 Dhu al-Hijjah).
    /// </summary>
    /// <remarks>
    /// Announce a lunar holiday's official date by the rule's name and its Hijri year, for example
    /// <c>new HolidayAnnouncement("Eid al-Fitr", 1446, new LocalDate(2025, 3, 31))</c>.
    /// </remarks>
    public static IReadOnlyList<HolidayRule> Official { get; } =
    [
        new CalendarSystemHoliday("Nowruz", CalendarSystem.PersianAstronomical, Farvardin, 1, days: 4),
        new CalendarSystemHoliday("Islamic Republic Day", CalendarSystem.PersianAstronomical, Farvardin, 12),
        new CalendarSystemHoliday("Nature Day", CalendarSystem.PersianAstronomical, Farvardin, 13),
        new CalendarSystemHoliday("Death of Imam Khomeini", CalendarSystem.PersianAstronomical, Khordad, 14),
        new CalendarSystemHoliday("15 Khordad uprising", CalendarSystem.PersianAstronomical, Khordad, 15),
        new CalendarSystemHoliday("Victory of the Islamic Revolution", CalendarSystem.PersianAstronomical, Bahman, 22),
        new CalendarSystemHoliday("Oil Nationalisation Day", CalendarSystem.PersianAstronomical, Esfand, 29),
        new CalendarSystemHoliday("Tasua", Lunar, Muharram, 9, isEstimate: true),
        new CalendarSystemHoliday("Ashura", Lunar, Muharram, 10, isEstimate: true),
        new CalendarSystemHoliday("Arbaeen", Lunar, Safar, 20, isEstimate: true),
        new CalendarSystemHoliday("Death of the Prophet and martyrdom of Imam Hasan", Lunar, Safar, 28, isEstimate: true),
        new CalendarSystemHoliday("Martyrdom of Imam Reza", Lunar, Safar, 29, isEstimate: true),
        new CalendarSystemHoliday("Martyrdom of Imam Hasan al-Askari", Lunar, RabiAlAwwal, 8, isEstimate: true) { FirstYear = 2017 },
        new CalendarSystemHoliday("Birth of the Prophet and Imam Sadeq", Lunar, RabiAlAwwal, 17, isEstimate: true),
        new CalendarSystemHoliday("Martyrdom of Fatimah", Lunar, JumadaAlThani, 3, isEstimate: true),
        new CalendarSystemHoliday("Birth of Imam Ali", Lunar, Rajab, 13, isEstimate: true),
        new CalendarSystemHoliday("Mab'ath", Lunar, Rajab, 27, isEstimate: true),
        new CalendarSystemHoliday("Birth of Imam Mahdi", Lunar, Shaban, 15, isEstimate: true),
        new CalendarSystemHoliday("Martyrdom of Imam Ali", Lunar, Ramadan, 21, isEstimate: true),
        new CalendarSystemHoliday("Eid al-Fitr", Lunar, Shawwal, 1, days: 2, isEstimate: true),
        new CalendarSystemHoliday("Martyrdom of Imam Sadeq", Lunar, Shawwal, 25, isEstimate: true),
        new CalendarSystemHoliday("Eid al-Adha", Lunar, DhuAlHijjah, 10, isEstimate: true),
        new CalendarSystemHoliday("Eid al-Ghadir", Lunar, DhuAlHijjah, 18, isEstimate: true),
    ];
}
