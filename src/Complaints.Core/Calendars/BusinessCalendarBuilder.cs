using System.Collections.Frozen;
using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// Builds a <see cref="BusinessCalendar"/>. Each call validates what it adds and names the field in its exception;
/// <see cref="Build"/> may be called once.
/// </summary>
public sealed class BusinessCalendarBuilder
{
    /// <summary>The first year covered unless <see cref="Covering"/> says otherwise.</summary>
    public const int DefaultFirstYear = 2000;

    /// <summary>The last year covered unless <see cref="Covering"/> says otherwise.</summary>
    public const int DefaultLastYear = 2100;

    /// <summary>The earliest year a calendar may cover.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year a calendar may cover.</summary>
    public const int MaxYear = 2200;

    private readonly DateTimeZone _zone;
    private readonly List<WorkingInterval> _weekly = [];
    private readonly List<HolidayRule> _rules = [];
    private readonly List<IHolidayProvider> _providers = [];
    private readonly List<CalendarClosure> _closures = [];
    private readonly Dictionary<LocalDate, WorkingDayOverride> _workingDays = [];
    private readonly List<IWorkingDayProvider> _workingDayProviders = [];
    private readonly List<HolidayAnnouncement> _announcements = [];
    private readonly List<IHolidayAnnouncementProvider> _announcementProviders = [];
    private int _firstYear = DefaultFirstYear;
    private int _lastYear = DefaultLastYear;
    private HashSet<IsoDayOfWeek>? _weekend;
    private bool _built;

    internal BusinessCalendarBuilder(DateTimeZone zone)
    {
        _zone = zone;
    }

    /// <summary>Adds a weekly working interval.</summary>
    /// <param name="day">The day it starts on.</param>
    /// <param name="start">The local start.</param>
    /// <param name="end">The local end; at or before <paramref name="start"/> to cross midnight.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a day of the week.</exception>
    /// <exception cref="ArgumentException">The interval overlaps one added before.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendarBuilder AddWorkingHours(IsoDayOfWeek day, LocalTime start, LocalTime end)
    {
        EnsureNotBuilt();
        var interval = new WorkingInterval(day, start, end);
        const long week = 7 * NodaConstants.NanosecondsPerDay;
        foreach (var other in _weekly)
        {
            // Two arcs on the week's circle overlap when either starts inside the other.
            var a = (other.StartOfWeekNanos - interval.StartOfWeekNanos + week) % week;
            var b = (interval.StartOfWeekNanos - other.StartOfWeekNanos + week) % week;
            if (a < interval.LengthNanos || b < other.LengthNanos)
            {
                throw new ArgumentException(
                    $"The working interval {day} {start:HH:mm}–{end:HH:mm} overlaps {other.Day} {other.Start:HH:mm}–{other.End:HH:mm}.",
                    nameof(start));
            }
        }

        _weekly.Add(interval);
        return this;
    }

    /// <summary>Adds the same working interval on several days.</summary>
    /// <param name="days">The days it starts on.</param>
    /// <param name="start">The local start.</param>
    /// <param name="end">The local end; at or before <paramref name="start"/> to cross midnight.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An interval overlaps another.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendarBuilder AddWorkingHours(IEnumerable<IsoDayOfWeek> days, LocalTime start, LocalTime end)
    {
        ArgumentNullException.ThrowIfNull(days);
        foreach (var day in days)
        {
            AddWorkingHours(day, start, end);
        }

        return this;
    }

    /// <summary>Adds the same working interval on Monday to Friday.</summary>
    /// <param name="start">The local start.</param>
    /// <param name="end">The local end.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">An interval overlaps another.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendarBuilder AddWeekdayHours(LocalTime start, LocalTime end) =>
        AddWorkingHours([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday], start, end);

    /// <summary>Adds holiday rules, for example <see cref="UkBankHolidays.EnglandAndWales"/>.</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendarBuilder AddHolidays(IEnumerable<HolidayRule> rules)
    {
        EnsureNotBuilt();
        _rules.AddRange(Domain.Guard.List(rules, nameof(rules)));
        return this;
    }

    /// <summary>Adds a provider of holiday dates that rules cannot express.</summary>
    /// <param name="provider">The provider; asked once per covered year on <see cref="Build"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendarBuilder AddHolidayProvider(IHolidayProvider provider)
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(provider);
        _providers.Add(provider);
        return this;
    }

    /// <summary>Gives the announced first day of one occurrence of an estimated lunar holiday, replacing the computed one.</summary>
    /// <param name="announcement">The announcement; its first day in the covered years.</param>
    /// <returns>This builder.</returns>
    /// <remarks>
    /// See <see cref="HolidayAnnouncement"/>. The rule it names need not be added yet; <see cref="Build"/> checks that an
    /// estimated <see cref="CalendarSystemHoliday"/> of that name exists and that the day is at most
    /// <see cref="HolidayAnnouncement.MaxDaysFromEstimate"/> days from the computed one.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="announcement"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The first day is outside the covered years, or the same occurrence was announced before.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendarBuilder AnnounceHoliday(HolidayAnnouncement announcement)
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(announcement);
        var year = announcement.FirstDay.Year;
        if (year < _firstYear || year > _lastYear)
        {
            throw new ArgumentException(
                $"The announcement '{announcement}' falls outside {_firstYear}–{_lastYear}, the years the calendar covers.", nameof(announcement));
        }

        if (_announcements.Exists(a => SameOccurrence(a, announcement)))
        {
            throw new ArgumentException($"The announcement '{announcement}' names an occurrence announced before; an occurrence may be announced once.", nameof(announcement));
        }

        _announcements.Add(announcement);
        return this;
    }

    /// <summary>Adds a provider of announced dates of estimated lunar holidays.</summary>
    /// <param name="provider">The provider; asked once per covered year on <see cref="Build"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendarBuilder AddHolidayAnnouncementProvider(IHolidayAnnouncementProvider provider)
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(provider);
        _announcementProviders.Add(provider);
        return this;
    }

    /// <summary>Adds a one-off closure (whole or part days).</summary>
    /// <param name="closure">The closure.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="closure"/> is the default value.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendarBuilder AddClosure(CalendarClosure closure)
    {
        EnsureNotBuilt();
        if (closure == default)
        {
            throw new ArgumentException("closure must not be the default value.", nameof(closure));
        }

        _closures.Add(closure);
        return this;
    }

    /// <summary>Makes a date a working day with one working interval, replacing its weekly hours (a transferred working Saturday).</summary>
    /// <param name="date">The date; in the covered years.</param>
    /// <param name="start">The local start.</param>
    /// <param name="end">The local end; after <paramref name="start"/>, or <see cref="LocalTime.Midnight"/> for the end of the date.</param>
    /// <returns>This builder.</returns>
    /// <remarks>See <see cref="WorkingDayOverride"/> for how an override meets holidays, substitutes and closures.</remarks>
    /// <exception cref="ArgumentException">
    /// The interval is empty or ends before it starts, <paramref name="date"/> is outside the covered years, or it was given before.
    /// </exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendarBuilder AddWorkingDay(LocalDate date, LocalTime start, LocalTime end)
    {
        EnsureNotBuilt();
        return AddWorkingDay(new WorkingDayOverride(date, start, end), nameof(date));
    }

    /// <summary>Makes a date a working day with its own hours, replacing its weekly hours (a transferred working Saturday).</summary>
    /// <param name="date">The date; in the covered years.</param>
    /// <param name="hours">The working intervals in local time; each ends after it starts, or at <see cref="LocalTime.Midnight"/> for the end of the date.</param>
    /// <returns>This builder.</returns>
    /// <remarks>See <see cref="WorkingDayOverride"/> for how an override meets holidays, substitutes and closures.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="hours"/> is empty or has an empty or overlapping interval, <paramref name="date"/> is outside the covered years,
    /// or it was given before.
    /// </exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendarBuilder AddWorkingDay(LocalDate date, params (LocalTime Start, LocalTime End)[] hours)
    {
        EnsureNotBuilt();
        return AddWorkingDay(new WorkingDayOverride(date, hours), nameof(date));
    }

    /// <summary>Adds a working-day override.</summary>
    /// <param name="workingDay">The override; its date in the covered years.</param>
    /// <returns>This builder.</returns>
    /// <remarks>See <see cref="WorkingDayOverride"/> for how an override meets holidays, substitutes and closures.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="workingDay"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The date is outside the covered years, or it was given before.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendarBuilder AddWorkingDay(WorkingDayOverride workingDay)
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(workingDay);
        return AddWorkingDay(workingDay, nameof(workingDay));
    }

    /// <summary>Adds a provider of working-day overrides, for example a yearly decree's transferred working days.</summary>
    /// <param name="provider">The provider; asked once per covered year on <see cref="Build"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendarBuilder AddWorkingDayProvider(IWorkingDayProvider provider)
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(provider);
        _workingDayProviders.Add(provider);
        return this;
    }

    /// <summary>
    /// Sets the weekend explicitly: the days of the week whose holidays move under their rule's
    /// <see cref="HolidayRule.Substitution"/>, and that a substitute never lands on. Without it the weekend is the days
    /// on which no weekly working interval starts; set it when those differ, for example a help desk staffed on Saturday
    /// whose Saturday holidays are still observed on the Monday after.
    /// </summary>
    /// <param name="days">The weekend days; none for a calendar whose holidays never move.</param>
    /// <returns>This builder.</returns>
    /// <remarks>The weekend decides substitution only; working time is still the weekly hours, holidays, overrides and closures.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A day is not a day of the week.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendarBuilder WithWeekend(IEnumerable<IsoDayOfWeek> days)
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(days);
        _weekend = [.. days.Select(d => Domain.Guard.DayOfWeek(d, nameof(days)))];
        return this;
    }

    /// <summary>Sets the years the calendar covers; operations outside them throw.</summary>
    /// <param name="firstYear">The first year, from 1900.</param>
    /// <param name="lastYear">The last year, up to 2200.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A year is outside 1900–2200, or <paramref name="lastYear"/> is before <paramref name="firstYear"/>.</exception>
    /// <exception cref="ArgumentException">A working day or announcement added before falls outside the years.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendarBuilder Covering(int firstYear, int lastYear)
    {
        EnsureNotBuilt();
        CheckYears(firstYear, lastYear);
        var outside = _workingDays.Keys.Where(d => d.Year < firstYear || d.Year > lastYear).Order().ToArray();
        if (outside.Length > 0)
        {
            var date = outside[0];
            throw new ArgumentException(
                $"The working day {date:uuuu-MM-dd} added before falls outside {firstYear}–{lastYear}; cover its year or leave it out.",
                date.Year < firstYear ? nameof(firstYear) : nameof(lastYear));
        }

        if (_announcements.Where(a => a.FirstDay.Year < firstYear || a.FirstDay.Year > lastYear).OrderBy(a => a.FirstDay).FirstOrDefault() is { } announcement)
        {
            throw new ArgumentException(
                $"The announcement '{announcement}' added before falls outside {firstYear}–{lastYear}; cover its year or leave it out.",
                announcement.FirstDay.Year < firstYear ? nameof(firstYear) : nameof(lastYear));
        }

        _firstYear = firstYear;
        _lastYear = lastYear;
        return this;
    }

    /// <summary>Builds the calendar, precomputing its tables.</summary>
    /// <remarks>
    /// The calendar's weekend is the days given to <see cref="WithWeekend"/>, or else the days of the week on which no
    /// weekly working interval starts; a holiday rule's
    /// <see cref="HolidayRule.Substitution"/> moves the rule's dates that fall on those days. Provider dates never move,
    /// and no substitute lands on one. A working-day override (<see cref="WorkingDayOverride"/>) beats holidays: a holiday on
    /// its date is neither observed nor moved, and no substitute lands on it. An announcement (<see cref="HolidayAnnouncement"/>)
    /// moves the occurrence it names of each estimated <see cref="CalendarSystemHoliday"/> of that name to its announced days,
    /// which then substitute as the computed ones would.
    /// </remarks>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentException">
    /// No working interval was added, holidays and closures leave no working time, a <see cref="CalendarSystemHoliday"/>'s
    /// calendar system does not reach every covered year, a working-day provider gives a date already given, or an announcement
    /// names no estimated <see cref="CalendarSystemHoliday"/>, is more than <see cref="HolidayAnnouncement.MaxDaysFromEstimate"/>
    /// days from the computed first day of the occurrence it names, or names an occurrence announced before.
    /// </exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public BusinessCalendar Build()
    {
        EnsureNotBuilt();
        if (_weekly.Count == 0)
        {
            throw new ArgumentException("A calendar needs at least one weekly working interval; use BusinessCalendar.AlwaysOpen for 24×7.", "weeklyHours");
        }

        foreach (var rule in _rules.OfType<CalendarSystemHoliday>())
        {
            var (keptFirst, keptLast) = (Math.Max(_firstYear, rule.FirstYear ?? _firstYear), Math.Min(_lastYear, rule.LastYear ?? _lastYear));
            if (keptFirst <= keptLast && (!rule.Covers(keptFirst) || !rule.Covers(keptLast)))
            {
                throw new ArgumentException(
                    $"The holiday rule '{rule.Name}' in the {rule.Calendar.Id} calendar gives dates for the ISO years {rule.FirstIsoYear} to {rule.LastIsoYear} " +
                    $"only, but the calendar covers {_firstYear} to {_lastYear}; call Covering with years inside that range.",
                    "holidays");
            }
        }

        var workingDays = WorkingDays();
        var announced = Announced();
        _built = true;
        return new BusinessCalendar(_zone, _weekly.ToArray(), Holidays(workingDays, announced), workingDays, _closures.ToArray(), _firstYear, _lastYear, alwaysOpen: false);
    }

    internal static void CheckYears(int firstYear, int lastYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstYear, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastYear, MaxYear);
        if (lastYear < firstYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, $"lastYear must not be before firstYear ({firstYear}).");
        }
    }

    /// <summary>The Saturday–Sunday weekend of a Monday–Friday week.</summary>
    internal static readonly IReadOnlySet<IsoDayOfWeek> SaturdaySunday = new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday };

    /// <summary>Gets the holiday dates a year's rules give on a Saturday–Sunday weekend, with substitutes (which may fall in the next or previous year).</summary>
    internal static IEnumerable<LocalDate> HolidaysIn(int year, IReadOnlyList<HolidayRule> rules) =>
        HolidaysIn(year, year, rules, [], SaturdaySunday);

    /// <summary>
    /// Gets the holiday dates the rules give in a range of years, plus the provider dates given, with the weekend dates of
    /// substituting rules moved (see <see cref="HolidaySubstitution"/>): unmoved dates first, then the moving ones in date
    /// order, each to the nearest free day in its direction. A date in <paramref name="workingDays"/> is never a holiday:
    /// a rule's or provider's date on it is dropped, and no substitute lands on it. An estimated <see cref="CalendarSystemHoliday"/>
    /// whose name is in <paramref name="announced"/> has the occurrences given there (by calendar year) start on the announced day.
    /// </summary>
    internal static SortedSet<LocalDate> HolidaysIn(
        int firstYear,
        int lastYear,
        IReadOnlyList<HolidayRule> rules,
        IEnumerable<LocalDate> providerDates,
        IReadOnlySet<IsoDayOfWeek> weekend,
        IReadOnlySet<LocalDate>? workingDays = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<int, LocalDate>>? announced = null)
    {
        workingDays ??= FrozenSet<LocalDate>.Empty;
        announced ??= FrozenDictionary<string, IReadOnlyDictionary<int, LocalDate>>.Empty;
        var holidays = new SortedSet<LocalDate>(providerDates.Where(d => !workingDays.Contains(d)));
        var moving = new List<(LocalDate Date, HolidaySubstitution Substitution)>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            foreach (var rule in rules)
            {
                if (!rule.IsKeptIn(year) || !rule.Covers(year))
                {
                    continue;
                }

                var dates = rule is CalendarSystemHoliday { IsEstimate: true } estimate && announced.TryGetValue(rule.Name, out var starts)
                    ? estimate.AnnouncedDatesIn(year, starts)
                    : rule.DatesIn(year);
                foreach (var date in dates)
                {
                    if (workingDays.Contains(date))
                    {
                        continue;
                    }

                    if (rule.Substitution != HolidaySubstitution.None && weekend.Contains(date.DayOfWeek))
                    {
                        moving.Add((date, rule.Substitution));
                    }
                    else
                    {
                        holidays.Add(date);
                    }
                }
            }
        }

        if (weekend.Count is 0 or 7)
        {
            return holidays;
        }

        var taken = new HashSet<LocalDate>(holidays);
        taken.UnionWith(workingDays);
        foreach (var (date, substitution) in moving.OrderBy(m => m.Date))
        {
            var step = substitution == HolidaySubstitution.NearestWeekday && !weekend.Contains(date.PlusDays(-1).DayOfWeek) ? -1 : 1;
            var substitute = date.PlusDays(step);
            while (weekend.Contains(substitute.DayOfWeek) || taken.Contains(substitute))
            {
                substitute = substitute.PlusDays(step);
            }

            taken.Add(substitute);
            holidays.Add(substitute);
        }

        return holidays;
    }

    private SortedSet<LocalDate> Holidays(
        FrozenDictionary<LocalDate, WorkingDayOverride> workingDays, IReadOnlyDictionary<string, IReadOnlyDictionary<int, LocalDate>> announced)
    {
        // The years either side of the covered ones are asked only for substitutes that move into them.
        var weekend = _weekend ?? Enum.GetValues<IsoDayOfWeek>()
            .Where(d => d != IsoDayOfWeek.None && !_weekly.Exists(w => w.Day == d))
            .ToHashSet();
        var provided = new List<LocalDate>();
        for (var year = _firstYear; year <= _lastYear; year++)
        {
            foreach (var provider in _providers)
            {
                provided.AddRange((provider.GetHolidays(year) ?? []).Where(d => d.Year == year));
            }
        }

        return HolidaysIn(_firstYear - 1, _lastYear + 1, _rules, provided, weekend, workingDays.Keys.ToFrozenSet(), announced);
    }

    /// <summary>
    /// Gets the announced first days, by holiday name and calendar year, from the announcements added and those the
    /// providers give for the covered years, each checked against the estimated rules of its name.
    /// </summary>
    private Dictionary<string, IReadOnlyDictionary<int, LocalDate>> Announced()
    {
        var all = new List<HolidayAnnouncement>(_announcements);
        for (var year = _firstYear; year <= _lastYear; year++)
        {
            foreach (var provider in _announcementProviders)
            {
                foreach (var announcement in provider.GetAnnouncements(year) ?? [])
                {
                    if (announcement is null || announcement.FirstDay.Year != year)
                    {
                        continue;
                    }

                    if (all.Exists(a => SameOccurrence(a, announcement)))
                    {
                        throw new ArgumentException(
                            $"The announcement '{announcement}' from an announcement provider names an occurrence already announced; an occurrence may be announced once.",
                            "announcements");
                    }

                    all.Add(announcement);
                }
            }
        }

        var announced = new Dictionary<string, Dictionary<int, LocalDate>>(StringComparer.Ordinal);
        foreach (var announcement in all)
        {
            var rules = _rules.OfType<CalendarSystemHoliday>().Where(r => r.IsEstimate && r.Name == announcement.HolidayName).ToArray();
            if (rules.Length == 0)
            {
                throw new ArgumentException(
                    $"The announcement '{announcement}' names no estimated holiday rule: add a CalendarSystemHoliday named '{announcement.HolidayName}' with isEstimate: true.",
                    "announcements");
            }

            foreach (var rule in rules)
            {
                var where = $"the rule '{rule.Name}' in the {rule.Calendar.Id} calendar";
                if (rule.ComputedStart(announcement.CalendarYear) is not { } start)
                {
                    throw new ArgumentException($"The announcement '{announcement}' names year {announcement.CalendarYear}, in which {where} has no date.", "announcements");
                }

                if (Math.Abs(Period.DaysBetween(start, announcement.FirstDay)) > HolidayAnnouncement.MaxDaysFromEstimate)
                {
                    throw new ArgumentException(
                        $"The announcement '{announcement}' is more than {HolidayAnnouncement.MaxDaysFromEstimate} days from {start:uuuu-MM-dd}, " +
                        $"the computed first day of {where} in {announcement.CalendarYear}; check the calendar year.",
                        "announcements");
                }
            }

            if (!announced.TryGetValue(announcement.HolidayName, out var starts))
            {
                announced[announcement.HolidayName] = starts = [];
            }

            starts.Add(announcement.CalendarYear, announcement.FirstDay);
        }

        return announced.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<int, LocalDate>)p.Value, StringComparer.Ordinal);
    }

    private static bool SameOccurrence(HolidayAnnouncement a, HolidayAnnouncement b) =>
        a.CalendarYear == b.CalendarYear && string.Equals(a.HolidayName, b.HolidayName, StringComparison.Ordinal);

    /// <summary>Gets the working days added and those the providers give for the covered years.</summary>
    private FrozenDictionary<LocalDate, WorkingDayOverride> WorkingDays()
    {
        var all = new Dictionary<LocalDate, WorkingDayOverride>(_workingDays);
        for (var year = _firstYear; year <= _lastYear; year++)
        {
            foreach (var provider in _workingDayProviders)
            {
                foreach (var workingDay in provider.GetWorkingDays(year) ?? [])
                {
                    if (workingDay is null || workingDay.Date.Year != year)
                    {
                        continue;
                    }

                    if (!all.TryAdd(workingDay.Date, workingDay))
                    {
                        throw new ArgumentException($"The working day {workingDay.Date:uuuu-MM-dd} from a working-day provider was already given; a date may be given once.", "workingDays");
                    }
                }
            }
        }

        return all.ToFrozenDictionary();
    }

    private BusinessCalendarBuilder AddWorkingDay(WorkingDayOverride workingDay, string paramName)
    {
        var date = workingDay.Date;
        if (date.Year < _firstYear || date.Year > _lastYear)
        {
            throw new ArgumentException($"The working day {date:uuuu-MM-dd} falls outside {_firstYear}–{_lastYear}, the years the calendar covers.", paramName);
        }

        if (!_workingDays.TryAdd(date, workingDay))
        {
            throw new ArgumentException($"The working day {date:uuuu-MM-dd} was already given; a date may be given once.", paramName);
        }

        return this;
    }

    private void EnsureNotBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder has already built its calendar; create a new builder.");
        }
    }
}
