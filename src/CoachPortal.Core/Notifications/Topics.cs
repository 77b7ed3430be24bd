namespace CoachPortal.Core.Notifications;

/// <summary>Names of the things pages watch for changes: every topic published or watched is named here.</summary>
public static class Topics
{
    public const string Users = "users";

    public const string Teams = "teams";

    /// <summary>The models feature: training runs and model versions of any team.</summary>
    public const string Models = "models";

    public static string Team(int teamId) => $"team:{teamId}";

    public static string Athlete(int athleteId) => $"athlete:{athleteId}";

    public static string RosterImport(int importId) => $"roster-import:{importId}";

    public static string TrainingRun(int runId) => $"training-run:{runId}";
    public static string HistoryImport(int importId) => $"history-import:{importId}";

    public static string ArchiveImport(int importId) => $"archive-import:{importId}";
}
