namespace Complaints.Core.Calendars;

/// <summary>
/// Supplies working-day overrides that the builder's own list does not hold: the transferred working days of a yearly
/// decree, or dates read from a published feed. Called once per covered year when a calendar is built.
/// </summary>
/// <remarks>See <see cref="WorkingDayOverride"/> for how an override meets holidays, substitutes and closures.</remarks>
public interface IWorkingDayProvider
{
    /// <summary>Gets the working-day overrides in a year.</summary>
    /// <param name="year">The ISO year.</param>
    /// <returns>The overrides; those whose date lies outside <paramref name="year"/> are ignored. A date may be given once per calendar.</returns>
    IEnumerable<WorkingDayOverride> GetWorkingDays(int year);
}
