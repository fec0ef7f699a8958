using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// A Russian Government decree on the transfer of days off in a year (Labour Code art. 112 part 5), for example
/// "Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»".
/// </summary>
/// <remarks>
/// The built-in decrees are <see cref="RussianHolidays.Decrees"/>. A host adds a later one by building it from the
/// decree's text and passing it, with the built-in ones, to <see cref="RussianHolidays.NonWorkingHolidaysFor"/> and
/// <see cref="RussianHolidayTransfers(IEnumerable{ValueTuple{LocalTime, LocalTime}}, IEnumerable{RussianTransferDecree})"/>.
/// Instances are immutable.
/// </remarks>
public sealed class RussianTransferDecree
{
    /// <summary>Initializes a new instance of the <see cref="RussianTransferDecree"/> class.</summary>
    /// <param name="year">The year whose days off the decree moves, 1900 to 2200.</param>
    /// <param name="decree">The decree's name: its date, number and title.</param>
    /// <param name="transfers">The transfers in the decree's order; each <see cref="RussianDayOffTransfer.From"/> in <paramref name="year"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900 to 2200.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="decree"/> or <paramref name="transfers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="decree"/> is empty or longer than 512 characters, a transfer is <see langword="null"/>, or a transfer moves a day off from outside <paramref name="year"/>, moves the
    /// same day twice, moves two days to the same day, or moves a day to a day another transfer moves from.
    /// </exception>
    public RussianTransferDecree(int year, string decree, IEnumerable<RussianDayOffTransfer> transfers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, BusinessCalendarBuilder.MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, BusinessCalendarBuilder.MaxYear);
        Decree = Guard.Text(decree, nameof(decree), 512);
        var list = Guard.List(transfers, nameof(transfers));
        var froms = new HashSet<LocalDate>();
        var tos = new HashSet<LocalDate>();
        foreach (var transfer in list)
        {
            if (transfer.From.Year != year)
            {
                throw new ArgumentException($"transfers: {transfer} moves a day off from outside {year}, the decree's year.", nameof(transfers));
            }

            if (!froms.Add(transfer.From))
            {
                throw new ArgumentException($"transfers: {transfer.From:uuuu-MM-dd} is moved twice.", nameof(transfers));
            }

            if (!tos.Add(transfer.To))
            {
                throw new ArgumentException($"transfers: two days off are moved to {transfer.To:uuuu-MM-dd}.", nameof(transfers));
            }
        }

        if (froms.Overlaps(tos))
        {
            var date = froms.Intersect(tos).Min();
            throw new ArgumentException($"transfers: {date:uuuu-MM-dd} is both moved from and moved to.", nameof(transfers));
        }

        Year = year;
        Transfers = Array.AsReadOnly(list.ToArray());
        DaysOff = list.Select(t => t.To).Order().ToList().AsReadOnly();
        WorkingDays = list.Select(t => t.From).Where(d => !RussianHolidays.IsNonWorkingHoliday(d)).Order().ToList().AsReadOnly();
    }

    /// <summary>Gets the year whose days off the decree moves.</summary>
    public int Year { get; }

    /// <summary>Gets the decree's name: its date, number and title.</summary>
    public string Decree { get; }

    /// <summary>Gets the transfers in the decree's order.</summary>
    public IReadOnlyList<RussianDayOffTransfer> Transfers { get; }

    /// <summary>Gets the days that become days off (each transfer's <see cref="RussianDayOffTransfer.To"/>), in date order.</summary>
    public IReadOnlyList<LocalDate> DaysOff { get; }

    /// <summary>
    /// Gets the Saturdays and Sundays that become working days: each transfer's <see cref="RussianDayOffTransfer.From"/> that is
    /// not a non-working holiday of art. 112, in date order.
    /// </summary>
    public IReadOnlyList<LocalDate> WorkingDays { get; }

    /// <summary>Returns the decree's name.</summary>
    /// <returns><see cref="Decree"/>.</returns>
    public override string ToString() => Decree;
}
