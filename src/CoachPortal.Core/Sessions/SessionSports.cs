namespace CoachPortal.Core.Sessions;

/// <summary>Sport names stored on <see cref="TrainingSession.Sport"/>.</summary>
public static class SessionSports
{
    public const string Running = "Running";
    public const string Cycling = "Cycling";
    public const string Swimming = "Swimming";
    public const string Other = "Other";
}
