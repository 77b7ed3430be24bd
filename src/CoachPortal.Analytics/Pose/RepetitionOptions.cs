namespace CoachPortal.Analytics.Pose;

/// <summary>Thresholds of <see cref="RepetitionCounter"/>; the defaults suit a squat counted on the knee angle.</summary>
public sealed record RepetitionOptions
{
    /// <summary>At or above this angle (degrees) the joint counts as extended: the start and end of a repetition.</summary>
    public double ExtendedDegrees { get; init; } = 155;

    /// <summary>At or below this angle the joint counts as flexed: a repetition must reach it to count.</summary>
    public double FlexedDegrees { get; init; } = 110;

    /// <summary>
    /// How close (degrees) to the extreme of a top or bottom the joint counts as still there, for the phase times.
    /// Small values time the phases sharply on clean signals; noisy clips need more.
    /// </summary>
    public double TurnBandDegrees { get; init; } = 2;

    /// <summary>Centred moving-average window in frames applied first (odd).</summary>
    public int SmoothingFrames { get; init; } = 5;

    /// <summary>
    /// True when lowering the load bends the joint (squat, push-up, bench press): the flexion is then the eccentric
    /// phase. False for a curl or pull-up, where lowering straightens it.
    /// </summary>
    public bool EccentricIsFlexion { get; init; } = true;
}
