namespace CoachPortal.Core.Invitations;

public sealed record InvitationPreview(string AthleteName, string TeamName, string Email, DateTime ExpiresUtc);
