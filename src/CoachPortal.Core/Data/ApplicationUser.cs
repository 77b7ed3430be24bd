using System.ComponentModel.DataAnnotations;
using CoachPortal.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace CoachPortal.Core.Data;

/// <summary>An account of the portal; its roles say whether it administers, coaches or trains.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The user's choice of the dark palette, remembered across devices.</summary>
    public bool PrefersDarkMode { get; set; }

    /// <summary>The culture (e.g. "en-US") dates and numbers are written in; null follows the browser.</summary>
    [MaxLength(10)]
    public string? Culture { get; set; }

    public UnitSystem Units { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public DateTime? LastSignInUtc { get; set; }
}
