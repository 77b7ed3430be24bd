using CoachPortal.Ingest.Gpx;
using CoachPortal.Ingest.Tcx;

namespace CoachPortal.Ingest.Tests;

public sealed class XmlCorpusConformanceTests
{
    [SkippableFact]
    public void TcxTestFileMatchesThePythonTcxparserExpectations()
    {
        Corpus.Require();
        var result = ActivityDecoder.Decode("test.tcx", Corpus.Read("tcx/test.tcx"), new DecodeOptions { Strict = true });
        Assert.Equal(ActivityFileFormat.Tcx, result.Format);
        var a = Assert.Single(result.Activities);
        var s = a.Streams;
        Assert.Equal(Sport.Running, a.Sport);
        Assert.Equal(new DateTime(2012, 12, 26, 21, 29, 53, DateTimeKind.Utc), a.StartTimeUtc);
        Assert.Equal(new DateTime(2012, 12, 26, 22, 3, 5, DateTimeKind.Utc), a.StartTimeUtc!.Value.AddSeconds(s.ElapsedSeconds[^1]));
        var hr = s.HeartRate.Where(v => !double.IsNaN(v)).ToArray();
        Assert.Equal(62, hr[0]);
        Assert.Equal(180, hr[^1]);
        Assert.Equal(189, hr.Max());
        Assert.Equal(60, hr.Min());
        var alt = s.AltitudeMeters.Where(v => !double.IsNaN(v)).ToArray();
        Assert.Equal(178.942626953, alt[0], 6);
        Assert.Equal(166.4453125, alt[^1], 6);
        Assert.Equal(215.95324707, alt.Max(), 6);
        Assert.Equal(157.793579102, alt.Min(), 6);
        var dist = s.DistanceMeters.Where(v => !double.IsNaN(v)).ToArray();
        Assert.Equal(0.0, dist[0]);
        Assert.Equal(4686.31103516, dist[^1], 6);
        var lat = s.Latitude.Where(v => !double.IsNaN(v)).ToArray();
        var lon = s.Longitude.Where(v => !double.IsNaN(v)).ToArray();
        Assert.Equal(35.951880198, lat[0], 9);
        Assert.Equal(-79.0931872185, lon[0], 9);
        Assert.Equal(35.9519544616, lat[^1], 9);
        Assert.Equal(-79.0930143837, lon[^1], 9);
        Assert.Equal(1992.78, a.Summary.ElapsedSeconds!.Value, 6);
        Assert.Equal(379, a.Summary.Calories);
        Assert.Equal(3, a.Laps.Count);
        Assert.Equal("Aerobics", a.Name);

        // Filled from the streams where the laps say nothing; the device's own totals win.
        var summary = a.Summary.Or(StreamStatistics.Summarise(a));
        Assert.Equal(1992.78, summary.ElapsedSeconds!.Value, 6);
        Assert.Equal(189, summary.MaxHeartRate);
        Assert.InRange(summary.AvgHeartRate!.Value, 155, 158);
        Assert.Equal(4686.31103516, StreamStatistics.Summarise(a).DistanceMeters!.Value, 6);
    }

    [SkippableFact]
    public void TcxWithoutHeartRateHasAnEmptyHeartRateColumn()
    {
        Corpus.Require();
        var a = Assert.Single(TcxDecoder.Decode(Corpus.Read("tcx/no_hr.tcx")).Activities);
        Assert.True(a.Streams.Count > 100);
        Assert.False(ActivityStreams.HasValues(a.Streams.HeartRate));
        Assert.True(ActivityStreams.HasValues(a.Streams.Latitude));
        // Upstream raises NoHeartRateDataError for HR statistics; ours has none to give.
        Assert.Null(a.Summary.Or(StreamStatistics.Summarise(a)).AvgHeartRate);
    }

    [SkippableFact]
    public void EveryCorpusGpxFileDecodesAndKeepsEveryTrackPoint()
    {
        Corpus.Require();
        var failures = new List<string>();
        foreach (var p in Corpus.ScanFacts.GetProperty("xml").EnumerateObject())
        {
            if (!p.Name.StartsWith("gpx/", StringComparison.Ordinal))
            {
                continue;
            }

            var facts = p.Value;
            var result = ActivityDecoder.Decode(p.Name, Corpus.Read(p.Name));
            Assert.Equal(ActivityFileFormat.Gpx, result.Format);
            var trkpt = facts.GetProperty("trkpt").GetInt32();
            var rtept = facts.GetProperty("rtept").GetInt32();
            var timed = facts.GetProperty("trkpt_with_time").GetInt32();
            // Points of one second merge; untimed points of a timed track are dropped with a warning.
            var rows = result.Activities.Sum(a => a.Streams.Count);
            var untimedRows = result.Activities.Where(a => !a.Streams.IsTimeBased).Sum(a => a.Streams.Count);
            if (rows > trkpt + rtept || (trkpt > 0 && rows == 0) || (timed == trkpt && untimedRows > rtept && result.Warnings.Count == 0))
            {
                failures.Add($"{p.Name}: {rows} rows ({untimedRows} untimed) for {trkpt} trkpt ({timed} timed) + {rtept} rtept");
            }

            var creator = facts.GetProperty("creator");
            if (creator.ValueKind == System.Text.Json.JsonValueKind.String && result.Creator != creator.GetString())
            {
                failures.Add($"{p.Name}: creator {result.Creator}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public void GpxCreatorMatchesGpxpy()
    {
        Corpus.Require();
        Assert.Equal("GPSBabel - http://www.gpsbabel.org", GpxDecoder.Decode(Corpus.Read("gpx/cerknicko-jezero.gpx")).Creator);
        var none = GpxDecoder.Decode(Corpus.Read("gpx/cerknicko-jezero-no-creator.gpx"));
        Assert.Null(none.Creator);
        Assert.All(none.Activities, a => Assert.Null(a.Creator));
    }

    [SkippableFact]
    public void GpxWithoutTimesKeepsItsPointsWithoutATimeBaseAndWarns()
    {
        Corpus.Require();
        var result = GpxDecoder.Decode(Corpus.Read("gpx/cerknicko-without-times.gpx"));
        Assert.NotEmpty(result.Warnings);
        Assert.Contains(result.Activities, a => !a.Streams.IsTimeBased && a.StartTimeUtc is null);
        Assert.InRange(result.Activities.Where(a => !a.Streams.IsTimeBased).Sum(a => a.Streams.Count), 250, 296);

        var korita = GpxDecoder.Decode(Corpus.Read("gpx/korita-zbevnica.gpx"));
        Assert.Contains(korita.Activities, a => !a.Streams.IsTimeBased);
        Assert.Contains(korita.Activities, a => a.Streams.IsTimeBased && a.StartTimeUtc is not null);
    }

    [SkippableFact]
    public void GpxWithoutElevationsHasAnEmptyAltitudeColumnAndZeroElevationsStayZero()
    {
        Corpus.Require();
        var without = GpxDecoder.Decode(Corpus.Read("gpx/cerknicko-jezero-without-elevations.gpx"));
        Assert.All(without.Activities, a => Assert.False(ActivityStreams.HasValues(a.Streams.AltitudeMeters)));
        Assert.All(without.Activities, a => Assert.True(ActivityStreams.HasValues(a.Streams.Latitude)));
        var zero = GpxDecoder.Decode(Corpus.Read("gpx/cerknicko-jezero-with-elevations-zero.gpx"));
        Assert.All(zero.Activities.SelectMany(a => a.Streams.AltitudeMeters), v => Assert.Equal(0, v));
    }

    [SkippableFact]
    public void GpxSubSecondTimesAndGarminExtensionsAreRead()
    {
        Corpus.Require();
        // Every point of Mojstrovka is stamped 1901-12-13T20:45:52.207: no time base, points kept in order.
        var mojstrovka = GpxDecoder.Decode(Corpus.Read("gpx/Mojstrovka.gpx"));
        var m = Assert.Single(mojstrovka.Activities);
        Assert.False(m.Streams.IsTimeBased);
        Assert.Equal(184, m.Streams.Count);
        Assert.Equal(1614.678, m.Streams.AltitudeMeters[0], 6);
        Assert.Single(mojstrovka.Warnings);
        Assert.Equal(new DateTime(1901, 12, 13, 20, 45, 52, DateTimeKind.Utc).AddTicks(2073437), XmlInput.Time("1901-12-13T20:45:52.2073437Z"));

        // A waypoint with a TrackPointExtension is not an activity.
        var garmin = GpxDecoder.Decode(Corpus.Read("gpx/gpx_with_garmin_extension.gpx"));
        Assert.Empty(garmin.Activities);
        Assert.Single(garmin.Warnings);

        var speed = Assert.Single(GpxDecoder.Decode(Corpus.Read("gpx/track_with_speed.gpx")).Activities);
        Assert.Equal([1.2, 2.2, 3.2], speed.Streams.SpeedMetersPerSecond.Where(v => !double.IsNaN(v)).ToArray());
    }

    [SkippableFact]
    public void GpxRoutesBecomeUntimedActivities()
    {
        Corpus.Require();
        var route = Assert.Single(GpxDecoder.Decode(Corpus.Read("gpx/route.gpx")).Activities);
        Assert.False(route.Streams.IsTimeBased);
        Assert.Equal(55, route.Streams.Count);
        var summary = StreamStatistics.Summarise(route);
        Assert.Null(summary.ElapsedSeconds);
        Assert.True(summary.DistanceMeters > 1000);
    }
}
