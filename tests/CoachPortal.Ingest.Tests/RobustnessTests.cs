using System.Diagnostics;
using System.Text;

namespace CoachPortal.Ingest.Tests;

public sealed class RobustnessTests
{
    private static readonly string[] s_files =
    [
        "fit/garmin-fenix-5-run.fit",
        "fit/antfs-dump.63.fit",
        "fit/compressed-speed-distance.fit",
        "fit/unterminated-strings.fit",
        "fit/elemnt-bolt-no-application-id-inside-developer-data-id.fit",
        "fit/TestEncode.fit",
        "derived/fenix5-run+walk_chained.fit",
        "gpx/gpx1.1_with_all_fields.gpx",
        "gpx/track_with_speed.gpx",
        "gpx/unicode_with_bom.gpx",
    ];

    [SkippableFact]
    public void MutatedCorpusFilesFailOnlyWithFormatExceptionsQuicklyAndInBoundedMemory()
    {
        Corpus.Require();
        var inputs = s_files.Select(f => (Name: Path.GetFileName(f), Bytes: Corpus.Read(f))).ToList();
        inputs.Add(("sample.tcx", TcxSample()));
        inputs.Add(("session.csv", Encoding.UTF8.GetBytes("time,hr,watts,lat,lon\n2024-05-01T08:00:00Z,100,200,45.0,7.0\n2024-05-01T08:00:01Z,101,210,45.1,7.1\n2024-05-01T08:00:05Z,99,,45.2,7.2\n")));
        inputs.Add(("upload.zip", FormatTests.Zip(("run.fit", Corpus.Read("fit/garmin-fenix-5-run.fit")), ("ride.gpx", Corpus.Read("gpx/track_with_speed.gpx")))));
        var failures = Run(inputs, mutationsPerInput: 150, seed: 20261128);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [SkippableFact]
    public void TruncatingALargeFitFileAtEveryKilobyteKeepsTheCompleteRecords()
    {
        Corpus.Require();
        var bytes = Corpus.Read("fit/activity-small-fenix2-run.fit");
        var previous = -1;
        for (var length = 1024; length < bytes.Length; length += 4096)
        {
            var result = ActivityDecoder.Decode("x.fit", bytes.AsSpan(0, length));
            Assert.NotEmpty(result.Warnings);
            var records = result.FitSummary!.RecordCount;
            Assert.True(records >= previous, $"{records} records at {length} bytes, {previous} before");
            previous = records;
            Assert.Throws<Fit.FitFormatException>(() => ActivityDecoder.Decode("x.fit", bytes.AsSpan(0, length), new DecodeOptions { Strict = true }));
        }

        Assert.True(previous > 2000);
    }

    internal static List<string> Run(IReadOnlyList<(string Name, byte[] Bytes)> inputs, int mutationsPerInput, int seed)
    {
        var failures = new List<string>();
        var random = new Random(seed);
        foreach (var (name, original) in inputs)
        {
            for (var i = 0; i < mutationsPerInput; i++)
            {
                var (bytes, kind) = Mutator.Mutate(original, random);
                foreach (var strict in new[] { false, true })
                {
                    var options = new DecodeOptions { Strict = strict };
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var sw = Stopwatch.StartNew();
                    try
                    {
                        ActivityDecoder.Decode(name, bytes, options);
                    }
                    catch (ActivityFormatException)
                    {
                    }
                    catch (Exception e)
                    {
                        failures.Add($"{name} #{i} ({kind}, strict={strict}): {e.GetType().Name}: {e.Message}");
                    }

                    sw.Stop();
                    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    if (sw.Elapsed > TimeSpan.FromSeconds(1))
                    {
                        failures.Add($"{name} #{i} ({kind}): took {sw.Elapsed.TotalMilliseconds:F0} ms");
                    }

                    // A small multiple of the input, plus fixed buffers (XML reader, zip inflater, tables).
                    if (allocated > (16L * bytes.Length) + (4L << 20))
                    {
                        failures.Add($"{name} #{i} ({kind}): allocated {allocated} bytes for {bytes.Length}");
                    }
                }
            }
        }

        return failures;
    }

    private static byte[] TcxSample() => Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="UTF-8"?>
        <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
          <Activities><Activity Sport="Running"><Id>2024-05-01T08:00:00Z</Id>
            <Lap StartTime="2024-05-01T08:00:00Z"><TotalTimeSeconds>10</TotalTimeSeconds><Track>
              <Trackpoint><Time>2024-05-01T08:00:00Z</Time><HeartRateBpm><Value>100</Value></HeartRateBpm></Trackpoint>
              <Trackpoint><Time>2024-05-01T08:00:05Z</Time><DistanceMeters>12.5</DistanceMeters></Trackpoint>
            </Track></Lap>
          </Activity></Activities>
        </TrainingCenterDatabase>
        """);
}
