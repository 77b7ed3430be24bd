using CoachPortal.Core.Data;
using CoachPortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests.Components;

/// <summary>A component test over the real services and a database of its own (SQLite file, or SQL Server per <see cref="TestDatabase"/>), created before the test and deleted after.</summary>
public abstract class DatabaseTestContext : PortalTestContext
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "coachportal-bunit", Guid.NewGuid().ToString("N"));
    private readonly TestDatabase _database = new();

    protected DatabaseTestContext()
    {
        Directory.CreateDirectory(_directory);
        Options = CoachPortal.Core.DependencyInjection.CreateStandaloneOptions(_database.Provider, _directory, _database.ConnectionString);
        Factory = new OptionsFactory(Options);
        Services.AddSingleton(Factory);
    }

    protected DbContextOptions<AppDbContext> Options { get; }

    protected IDbContextFactory<AppDbContext> Factory { get; }

    public override async Task InitializeAsync()
    {
        await using (var db = new AppDbContext(Options))
        {
            await db.Database.EnsureCreatedAsync();
        }

        await base.InitializeAsync();
    }

    protected override Task OnDisposedAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _database.Drop();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private sealed class OptionsFactory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }
}
