namespace CoachPortal.Core.Forecasting;

/// <summary>Change-notification topics of the models feature.</summary>
public static class ModelsTopics
{
    public const string Models = "models";

    public static string Run(int runId) => $"training-run:{runId}";
}
