using System.IO.Compression;
using System.Text;
using CoachPortal.Ingest.Archives;
using CoachPortal.Ingest.Csv;
using CoachPortal.Ingest.Gpx;
using CoachPortal.Ingest.Tcx;

namespace CoachPortal.Ingest.Tests;

public sealed class FormatTests
{
    private const string GpxWithExtensions = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gpx version="1.1" creator="Edge 530" xmlns="http://www.topografix.com/GPX/1/1"
             xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2"
             xmlns:pwr="http://www.garmin.com/xmlschemas/PowerExtension/v1">
          <trk><name>Ride</name><type>cycling</type>
            <trkseg>
              <trkpt lat="45.0" lon="7.0"><ele>100</ele><time>2024-05-01T08:00:00Z</time>
                <extensions><power>210</power><gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr><gpxtpx:cad>85</gpxtpx:cad><gpxtpx:atemp>18.5</gpxtpx:atemp><gpxtpx:speed>8.2</gpxtpx:speed></gpxtpx:TrackPointExtension></extensions>
              </trkpt>
              <trkpt lat="45.001" lon="7.001"><time>2024-05-01T08:00:01.600Z</time>
                <extensions><pwr:PowerExtension><pwr:PowerInWatts>230</pwr:PowerInWatts></pwr:PowerExtension><gpxtpx:TrackPointExtension><gpxtpx:hr>121</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>
              </trkpt>
            </trkseg>
            <trkseg>
              <trkpt lat="45.002" lon="7.002"><ele>101</ele><time>2024-05-01T08:10:00Z</time></trkpt>
            </trkseg>
          </trk>
        </gpx>
        """;

    [Fact]
    public void GpxTrackPointAndPowerExtensionsAreReadAndSegmentsStayGaps()
    {
        var result = ActivityDecoder.Decode("ride.gpx", Encoding.UTF8.GetBytes(GpxWithExtensions));
        var a = Assert.Single(result.Activities);
        var s = a.Streams;
        Assert.Equal(Sport.Cycling, a.Sport);
        Assert.Equal("Edge 530", a.Creator);
        Assert.Equal("Ride", a.Name);
        Assert.Equal([0, 1, 600], s.ElapsedSeconds);
        Assert.Equal([120, 121, double.NaN], s.HeartRate);
        Assert.Equal([210, 230, double.NaN], s.PowerWatts);
        Assert.Equal(85, s.Cadence[0]);
        Assert.Equal(18.5, s.TemperatureCelsius[0]);
        Assert.Equal(8.2, s.SpeedMetersPerSecond[0]);
        Assert.Equal([100, double.NaN, 101], s.AltitudeMeters);
        Assert.Empty(result.Warnings);

        var summary = StreamStatistics.Summarise(a);
        Assert.Equal(600, summary.ElapsedSeconds);
        Assert.Equal(120.5, summary.AvgHeartRate);
        Assert.Equal(230, summary.MaxPower);
        // Two 0.001° steps along a diagonal at 45° N: 2 × sqrt(111.2² + 78.7²) m.
        Assert.InRange(summary.DistanceMeters!.Value, 270, 275);
    }

    [Fact]
    public void TcxActivityExtensionSpeedWattsAndRunCadenceAreRead()
    {
        const string tcx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
              <Activities><Activity Sport="Biking"><Id>2024-05-01T08:00:00Z</Id>
                <Lap StartTime="2024-05-01T08:00:00Z"><TotalTimeSeconds>120</TotalTimeSeconds><DistanceMeters>500</DistanceMeters><Calories>20</Calories>
                  <Track>
                    <Trackpoint><Time>2024-05-01T08:00:00Z</Time><HeartRateBpm><Value>100</Value></HeartRateBpm><Extensions><ns3:TPX><ns3:Speed>5.5</ns3:Speed><ns3:Watts>200</ns3:Watts></ns3:TPX></Extensions></Trackpoint>
                    <Trackpoint><Time>2024-05-01T08:00:02Z</Time><Extensions><ns3:TPX><ns3:RunCadence>88</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>
                  </Track>
                </Lap>
                <Creator><Name>Forerunner 965</Name><Version><VersionMajor>1</VersionMajor></Version></Creator>
              </Activity></Activities>
            </TrainingCenterDatabase>
            """;
        var a = Assert.Single(TcxDecoder.Decode(Encoding.UTF8.GetBytes(tcx)).Activities);
        Assert.Equal(Sport.Cycling, a.Sport);
        Assert.Equal("Forerunner 965", a.Creator);
        Assert.Equal([0, 2], a.Streams.ElapsedSeconds);
        Assert.Equal(5.5, a.Streams.SpeedMetersPerSecond[0]);
        Assert.Equal(200, a.Streams.PowerWatts[0]);
        Assert.Equal(88, a.Streams.Cadence[1]);
        Assert.Equal(500, a.Summary.DistanceMeters);
    }

    [Fact]
    public void MalformedXmlFailsWithAFormatExceptionNamingTheLine()
    {
        var e = Assert.Throws<ActivityFormatException>(() => GpxDecoder.Decode(Encoding.UTF8.GetBytes("<gpx>\n<trk><trkseg><trkpt lat=\"1\" lon=\"2\">\n</trk></gpx>")));
        Assert.Equal(ActivityFileFormat.Gpx, e.Format);
        Assert.Contains("line", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvWithRecognisedHeadersBecomesStreams()
    {
        const string csv = "time,hr,watts,cadence,distance,lat,lon,altitude\n2024-05-01T08:00:00Z,100,200,90,0,45.0,7.0,100\n2024-05-01T08:00:01Z,101,210,91,5.5,45.1,7.1,101\n2024-05-01T08:00:30Z,102,,92,40,45.2,7.2,102\n";
        var a = Assert.Single(ActivityDecoder.Decode("session.csv", Encoding.UTF8.GetBytes(csv)).Activities);
        Assert.Equal(new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc), a.StartTimeUtc);
        Assert.Equal([0, 1, 30], a.Streams.ElapsedSeconds);
        Assert.Equal([100, 101, 102], a.Streams.HeartRate);
        Assert.Equal([200, 210, double.NaN], a.Streams.PowerWatts);
        Assert.Equal(5.5, a.Streams.DistanceMeters[1]);
        Assert.Equal(45.2, a.Streams.Latitude[2]);
    }

    [Fact]
    public void CsvWithAMappingConvertsPaceAndUnits()
    {
        const string csv = "Sekunden;Puls;Tempo;Strecke\n0;120;5:00;0\n1;121;4:00;0,003\n";
        var mapping = new CsvColumnMapping
        {
            ElapsedSeconds = "Sekunden",
            HeartRate = "Puls",
            Pace = "Tempo",
            Distance = "Strecke",
            DistanceUnit = CsvDistanceUnit.Kilometres,
            Sport = Sport.Running,
        };
        var a = Assert.Single(CsvActivityDecoder.Decode(Encoding.UTF8.GetBytes(csv), new DecodeOptions { Csv = mapping }).Activities);
        Assert.Equal(Sport.Running, a.Sport);
        Assert.Null(a.StartTimeUtc);
        Assert.Equal(1000.0 / 300, a.Streams.SpeedMetersPerSecond[0], 9);
        Assert.Equal(1000.0 / 240, a.Streams.SpeedMetersPerSecond[1], 9);
        Assert.Equal(3.0, a.Streams.DistanceMeters[1], 9);
    }

    [Fact]
    public void CsvWithoutATimeColumnIsRefused()
    {
        var e = Assert.Throws<ActivityFormatException>(() => CsvActivityDecoder.Decode(Encoding.UTF8.GetBytes("hr,power\n100,200\n")));
        Assert.Equal(ActivityFileFormat.Csv, e.Format);
    }

    [Fact]
    public void ZipEntriesAreDecodedAndBadEntriesReportedByName()
    {
        var zip = Zip(("a/ride.gpx", Encoding.UTF8.GetBytes(GpxWithExtensions)), ("broken.fit", [14, 0x20, 0, 0, 0, 0, 0, 0, (byte)'.', (byte)'F', (byte)'I', (byte)'T', 0, 0]), ("notes.txt", "hello"u8.ToArray()));
        var result = ActivityDecoder.Decode("upload.zip", zip);
        Assert.Equal(ActivityFileFormat.Zip, result.Format);
        Assert.Single(result.Activities);
        Assert.Contains(result.Warnings, w => w.Source == "broken.fit");
        Assert.Contains(result.Warnings, w => w.Source == "notes.txt");

        var entries = ZipActivityDecoder.DecodeEntries(zip);
        Assert.Equal(["a/ride.gpx", "broken.fit", "notes.txt"], entries.Select(e => e.EntryName).ToArray());
        Assert.NotNull(entries[0].Result);
        Assert.NotNull(entries[2].Error);

        Assert.Throws<ActivityFormatException>(() => ActivityDecoder.Decode("upload.zip", zip, new DecodeOptions { Strict = true }));
    }

    [Fact]
    public void ZipRefusesPathTraversalAndNestedArchives()
    {
        var inner = Zip(("x.gpx", Encoding.UTF8.GetBytes(GpxWithExtensions)));
        var zip = Zip(("../evil.gpx", Encoding.UTF8.GetBytes(GpxWithExtensions)), ("/abs.gpx", Encoding.UTF8.GetBytes(GpxWithExtensions)), ("inner.zip", inner), ("disguised.gpx", inner));
        var entries = ZipActivityDecoder.DecodeEntries(zip);
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.NotNull(e.Error));
        Assert.Empty(ActivityDecoder.Decode("x.zip", zip).Activities);
    }

    [Fact]
    public void ZipLimitsOnEntriesSizeAndRatioAreEnforcedOnInflatedBytes()
    {
        var bomb = Zip(("zeros.csv", new byte[4_000_000]));
        var ratio = Assert.ThrowsAny<ActivityFormatException>(() => ZipActivityDecoder.Decode(bomb));
        Assert.Contains("inflates", ratio.Message, StringComparison.Ordinal);

        var many = Zip(Enumerable.Range(0, 5).Select(i => ($"f{i}.gpx", Encoding.UTF8.GetBytes(GpxWithExtensions))).ToArray());
        Assert.Throws<ActivityFormatException>(() => ZipActivityDecoder.Decode(many, new DecodeOptions { Zip = new ZipLimits { MaxEntries = 4 } }));
        Assert.ThrowsAny<ActivityFormatException>(() => ZipActivityDecoder.Decode(many, new DecodeOptions { Zip = new ZipLimits { MaxTotalUncompressedBytes = 3000 } }));
        Assert.Equal(5, ZipActivityDecoder.Decode(many).Activities.Count);
    }

    [Fact]
    public void TheFormatIsSniffedFromTheBytesBeforeTheFileName()
    {
        var fit = Fit.FitActivityEncoder.Encode(RoundTripTests.RandomActivity(new Random(1)));
        Assert.Equal(ActivityFileFormat.Fit, ActivityDecoder.Detect("ride.gpx", fit));
        Assert.Equal(ActivityFileFormat.Gpx, ActivityDecoder.Detect("ride.fit", Encoding.UTF8.GetBytes(GpxWithExtensions)));
        Assert.Equal(ActivityFileFormat.Zip, ActivityDecoder.Detect(null, Zip(("a.gpx", [1]))));
        Assert.Equal(ActivityFileFormat.Csv, ActivityDecoder.Detect("export.CSV", "time,hr\n"u8));
        Assert.Equal(ActivityFileFormat.Unknown, ActivityDecoder.Detect("notes.txt.bak", "hello"u8));

        using var stream = new MemoryStream(fit);
        var fromStream = ActivityDecoder.Decode("upload.bin", stream);
        Assert.Equal(ActivityFileFormat.Fit, fromStream.Format);
        Assert.Single(fromStream.Activities);
    }

    [Fact]
    public void AFitFileWithoutAnActivityDecodesToNoActivityAndSaysSo()
    {
        var workout = Fit.FitWorkoutCodec.Encode(new Workouts.Workout { Name = "Tempo", Sport = Sport.Running, Steps = [new Workouts.WorkoutStep()] });
        var result = ActivityDecoder.Decode("plan.fit", workout);
        Assert.Empty(result.Activities);
        Assert.Contains("no activity (file type 5)", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OversizedXmlTextIsCutRatherThanAccumulated()
    {
        var name = new string('x', 200_000);
        var gpx = GpxWithExtensions.Replace("<name>Ride</name>", $"<name>{name}</name>", StringComparison.Ordinal);
        var a = Assert.Single(GpxDecoder.Decode(Encoding.UTF8.GetBytes(gpx)).Activities);
        Assert.Equal(4096, a.Name!.Length);
    }

    [Fact]
    public void UnknownBytesAreRefusedWithAFormatException()
    {
        var e = Assert.Throws<ActivityFormatException>(() => ActivityDecoder.Decode("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal(ActivityFileFormat.Unknown, e.Format);
    }

    internal static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        using var ms = new MemoryStream();
        using (var archive = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var s = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                s.Write(data);
            }
        }

        return ms.ToArray();
    }
}
