namespace Complaints.Core.Deadlines;

/// <summary>The unit a deadline rule counts in. Regulators count in different units.</summary>
public enum DeadlineUnit
{
    /// <summary>Elapsed time on the clock, whatever the calendar says (the source articles' "within 24 hours").</summary>
    ElapsedTime,

    /// <summary>Working time on the business calendar (for example 8 working hours).</summary>
    WorkingTime,

    /// <summary>Business days with close-of-business semantics: the deadline is the close of business of the last day.</summary>
    BusinessDays,

    /// <summary>Calendar days: the deadline is the end (midnight) of the last day in the calendar's zone.</summary>
    CalendarDays,

    /// <summary>Calendar weeks of seven days, ending like <see cref="CalendarDays"/>.</summary>
    CalendarWeeks,

    /// <summary>Calendar months: the same date in the last month, clamped to the month's end (31 January plus one month is 28 or 29 February).</summary>
    CalendarMonths,
}
