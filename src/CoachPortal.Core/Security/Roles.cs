namespace CoachPortal.Core.Security;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Coach = "Coach";
    public const string Athlete = "Athlete";

    public static IReadOnlyList<string> All { get; } = [Admin, Coach, Athlete];

    /// <summary>Authorization policy names used by the web app and the job dashboard.</summary>
    public const string AdminPolicy = "AdminOnly";
    public const string StaffPolicy = "CoachOrAdmin";
}
