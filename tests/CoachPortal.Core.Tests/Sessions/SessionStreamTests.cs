using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Streams;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Ingest;
using Xunit.Abstractions;

namespace CoachPortal.Core.Tests.Sessions;

public sealed class SessionStreamTests(ITestOutputHelper output)
{
    private const int StreamGoalBytes = 100 * 1024;

    [Fact]
    public void ARealRunOfAboutAnHourCompressesToAtMost100KilobytesAndRoundTrips()
    {
        var activity = ActivityDecoder.Decode("sample.fit", Corpus.Read("bench/sample.fit")).Activities[0];
        var columns = SessionBuilder.ColumnsOf(activity.Streams);
        Assert.InRange(columns.ElapsedSeconds[^1], 3000, 5000);

        var blob = StreamCodec.Encode(columns);
        output.WriteLine($"sample.fit: {columns.Count} samples, {blob.Length} bytes");

        Assert.True(blob.Length <= StreamGoalBytes, $"{blob.Length} bytes");
        var back = StreamCodec.Decode(blob);
        Assert.Equal(columns.ElapsedSeconds, back.ElapsedSeconds);
        AssertClose(columns.HeartRateBpm, back.HeartRateBpm, 0.5);
        AssertClose(columns.SpeedMetersPerSecond, back.SpeedMetersPerSecond, 0.0005);
        AssertClose(columns.DistanceMeters, back.DistanceMeters, 0.005);
        AssertClose(columns.AltitudeMeters, back.AltitudeMeters, 0.005);
        AssertClose(columns.Latitude, back.Latitude, 1e-7);
    }

    [Fact]
    public void ASyntheticOneHourRideWithEveryColumnStaysUnder100Kilobytes()
    {
        var random = new Random(7);
        const int n = 3600;
        double Noise(double scale) => (random.NextDouble() - 0.5) * scale;
        var elapsed = Enumerable.Range(0, n).ToArray();
        var speed = elapsed.Select(t => 9 + 2 * Math.Sin(t / 300.0) + Noise(0.6)).ToArray();
        var distance = new double[n];
        for (var i = 1; i < n; i++)
        {
            distance[i] = distance[i - 1] + speed[i];
        }

        var columns = new StreamColumns
        {
            ElapsedSeconds = elapsed,
            HeartRateBpm = elapsed.Select(t => Math.Round(140 + 15 * Math.Sin(t / 400.0) + Noise(3))).ToArray(),
            SpeedMetersPerSecond = speed,
            PowerWatts = elapsed.Select(t => Math.Round(220 + 60 * Math.Sin(t / 200.0) + Noise(80))).ToArray(),
            CadenceRpm = elapsed.Select(_ => Math.Round(88 + Noise(8))).ToArray(),
            DistanceMeters = distance,
            AltitudeMeters = elapsed.Select(t => 300 + 50 * Math.Sin(t / 900.0) + Noise(0.4)).ToArray(),
            Latitude = distance.Select(d => 46.0 + d / 111_000.0).ToArray(),
            Longitude = distance.Select(d => 14.5 + d / 200_000.0).ToArray(),
            TemperatureCelsius = elapsed.Select(t => 18.0 + t / 1200).ToArray(),
        };

        var blob = StreamCodec.Encode(columns);
        output.WriteLine($"synthetic ride: {n} samples, 9 columns, {blob.Length} bytes");

        Assert.True(blob.Length <= StreamGoalBytes, $"{blob.Length} bytes");
        AssertClose(columns.PowerWatts, StreamCodec.Decode(blob).PowerWatts, 0.5);
    }

    [Fact]
    public void MissingSamplesStayMissingAndAbsentColumnsStayAbsent()
    {
        var columns = new StreamColumns
        {
            ElapsedSeconds = [0, 1, 2, 10, 11],
            HeartRateBpm = [120, double.NaN, 122, 150, double.NaN],
            PowerWatts = [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN],
        };

        var back = StreamCodec.Decode(StreamCodec.Encode(columns));

        Assert.Equal([0, 1, 2, 10, 11], back.ElapsedSeconds);
        Assert.Equal(120, back.HeartRateBpm![0]);
        Assert.True(double.IsNaN(back.HeartRateBpm[1]));
        Assert.Equal(150, back.HeartRateBpm[3]);
        Assert.Null(back.PowerWatts);
        Assert.Null(back.SpeedMetersPerSecond);
    }

    [Theory]
    [InlineData(10_000, 2000)]
    [InlineData(3600, 500)]
    [InlineData(50, 2000)]
    public void LttbKeepsTheEndpointsAndAtMostNPoints(int length, int maxPoints)
    {
        var x = Enumerable.Range(0, length).Select(i => (double)i).ToArray();
        var y = x.Select(v => Math.Sin(v / 50) * 100 + (v % 97 == 0 ? 400 : 0)).ToArray();

        var kept = Lttb.Select(x, y, maxPoints);

        Assert.True(kept.Length <= maxPoints);
        Assert.Equal(0, kept[0]);
        Assert.Equal(length - 1, kept[^1]);
        Assert.Equal(kept.OrderBy(i => i), kept);
        Assert.Equal(kept.Length, kept.Distinct().Count());
        if (length > maxPoints)
        {
            Assert.Equal(maxPoints, kept.Length);
            Assert.Contains(kept, i => y[i] > 300);
        }
    }

    [Fact]
    public void LttbSkipsGapsAndKeepsTheFirstAndLastRealPoints()
    {
        var x = Enumerable.Range(0, 5000).Select(i => (double)i).ToArray();
        var y = x.Select(v => v is < 10 or > 4990 ? double.NaN : v).ToArray();

        var kept = Lttb.Select(x, y, 100);

        Assert.Equal(10, kept[0]);
        Assert.Equal(4990, kept[^1]);
        Assert.All(kept, i => Assert.False(double.IsNaN(y[i])));
    }

    private static void AssertClose(double[]? expected, double[]? actual, double tolerance)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                Assert.True(double.IsNaN(actual[i]), $"row {i}");
            }
            else
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"row {i}: {expected[i]} vs {actual[i]}");
            }
        }
    }
}
