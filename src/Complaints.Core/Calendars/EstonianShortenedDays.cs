using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// Gives Estonia's shortened working days as working-day overrides for a Monday-to-Friday week: the day directly before
/// New Year's Day, Independence Day, Victory Day and Christmas Eve (31 December, 23 February, 22 June, 23 December) works
/// three hours less (Employment Contracts Act, Töölepingu seadus, § 53:
/// https://www.riigiteataja.ee/en/eli/ee/Riigikogu/act/522122023008/consolide).
/// </summary>
/// <remarks>
/// <para>
/// Only the day directly before the holiday is shortened (the Labour Inspectorate's reading: a Friday before a Sunday
/// holiday keeps its hours), and only when it falls on Monday to Friday: a Saturday or Sunday is left a day off. The
/// three hours come off the end of the day. 23 December is shortened from 2005, when Christmas Eve became a public
/// holiday (<see cref="EstonianHolidays.ChristmasEveFirstYear"/>).
/// </para>
/// <para>
/// Add it with <see cref="BusinessCalendarBuilder.AddWorkingDayProvider"/> next to <see cref="EstonianHolidays.PublicHolidays"/>.
/// An override replaces the date's weekly hours; a date may be given once per calendar, so a host that adds its own
/// override on one of these dates leaves this provider out and gives all four itself.
/// </para>
/// <para>Instances are immutable and safe to share across threads.</para>
/// </remarks>
public sealed class EstonianShortenedDays : IWorkingDayProvider
{
    /// <summary>Initializes a new instance of the <see cref="EstonianShortenedDays"/> class for a working day from <paramref name="start"/> to <paramref name="end"/>.</summary>
    /// <param name="start">The local start of the normal working day.</param>
    /// <param name="end">The local end of the normal working day; more than three hours after <paramref name="start"/>, or <see cref="LocalTime.Midnight"/> for the end of the date.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not more than three hours after <paramref name="start"/>.</exception>
    public EstonianShortenedDays(LocalTime start, LocalTime end)
    {
        var endNanos = end == LocalTime.Midnight ? NodaConstants.NanosecondsPerDay : end.NanosecondOfDay;
        if (endNanos - start.NanosecondOfDay <= Shortening.ToInt64Nanoseconds())
        {
            throw new ArgumentException(
                $"end ({end:HH:mm}) must be more than three hours after start ({start:HH:mm}), on the same date or at midnight, so that a day shortened by three hours keeps some working time.",
                nameof(end));
        }

        Start = start;
        End = end;
        ShortenedEnd = end.PlusHours(-3);
    }

    /// <summary>Gets how much shorter the day is: three hours.</summary>
    public static Duration Shortening { get; } = Duration.FromHours(3);

    /// <summary>Gets the local start of the normal working day, which is also the start of a shortened day.</summary>
    public LocalTime Start { get; }

    /// <summary>Gets the local end of the normal working day; <see cref="LocalTime.Midnight"/> means the end of the date.</summary>
    public LocalTime End { get; }

    /// <summary>Gets the local end of a shortened day: three hours before <see cref="End"/>.</summary>
    public LocalTime ShortenedEnd { get; }

    /// <summary>Gets the dates in a year that precede a holiday whose eve is shortened, whatever day of the week they fall on.</summary>
    /// <param name="year">The ISO year.</param>
    /// <returns>23 February, 22 June, 23 December (from 2005) and 31 December, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1 to 9999.</exception>
    public static IReadOnlyList<LocalDate> DatesIn(int year)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "year must be 1 to 9999.");
        }

        var dates = new List<LocalDate> { new(year, 2, 23), new(year, 6, 22) };
        if (year >= EstonianHolidays.ChristmasEveFirstYear)
        {
            dates.Add(new LocalDate(year, 12, 23));
        }

        dates.Add(new LocalDate(year, 12, 31));
        return dates.AsReadOnly();
    }

    /// <inheritdoc/>
    public IEnumerable<WorkingDayOverride> GetWorkingDays(int year) =>
        DatesIn(year)
            .Where(d => d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            .Select(d => new WorkingDayOverride(d, Start, ShortenedEnd))
            .ToArray();
}
