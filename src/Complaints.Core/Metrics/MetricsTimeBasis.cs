namespace Complaints.Core.Metrics;

/// <summary>How the calculator measures response and resolution times.</summary>
public enum MetricsTimeBasis
{
    /// <summary>Elapsed time, as a clock on the wall measures it.</summary>
    CalendarTime,

    /// <summary>Working time on the calculator's business calendar: time outside working hours and on holidays does not count.</summary>
    WorkingTime,
}
