using Microsoft.AspNetCore.Identity;

namespace CoachPortal.Core.Data;

/// <summary>An account of the portal; its roles say whether it administers, coaches or trains.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The user's choice of the dark palette, remembered across devices.</summary>
    public bool PrefersDarkMode { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public DateTime? LastSignInUtc { get; set; }
}
