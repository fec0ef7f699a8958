using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// The rules for Saudi Arabia's official holidays in the private sector: Founding Day, National Day, and the Eid al-Fitr
/// and Eid al-Adha holidays on the Umm al-Qura calendar, as estimates that the announced dates replace
/// (<see cref="BusinessCalendarBuilder.AnnounceHoliday"/>).
/// </summary>
/// <remarks>
/// <para>
/// Sources: the Labor Law's implementing regulations, article 24 (the Eid holidays of the private and non-profit sectors,
/// four days each), and the yearly announcements of the Ministry of Human Resources and Social Development
/// (https://www.hrsd.gov.sa), carried by the Saudi Press Agency; Founding Day by royal order of 2022.
/// </para>
/// <para>
/// Eid al-Fitr: four days from the day after 29 Ramadan. That day is 30 Ramadan when Ramadan has 30 days (in 2024 the
/// holiday was Tuesday 9 to Friday 12 April, Eid itself on the 10th) and 1 Shawwal when it has 29 (in 2025, Sunday 30 March
/// to Wednesday 2 April). A rule on 30 Ramadan would give nothing in the 29-day years, so the rule is on 1 Shawwal, four
/// days, and is a day late in the 30-day years until the ministry's announced first day replaces it.
/// Eid al-Adha: four days from the Day of Arafah, 9 Dhu al-Hijjah. Both run through the weekend without substitutes.
/// These are the lengths of the current regulations, applied to every year.
/// </para>
/// <para>
/// Founding Day (22 February, from 2022) and National Day (23 September) move off the Friday–Saturday weekend with
/// <see cref="HolidaySubstitution.NearestWeekday"/>: a Friday to the Thursday before, a Saturday to the Sunday after,
/// as the ministry's 2023 circular provides for government employees and the regulations' "compensated by the day
/// before or after" for workers. On a calendar with another weekend the move follows that weekend. A day bridged by a
/// one-off decision (Sunday 22 September 2024, before National Day on the Monday) comes from an
/// <see cref="IHolidayProvider"/>.
/// </para>
/// <para>
/// Umm al-Qura reaches the ISO year 2076 only, so the Eid rules have <see cref="HolidayRule.LastYear"/> 2076: a calendar
/// covering later years builds, with no Eid holidays after 2076 unless the host adds them.
/// </para>
/// </remarks>
public static class SaudiHolidays
{
    private const int Shawwal = 10;
    private const int DhuAlHijjah = 12;

    /// <summary>The last ISO year <see cref="CalendarSystem.UmAlQura"/> covers.</summary>
    private const int UmAlQuraLastYear = 2076;

    /// <summary>
    /// Gets the rules for the private sector: Founding Day (22 February, from 2022), National Day (23 September, a holiday
    /// from 2005), both
    /// moving off the weekend to the nearest working day; Eid al-Fitr (four days from 1 Shawwal) and Eid al-Adha (four days
    /// from 9 Dhu al-Hijjah), estimated on Umm al-Qura until 2076.
    /// </summary>
    /// <remarks>
    /// Announce an Eid holiday's official first day by the rule's name and its Hijri year, for example
    /// <c>new HolidayAnnouncement("Eid al-Fitr", 1445, new LocalDate(2024, 4, 9))</c>.
    /// </remarks>
    public static IReadOnlyList<HolidayRule> PrivateSector { get; } =
    [
        new FixedDateHoliday("Founding Day", 2, 22, HolidaySubstitution.NearestWeekday) { FirstYear = 2022 },
        new FixedDateHoliday("National Day", 9, 23, HolidaySubstitution.NearestWeekday) { FirstYear = 2005 },
        new CalendarSystemHoliday("Eid al-Fitr", CalendarSystem.UmAlQura, Shawwal, 1, days: 4, isEstimate: true) { LastYear = UmAlQuraLastYear },
        new CalendarSystemHoliday("Eid al-Adha", CalendarSystem.UmAlQura, DhuAlHijjah, 9, days: 4, isEstimate: true) { LastYear = UmAlQuraLastYear },
    ];
}
