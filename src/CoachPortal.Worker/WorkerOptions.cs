namespace CoachPortal.Worker;

/// <summary>What this worker serves. Section <c>Worker</c>.</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>
    /// Queues this worker serves (default: gpu). They replace Jobs:Queues of the shared appsettings.json, which
    /// describes the web app's own server; give e.g. <c>--Worker:Queues:0=gpu --Worker:Queues:1=import</c> to serve more.
    /// </summary>
    public string[] Queues { get; set; } = ["gpu"];
}
