namespace CoachPortal.Core.Users;

public sealed record UserRow(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool IsLockedOut,
    DateTime CreatedUtc,
    DateTime? LastSignInUtc);
