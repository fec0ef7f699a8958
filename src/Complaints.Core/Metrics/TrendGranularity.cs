namespace Complaints.Core.Metrics;

/// <summary>The length of the periods in a trend.</summary>
public enum TrendGranularity
{
    /// <summary>One period per calendar day.</summary>
    Day,

    /// <summary>One period per week, starting on <see cref="MetricsOptions.FirstDayOfWeek"/>.</summary>
    Week,

    /// <summary>One period per calendar month.</summary>
    Month,
}
