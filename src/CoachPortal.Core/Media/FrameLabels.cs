namespace CoachPortal.Core.Media;

/// <summary>The labels a coach gives a frame.</summary>
public static class FrameLabels
{
    public const string Good = "good";
    public const string Fix = "fix";

    public static IReadOnlyList<string> All { get; } = [Good, Fix];
}
