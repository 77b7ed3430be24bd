namespace CoachPortal.Core.Notifications;

/// <summary>Names of the things pages watch for changes.</summary>
public static class Topics
{
    public static string Team(int teamId) => $"team:{teamId}";

    public static string Athlete(int athleteId) => $"athlete:{athleteId}";

    public static string RosterImport(int importId) => $"roster-import:{importId}";

    public static string HistoryImport(int importId) => $"history-import:{importId}";

    public const string Users = "users";

    public const string Teams = "teams";
}
