namespace CoachPortal.Core.Jobs;

/// <summary>Hangfire queues. GPU nodes serve only <see cref="Gpu"/>; imports never wait behind training.</summary>
public static class JobQueues
{
    public const string Default = "default";
    public const string Import = "import";
    public const string Gpu = "gpu";

    public static IReadOnlyList<string> All { get; } = [Default, Import, Gpu];
}
