using Complaints.Core.Domain;
using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Deadlines;

/// <summary>
/// A deadline as regulators write it: a unit and a count, the event it is counted from, whether that event's day
/// counts, whether a deadline on a non-business day rolls forward, and an optional extended limit that applies once a
/// holding reply has been sent. Immutable; build one with the factory methods and refine it with the <c>With…</c> methods.
/// </summary>
public sealed record DeadlineRule
{
    private DeadlineRule(DeadlineUnit unit, int count, Duration amount)
    {
        Unit = unit;
        Count = count;
        Amount = amount;
    }

    /// <summary>Gets the unit counted in.</summary>
    public DeadlineUnit Unit { get; }

    /// <summary>Gets the number of days, weeks or months; 0 for the time units.</summary>
    public int Count { get; }

    /// <summary>Gets the amount of time for <see cref="DeadlineUnit.ElapsedTime"/> and <see cref="DeadlineUnit.WorkingTime"/>; zero otherwise.</summary>
    public Duration Amount { get; }

    /// <summary>Gets the event the deadline is counted from.</summary>
    public DeadlineAnchor Anchor { get; private init; }

    /// <summary>Gets whether the anchor's own day counts as the first day (day units only). By default it does not: counting starts the day after.</summary>
    public bool AnchorDayCounts { get; private init; }

    /// <summary>Gets whether a calendar-day, week or month deadline whose last day is not a business day moves to the end of the next business day.</summary>
    public bool RollForward { get; private init; }

    /// <summary>Gets the extended count (day units) that applies once a holding reply has been sent before the deadline, if the rule has one.</summary>
    public int? ExtendedCount { get; private init; }

    /// <summary>Gets the extended amount (time units) that applies once a holding reply has been sent before the deadline, if the rule has one.</summary>
    public Duration? ExtendedAmount { get; private init; }

    /// <summary>Gets the rule's name, if given.</summary>
    public string? Name { get; private init; }

    /// <summary>Gets where the rule comes from (a regulation and its article), if given.</summary>
    public string? Source { get; private init; }

    /// <summary>Creates a rule in elapsed clock time.</summary>
    /// <param name="amount">The time allowed; positive.</param>
    /// <returns>The rule, anchored on receipt.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    public static DeadlineRule ElapsedTime(Duration amount) => new(DeadlineUnit.ElapsedTime, 0, Positive(amount, nameof(amount)));

    /// <summary>Creates a rule in working time on the business calendar.</summary>
    /// <param name="amount">The working time allowed; positive.</param>
    /// <returns>The rule, anchored on receipt.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    public static DeadlineRule WorkingTime(Duration amount) => new(DeadlineUnit.WorkingTime, 0, Positive(amount, nameof(amount)));

    /// <summary>Creates a rule in business days: the close of business of the <paramref name="count"/>th business day after the anchor's day.</summary>
    /// <param name="count">The number of business days; positive.</param>
    /// <returns>The rule, anchored on receipt.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static DeadlineRule BusinessDays(int count) => Days(DeadlineUnit.BusinessDays, count);

    /// <summary>Creates a rule in calendar days: the end of the <paramref name="count"/>th day after the anchor's day.</summary>
    /// <param name="count">The number of days; positive.</param>
    /// <returns>The rule, anchored on receipt.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static DeadlineRule CalendarDays(int count) => Days(DeadlineUnit.CalendarDays, count);

    /// <summary>Creates a rule in calendar weeks: the end of the day <paramref name="count"/> × 7 days after the anchor's day.</summary>
    /// <param name="count">The number of weeks; positive.</param>
    /// <returns>The rule, anchored on receipt.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static DeadlineRule CalendarWeeks(int count) => Days(DeadlineUnit.CalendarWeeks, count);

    /// <summary>Creates a rule in calendar months: the end of the same date <paramref name="count"/> months after the anchor's day, clamped to the month's end.</summary>
    /// <param name="count">The number of months; positive.</param>
    /// <returns>The rule, anchored on receipt.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static DeadlineRule CalendarMonths(int count) => Days(DeadlineUnit.CalendarMonths, count);

    /// <summary>Returns a copy counted from another event.</summary>
    /// <param name="anchor">The event.</param>
    /// <returns>The new rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="anchor"/> is not defined.</exception>
    public DeadlineRule WithAnchor(DeadlineAnchor anchor) => this with { Anchor = Domain.Guard.Defined(anchor, nameof(anchor)) };

    /// <summary>Returns a copy in which the anchor's own day counts as the first day (day units only).</summary>
    /// <param name="counts">Whether it counts.</param>
    /// <returns>The new rule.</returns>
    /// <exception cref="InvalidOperationException">The rule counts time, not days.</exception>
    public DeadlineRule WithAnchorDayCounting(bool counts = true) => this with { AnchorDayCounts = DayUnitOnly(counts, nameof(AnchorDayCounts)) };

    /// <summary>Returns a copy that rolls a deadline on a non-business day forward to the end of the next business day.</summary>
    /// <param name="rolls">Whether it rolls forward.</param>
    /// <returns>The new rule.</returns>
    /// <exception cref="InvalidOperationException">The rule is not in calendar days, weeks or months.</exception>
    public DeadlineRule WithRollForward(bool rolls = true)
    {
        if (rolls && Unit is not (DeadlineUnit.CalendarDays or DeadlineUnit.CalendarWeeks or DeadlineUnit.CalendarMonths))
        {
            throw new InvalidOperationException($"Only calendar-day, week and month rules roll forward; this rule counts {Unit}.");
        }

        return this with { RollForward = rolls };
    }

    /// <summary>Returns a copy with an extended limit in the same unit, which applies once a holding reply has been sent before the normal deadline.</summary>
    /// <param name="count">The extended count of days, weeks or months; more than <see cref="Count"/>.</param>
    /// <returns>The new rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not more than <see cref="Count"/>.</exception>
    /// <exception cref="InvalidOperationException">The rule counts time, not days.</exception>
    public DeadlineRule WithExtension(int count)
    {
        DayUnitOnly(true, nameof(ExtendedCount));
        if (count <= Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be more than the rule's count ({Count}).");
        }

        return this with { ExtendedCount = count };
    }

    /// <summary>Returns a copy with an extended limit in time, which applies once a holding reply has been sent before the normal deadline.</summary>
    /// <param name="amount">The extended amount; more than <see cref="Amount"/>.</param>
    /// <returns>The new rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not more than <see cref="Amount"/>.</exception>
    /// <exception cref="InvalidOperationException">The rule counts days, not time.</exception>
    public DeadlineRule WithExtension(Duration amount)
    {
        if (IsDayUnit)
        {
            throw new InvalidOperationException($"This rule counts {Unit}; give the extension as a count.");
        }

        if (amount <= Amount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"amount must be more than the rule's amount ({Amount}).");
        }

        return this with { ExtendedAmount = amount };
    }

    /// <summary>Returns a copy with a name and the source it comes from.</summary>
    /// <param name="name">The name.</param>
    /// <param name="source">The regulation and article, or other source.</param>
    /// <returns>The new rule.</returns>
    /// <exception cref="ArgumentException">A text is empty or too long.</exception>
    public DeadlineRule WithName(string name, string? source = null) =>
        this with { Name = Domain.Guard.Text(name, nameof(name), TextLimits.Name), Source = Domain.Guard.OptionalText(source, nameof(source), TextLimits.Summary) };

    /// <summary>
    /// Gets the deadline for a complaint: counted from the anchor event on the calendar, extended when the rule has an
    /// extended limit and a holding reply was sent before the normal deadline.
    /// </summary>
    /// <param name="anchors">The complaint's anchor instants.</param>
    /// <param name="calendar">The business calendar (its zone decides where days begin; its holidays which days are business days).</param>
    /// <returns>The deadline, or <see langword="null"/> while the anchor event has not happened.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Named <paramref name="anchors"/>: for a rule that counts working time or days, the anchor or the deadline falls
    /// outside the years the calendar covers (however large the count or amount); for an elapsed-time rule, the
    /// deadline would fall after <see cref="Instant.MaxValue"/>.
    /// </exception>
    public Instant? Due(DeadlineAnchors anchors, BusinessCalendar calendar)
    {
        if (DueWithoutExtension(anchors, calendar) is not { } due)
        {
            return null;
        }

        if ((ExtendedCount is null && ExtendedAmount is null) || anchors.HoldingReplyAt is not { } holding || holding > due)
        {
            return due;
        }

        return Compute(anchors[Anchor]!.Value, ExtendedCount ?? 0, ExtendedAmount ?? Duration.Zero, calendar, nameof(anchors));
    }

    /// <summary>Gets the normal deadline, ignoring any extension.</summary>
    /// <param name="anchors">The complaint's anchor instants.</param>
    /// <param name="calendar">The business calendar.</param>
    /// <returns>The deadline, or <see langword="null"/> while the anchor event has not happened.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Named <paramref name="anchors"/>: for a rule that counts working time or days, the anchor or the deadline falls
    /// outside the years the calendar covers; for an elapsed-time rule, the deadline would fall after <see cref="Instant.MaxValue"/>.
    /// </exception>
    public Instant? DueWithoutExtension(DeadlineAnchors anchors, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return anchors[Anchor] is { } start ? Compute(start, Count, Amount, calendar, nameof(anchors)) : null;
    }

    /// <summary>
    /// Gets the deadline of a rule that counts from receipt with no extension (<see cref="UsesAnchorsAfterStart"/> is
    /// false) from its start: what <see cref="Due"/> gives for anchors holding only that instant, with the same errors.
    /// </summary>
    internal Instant DueFromStart(Instant start, BusinessCalendar calendar) => Compute(start, Count, Amount, calendar, "anchors");

    /// <summary>Gets whether the deadline may depend on an anchor other than receipt: an anchored rule, or one a holding reply extends.</summary>
    internal bool UsesAnchorsAfterStart => Anchor != DeadlineAnchor.Receipt || ExtendedCount is not null || ExtendedAmount is not null;

    /// <summary>Gets a value indicating whether the rule counts days, so its deadline depends only on the anchor's local date.</summary>
    internal bool IsDayUnit => Unit is not (DeadlineUnit.ElapsedTime or DeadlineUnit.WorkingTime);

    private static DeadlineRule Days(DeadlineUnit unit, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return new DeadlineRule(unit, count, Duration.Zero);
    }

    private static Duration Positive(Duration amount, string paramName) =>
        amount > Duration.Zero ? amount : throw new ArgumentOutOfRangeException(paramName, amount, $"{paramName} must be positive.");

    private bool DayUnitOnly(bool value, string field) =>
        !value || IsDayUnit ? value : throw new InvalidOperationException($"{field} applies to day units only; this rule counts {Unit}.");

    /// <summary>Computes a deadline, checking every bound before the arithmetic, so a huge count or amount is a named error.</summary>
    private Instant Compute(Instant start, int count, Duration amount, BusinessCalendar calendar, string paramName)
    {
        if (Unit == DeadlineUnit.ElapsedTime)
        {
            return amount <= Instant.MaxValue - start
                ? start + amount
                : throw new ArgumentOutOfRangeException(paramName, start, $"The deadline, {amount} after the {Anchor} at {start}, would fall after Instant.MaxValue ({Instant.MaxValue}).");
        }

        if (!calendar.CoversDayOf(start))
        {
            throw new ArgumentOutOfRangeException(paramName, start, $"The {Anchor} instant must fall in {calendar.CoveredYears}, the years the calendar covers.");
        }

        if (Unit == DeadlineUnit.WorkingTime)
        {
            return calendar.TryAddWorkingTime(start, amount, out var due)
                ? due
                : throw PastCoverage(start, amount.ToString(), calendar, paramName);
        }

        if (Unit == DeadlineUnit.BusinessDays)
        {
            return calendar.CloseOfBusinessAfter(start, count, AnchorDayCounts)
                ?? throw PastCoverage(start, $"{count} {Unit}", calendar, paramName);
        }

        var day = start.InZone(calendar.Zone).Date;
        var countFrom = AnchorDayCounts ? day.PlusDays(-1) : day;

        // The count is bounded by what is left of the covered years before any date arithmetic.
        LocalDate last;
        if (Unit == DeadlineUnit.CalendarMonths)
        {
            var monthsLeft = ((calendar.LastYear - day.Year) * 12) + 12 - day.Month;
            last = count <= monthsLeft
                ? (AnchorDayCounts ? day.PlusMonths(count).PlusDays(-1) : day.PlusMonths(count))
                : throw PastCoverage(start, $"{count} {Unit}", calendar, paramName);
        }
        else
        {
            var days = Unit == DeadlineUnit.CalendarWeeks ? 7L * count : count;
            last = days <= Period.DaysBetween(countFrom, calendar.LastDay)
                ? countFrom.PlusDays((int)days)
                : throw PastCoverage(start, $"{count} {Unit}", calendar, paramName);
        }

        if (RollForward && !calendar.IsBusinessDay(last))
        {
            last = calendar.BusinessDayAfter(last, 1) ?? throw PastCoverage(start, $"{count} {Unit}", calendar, paramName);
        }

        return calendar.Zone.AtStartOfDay(last.PlusDays(1)).ToInstant();
    }

    private ArgumentOutOfRangeException PastCoverage(Instant start, string span, BusinessCalendar calendar, string paramName) =>
        new(paramName, start, $"The deadline, {span} after the {Anchor} at {start}, falls after {calendar.LastYear}; the calendar covers {calendar.CoveredYears}.");
}
