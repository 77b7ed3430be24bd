using CoachPortal.Core;
using CoachPortal.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace CoachPortal.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the context for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        return new AppDbContext(DependencyInjection.CreateStandaloneOptions(DatabaseProvider.Sqlite, Path.GetTempPath(), null));
    }
}
