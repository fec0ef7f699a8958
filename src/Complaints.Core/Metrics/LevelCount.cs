namespace Complaints.Core.Metrics;

/// <summary>The number of complaints whose highest escalation level was <see cref="Level"/>.</summary>
public sealed class LevelCount
{
    /// <summary>Gets the level's rank (1 is the first level above the front line).</summary>
    public int Level { get; init; }

    /// <summary>Gets the number of complaints.</summary>
    public long Count { get; init; }
}
