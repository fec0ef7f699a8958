namespace Complaints.Core.Lifecycle;

/// <summary>One level of a built lifecycle's escalation ladder.</summary>
/// <param name="Rank">The level's position on the ladder; 0 is the first level.</param>
/// <param name="Name">The level's name.</param>
/// <param name="AuthorityLimit">The most compensation this level may propose, in the lifecycle's authority currency; <see langword="null"/> for no limit.</param>
public sealed record EscalationLevel(int Rank, string Name, decimal? AuthorityLimit);
