using CoachPortal.Analytics.Pose;

namespace CoachPortal.Analytics.Tests.Pose;

/// <summary>
/// A side-on stick figure with chosen joint angles, as BlazePose would report it: coordinates in units of frame
/// height, x divided by the aspect ratio on output, every landmark fully visible.
/// </summary>
internal sealed record PoseFigure(double KneeDegrees, double HipDegrees, double ElbowDegrees, double TrunkLeanDegrees, double AnkleDegrees = 100)
{
    public const double Thigh = 0.22;
    public const double Shank = 0.22;
    public const double Torso = 0.28;
    public const double UpperArm = 0.14;
    public const double Forearm = 0.12;
    public const double Foot = 0.07;

    /// <summary>33 × (x, y, z, visibility) for a frame <paramref name="aspectRatio"/> wide per unit of height.</summary>
    public float[] Landmarks(double aspectRatio, double hipX = 0.9, double hipY = 0.5, double ankleSpread = 0)
    {
        var points = new (double X, double Y)[PoseLandmarks.Count];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = (hipX, hipY - 0.4);
        }

        // Directions in degrees, 0 = +x, 90 = down (image y grows downwards). The figure faces +x.
        var torsoUp = -90 + TrunkLeanDegrees;
        var shoulder = Step((hipX, hipY), torsoUp, Torso);

        // The hip angle is between the torso and the thigh; the thigh turns forward from straight down.
        var thighDir = torsoUp + HipDegrees;
        var knee = Step((hipX, hipY), thighDir, Thigh);
        var shankDir = thighDir + (180 - KneeDegrees);
        var ankle = Step(knee, shankDir, Shank);
        var footDir = shankDir + 180 + AnkleDegrees;
        var toe = Step(ankle, footDir, Foot);

        var upperArmDir = torsoUp + 180 - 30;
        var elbow = Step(shoulder, upperArmDir, UpperArm);
        var wrist = Step(elbow, upperArmDir - (180 - ElbowDegrees), Forearm);

        foreach (var (l, r, p) in new[]
        {
            (PoseLandmarks.LeftShoulder, PoseLandmarks.RightShoulder, shoulder),
            (PoseLandmarks.LeftElbow, PoseLandmarks.RightElbow, elbow),
            (PoseLandmarks.LeftWrist, PoseLandmarks.RightWrist, wrist),
            (PoseLandmarks.LeftHip, PoseLandmarks.RightHip, (hipX, hipY)),
            (PoseLandmarks.LeftKnee, PoseLandmarks.RightKnee, knee),
            (PoseLandmarks.LeftAnkle, PoseLandmarks.RightAnkle, ankle),
            (PoseLandmarks.LeftFootIndex, PoseLandmarks.RightFootIndex, toe),
        })
        {
            points[l] = p;
            points[r] = p;
        }

        points[PoseLandmarks.LeftAnkle] = (ankle.X + (ankleSpread / 2), ankle.Y);
        points[PoseLandmarks.RightAnkle] = (ankle.X - (ankleSpread / 2), ankle.Y);

        var values = new float[PoseLandmarks.FrameStride];
        for (var i = 0; i < points.Length; i++)
        {
            values[(i * 4) + 0] = (float)(points[i].X / aspectRatio);
            values[(i * 4) + 1] = (float)points[i].Y;
            values[(i * 4) + 2] = 0;
            values[(i * 4) + 3] = 1;
        }

        return values;
    }

    private static (double X, double Y) Step((double X, double Y) from, double degrees, double length)
    {
        var r = degrees * Math.PI / 180;
        return (from.X + (length * Math.Cos(r)), from.Y + (length * Math.Sin(r)));
    }
}
