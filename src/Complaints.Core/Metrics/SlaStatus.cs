namespace Complaints.Core.Metrics;

/// <summary>Where a complaint stands against one service-level target.</summary>
public enum SlaStatus
{
    /// <summary>The target was met.</summary>
    Met,

    /// <summary>The target was breached.</summary>
    Breached,

    /// <summary>The target is still running: neither met nor breached yet.</summary>
    Open,
}
