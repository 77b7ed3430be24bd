namespace CoachPortal.Core.Invitations;

/// <summary>A live invitation of a team, for the team page: who, to which address, and whether the e-mail went out.</summary>
public sealed record InvitationRow(
    int Id,
    int AthleteId,
    string AthleteName,
    string Email,
    DateTime CreatedUtc,
    DateTime ExpiresUtc,
    DateTime? SentUtc,
    bool IsSending,
    bool IsExpired);
