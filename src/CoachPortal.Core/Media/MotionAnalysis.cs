using CoachPortal.Analytics.Pose;

namespace CoachPortal.Core.Media;

/// <summary>
/// What a clip's stored pose gives: joint angles per frame (degrees, lightly smoothed, NaN where unseen), the
/// repetitions counted on <see cref="RepetitionJoint"/>, and the running cadence when the ankles alternate.
/// </summary>
public sealed record MotionAnalysis(
    double FramesPerSecond,
    int FrameCount,
    IReadOnlyDictionary<Joint, double[]> AnglesDegrees,
    Joint RepetitionJoint,
    IReadOnlyList<Repetition> Repetitions,
    double? CadenceStepsPerMinute);
