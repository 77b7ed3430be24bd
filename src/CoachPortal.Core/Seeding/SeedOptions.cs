using System.ComponentModel.DataAnnotations;

namespace CoachPortal.Core.Seeding;

/// <summary>The first administrator. Section <c>Seed</c>.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Email of the first admin, created at start-up when no account has the Admin role.</summary>
    [EmailAddress]
    public string? AdminEmail { get; set; }

    /// <summary>
    /// Its password; keep it in user secrets or the environment, never in a committed file. When unset in
    /// Development a random one is generated and written to <c>admin-password.txt</c> in the data folder, readable
    /// only by the account running the portal (never to the log); elsewhere start-up fails.
    /// </summary>
    public string? AdminPassword { get; set; }
}
