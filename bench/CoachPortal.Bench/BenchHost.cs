using CoachPortal.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CoachPortal.Bench;

/// <summary>
/// The portal's services over a throw-away data folder, as the benches drive them: no job server, no demo data.
/// Not Development (no demo, no developer pages) and not Production, which requires a key certificate.
/// </summary>
internal static class BenchHost
{
    public const string AdminEmail = "admin@bench.local";
    public const string Password = "Bench-Password-1";

    public static IHost Create(string directory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark", ContentRootPath = directory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = directory,
            ["Jobs:RunServer"] = "false",
            ["Seed:AdminEmail"] = AdminEmail,
            ["Seed:AdminPassword"] = Password,
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddCoachPortalCore();
        return builder.Build();
    }
}
