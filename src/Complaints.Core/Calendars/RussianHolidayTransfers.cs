using System.Collections.Frozen;
using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// Gives a calendar the days off and working days of Russian Government decrees on the transfer of days off: each
/// transfer's <see cref="RussianDayOffTransfer.To"/> as a holiday, and each Saturday or Sunday made a working day as a
/// working-day override with the hours given here.
/// </summary>
/// <remarks>
/// <para>
/// Add it as both providers, next to the rules of the same decrees:
/// <code>
/// var transfers = new RussianHolidayTransfers(new LocalTime(9, 0), new LocalTime(18, 0));
/// builder.AddHolidays(RussianHolidays.NonWorkingHolidays).AddHolidayProvider(transfers).AddWorkingDayProvider(transfers);
/// </code>
/// A year with no decree (<see cref="Covers"/> is <see langword="false"/>) gives nothing: its days off are those of the
/// rules. The decrees are written for the five-day week (Saturday and Sunday off).
/// </para>
/// <para>Instances are immutable and safe to share across threads.</para>
/// </remarks>
public sealed class RussianHolidayTransfers : IHolidayProvider, IWorkingDayProvider
{
    private readonly FrozenDictionary<int, RussianTransferDecree> _byYear;
    private readonly (LocalTime Start, LocalTime End)[] _hours;

    /// <summary>
    /// Initializes a new instance of the <see cref="RussianHolidayTransfers"/> class with the built-in
    /// <see cref="RussianHolidays.Decrees"/>, a transferred working day running from <paramref name="start"/> to <paramref name="end"/>.
    /// </summary>
    /// <param name="start">The local start of a transferred working day, as on a normal working day.</param>
    /// <param name="end">The local end; after <paramref name="start"/>, or <see cref="LocalTime.Midnight"/> for the end of the date.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public RussianHolidayTransfers(LocalTime start, LocalTime end)
        : this(CheckedHours(start, end), RussianHolidays.Decrees)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RussianHolidayTransfers"/> class.</summary>
    /// <param name="hours">The working intervals of a transferred working day in local time, as on a normal working day; each ends after it starts, or at <see cref="LocalTime.Midnight"/>.</param>
    /// <param name="decrees">The decrees, at most one a year, for example <c>[.. RussianHolidays.Decrees, decree2027]</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> or <paramref name="decrees"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="hours"/> is empty or has an empty or overlapping interval, a decree is <see langword="null"/>, or two decrees are for the same year.
    /// </exception>
    public RussianHolidayTransfers(IEnumerable<(LocalTime Start, LocalTime End)> hours, IEnumerable<RussianTransferDecree> decrees)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var list = Domain.Guard.List(decrees, nameof(decrees));
        _hours = new WorkingDayOverride(new LocalDate(2000, 1, 1), hours).Hours.ToArray();
        var byYear = new Dictionary<int, RussianTransferDecree>();
        foreach (var decree in list)
        {
            if (!byYear.TryAdd(decree.Year, decree))
            {
                throw new ArgumentException($"decrees: two decrees are for {decree.Year} ({byYear[decree.Year].Decree}; {decree.Decree}); give one a year.", nameof(decrees));
            }
        }

        _byYear = byYear.ToFrozenDictionary();
        Decrees = Array.AsReadOnly(byYear.Values.OrderBy(d => d.Year).ToArray());
        Years = Array.AsReadOnly(Decrees.Select(d => d.Year).ToArray());
        Hours = Array.AsReadOnly(_hours.ToArray());
    }

    /// <summary>Gets the decrees, in year order.</summary>
    public IReadOnlyList<RussianTransferDecree> Decrees { get; }

    /// <summary>Gets the years that have a decree, in order.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Gets the working intervals of a transferred working day, in order.</summary>
    public IReadOnlyList<(LocalTime Start, LocalTime End)> Hours { get; }

    /// <summary>Gets whether a year has a decree.</summary>
    /// <param name="year">The ISO year.</param>
    /// <returns><see langword="true"/> when <see cref="Decrees"/> holds the year's decree.</returns>
    public bool Covers(int year) => _byYear.ContainsKey(year);

    /// <summary>Gets a year's decree.</summary>
    /// <param name="year">The ISO year.</param>
    /// <returns>The decree, or <see langword="null"/> when the year has none.</returns>
    public RussianTransferDecree? DecreeFor(int year) => _byYear.GetValueOrDefault(year);

    /// <inheritdoc/>
    /// <remarks>The days off that the decrees move days to, in <paramref name="year"/>.</remarks>
    public IEnumerable<LocalDate> GetHolidays(int year) =>
        Decrees.SelectMany(d => d.DaysOff).Where(d => d.Year == year).ToArray();

    /// <inheritdoc/>
    /// <remarks>The Saturdays and Sundays that <paramref name="year"/>'s decree makes working days, with <see cref="Hours"/>.</remarks>
    public IEnumerable<WorkingDayOverride> GetWorkingDays(int year) =>
        DecreeFor(year) is { } decree ? decree.WorkingDays.Select(d => new WorkingDayOverride(d, _hours)).ToArray() : [];

    private static (LocalTime Start, LocalTime End)[] CheckedHours(LocalTime start, LocalTime end)
    {
        if (end != LocalTime.Midnight && end <= start)
        {
            throw new ArgumentException($"end ({end:HH:mm}) must be after start ({start:HH:mm}), or midnight for the end of the date.", nameof(end));
        }

        return [(start, end)];
    }
}
