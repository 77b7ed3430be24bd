namespace CoachPortal.Core.Users;

/// <summary>
/// Claims that carry a user's display preferences in the sign-in cookie, so every request and every interactive
/// circuit knows them without a database read.
/// </summary>
public static class PreferenceClaims
{
    public const string Culture = "coachportal:culture";

    public const string Units = "coachportal:units";
}
