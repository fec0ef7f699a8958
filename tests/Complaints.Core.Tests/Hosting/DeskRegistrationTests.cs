using Complaints.Core.Desk;
using Microsoft.Extensions.Configuration;
using Complaints.Core.Domain;
using Complaints.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Complaints.Core.Tests.Hosting;

public sealed class DeskRegistrationTests
{
    private static readonly Instant Now = TestComplaints.Start + Duration.FromHours(1);

    [Fact]
    public async Task AddComplaints_RegistersOneDeskOverTheInMemoryStoreAndARecordingSink()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Now));
        services.AddComplaints();
        await using var provider = services.BuildServiceProvider();

        var desk = provider.GetRequiredService<ComplaintDesk>();
        var store = Assert.IsType<InMemoryComplaintStore>(provider.GetRequiredService<IComplaintStore>());
        var sink = Assert.IsType<RecordingNotificationSink>(provider.GetRequiredService<INotificationSink>());
        var id = new ComplaintId("C-1");
        await desk.SubmitAsync(new CommandId("submit-1"), id, TestComplaints.Intake());
        await desk.AcknowledgeAsync(new CommandId("ack-1"), id, TestComplaints.Agent);

        Assert.Same(desk, provider.GetRequiredService<ComplaintDesk>());
        Assert.Equal(1, (await store.FindAsync(id))!.Version);
        Assert.Contains(sink.Sent, n => n.Kind == NotificationKind.Acknowledgement && n.Audience == ComplaintNotification.Customer);
    }

    [Fact]
    public void AddComplaints_AfterTheHostsOwnStoreAndSink_KeepsThem()
    {
        var store = new InMemoryComplaintStore();
        var sink = new RecordingNotificationSink();
        var services = new ServiceCollection().AddSingleton<IComplaintStore>(store).AddSingleton<INotificationSink>(sink).AddSingleton<IClock>(new FakeClock(Now));
        services.AddComplaints();
        services.AddComplaints();
        using var provider = services.BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<IComplaintStore>());
        Assert.Same(sink, provider.GetRequiredService<INotificationSink>());
        Assert.Single(services, d => d.ServiceType == typeof(IComplaintStore));
        Assert.Single(services, d => d.ServiceType == typeof(ComplaintDesk));
    }

    [Fact]
    public void UseStore_SwapsTheStore_WithOneCall()
    {
        var own = new InMemoryComplaintStore();
        var byType = new ServiceCollection();
        byType.AddComplaints().UseStore<CountingStore>();
        var byInstance = new ServiceCollection();
        byInstance.AddComplaints().UseStore(own).UseNotificationSink<RecordingNotificationSink>();
        using var typed = byType.BuildServiceProvider();
        using var instance = byInstance.BuildServiceProvider();

        Assert.IsType<CountingStore>(typed.GetRequiredService<IComplaintStore>());
        Assert.Same(own, instance.GetRequiredService<IComplaintStore>());
        Assert.Single(byType, d => d.ServiceType == typeof(IComplaintStore));
        Assert.Single(byInstance, d => d.ServiceType == typeof(INotificationSink));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddComplaints().UseStore(null!));
    }

    [Fact]
    public async Task UseSqlite_KeepsComplaintsInTheDatabaseFile()
    {
        using var files = new TemporaryDatabaseFiles();
        var file = files.NewFile();
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Now));
        services.AddComplaints().UseSqlite($"Data Source={file}");
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.IsType<Complaints.Core.Sqlite.SqliteComplaintStore>(provider.GetRequiredService<IComplaintStore>());
            await provider.GetRequiredService<ComplaintDesk>().SubmitAsync(new CommandId("submit-1"), new ComplaintId("C-1"), TestComplaints.Intake());
        }

        var reopened = new Complaints.Core.Sqlite.SqliteComplaintStore($"Data Source={file}");
        Assert.Equal(0, (await reopened.FindAsync(new ComplaintId("C-1")))!.Version);
        Assert.Single(services, d => d.ServiceType == typeof(IComplaintStore));
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddComplaints().UseSqlite("Data Source=:memory:"));
    }

    [Fact]
    public void DeskOptions_BindFromConfiguration()
    {
        var json = """{ "Desk": { "RepeatComplaintWindow": "20:00:00:00", "SweepPageSize": 250, "DispatchBatchSize": 50 } }""";
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Now));
        services.AddComplaints();
        services.Configure<ComplaintDeskOptions>(configuration.GetSection("Desk"), o => o.ErrorOnUnknownConfiguration = true);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<ComplaintDeskOptions>>().Value;

        Assert.Equal((Duration.FromDays(20), 250, 50), (options.RepeatComplaintWindow, options.SweepPageSize, options.DispatchBatchSize));
        Assert.NotNull(provider.GetRequiredService<ComplaintDesk>());
    }

    [Fact]
    public void Desk_WithoutAClock_SaysToRegisterOne()
    {
        var services = new ServiceCollection();
        services.AddComplaints();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ComplaintDesk>());

        Assert.Contains("register one", error.Message, StringComparison.Ordinal);
        Assert.Contains("IClock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidDeskOptions_FailWhenTheHostStarts_NamingEveryOption()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Now));
        services.AddComplaints().ConfigureDesk(o =>
        {
            o.SweepPageSize = 0;
            o.RepeatComplaintWindow = Duration.Zero;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("SweepPageSize is 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("RepeatComplaintWindow", error.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ComplaintDesk>());
    }

    /// <summary>A store the container builds, standing for a host's own adapter.</summary>
    private sealed class CountingStore() : ForwardingStore(new InMemoryComplaintStore());
}
