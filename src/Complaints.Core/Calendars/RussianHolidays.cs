using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// The rules for Russia's non-working holidays (Labour Code, Трудовой кодекс РФ, art. 112:
/// https://www.consultant.ru/document/cons_doc_LAW_34683/) and the Government's yearly decrees that move days off
/// (<see cref="Decrees"/>, given to a calendar by <see cref="RussianHolidayTransfers"/>).
/// </summary>
/// <remarks>
/// <para>
/// Art. 112 part 1 names the holidays: 1–6 and 8 January (New Year holidays), 7 January (Christmas), 23 February,
/// 8 March, 1 May, 9 May, 12 June and 4 November. Part 2: a day off that coincides with a holiday moves to the next
/// working day after the holiday, except for the January holidays, whose coinciding days off the Government moves by
/// decree (part 5), as it may move any day off. The rules therefore give the January holidays no substitution and the
/// others <see cref="HolidaySubstitution.NextWorkingDay"/>, except in a year whose decree moves the coinciding day off
/// elsewhere (2025: 23 February to 8 May and 8 March to 13 June), where the rule does not move it.
/// </para>
/// <para>
/// A full production calendar (производственный календарь) for a five-day week is <see cref="NonWorkingHolidays"/> with
/// a <see cref="RussianHolidayTransfers"/> as both holiday and working-day provider. A year with no decree here gives no
/// transfers: for a later year, build a <see cref="RussianTransferDecree"/> from the decree and pass
/// <c>[.. RussianHolidays.Decrees, decree]</c> to <see cref="NonWorkingHolidaysFor"/> and to the provider.
/// </para>
/// <para>
/// The working day or shift directly before a non-working holiday is one hour shorter (art. 95). That is left to the
/// host, who gives those days with <see cref="BusinessCalendarBuilder.AddWorkingDay(WorkingDayOverride)"/> (an override
/// may replace a weekday's hours).
/// </para>
/// </remarks>
public static class RussianHolidays
{
    private static readonly (string Name, int Month, int Day)[] Movable =
    [
        ("Defender of the Fatherland Day (День защитника Отечества)", 2, 23),
        ("International Women's Day (Международный женский день)", 3, 8),
        ("Spring and Labour Day (Праздник Весны и Труда)", 5, 1),
        ("Victory Day (День Победы)", 5, 9),
        ("Russia Day (День России)", 6, 12),
        ("National Unity Day (День народного единства)", 11, 4),
    ];

    /// <summary>
    /// Gets the Government decrees on the transfer of days off built in, one a year in year order: 2023 to 2026.
    /// Sources: 2023, garant.ru/hotlaw/federal/1562946; 2024, the decree's text on normativ.kontur.ru (document 454126);
    /// 2025 and 2026, the Government's announcements as reported by teko.cntd.ru and ria.ru (24.09.2025).
    /// </summary>
    public static IReadOnlyList<RussianTransferDecree> Decrees { get; } = Array.AsReadOnly<RussianTransferDecree>(
    [
        new(
            2023,
            "Постановление Правительства РФ от 29.08.2022 № 1505 «О переносе выходных дней в 2023 году»",
            [Move(2023, 1, 1, 2, 24), Move(2023, 1, 8, 5, 8)]),
        new(
            2024,
            "Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»",
            [Move(2024, 1, 6, 5, 10), Move(2024, 1, 7, 12, 31), Move(2024, 4, 27, 4, 29), Move(2024, 11, 2, 4, 30), Move(2024, 12, 28, 12, 30)]),
        new(
            2025,
            "Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»",
            [Move(2025, 1, 4, 5, 2), Move(2025, 1, 5, 12, 31), Move(2025, 2, 23, 5, 8), Move(2025, 3, 8, 6, 13), Move(2025, 11, 1, 11, 3)]),
        new(
            2026,
            "Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»",
            [Move(2026, 1, 3, 1, 9), Move(2026, 1, 4, 12, 31)]),
    ]);

    /// <summary>
    /// Gets the rules for the non-working holidays of art. 112, with the substitution of part 2 as the built-in
    /// <see cref="Decrees"/> leave it: 1–8 January without substitution; 23 February, 8 March, 1 May, 9 May, 12 June and
    /// 4 November moving to the next working day when they fall on a weekend, except where a decree moves that day off.
    /// </summary>
    public static IReadOnlyList<HolidayRule> NonWorkingHolidays { get; } = NonWorkingHolidaysFor(Decrees);

    /// <summary>
    /// Gets the rules for the non-working holidays of art. 112 (see <see cref="NonWorkingHolidays"/>), with the
    /// substitution of part 2 left out in the years where one of <paramref name="decrees"/> moves a holiday's coinciding
    /// day off elsewhere.
    /// </summary>
    /// <param name="decrees">The decrees, for example <c>[.. RussianHolidays.Decrees, decree2027]</c>.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decrees"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A decree is <see langword="null"/>.</exception>
    public static IReadOnlyList<HolidayRule> NonWorkingHolidaysFor(IEnumerable<RussianTransferDecree> decrees)
    {
        var list = Domain.Guard.List(decrees, nameof(decrees));
        var movedElsewhere = list.SelectMany(d => d.Transfers).Select(t => t.From).Where(d => d.Month != 1 && IsNonWorkingHoliday(d)).ToArray();
        var rules = new List<HolidayRule>();
        for (var day = 1; day <= 6; day++)
        {
            rules.Add(new FixedDateHoliday($"New Year holidays (Новогодние каникулы), {day} January", 1, day));
        }

        rules.Add(new FixedDateHoliday("Christmas (Рождество Христово)", 1, 7));
        rules.Add(new FixedDateHoliday("New Year holidays (Новогодние каникулы), 8 January", 1, 8));
        foreach (var (name, month, day) in Movable)
        {
            int? first = null;
            foreach (var year in movedElsewhere.Where(d => d.Month == month && d.Day == day).Select(d => d.Year).Distinct().Order())
            {
                if (first is null || first < year)
                {
                    rules.Add(new FixedDateHoliday(name, month, day, HolidaySubstitution.NextWorkingDay) { FirstYear = first, LastYear = year - 1 });
                }

                rules.Add(new FixedDateHoliday(name, month, day) { FirstYear = year, LastYear = year });
                first = year + 1;
            }

            rules.Add(new FixedDateHoliday(name, month, day, HolidaySubstitution.NextWorkingDay) { FirstYear = first });
        }

        return rules.AsReadOnly();
    }

    /// <summary>Gets whether a date is one of the non-working holidays of art. 112 part 1.</summary>
    internal static bool IsNonWorkingHoliday(LocalDate date) =>
        (date.Month == 1 && date.Day <= 8) || Array.Exists(Movable, h => h.Month == date.Month && h.Day == date.Day);

    private static RussianDayOffTransfer Move(int year, int fromMonth, int fromDay, int toMonth, int toDay) =>
        new(new LocalDate(year, fromMonth, fromDay), new LocalDate(year, toMonth, toDay));
}
