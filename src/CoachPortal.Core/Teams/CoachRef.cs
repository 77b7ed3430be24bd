namespace CoachPortal.Core.Teams;

public sealed record CoachRef(string UserId, string DisplayName, string Email);
