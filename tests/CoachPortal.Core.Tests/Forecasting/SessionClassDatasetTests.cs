using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Forecasting.Baselines;
using CoachPortal.Core.Forecasting.Datasets;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Streams;

namespace CoachPortal.Core.Tests.Forecasting;

/// <summary>How a session's streams become the CNN's input, and how the session baselines are scored.</summary>
public sealed class SessionClassDatasetTests
{
    private static readonly SessionAnchors s_runner = new(SessionSports.Running, LactateThresholdHeartRateBpm: 170, HeartRateMaxBpm: 190, ThresholdPaceSecondsPerKm: 250, FtpWatts: null);

    [Fact]
    public void ChannelsAreFractionsOfTheAthletesThresholdsAndUnknownOrMissingChannelsAreMasked()
    {
        const int n = 3000;
        var columns = new StreamColumns
        {
            ElapsedSeconds = [.. Enumerable.Range(0, n)],
            HeartRateBpm = [.. Enumerable.Range(0, n).Select(i => i < n / 2 ? 153.0 : 170.0)],
            SpeedMetersPerSecond = [.. Enumerable.Repeat(4.0, n)],
            PowerWatts = [.. Enumerable.Repeat(250.0, n)],
            CadenceRpm = null,
        };
        var features = new float[1, SessionClassDataset.Steps, 4];
        var mask = new float[1, 4];

        var meanHr = SessionClassDataset.Resample(columns, s_runner, features, mask, 0);

        Assert.Equal([1f, 1f, 0f, 0f], [mask[0, 0], mask[0, 1], mask[0, 2], mask[0, 3]]);
        Assert.Equal(0.9f, features[0, 0, 0], 3);
        Assert.Equal(1.0f, features[0, SessionClassDataset.Steps - 1, 0], 3);
        Assert.Equal(0.95, meanHr, 3);
        Assert.Equal(1.0f, features[0, 10, 1], 3); // 4 m/s against a 4:10 /km threshold
        Assert.All(Enumerable.Range(0, SessionClassDataset.Steps), t => Assert.Equal(0f, features[0, t, 2])); // no FTP known
    }

    [Fact]
    public void GapsRepeatTheLastValueAShortSessionStillFillsEveryBinAndASparseChannelIsMasked()
    {
        var hr = Enumerable.Range(0, 60).Select(i => i is >= 20 and < 30 ? double.NaN : 170.0).ToArray();
        var columns = new StreamColumns
        {
            ElapsedSeconds = [.. Enumerable.Range(0, 60)],
            HeartRateBpm = hr,
            CadenceRpm = [.. Enumerable.Range(0, 60).Select(i => i < 10 ? 80.0 : double.NaN)],
        };
        var features = new float[1, SessionClassDataset.Steps, 4];
        var mask = new float[1, 4];

        SessionClassDataset.Resample(columns, s_runner, features, mask, 0);

        Assert.Equal(1f, mask[0, 0]);
        Assert.All(Enumerable.Range(0, SessionClassDataset.Steps), t => Assert.Equal(1f, features[0, t, 0], 3));
        Assert.Equal(0f, mask[0, 3]); // cadence for a sixth of the session only
        Assert.Equal(0f, mask[0, 1]); // no speed column
    }

    [Fact]
    public void MacroF1WeighsEveryClassAlikeAndTheConfusionMatrixCountsActualAgainstPredicted()
    {
        int[] actual = [0, 0, 0, 0, 1, 1, 3, 3];
        int[] majority = [0, 0, 0, 0, 0, 0, 0, 0];
        int[] model = [0, 0, 0, 1, 1, 1, 3, 0];

        var m = SessionClassBaselines.Score("majority", majority, actual);
        Assert.Equal(0.5, m.Values["accuracy"], 4);
        // F1: class 0 = 2·4/(8+4+0) = 0.667; classes 1 and 3 = 0.
        Assert.Equal(0.2222, m.Values["macroF1"], 4);
        Assert.Equal(1 - (2.0 / 9), m.Primary, 4);

        var s = SessionClassBaselines.Score("model", model, actual);
        Assert.Equal(0.75, s.Values["accuracy"], 4);
        Assert.True(s.Primary < m.Primary);

        var confusion = SessionClassBaselines.Confusion(model, actual);
        Assert.Equal(3, confusion[0][0]);
        Assert.Equal(1, confusion[0][1]);
        Assert.Equal(1, confusion[3][0]);
        Assert.Equal(actual.Length, confusion.Sum(r => r.Sum()));
    }

    [Theory]
    [InlineData("Tempo", 2)]
    [InlineData(" race ", 4)]
    [InlineData("sprint", -1)]
    [InlineData(null, -1)]
    public void LabelsAreMatchedWithoutRegardToCaseOrSpaces(string? label, int index) =>
        Assert.Equal(index, SessionClassLabels.IndexOf(label));
}
