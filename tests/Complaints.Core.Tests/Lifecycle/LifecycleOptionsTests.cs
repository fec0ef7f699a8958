using Complaints.Core.Lifecycle;
using Microsoft.Extensions.Options;

namespace Complaints.Core.Tests.Lifecycle;

public sealed class LifecycleOptionsTests
{
    [Fact]
    public void Defaults_AreValid_AndGiveTheDefaultLadder()
    {
        var lifecycle = new ComplaintLifecycle(new LifecycleOptions());

        Assert.Equal(["Agent", "Supervisor", "Manager", "Executive"], lifecycle.Levels.Select(l => l.Name));
        Assert.Equal([100m, 500m, 5_000m, (decimal?)null], lifecycle.Levels.Select(l => l.AuthorityLimit));
        Assert.Equal([0, 1, 2, 3], lifecycle.Levels.Select(l => l.Rank));
        Assert.Equal(NodaTime.Duration.FromDays(28), lifecycle.ReopenWindow);
    }

    [Fact]
    public void CustomLadder_ReplacesTheDefaults()
    {
        var options = new LifecycleOptions { AuthorityCurrency = "GBP" };
        options.EscalationLevels.Add(new EscalationLevelOptions { Name = "Desk", AuthorityLimit = 50m });
        options.EscalationLevels.Add(new EscalationLevelOptions { Name = "Head office" });

        var lifecycle = new ComplaintLifecycle(options);

        Assert.Equal(["Desk", "Head office"], lifecycle.Levels.Select(l => l.Name));
        Assert.Equal("GBP", lifecycle.AuthorityCurrency);
    }

    [Fact]
    public void InvalidOptions_ReportEveryErrorWithItsField()
    {
        var options = new LifecycleOptions { AuthorityCurrency = "eur", ReopenWindow = TimeSpan.FromDays(-1) };
        options.EscalationLevels.Add(new EscalationLevelOptions { Name = "Agent", AuthorityLimit = 100m });
        options.EscalationLevels.Add(new EscalationLevelOptions { Name = "agent", AuthorityLimit = 50m });
        options.EscalationLevels.Add(new EscalationLevelOptions { Name = " ", AuthorityLimit = -1m });
        options.EscalationLevels.Add(new EscalationLevelOptions { Name = "Top", AuthorityLimit = null });
        options.EscalationLevels.Add(new EscalationLevelOptions { Name = "Above top", AuthorityLimit = 10m });

        var ex = Assert.Throws<OptionsValidationException>(() => new ComplaintLifecycle(options));

        Assert.Equal(typeof(LifecycleOptions), ex.OptionsType);
        var failures = string.Join("\n", ex.Failures);
        Assert.Contains("EscalationLevels[1].Name", failures, StringComparison.Ordinal);
        Assert.Contains("EscalationLevels[1].AuthorityLimit", failures, StringComparison.Ordinal);
        Assert.Contains("EscalationLevels[2].Name", failures, StringComparison.Ordinal);
        Assert.Contains("EscalationLevels[2].AuthorityLimit", failures, StringComparison.Ordinal);
        Assert.Contains("EscalationLevels[4].AuthorityLimit", failures, StringComparison.Ordinal);
        Assert.Contains("AuthorityCurrency", failures, StringComparison.Ordinal);
        Assert.Contains("ReopenWindow", failures, StringComparison.Ordinal);
        Assert.Equal(7, ex.Failures.Count());
    }

    [Fact]
    public void Lifecycle_CopiesOptions_LaterChangesHaveNoEffect()
    {
        var options = new LifecycleOptions { RequireFollowUp = true };
        var lifecycle = new ComplaintLifecycle(options);

        options.RequireFollowUp = false;
        options.EscalationLevels.Add(new EscalationLevelOptions { Name = "Solo" });

        Assert.True(lifecycle.RequireFollowUp);
        Assert.Equal(4, lifecycle.Levels.Count);
    }

    [Fact]
    public void Null_IsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => new ComplaintLifecycle(null!));
        Assert.Throws<ArgumentNullException>(() => new LifecycleOptionsValidator().Validate(null, null!));
    }
}
