using CoachPortal.Analytics.Pose;

namespace CoachPortal.Analytics.Tests.Pose;

public class JointAngleTests
{
    public static TheoryData<double, double, double, double> Figures() => new()
    {
        { 180, 180, 175, 0 },
        { 90, 90, 90, 30 },
        { 60, 70, 45, 45 },
        { 135, 120, 150, 10 },
        { 100, 80, 120, 20 },
    };

    [Theory]
    [MemberData(nameof(Figures))]
    public void AnglesOfAFigureWithKnownJointsAreRecoveredWithinFiveDegreesOnAWideFrame(double knee, double hip, double elbow, double lean)
    {
        var rng = new Random(7);
        var figure = new PoseFigure(knee, hip, elbow, lean);
        var values = figure.Landmarks(16.0 / 9);

        // Landmark jitter of about 2 px on a 720-line frame.
        for (var i = 0; i < values.Length; i++)
        {
            if (i % 4 < 2)
            {
                values[i] += (float)((rng.NextDouble() - 0.5) * 0.006);
            }
        }

        var angles = JointAngles.Compute(new PoseSequence(values, 30, 16.0 / 9));

        Assert.InRange(angles[Joint.LeftKnee][0], knee - 5, knee + 5);
        Assert.InRange(angles[Joint.RightKnee][0], knee - 5, knee + 5);
        Assert.InRange(angles[Joint.LeftHip][0], hip - 5, hip + 5);
        Assert.InRange(angles[Joint.LeftElbow][0], elbow - 5, elbow + 5);
        Assert.InRange(angles[Joint.LeftShoulder][0], 25, 35);
        Assert.InRange(angles[Joint.LeftAnkle][0], 95, 105);
        Assert.InRange(angles[Joint.TrunkLean][0], lean - 5, lean + 5);
    }

    [Fact]
    public void IgnoringTheAspectRatioWouldBendTheAnglesSoItIsApplied()
    {
        var values = new PoseFigure(60, 70, 90, 20).Landmarks(16.0 / 9);

        var right = JointAngles.Compute(new PoseSequence(values, 30, 16.0 / 9))[Joint.LeftKnee][0];
        var squashed = JointAngles.Compute(new PoseSequence(values, 30, 1))[Joint.LeftKnee][0];

        Assert.Equal(60, right, 3);
        Assert.True(Math.Abs(squashed - 60) > 10, $"squashed {squashed}");
    }

    [Fact]
    public void AJointWhoseLandmarksAreHiddenHasNoAngle()
    {
        var values = new PoseFigure(120, 120, 120, 0).Landmarks(1);
        values[(PoseLandmarks.LeftAnkle * 4) + 3] = 0.1f;

        var angles = JointAngles.Compute(new PoseSequence(values, 30, 1));

        Assert.True(double.IsNaN(angles[Joint.LeftKnee][0]));
        Assert.Equal(120, angles[Joint.RightKnee][0], 3);
    }

    [Fact]
    public void LandmarksThatAreNotWholeFramesAreRefused()
    {
        Assert.Throws<AnalyticsInputException>(() => new PoseSequence(new float[PoseLandmarks.FrameStride + 1], 30, 1));
    }
}
