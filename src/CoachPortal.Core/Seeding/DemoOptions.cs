using System.ComponentModel.DataAnnotations;

namespace CoachPortal.Core.Seeding;

/// <summary>Section <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>
    /// Create a demo team, coach and athletes on the first start (default: on in Development, off elsewhere).
    /// Their passwords are public (README): never enable on a server others can reach.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Password of every demo account.</summary>
    [Required]
    [MinLength(10)]
    public string Password { get; set; } = "Demo-Pass-2026";
}
