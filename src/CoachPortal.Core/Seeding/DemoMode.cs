using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Seeding;

/// <summary>Whether this server runs the demo (<see cref="DemoOptions.Enabled"/>, on in Development when unset).</summary>
public sealed class DemoMode(IOptions<DemoOptions> options, IHostEnvironment environment)
{
    public bool IsOn => options.Value.Enabled ?? environment.IsDevelopment();
}
