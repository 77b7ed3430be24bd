using System.Text;
using CoachPortal.Ingest.Fit;

namespace CoachPortal.Ingest.Tests;

/// <summary>FIT files decode as the reference SDK reads them: hr messages, chains, pool lengths.</summary>
public sealed class FitReferenceSemanticsTests
{
    private const uint T0 = 1_000_000_000;

    [Fact]
    public void HeartRateStoredInHrMessagesIsMergedIntoTheRecords()
    {
        // FR735XT pool swim: the records carry no heart rate; 1,415 hr messages with packed 12-bit event times do.
        var activity = ActivityDecoder.Decode("event_timestamp.fit", Corpus.Read("fit/event_timestamp.fit")).Activities.Single();
        var hr = activity.Streams.HeartRate.Where(v => !double.IsNaN(v)).ToArray();

        Assert.True(hr.Length >= activity.Streams.Count * 0.99, $"{hr.Length} of {activity.Streams.Count} samples have heart rate");
        Assert.Equal(activity.Summary.MaxHeartRate, hr.Max());
        Assert.InRange(hr.Average(), activity.Summary.AvgHeartRate!.Value - 6, activity.Summary.AvgHeartRate.Value + 6);
    }

    [Fact]
    public void TheOpenWaterSwimOfAChainedTriathlonGetsItsHeartRate()
    {
        var swim = ActivityDecoder.Decode("tri.fit", Corpus.Read("fit/sample_mulitple_header.fit")).Activities[0];

        Assert.Equal(Sport.Swimming, swim.Sport);
        Assert.Equal(swim.Streams.Count, swim.Streams.HeartRate.Count(v => !double.IsNaN(v)));
        Assert.Equal(swim.Summary.AvgHeartRate!.Value, swim.Streams.HeartRate.Average(), 0);
    }

    [Fact]
    public void HrEventTimesAreAnchoredAndAccumulatedFromTwelveBitValues()
    {
        var w = ActivityHeader();
        for (var s = 0u; s < 6; s++)
        {
            w.Write(FitProfile.Messages.Record, [FitField.Of(FitProfile.TimestampField, FitBaseType.UInt32, T0 + s), FitField.Of(5, FitBaseType.UInt32, s * 100)]);
        }

        // Anchor: event time 4095/1024 s happens at T0 + 0.5 s (fractional_timestamp 16384/32768).
        w.Write(FitProfile.Messages.Hr, [
            FitField.Of(FitProfile.TimestampField, FitBaseType.UInt32, T0),
            FitField.Of(0, FitBaseType.UInt16, 16384),
            FitField.OfArray(9, FitBaseType.UInt32, 4095),
            FitField.OfArray(6, FitBaseType.UInt8, 100),
        ]);

        // Eight more events, 0.5 s apart, their 12-bit low parts rolling over 4096 after the first.
        var ticks = Enumerable.Range(1, 8).Select(k => 4095L + (k * 512)).ToArray();
        w.Write(FitProfile.Messages.Hr, [
            FitField.OfArray(6, FitBaseType.UInt8, 110, 120, 130, 140, 150, 160, 170, 180),
            FitField.OfArray(10, FitBaseType.Byte, Pack12(ticks)),
        ]);
        w.Write(FitProfile.Messages.Session, [
            FitField.Of(FitProfile.TimestampField, FitBaseType.UInt32, T0 + 5),
            FitField.Of(2, FitBaseType.UInt32, T0),
            FitField.Of(7, FitBaseType.UInt32, 5000),
        ]);

        var streams = FitActivityDecoder.Decode(w.ToArray()).Activities.Single().Streams;

        // Events at T0+0.5 (100), +1.0 (110), +1.5 (120), +2.0 (130), ... +4.5 (180); each record takes the mean
        // of the events in (previous record, this record].
        Assert.Equal([double.NaN, 105, 125, 145, 165, 180], streams.HeartRate);
    }

    [Fact]
    public void ChainedFilesWhoseSessionsStartTogetherKeepTheirOwnRecords()
    {
        var run = Corpus.Read("fit/garmin-fenix-5-run.fit");
        var single = ActivityDecoder.Decode("run.fit", run).Activities.Single();
        var chained = ActivityDecoder.Decode("chain.fit", [.. run, .. run]).Activities;

        Assert.Equal(2, chained.Count);
        Assert.All(chained, a =>
        {
            Assert.Equal(single.StartTimeUtc, a.StartTimeUtc);
            Assert.Equal(single.Streams.Count, a.Streams.Count);
            Assert.Equal(single.Laps.Count, a.Laps.Count);
            Assert.Equal(single.Streams.DistanceMeters[^1], a.Streams.DistanceMeters[^1]);
        });
    }

    [Fact]
    public void APoolSwimWithoutTimedRecordsIsBuiltFromItsLengths()
    {
        var w = ActivityHeader();
        for (var i = 0; i < 3; i++)
        {
            w.Write(FitProfile.Messages.Record, [FitField.Of(5, FitBaseType.UInt32, 0)]);
        }

        // Three active 25 m lengths of 30 s and a 20 s rest.
        uint start = T0;
        foreach (var (seconds, active) in new[] { (30u, true), (30u, true), (20u, false), (30u, true) })
        {
            w.Write(FitProfile.Messages.Length, [
                FitField.Of(FitProfile.TimestampField, FitBaseType.UInt32, start + seconds),
                FitField.Of(2, FitBaseType.UInt32, start),
                FitField.Of(3, FitBaseType.UInt32, seconds * 1000),
                FitField.Of(6, FitBaseType.UInt16, active ? 833 : 0),
                FitField.Of(9, FitBaseType.UInt8, active ? 30 : 0),
                FitField.Of(12, FitBaseType.Enum, active ? 1 : 0),
            ]);
            start += seconds;
        }

        w.Write(FitProfile.Messages.Session, [
            FitField.Of(FitProfile.TimestampField, FitBaseType.UInt32, start),
            FitField.Of(2, FitBaseType.UInt32, T0),
            FitField.Of(5, FitBaseType.Enum, (long)Sport.Swimming),
            FitField.Of(7, FitBaseType.UInt32, 110_000),
            FitField.Of(44, FitBaseType.UInt16, 2500),
        ]);

        var streams = FitActivityDecoder.Decode(w.ToArray()).Activities.Single().Streams;

        Assert.Equal(110, streams.ElapsedSeconds[^1]);
        Assert.Equal(75, streams.DistanceMeters[^1]);
        Assert.Equal(50, streams.DistanceMeters[Array.IndexOf(streams.ElapsedSeconds, 80)]);
        Assert.Equal(0.833, streams.SpeedMetersPerSecond[^1], 3);
    }

    [Fact]
    public void ACsvWithATimeColumnAndNoDataColumnIsRefused()
    {
        var csv = new StringBuilder("time,score\n");
        for (var d = 0; d < 150; d++)
        {
            csv.Append(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(d).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)).Append(",7\n");
        }

        var e = Assert.Throws<ActivityFormatException>(() => ActivityDecoder.Decode("scores.csv", Encoding.UTF8.GetBytes(csv.ToString())));
        Assert.Contains("no data column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACsvSpanningMoreThanTwoDaysIsNotOneSession()
    {
        // A heart-rate reading every six hours for three days: each gap is plausible, the whole is not one session.
        var csv = new StringBuilder("time,heart_rate\n");
        for (var h = 0; h <= 72; h += 6)
        {
            csv.Append(new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc).AddHours(h).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)).Append(",60\n");
        }

        var e = Assert.Throws<ActivityFormatException>(() => ActivityDecoder.Decode("daily.csv", Encoding.UTF8.GetBytes(csv.ToString())));
        Assert.Contains("span 3 days", e.Message, StringComparison.Ordinal);
    }

    private static FitWriter ActivityHeader()
    {
        var w = new FitWriter();
        w.Write(FitProfile.Messages.FileId, [FitField.Of(0, FitBaseType.Enum, 4), FitField.Of(4, FitBaseType.UInt32, T0)]);
        return w;
    }

    private static long[] Pack12(long[] ticks)
    {
        var bytes = new long[(ticks.Length * 12) + 7 >> 3];
        for (var k = 0; k < ticks.Length; k++)
        {
            var value = ticks[k] & 0xFFF;
            for (var b = 0; b < 12; b++)
            {
                var bit = (k * 12) + b;
                bytes[bit >> 3] |= ((value >> b) & 1) << (bit & 7);
            }
        }

        return bytes;
    }
}
