namespace CoachPortal.Core.Users;

/// <summary>A successful sign-in, kept for the admin's activity chart.</summary>
public class SignInRecord
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public DateTime AtUtc { get; set; }
}
