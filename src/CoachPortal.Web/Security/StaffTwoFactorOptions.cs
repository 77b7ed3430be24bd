namespace CoachPortal.Web.Security;

/// <summary>Section <c>Security</c>.</summary>
public sealed class StaffTwoFactorOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Admins and coaches must set up an authenticator app (TOTP) before they can use the portal; until then every
    /// page and endpoint sends them to the setup page. Default: on, except in Development (the demo's shared
    /// accounts). Off, one stolen password opens a whole team's health data.
    /// </summary>
    public bool? RequireTwoFactorForStaff { get; set; }
}
