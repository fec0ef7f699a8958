using Complaints.Core.Deadlines;
using NodaTime;

namespace Complaints.Core.Tests.Deadlines;

/// <summary>Huge counts and amounts and anchors outside the calendar: a named error, never an overflow.</summary>
public sealed partial class DeadlineRuleTests
{
    public static TheoryData<string> HugeRules => new()
    {
        "CalendarDays", "CalendarWeeks", "CalendarMonths", "BusinessDays", "CalendarDaysRolling", "CalendarMonthsAnchorDay", "Extension",
        "CalendarDaysJustPastCoverage", "CalendarMonthsJustPastCoverage", "WorkingTime", "WorkingTimeMax",
    };

    private static DeadlineRule Huge(string name) => name switch
    {
        "CalendarDays" => DeadlineRule.CalendarDays(int.MaxValue),
        "CalendarWeeks" => DeadlineRule.CalendarWeeks(int.MaxValue),
        "CalendarMonths" => DeadlineRule.CalendarMonths(int.MaxValue),
        "BusinessDays" => DeadlineRule.BusinessDays(int.MaxValue),
        "CalendarDaysRolling" => DeadlineRule.CalendarDays(int.MaxValue - 1).WithRollForward().WithAnchorDayCounting(),
        "CalendarMonthsAnchorDay" => DeadlineRule.CalendarMonths(int.MaxValue).WithAnchorDayCounting(),
        "Extension" => DeadlineRule.CalendarDays(1).WithExtension(int.MaxValue),
        "CalendarDaysJustPastCoverage" => DeadlineRule.CalendarDays(365 * 3),
        "CalendarMonthsJustPastCoverage" => DeadlineRule.CalendarMonths(12 * 3),
        "WorkingTime" => DeadlineRule.WorkingTime(Duration.FromNanoseconds(long.MaxValue)),
        "WorkingTimeMax" => DeadlineRule.WorkingTime(Duration.FromHours(1)).WithExtension(Duration.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(HugeRules))]
    public void Due_CountOrAmountPastTheCalendar_ThrowsNamingAnchorsAndTheCoveredYears(string name)
    {
        var received = Utc("2026-03-02T10:00:00Z");

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Huge(name).Due(new(received, HoldingReplyAt: received), London));

        Assert.Equal("anchors", ex.ParamName);
        Assert.Contains("2024–2028", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Due_AnchorOutsideTheCalendar_ThrowsNamingAnchors(int unit)
    {
        var rule = unit switch
        {
            0 => DeadlineRule.BusinessDays(1),
            1 => DeadlineRule.CalendarDays(1).WithRollForward(),
            2 => DeadlineRule.CalendarWeeks(1),
            3 => DeadlineRule.CalendarMonths(1).WithAnchorDayCounting(),
            _ => DeadlineRule.WorkingTime(Duration.FromHours(1)),
        };

        foreach (var anchor in new[] { Instant.MaxValue, Instant.MinValue, Instant.FromUtc(2300, 1, 1, 0, 0), Instant.FromUtc(2023, 12, 31, 12, 0) })
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => rule.Due(new(anchor), London));
            Assert.Equal("anchors", ex.ParamName);
            Assert.Contains("2024–2028", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Due_AnchorDayCountingOnTheFirstCoveredDay_CountsIt()
    {
        // 1 January 2024 is a bank holiday; counting it as day one starts the count on the day before coverage begins.
        var received = Utc("2024-01-01T10:00:00Z");

        Assert.Equal(Utc("2024-01-02T17:00:00Z"), DeadlineRule.BusinessDays(1).WithAnchorDayCounting().Due(new(received), London));
        Assert.Equal(Utc("2024-01-02T00:00:00Z"), DeadlineRule.CalendarDays(1).WithAnchorDayCounting().Due(new(Utc("2024-01-01T10:00:00Z")), London));
    }

    [Fact]
    public void Due_LastDayOfCoverage_IsTheEndOfTheCoveredYears()
    {
        Assert.Equal(Utc("2029-01-01T00:00:00Z"), DeadlineRule.CalendarDays(1).Due(new(Utc("2028-12-30T10:00:00Z")), London));
        Assert.Equal(Utc("2029-01-01T00:00:00Z"), DeadlineRule.CalendarWeeks(1).Due(new(Utc("2028-12-24T10:00:00Z")), London));
        Assert.Equal(Utc("2028-12-31T00:00:00Z"), DeadlineRule.CalendarMonths(1).Due(new(Utc("2028-11-30T10:00:00Z")), London));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ElapsedTime_PastTheLastInstant_ThrowsNamingAnchors(bool receivedAtTheLastInstant)
    {
        var rule = DeadlineRule.ElapsedTime(receivedAtTheLastInstant ? Duration.FromHours(1) : Duration.MaxValue);
        var received = receivedAtTheLastInstant ? Instant.MaxValue : Utc("2026-03-02T10:00:00Z");

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => rule.Due(new(received), London));

        Assert.Equal("anchors", ex.ParamName);
        Assert.Contains("Instant.MaxValue", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ElapsedTime_ExtensionPastTheLastInstant_ThrowsNamingAnchors()
    {
        var rule = DeadlineRule.ElapsedTime(Duration.FromHours(1)).WithExtension(Duration.MaxValue);
        var received = Utc("2026-03-02T10:00:00Z");

        Assert.Equal("anchors", Assert.Throws<ArgumentOutOfRangeException>(() => rule.Due(new(received, HoldingReplyAt: received), London)).ParamName);
    }
}
