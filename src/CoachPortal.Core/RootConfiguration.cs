using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CoachPortal.Core;

public static class RootConfiguration
{
    /// <summary>
    /// Adds the repository's single appsettings.json (copied next to the binaries by the build) as the base layer,
    /// so the web host and the worker read one file; environment variables, user secrets and the command line
    /// still override it.
    /// </summary>
    public static IHostApplicationBuilder AddRootConfiguration(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var source = new JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = false,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        };
        builder.Configuration.Sources.Insert(0, source);
        return builder;
    }
}
