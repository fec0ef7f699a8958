namespace Complaints.Core.Metrics;

/// <summary>How complaints received in the period stand against one service-level target.</summary>
public sealed class SlaTargetMetrics
{
    /// <summary>Gets the target's name.</summary>
    public required string Target { get; init; }

    /// <summary>Gets the number of complaints that met the target.</summary>
    public long Met { get; init; }

    /// <summary>Gets the number of complaints that breached the target.</summary>
    public long Breached { get; init; }

    /// <summary>Gets the number of complaints whose clock for the target is still running.</summary>
    public long Open { get; init; }

    /// <summary>Gets Met / (Met + Breached): complaints still open are left out; <see langword="null"/> when none is decided.</summary>
    public double? Compliance { get; init; }
}
