namespace Complaints.Core.Domain;

/// <summary>How soon the complaint must be handled, from least to most urgent.</summary>
public enum Priority
{
    /// <summary>Handle in turn.</summary>
    Low,

    /// <summary>The usual priority.</summary>
    Normal,

    /// <summary>Ahead of normal work.</summary>
    High,

    /// <summary>Immediately.</summary>
    Urgent,
}
