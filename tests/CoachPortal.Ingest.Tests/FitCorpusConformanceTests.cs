using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoachPortal.Ingest.Fit;

namespace CoachPortal.Ingest.Tests;

public sealed partial class FitCorpusConformanceTests
{
    private static IEnumerable<(string Path, JsonElement Facts)> FitFacts()
    {
        foreach (var p in Corpus.ScanFacts.GetProperty("fit").EnumerateObject())
        {
            yield return (p.Name, p.Value);
        }
    }

    [SkippableFact]
    public void EveryCorpusFitFileYieldsTheMessageAndRecordCountsTheReferenceDecodersAgreeOn()
    {
        Corpus.Require();
        var failures = new List<string>();
        var checkedFiles = 0;
        foreach (var (path, facts) in FitFacts())
        {
            var collector = new CountingHandler();
            var summary = FitDecoder.Decode(Corpus.Read(path), ref collector);
            var messages = facts.GetProperty("messages").GetInt32();
            var records = facts.GetProperty("records").GetInt32();
            if (summary.MessageCount != messages || summary.RecordCount != records || collector.Records != records)
            {
                failures.Add($"{path}: messages {summary.MessageCount} (want {messages}), records {summary.RecordCount} (want {records})");
            }

            checkedFiles++;
        }

        Assert.True(checkedFiles >= 38, $"only {checkedFiles} FIT files in scan-facts");
        Assert.Empty(failures);
    }

    [SkippableFact]
    public void FilesWithProtocolErrorsFailInStrictModeAndDecodeWithWarningsInLenientMode()
    {
        Corpus.Require();
        var failures = new List<string>();
        foreach (var (path, facts) in FitFacts())
        {
            var errors = facts.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
            var bytes = Corpus.Read(path);
            var lenient = FitActivityDecoder.Decode(bytes);
            FitFormatException? strictError = null;
            try
            {
                FitActivityDecoder.Decode(bytes, new DecodeOptions { Strict = true });
            }
            catch (FitFormatException e)
            {
                strictError = e;
            }

            if (errors.Count == 0)
            {
                if (strictError is not null)
                {
                    failures.Add($"{path}: clean file failed in strict mode: {strictError.Message}");
                }

                if (lenient.Warnings.Count > 0)
                {
                    failures.Add($"{path}: clean file has warnings: {string.Join("; ", lenient.Warnings)}");
                }
            }
            else
            {
                if (strictError is null)
                {
                    failures.Add($"{path}: expected a strict error ({errors[0]})");
                }
                // We report the record header of the failing message; the scanner reports a cut definition after its
                // header byte (nodata2: 5612 = header at 5611 + 1).
                else if (ExpectedOffset(errors[0]) is { } offset && strictError.ByteOffset != offset && !(errors[0].Contains("definition", StringComparison.Ordinal) && strictError.ByteOffset == offset - 1))
                {
                    failures.Add($"{path}: strict error at byte {strictError.ByteOffset}, expected {offset} ({errors[0]}; ours: {strictError.Reason})");
                }

                if (lenient.Warnings.Count == 0)
                {
                    failures.Add($"{path}: lenient decode reported no warning");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public void ChainedFilesAreAllDecodedAndEachHeaderAndCrcIsReported()
    {
        Corpus.Require();
        foreach (var (path, facts) in FitFacts())
        {
            if (facts.GetProperty("errors").GetArrayLength() > 0)
            {
                continue;
            }

            var summary = FitDecoder.Decode(Corpus.Read(path), new CountingHandlerClass());
            var files = facts.GetProperty("files").EnumerateArray().ToList();
            Assert.Equal(files.Count, summary.Files.Count);
            for (var i = 0; i < files.Count; i++)
            {
                Assert.Equal(files[i].GetProperty("header_size").GetInt32(), summary.Files[i].HeaderSize);
                Assert.Equal(files[i].GetProperty("offset").GetInt64(), summary.Files[i].ByteOffset);
                Assert.Equal(files[i].GetProperty("messages").GetInt32(), summary.Files[i].MessageCount);
                Assert.True(summary.Files[i].FileCrcValid, path);
            }
        }
    }

    [SkippableFact]
    public void TruncatedFileKeepsEveryCompleteRecordInLenientMode()
    {
        Corpus.Require();
        var result = FitActivityDecoder.Decode(Corpus.Read("derived/fenix5-run_truncated-4000.fit"));
        var full = FitActivityDecoder.Decode(Corpus.Read("fit/garmin-fenix-5-run.fit"));
        Assert.Equal(100, result.FitSummary!.MessageCount);
        Assert.Equal(21, result.FitSummary.RecordCount);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(3994, warning.ByteOffset);
        var streams = Assert.Single(result.Activities).Streams;
        Assert.Equal(full.Activities[0].Streams.ElapsedSeconds, streams.ElapsedSeconds);
        Assert.Equal(full.Activities[0].Streams.HeartRate, streams.HeartRate);
        // fenix 5 writes fractional_cadence: 78 + 64/128.
        Assert.Equal(78.5, streams.Cadence[3]);

        var nick = FitActivityDecoder.Decode(Corpus.Read("fit/nick.fit"));
        Assert.Equal(14391, nick.FitSummary!.RecordCount);
        Assert.Contains(nick.Warnings, w => w.Message.Contains("CRC", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void StrictModeReportsABadFileCrcAsAFormatError()
    {
        Corpus.Require();
        var e = Assert.Throws<FitFormatException>(() => FitDecoder.Decode(Corpus.Read("derived/fenix5-run_badcrc.fit"), new CountingHandlerClass(), new DecodeOptions { Strict = true }));
        Assert.Contains("CRC", e.Reason, StringComparison.Ordinal);
        Assert.Equal(5595, e.ByteOffset);
    }

    [SkippableFact]
    public void RecordsMatchTheAntSdkDumpsOfTheGarminFiles()
    {
        Corpus.Require();
        foreach (var name in new[] { "garmin-edge-500-activity", "garmin-edge-820-bike", "garmin-fenix-5-bike", "garmin-fenix-5-run", "garmin-fenix-5-walk" })
        {
            var builder = FitActivityDecoder.DecodeToBuilder(Corpus.Read($"fit/{name}.fit"), null, out _);
            var samples = builder.Samples.ToArray();
            var lines = File.ReadAllLines(Corpus.PathOf($"oracles/python-fitparse/{name}-records.csv"));
            Assert.Equal(lines.Length - 1, samples.Length);
            Assert.Equal("timestamp,heart_rate,cadence,speed,distance,position_lat,position_long,altitude,temperature", lines[0]);
            int? lastLat = null, lastLon = null;
            for (var i = 0; i < samples.Length; i++)
            {
                var cells = lines[i + 1].Split(',');
                var s = samples[i];
                var where = $"{name} row {i + 1}";
                // The dump tool printed local time (PDT = UTC-7) without a zone.
                var local = DateTime.ParseExact(cells[0].Replace(" PDT", string.Empty, StringComparison.Ordinal), "ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture);
                Assert.True(FitProfile.ToUtc((uint)s.Seconds) == DateTime.SpecifyKind(local.AddHours(7), DateTimeKind.Utc), where);
                AssertCell(cells[1], s.HeartRate, where + " hr");
                // The dump tool wrote an invalid cadence as 0, and printed the cadence field without fractional_cadence.
                AssertCell(cells[2] == "0" && double.IsNaN(s.Cadence) ? string.Empty : cells[2], Math.Floor(s.Cadence), where + " cadence");
                AssertCell(cells[3], s.Speed, where + " speed");
                AssertCell(cells[4], s.Distance, where + " distance");
                int? lat = double.IsNaN(s.Latitude) ? lastLat : FitProfile.DegreesToSemicircles(s.Latitude);
                int? lon = double.IsNaN(s.Longitude) ? lastLon : FitProfile.DegreesToSemicircles(s.Longitude);
                // ...and an invalid position as the last valid one.
                Assert.Equal(cells[5], lat?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
                Assert.Equal(cells[6], lon?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
                lastLat = lat;
                lastLon = lon;
                AssertCell(cells[7], s.Altitude, where + " altitude");
                AssertCell(cells[8], s.Temperature, where + " temperature");
            }
        }
    }

    [SkippableFact]
    public void CompressedTimestampsAndCompressedSpeedDistanceMatchTheUpstreamDump()
    {
        Corpus.Require();
        var builder = FitActivityDecoder.DecodeToBuilder(Corpus.Read("fit/compressed-speed-distance.fit"), new DecodeOptions { Strict = true }, out _);
        var samples = builder.Samples.ToArray();
        Assert.Equal(17217864, samples[0].Seconds);
        var lines = File.ReadAllLines(Corpus.PathOf("oracles/python-fitparse/compressed-speed-distance-records.csv")).Skip(1).ToArray();
        Assert.Equal(754, lines.Length);
        Assert.Equal(755, samples.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var c = lines[i].Split(',');
            var s = samples[i + 1];
            Assert.Equal(double.Parse(c[0], CultureInfo.InvariantCulture), s.Seconds);
            AssertCell(c[1], s.HeartRate, $"row {i} hr");
            AssertCell(c[2], s.Speed, $"row {i} speed");
            AssertCell(c[3], s.Distance, $"row {i} distance");
            AssertCell(c[4] == "null" ? string.Empty : c[4], s.Cadence, $"row {i} cadence");
        }

        // Relative (pre-1990 + 0x10000000) times are not dates.
        Assert.Null(FitActivityDecoder.Decode(Corpus.Read("fit/compressed-speed-distance.fit")).Activities[0].StartTimeUtc);
    }

    [SkippableFact]
    public void UpstreamFactsHold()
    {
        Corpus.Require();
        var elemnt = FitActivityDecoder.Decode(Corpus.Read("fit/2019-02-17-062644-ELEMNT-297E-195-0.fit"), new DecodeOptions { Strict = true });
        Assert.Equal(5.86, elemnt.Activities[0].Summary.AvgSpeed!.Value, 3);
        Assert.Equal(13471, elemnt.Activities[0].Streams.Count);

        Assert.Equal(3023, FitDecoder.Decode(Corpus.Read("fit/sample_mulitple_header.fit"), new CountingHandlerClass()).MessageCount);
        Assert.Equal(11293, FitDecoder.Decode(Corpus.Read("fit/coros-pace-2-cycling-misaligned-fields.fit"), new CountingHandlerClass()).MessageCount);

        var big = FitActivityDecoder.Decode(Corpus.Read("bench/big_activity.fit"), new DecodeOptions { Strict = true });
        var a = Assert.Single(big.Activities);
        Assert.Equal(Sport.Cycling, a.Sport);
        Assert.Equal(30877, a.Summary.ElapsedSeconds);
        Assert.Equal(32172.05, a.Summary.DistanceMeters!.Value, 2);
        Assert.Equal(5.98, a.Summary.AvgSpeed!.Value, 3);
        Assert.Equal(FitProfile.SemicirclesToDegrees(-90481372), a.Streams.Latitude[0]);
        Assert.Equal(FitProfile.SemicirclesToDegrees(1323227263), a.Streams.Longitude[^1]);
        Assert.All(a.Streams.HeartRate, hr => Assert.Equal(110, hr));
        Assert.Equal(8.33, a.Streams.SpeedMetersPerSecond[100], 3);
        Assert.Equal(166, a.Streams.AltitudeMeters[5], 6);
        Assert.Equal(32, a.Streams.TemperatureCelsius[7]);
        Assert.Equal(85, a.Streams.Cadence[9]);

        var tiny = FitActivityDecoder.Decode(Corpus.Read("fit/valid_only_contain_fileid.fit"), new DecodeOptions { Strict = true });
        var t = Assert.Single(tiny.Activities);
        Assert.Equal("Bryton something ss", t.Creator);
        Assert.Equal(112, t.Streams.HeartRate[0]);
        Assert.Equal(80, t.Streams.Cadence[0]);
        Assert.Equal(150, t.Streams.AltitudeMeters[0], 6);
        Assert.Equal(FitProfile.ToUtc(1062766519), t.StartTimeUtc);

        var encoded = FitActivityDecoder.Decode(Corpus.Read("fit/TestEncode.fit"), new DecodeOptions { Strict = true });
        var e = Assert.Single(encoded.Activities);
        Assert.Equal(100, e.Summary.AvgHeartRate);
        Assert.Equal(1.0, e.Summary.AvgSpeed);
        Assert.Equal(78, e.Summary.AvgCadence);
        Assert.Equal(100, e.Streams.HeartRate[0]);
        Assert.Equal(1.0, e.Streams.SpeedMetersPerSecond[0]);
        Assert.Equal("Bryton Active App", e.Creator);
    }

    [SkippableFact]
    public void MultisportFileBecomesOneActivityPerSession()
    {
        Corpus.Require();
        var result = FitActivityDecoder.Decode(Corpus.Read("fit/activity-large-fenxi2-multisport.fit"));
        var sports = result.Activities.Select(a => a.Sport).ToArray();
        Assert.Equal([Sport.Generic, Sport.Transition, Sport.Running, Sport.Transition, Sport.Running, Sport.Transition, Sport.Cycling], sports);
        var builder = FitActivityDecoder.DecodeToBuilder(Corpus.Read("fit/activity-large-fenxi2-multisport.fit"), null, out _);
        Assert.Equal(24239, builder.Samples.Length);
        var distinctSeconds = builder.Samples.ToArray().Select(s => s.Seconds).Distinct().Count();
        Assert.Equal(distinctSeconds, result.Activities.Sum(a => a.Streams.Count));
        foreach (var a in result.Activities)
        {
            Assert.True(a.Streams.ElapsedSeconds.Zip(a.Streams.ElapsedSeconds.Skip(1)).All(p => p.First < p.Second));
        }
    }

    [SkippableFact]
    public void DeveloperFieldsAreSizedAndSkippedAndTheirDescriptionsAreReadable()
    {
        Corpus.Require();
        var collector = new FitMessageCollector();
        FitDecoder.Decode(Corpus.Read("fit/developer-types-sample.fit"), collector, new DecodeOptions { Strict = true });
        var descriptions = collector.Messages.Where(m => m.GlobalMessageNumber == FitProfile.Messages.FieldDescription).ToList();
        Assert.Equal(4, descriptions.Count);
        Assert.All(descriptions, d => Assert.False(string.IsNullOrEmpty(d.GetText(3))));
        var records = collector.Messages.Where(m => m.GlobalMessageNumber == FitProfile.Messages.Record).ToList();
        Assert.Equal(3424, records.Count);
        Assert.All(records, r => Assert.NotEmpty(r.DeveloperFields));
    }

    [SkippableFact]
    public void DeveloperFieldsThatStandForRecordFieldsFillTheStreams()
    {
        Corpus.Require();
        // Stryd running power (developer field described as native record field 7).
        var large = FitActivityDecoder.Decode(Corpus.Read("bench/large.fit"), new DecodeOptions { Strict = true }).Activities.Single();
        var power = large.Streams.PowerWatts.Where(v => !double.IsNaN(v)).ToArray();
        Assert.True(power.Length > 40000, $"{power.Length} power samples");
        Assert.InRange(power.Average(), 100, 400);

        // Concept2 rower through Connect IQ: heart rate, stroke rate and power only as developer fields.
        var rowing = FitActivityDecoder.Decode(Corpus.Read("fit/20170518-191602-1740899583.fit"), new DecodeOptions { Strict = true }).Activities.Single();
        Assert.Equal(SubSport.IndoorRowing, rowing.SubSport);
        Assert.True(ActivityStreams.HasValues(rowing.Streams.PowerWatts));
        Assert.True(ActivityStreams.HasValues(rowing.Streams.Cadence));
    }

    [SkippableFact]
    public void UnterminatedStringsAreReadToTheEndOfTheirField()
    {
        Corpus.Require();
        var collector = new FitMessageCollector();
        FitDecoder.Decode(Corpus.Read("fit/unterminated-strings.fit"), collector, new DecodeOptions { Strict = true });
        var strings = collector.Messages.SelectMany(m => m.Fields).Where(f => f.BaseType == FitBaseType.String && f.Text is not null).ToList();
        Assert.NotEmpty(strings);
        Assert.All(strings, s => Assert.DoesNotContain('\0', s.Text!));
    }

    private static void AssertCell(string cell, double actual, string where)
    {
        if (cell.Length == 0)
        {
            Assert.True(double.IsNaN(actual), $"{where}: expected invalid, got {actual}");
            return;
        }

        var expected = double.Parse(cell, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(expected - actual) < 1e-6, $"{where}: expected {expected}, got {actual}");
    }

    [GeneratedRegex(@"(?:at byte|at offset|at) (\d+)")]
    private static partial Regex OffsetPattern();

    private static long? ExpectedOffset(string error)
    {
        var m = OffsetPattern().Match(error);
        return m.Success ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private struct CountingHandler : IFitMessageHandler
    {
        public int Records;

        public void OnMessage(in FitMessageView message)
        {
            if (message.GlobalMessageNumber == FitProfile.Messages.Record)
            {
                Records++;
            }
        }
    }

    private sealed class CountingHandlerClass : IFitMessageHandler
    {
        public void OnMessage(in FitMessageView message)
        {
        }
    }
}
