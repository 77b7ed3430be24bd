using CoachPortal.Learning.Vision;

namespace CoachPortal.Learning.Tests.Support;

/// <summary>
/// Synthetic squats as MediaPipe keypoint sequences. The positive class raises the arms on the way down, the negative
/// on the way up, at the same depth: every frame of one class has a mirror frame in the other, so per-clip joint-angle
/// statistics cannot separate them and only the order of frames can.
/// </summary>
internal static class KeypointClips
{
    public static float[] Squat(bool raiseOnTheWayDown, int frames, Random random, double scale = 1, double x0 = 0.5, double y0 = 0.05)
    {
        var clip = new float[frames * JointAngles.FrameWidth];
        double peak = raiseOnTheWayDown ? 0.25 : 0.75;
        peak += (random.NextDouble() - 0.5) * 0.08;
        for (int f = 0; f < frames; f++)
        {
            double phase = f / (double)(frames - 1);
            double depth = Math.Sin(Math.PI * phase) * 0.12 * scale;
            double raise = Math.Exp(-Math.Pow((phase - peak) / 0.12, 2)) * 150 * Math.PI / 180;
            var points = new (double X, double Y)[JointAngles.Keypoints];
            var nose = (x0, y0 + (0.15 * scale) + depth);
            Array.Fill(points, nose);
            for (int side = 0; side < 2; side++)
            {
                double sign = side == 0 ? -1 : 1;
                var shoulder = (x0 + (sign * 0.08 * scale), y0 + (0.3 * scale) + depth);
                var hip = (x0 + (sign * 0.06 * scale), y0 + (0.55 * scale) + depth);
                var ankle = (x0 + (sign * 0.07 * scale), y0 + (0.95 * scale));
                var knee = (((hip.Item1 + ankle.Item1) / 2) + (depth * 1.2), (hip.Item2 + ankle.Item2) / 2);
                var elbow = (shoulder.Item1 + (sign * 0.13 * scale * Math.Sin(raise)), shoulder.Item2 + (0.13 * scale * Math.Cos(raise)));
                var wrist = (elbow.Item1 + (sign * 0.12 * scale * Math.Sin(raise)), elbow.Item2 + (0.12 * scale * Math.Cos(raise)));
                points[11 + side] = shoulder;
                points[13 + side] = elbow;
                points[15 + side] = wrist;
                points[23 + side] = hip;
                points[25 + side] = knee;
                points[27 + side] = ankle;
            }

            for (int k = 0; k < points.Length; k++)
            {
                int o = (f * JointAngles.FrameWidth) + (3 * k);
                clip[o] = (float)(points[k].X + (random.NextDouble() - 0.5) * 0.01);
                clip[o + 1] = (float)(points[k].Y + (random.NextDouble() - 0.5) * 0.01);
                clip[o + 2] = (float)(0.9 + (random.NextDouble() * 0.1));
            }
        }

        return clip;
    }
}
