using System.ComponentModel.DataAnnotations;

namespace CoachPortal.Core.Invitations;

/// <summary>Section <c>Invitations</c>.</summary>
public sealed class InvitationOptions
{
    public const string SectionName = "Invitations";

    /// <summary>How long an invitation link works (default 7 days). Longer links leak more easily.</summary>
    [Range(1, 90)]
    public int ValidDays { get; set; } = 7;
}
