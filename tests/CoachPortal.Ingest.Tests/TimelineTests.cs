using System.Globalization;
using System.Text;
using CoachPortal.Ingest.Fit;

namespace CoachPortal.Ingest.Tests;

public sealed class TimelineTests
{
    [SkippableFact]
    public void TheStravaFileWithOneCorruptTimestampKeepsItsRunAndSaysWhatWasDropped()
    {
        var bytes = Corpus.Read("fit/strava-android-app-201.10-b1218918.fit");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = ActivityDecoder.Decode("run.fit", bytes);
        var allocatedBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        var run = Assert.Single(result.Activities);
        Assert.Equal(new DateTime(2021, 9, 27, 14, 13, 10, DateTimeKind.Utc), run.StartTimeUtc);
        Assert.Equal(235, run.Streams.Count);
        Assert.InRange(run.Streams.ElapsedSeconds[^1], 300, 3600);
        var warning = Assert.Single(result.Warnings, w => w.Message.Contains("implausible", StringComparison.Ordinal));
        Assert.Contains("1 of 473 samples", warning.Message, StringComparison.Ordinal);
        Assert.Contains("64 years", warning.Message, StringComparison.Ordinal);
        Assert.True(allocatedBytes < 16L * bytes.Length + (4L << 20), $"{allocatedBytes} bytes allocated");
        Assert.Throws<FitFormatException>(() => ActivityDecoder.Decode("run.fit", bytes, new DecodeOptions { Strict = true }));
    }

    [Fact]
    public void AFitRecordDecadesAwayIsDroppedEvenWhenTheRecordsAreInOrder()
    {
        var start = new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc);
        var bytes = FitRecords(start, Enumerable.Range(0, 600).Select(i => (uint)i).Append(2_027_039_628u));

        var result = ActivityDecoder.Decode("ride.fit", bytes);

        var ride = Assert.Single(result.Activities);
        Assert.Equal(600, ride.Streams.Count);
        Assert.Equal(599, ride.Streams.ElapsedSeconds[^1]);
        Assert.Equal(start, ride.StartTimeUtc);
        Assert.Contains(result.Warnings, w => w.Message.StartsWith("FIT: 1 of 601 samples had implausible timestamps", StringComparison.Ordinal));
    }

    [Fact]
    public void ACorruptFirstTimestampNeitherMovesTheStartNorStretchesTheSession()
    {
        var start = new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc);
        var tcx = Tcx(
            start,
            [start.AddYears(-30), .. Enumerable.Range(0, 120).Select(i => start.AddSeconds(i))]);

        var result = ActivityDecoder.Decode("run.tcx", tcx);

        var run = Assert.Single(result.Activities);
        Assert.Equal(start, run.StartTimeUtc);
        Assert.Equal(120, run.Streams.Count);
        Assert.Equal(119, run.Streams.ElapsedSeconds[^1]);
        Assert.Contains(result.Warnings, w => w.Message.Contains("30 years", StringComparison.Ordinal));
        Assert.Throws<ActivityFormatException>(() => ActivityDecoder.Decode("run.tcx", tcx, new DecodeOptions { Strict = true }));
    }

    [Fact]
    public void ACorruptActivityIdMovesTheStartToTheTrackpoints()
    {
        var start = new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc);
        var tcx = Tcx(start.AddYears(50), [.. Enumerable.Range(0, 60).Select(i => start.AddSeconds(i * 2))]);

        var run = Assert.Single(ActivityDecoder.Decode("run.tcx", tcx).Activities);

        Assert.Equal(start, run.StartTimeUtc);
        Assert.Equal(0, run.Streams.ElapsedSeconds[0]);
        Assert.Equal(118, run.Streams.ElapsedSeconds[^1]);
    }

    [Fact]
    public void ARecordingLongerThanAWeekKeepsItsDensestWeek()
    {
        var start = new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc);
        // A point every 12 hours for 30 days, then a dense hour on the last day: only the last week stays.
        var times = Enumerable.Range(0, 60).Select(i => start.AddHours(12 * i))
            .Concat(Enumerable.Range(1, 3600).Select(i => start.AddHours(12 * 59).AddSeconds(i)))
            .ToArray();
        var gpx = Gpx(times);

        var result = ActivityDecoder.Decode("walk.gpx", gpx);

        var walk = Assert.Single(result.Activities);
        Assert.Equal(start.AddDays(23), walk.StartTimeUtc);
        Assert.InRange(walk.Streams.ElapsedSeconds[^1], 0, (int)SampleTimeline.MaxSpanSeconds);
        Assert.Equal(14 + 3600, walk.Streams.Count);
        Assert.Contains(result.Warnings, w => w.Message.StartsWith("GPX: 46 of 3660 samples", StringComparison.Ordinal));
    }

    [Fact]
    public void ACsvRowFarFromTheOthersIsDroppedWithAWarning()
    {
        var csv = Encoding.UTF8.GetBytes("elapsed,hr\n0,100\n1,101\n1e12,102\n2,103\n");

        var result = ActivityDecoder.Decode("x.csv", csv);

        Assert.Equal([0, 1, 2], Assert.Single(result.Activities).Streams.ElapsedSeconds);
        Assert.Contains(result.Warnings, w => w.Message.StartsWith("CSV: 1 of 4 samples", StringComparison.Ordinal));
    }

    internal static byte[] FitRecords(DateTime startUtc, IEnumerable<uint> offsetsSeconds)
    {
        var writer = new FitWriter();
        var startTimestamp = FitProfile.FromUtc(startUtc);
        // file_id: type 4 (activity), manufacturer 255 (development).
        writer.Write(FitProfile.Messages.FileId, [FitField.Of(0, FitBaseType.Enum, 4), FitField.Of(1, FitBaseType.UInt16, 255)]);
        foreach (var offset in offsetsSeconds)
        {
            writer.Write(FitProfile.Messages.Record, [
                FitField.Of(253, FitBaseType.UInt32, startTimestamp + offset),
                FitField.Of(FitProfile.Record.HeartRate, FitBaseType.UInt8, 140),
                FitField.Of(FitProfile.Record.Power, FitBaseType.UInt16, 158),
            ]);
        }

        return writer.ToArray();
    }

    private static byte[] Tcx(DateTime id, IEnumerable<DateTime> times)
    {
        var points = string.Concat(times.Select(t => string.Create(
            CultureInfo.InvariantCulture,
            $"<Trackpoint><Time>{t:yyyy-MM-ddTHH:mm:ssZ}</Time><HeartRateBpm><Value>140</Value></HeartRateBpm></Trackpoint>")));
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
              <Activities><Activity Sport="Running"><Id>{id:yyyy-MM-ddTHH:mm:ssZ}</Id>
                <Lap StartTime="{id:yyyy-MM-ddTHH:mm:ssZ}"><TotalTimeSeconds>120</TotalTimeSeconds><Track>{points}</Track></Lap>
              </Activity></Activities>
            </TrainingCenterDatabase>
            """));
    }

    private static byte[] Gpx(IEnumerable<DateTime> times)
    {
        var points = string.Concat(times.Select(t => string.Create(
            CultureInfo.InvariantCulture,
            $"<trkpt lat=\"45.0\" lon=\"7.0\"><time>{t:yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>")));
        return Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>{points}</trkseg></trk></gpx>
            """);
    }
}
