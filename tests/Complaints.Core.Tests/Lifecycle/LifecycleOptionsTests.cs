using Complaints.Core.Lifecycle;
using Microsoft.Extensions.Configuration;
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
    public void OneLevelAddedToTheList_IsReported_NotASilentOneLevelLadder()
    {
        var options = new LifecycleOptions();
        options.EscalationLevels.Add(new EscalationLevelOptions { Name = "Director", AuthorityLimit = 20_000m });

        var ex = Assert.Throws<OptionsValidationException>(() => new ComplaintLifecycle(options));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("EscalationLevels", failure, StringComparison.Ordinal);
        Assert.Contains("UseDefaultLadder", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void UseDefaultLadder_ThenAddLevel_ExtendsTheDefaultsWhereTheLimitPutsIt()
    {
        var options = new LifecycleOptions().UseDefaultLadder().AddLevel("Director", 20_000m).AddLevel("Board", null).AddLevel("Senior agent", 100m);

        var lifecycle = new ComplaintLifecycle(options);

        Assert.Equal(["Agent", "Senior agent", "Supervisor", "Manager", "Director", "Executive", "Board"], lifecycle.Levels.Select(l => l.Name));
        Assert.Equal([100m, 100m, 500m, 5_000m, 20_000m, null, null], lifecycle.Levels.Select(l => l.AuthorityLimit));
        Assert.Equal(Enumerable.Range(0, 7), lifecycle.Levels.Select(l => l.Rank));
    }

    [Fact]
    public void ReplaceLadder_ThenAddLevel_ExtendsTheNewLadderOnly()
    {
        var options = new LifecycleOptions()
            .ReplaceLadder(new EscalationLevelOptions { Name = "Desk", AuthorityLimit = 50m }, new EscalationLevelOptions { Name = "Head office" })
            .AddLevel("Regional", 1_000m);

        var lifecycle = new ComplaintLifecycle(options);

        Assert.Equal(["Desk", "Regional", "Head office"], lifecycle.Levels.Select(l => l.Name));
    }

    [Fact]
    public void UseDefaultLadder_AfterReplaceLadder_RestoresTheDefaults()
    {
        var options = new LifecycleOptions().ReplaceLadder(new EscalationLevelOptions { Name = "Desk" }, new EscalationLevelOptions { Name = "Head office" });

        options.UseDefaultLadder();

        Assert.Equal(LifecycleOptions.DefaultEscalationLevels, new ComplaintLifecycle(options).Levels);
    }

    [Fact]
    public void AddLevel_BeforeTheLadderIsChosen_ThrowsAndNamesBothChoices()
    {
        var options = new LifecycleOptions();

        var ex = Assert.Throws<InvalidOperationException>(() => options.AddLevel("Director", 20_000m));

        Assert.Contains("UseDefaultLadder", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ReplaceLadder", ex.Message, StringComparison.Ordinal);
        Assert.Empty(options.EscalationLevels);
    }

    [Fact]
    public void LadderMethods_BadArguments_ThrowAndChangeNothing()
    {
        var options = new LifecycleOptions().UseDefaultLadder();

        Assert.Throws<ArgumentNullException>(() => options.ReplaceLadder(null!));
        Assert.Throws<ArgumentNullException>(() => options.ReplaceLadder(new EscalationLevelOptions { Name = "Desk" }, null!));
        Assert.Throws<ArgumentException>(() => options.ReplaceLadder());
        Assert.Throws<ArgumentException>(() => options.AddLevel(" ", 10m));
        Assert.Throws<ArgumentNullException>(() => options.AddLevel(null!, 10m));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.AddLevel("Director", -1m));

        Assert.Equal(["Agent", "Supervisor", "Manager", "Executive"], options.EscalationLevels.Select(l => l.Name));
    }

    [Fact]
    public void EscalationLevelsSection_BindsAndReplacesTheDefaultsWhole()
    {
        var options = new LifecycleOptions();
        Configuration(("EscalationLevels:0:Name", "Desk"), ("EscalationLevels:0:AuthorityLimit", "50"), ("EscalationLevels:1:Name", "Head office"))
            .Bind(options);

        var lifecycle = new ComplaintLifecycle(options);

        Assert.Equal(["Desk", "Head office"], lifecycle.Levels.Select(l => l.Name));
        Assert.Equal([50m, (decimal?)null], lifecycle.Levels.Select(l => l.AuthorityLimit));
    }

    [Fact]
    public void EscalationLevelsSection_WithOneLevel_IsReported()
    {
        var options = new LifecycleOptions();
        Configuration(("EscalationLevels:0:Name", "Director"), ("EscalationLevels:0:AuthorityLimit", "20000")).Bind(options);

        var ex = Assert.Throws<OptionsValidationException>(() => new ComplaintLifecycle(options));

        Assert.Contains("EscalationLevels", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

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
