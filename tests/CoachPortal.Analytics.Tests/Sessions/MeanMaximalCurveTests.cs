using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Tests.Sessions;

public class MeanMaximalCurveTests
{
    [Fact]
    public void BestWindowsOfARampAreAtItsEnd()
    {
        var elapsed = Enumerable.Range(0, 10).ToArray();
        var values = Enumerable.Range(1, 10).Select(v => (float)v).ToArray();
        var curve = MeanMaximalCurve.Compute(elapsed, values, missingCountsAsZero: true);
        Assert.Equal(10.0, curve.ValueAt(1));
        Assert.Equal(9.0, curve.ValueAt(3));
        Assert.Equal(8.0, curve.ValueAt(5));
        Assert.Null(curve.ValueAt(15));
        Assert.Equal([1, 2, 3, 5, 10], curve.DurationsSeconds);
    }

    [Theory]
    [InlineData(7, 100.0, 0.01)]
    [InlineData(11, -150.0, 0.3)]
    public void MatchesBruteForceOnARandomStreamWithPausesAndDropouts(int seed, double lowestValue, double pauseProbability)
    {
        var random = new Random(seed);
        var elapsed = new List<int>();
        var t = 0;
        for (var i = 0; i < 1500; i++)
        {
            t += random.NextDouble() < pauseProbability ? random.Next(2, 40) : 1;
            elapsed.Add(t);
        }

        var values = elapsed.Select(_ => random.NextDouble() < 0.02 ? float.NaN : (float)(lowestValue + 300 * random.NextDouble())).ToArray();
        int[] durations = [1, 5, 30, 60, 300, 1200];
        foreach (var zeroFill in new[] { true, false })
        {
            var curve = MeanMaximalCurve.Compute([.. elapsed], values, zeroFill, durations);
            var grid = new double?[elapsed[^1] - elapsed[0] + 1];
            for (var i = 0; i < elapsed.Count; i++)
            {
                grid[elapsed[i] - elapsed[0]] = float.IsNaN(values[i]) ? null : values[i];
            }

            foreach (var d in durations)
            {
                var best = double.NaN;
                for (var s = 0; s + d <= grid.Length; s++)
                {
                    var window = grid.Skip(s).Take(d).ToArray();
                    if (!zeroFill && window.Any(v => v is null))
                    {
                        continue;
                    }

                    var mean = window.Sum(v => v ?? 0) / d;
                    best = double.IsNaN(best) ? mean : Math.Max(best, mean);
                }

                var actual = curve.ValueAt(d)!.Value;
                if (double.IsNaN(best))
                {
                    Assert.True(double.IsNaN(actual));
                }
                else
                {
                    Assert.Equal(best, actual, 6);
                }
            }
        }
    }

    [Fact]
    public void ATimestampDecadesAwayCostsNoMoreThanAnyOtherSample()
    {
        // A corrupt FIT record 64 years after the ride: laid on an elapsed-time grid this needed ~60 GB.
        var elapsed = Enumerable.Range(0, 300).Append(2_027_039_628).ToArray();
        var values = elapsed.Select(_ => 158f).ToArray();
        values[^1] = 400f;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var power = MeanMaximalCurve.Compute(elapsed, values, missingCountsAsZero: true);
        var heartRate = MeanMaximalCurve.Compute(elapsed, values, missingCountsAsZero: false);
        var allocatedBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocatedBytes < 64 * 1024, $"{allocatedBytes} bytes allocated");
        Assert.Equal(400.0, power.ValueAt(1));
        Assert.Equal(158.0, power.ValueAt(300)!.Value, 6);
        Assert.Equal(18000, power.DurationsSeconds[^1]);
        Assert.Equal(158.0, heartRate.ValueAt(300)!.Value, 6);
        Assert.True(double.IsNaN(heartRate.ValueAt(600)!.Value));
    }

    [Fact]
    public void UnorderedElapsedSecondsAreRefused() =>
        Assert.Throws<AnalyticsInputException>(() => MeanMaximalCurve.Compute([0, 2, 1], [1f, 2f, 3f], missingCountsAsZero: true));

    [Fact]
    public void CombinedCurveIsTheEnvelopeOfItsSessions()
    {
        var shortHard = MeanMaximalCurve.FromValues([1, 5, 60], [900, 700, 400]);
        var longSteady = MeanMaximalCurve.FromValues([1, 5, 60, 3600], [500, 480, 420, double.NaN]);
        var longer = MeanMaximalCurve.FromValues([1200], [300]);
        var season = MeanMaximalCurve.Combine([shortHard, longSteady, longer]);
        Assert.Equal([1, 5, 60, 1200], season.DurationsSeconds);
        Assert.Equal([900.0, 700.0, 420.0, 300.0], season.Values);
    }

    [Fact]
    public void StoredCurvesMustBeWellFormed()
    {
        Assert.Throws<AnalyticsInputException>(() => MeanMaximalCurve.FromValues([5, 1], [1, 2]));
        Assert.Throws<AnalyticsInputException>(() => MeanMaximalCurve.FromValues([1, 5], [1]));
    }

    [Fact]
    public void StandardDurationsSpanOneSecondToFiveHours()
    {
        Assert.Equal(1, MeanMaximalCurve.StandardDurationsSeconds[0]);
        Assert.Equal(18000, MeanMaximalCurve.StandardDurationsSeconds[^1]);
    }
}
