namespace CoachPortal.Core.Technique;

/// <summary>
/// A labelled clip as pose keypoints: frames × 33 keypoints × (x, y, visibility), row-major, in MediaPipe's layout
/// (<see cref="Learning.Vision.JointAngles"/>). Every clip of one training has the same number of frames.
/// </summary>
public sealed record TechniqueClip(string Athlete, float[] Keypoints, bool Label);
