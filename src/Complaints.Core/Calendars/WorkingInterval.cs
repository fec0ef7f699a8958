using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// One weekly working interval in local time: a day of the week, a start and an end. An end at or before the start
/// means the interval crosses midnight into the next day (an overnight shift); an end equal to the start means 24 hours.
/// The interval belongs to the day it starts on: a holiday on that day removes all of it.
/// </summary>
public readonly record struct WorkingInterval
{
    /// <summary>Initializes a new instance of the <see cref="WorkingInterval"/> struct.</summary>
    /// <param name="day">The day of the week the interval starts on.</param>
    /// <param name="start">The local start time.</param>
    /// <param name="end">The local end time; at or before <paramref name="start"/> for an interval that crosses midnight.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a day of the week.</exception>
    public WorkingInterval(IsoDayOfWeek day, LocalTime start, LocalTime end)
    {
        Day = Domain.Guard.DayOfWeek(day, nameof(day));
        Start = start;
        End = end;
    }

    /// <summary>Gets the day of the week the interval starts on.</summary>
    public IsoDayOfWeek Day { get; }

    /// <summary>Gets the local start time.</summary>
    public LocalTime Start { get; }

    /// <summary>Gets the local end time.</summary>
    public LocalTime End { get; }

    /// <summary>Gets whether the interval ends on the next day.</summary>
    public bool CrossesMidnight => End <= Start;

    /// <summary>Gets the nominal length, in local time (a DST change on the day makes the real length differ).</summary>
    public Period Length => CrossesMidnight
        ? Period.FromNanoseconds(NodaConstants.NanosecondsPerDay - (Start.NanosecondOfDay - End.NanosecondOfDay))
        : Period.FromNanoseconds(End.NanosecondOfDay - Start.NanosecondOfDay);

    internal long StartOfWeekNanos => ((long)Day - 1) * NodaConstants.NanosecondsPerDay + Start.NanosecondOfDay;

    internal long LengthNanos => CrossesMidnight
        ? NodaConstants.NanosecondsPerDay - (Start.NanosecondOfDay - End.NanosecondOfDay)
        : End.NanosecondOfDay - Start.NanosecondOfDay;
}
