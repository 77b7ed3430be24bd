using CoachPortal.Core.Teams.Roster;
using CoachPortal.Core.Tests.Support;

namespace CoachPortal.Core.Tests.Jobs;

/// <summary>A real Hangfire server on the SQLite job storage picks up the import from the queue.</summary>
public sealed class JobServerTests : IAsyncLifetime
{
    private readonly PortalTestHost _world = new();

    public async Task InitializeAsync()
    {
        _world.Settings["Jobs:RunServer"] = "true";
        _world.Settings["Jobs:Queues:0"] = "import";
        await _world.InitializeAsync();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task TheImportQueueRunsTheRosterImport()
    {
        var importId = await _world.Get<RosterImportService>().StartAsync(_world.CoachA, _world.TeamA, "r.csv", "first_name,last_name\nQ,Ueue\nR,Unner\n");

        RosterImportView view;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(200);
            view = await _world.Get<RosterImportService>().GetAsync(_world.CoachA, importId);
        }
        while (!view.IsFinished && DateTime.UtcNow < deadline);

        Assert.Equal(RosterImportStatus.Succeeded, view.Status);
        Assert.Equal(2, view.CreatedCount);
    }
}
