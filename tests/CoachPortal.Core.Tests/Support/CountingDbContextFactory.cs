using CoachPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Support;

/// <summary>The test host's contexts with a <see cref="CommandCounter"/> attached, counting the contexts made.</summary>
public sealed class CountingDbContextFactory(DbContextOptions<AppDbContext> options, CommandCounter counter) : IDbContextFactory<AppDbContext>
{
    private readonly DbContextOptions<AppDbContext> _options = new DbContextOptionsBuilder<AppDbContext>(options).AddInterceptors(counter).Options;

    public int Created { get; private set; }

    public AppDbContext CreateDbContext()
    {
        Created++;
        return new AppDbContext(_options);
    }
}
