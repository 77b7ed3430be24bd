using System.Collections.Concurrent;
using CoachPortal.Core.Data;
using CoachPortal.Core.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachPortal.Core.Tests.Seeding;

/// <summary>A generated first-admin password goes to a file only its owner can read, never into a log.</summary>
public sealed class AdminPasswordTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "coachportal-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TheGeneratedAdminPasswordIsWrittenToAnOwnerOnlyFileAndToNoLog()
    {
        Directory.CreateDirectory(_dataDirectory);
        var lines = new ConcurrentQueue<string>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = _dataDirectory,
        });
        builder.AddRootConfiguration();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = _dataDirectory,
            ["Jobs:RunServer"] = "false",
            ["Seed:AdminEmail"] = "first.admin@test.local",
            ["Seed:AdminPassword"] = "",
            ["Demo:Enabled"] = "false",
        });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(lines));
        builder.AddCoachPortalCore();
        using var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        var file = Path.Combine(_dataDirectory, DatabaseInitializer.AdminPasswordFileName);
        var password = (await File.ReadAllTextAsync(file)).Trim();
        Assert.StartsWith("Adm-", password, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync("first.admin@test.local"))!, password));
        }

        Assert.Contains(lines, l => l.Contains(DatabaseInitializer.AdminPasswordFileName, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(password, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned eventually.
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The rendered message and every structured value, as any log sink could store them.
            lines.Enqueue(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    lines.Enqueue($"{key}={value}");
                }
            }
        }
    }
}
