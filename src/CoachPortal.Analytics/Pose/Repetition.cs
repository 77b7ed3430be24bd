namespace CoachPortal.Analytics.Pose;

/// <summary>
/// One repetition: from leaving the extended position to returning to it, with the time of each phase in seconds.
/// Frames index the clip's frames.
/// </summary>
/// <param name="StartFrame">Last frame at the top before the joint bends.</param>
/// <param name="TurnStartFrame">First frame at the bottom (the turning point).</param>
/// <param name="TurnEndFrame">Last frame at the bottom.</param>
/// <param name="EndFrame">First frame back at the top.</param>
/// <param name="EccentricSeconds">Lowering time.</param>
/// <param name="PauseSeconds">Time held at the turning point.</param>
/// <param name="ConcentricSeconds">Lifting time.</param>
/// <param name="MinAngleDegrees">Smallest angle reached (depth).</param>
public sealed record Repetition(
    int StartFrame,
    int TurnStartFrame,
    int TurnEndFrame,
    int EndFrame,
    double EccentricSeconds,
    double PauseSeconds,
    double ConcentricSeconds,
    double MinAngleDegrees);
