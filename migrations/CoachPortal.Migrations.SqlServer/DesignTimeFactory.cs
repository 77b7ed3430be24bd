using CoachPortal.Core;
using CoachPortal.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace CoachPortal.Migrations.SqlServer;

/// <summary>
/// Lets <c>dotnet ef</c> build the context for this provider without a server: scaffolding and scripting
/// migrations never connect.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        return new AppDbContext(DependencyInjection.CreateStandaloneOptions(DatabaseProvider.SqlServer, Path.GetTempPath(),
            "Server=localhost;Database=CoachPortal;Trusted_Connection=True;TrustServerCertificate=True"));
    }
}
