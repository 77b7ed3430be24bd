using System.ComponentModel.DataAnnotations;

namespace CoachPortal.Web.Security;

/// <summary>
/// How often one address and one account may try to sign in, pass a second factor, accept an invitation, reset a
/// password or present any other token. Section <c>SignInLimits</c>. Lockout (5 failures, 15 minutes) still applies
/// on top; these limits slow down guessing across accounts and keep a flood off the password hasher.
/// </summary>
public sealed class SignInLimitsOptions
{
    public const string SectionName = "SignInLimits";

    /// <summary>
    /// Attempts one client address may make per window. Default 20. Behind a proxy every client shares the proxy's
    /// address unless forwarded headers are configured (README, "Running behind a proxy").
    /// </summary>
    [Range(1, 100_000)]
    public int PermitsPerAddress { get; set; } = 20;

    /// <summary>Attempts against one account (the e-mail typed) per window, from anywhere. Default 10.</summary>
    [Range(1, 100_000)]
    public int PermitsPerAccount { get; set; } = 10;

    /// <summary>Length of the window in seconds. Default 60; also the longest Retry-After a client is told.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}
