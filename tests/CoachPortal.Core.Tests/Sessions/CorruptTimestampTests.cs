using System.Diagnostics;
using CoachPortal.Analytics;
using CoachPortal.Analytics.Load;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Ingest;
using CoachPortal.Ingest.Tests;
using Xunit.Abstractions;

namespace CoachPortal.Core.Tests.Sessions;

/// <summary>
/// Every device file of the corpus, with its times damaged the ways broken clocks do, goes through what an import
/// runs — decoding, the session's streams, curves, zones and load, the compressed columns — and either comes out
/// or fails with the engines' own exception, within the memory the import job budgets for it.
/// </summary>
public sealed class CorruptTimestampTests(ITestOutputHelper output)
{
    private const int VariantsPerFile = 6;

    private static readonly Athlete s_athlete = new()
    {
        Id = 1,
        Sex = CoachPortal.Core.Athletes.Sex.Female,
        HeartRateMaxBpm = 192,
        HeartRateRestBpm = 46,
        LactateThresholdHeartRateBpm = 172,
        FtpWatts = 240,
        ThresholdPaceSecondsPerKm = 235,
        BodyMassKg = 58.5,
    };

    [Fact]
    public void TimestampMutantsOfEveryCorpusFileAreAnalysedOrRefusedWithinTheImportsMemoryBudget()
    {
        var root = Corpus.Root ?? throw new InvalidOperationException("The shared corpus (shared/corpus) is required.");
        var files = new[] { "fit", "derived", "tcx", "gpx", "bench" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(root, folder)))
            .Where(f => Path.GetExtension(f).ToUpperInvariant() is ".FIT" or ".TCX" or ".GPX")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count >= 60, $"only {files.Count} corpus files found");

        var random = new Random(20261205);
        var failures = new List<string>();
        int analysed = 0, refused = 0, repaired = 0;
        var worstShare = 0.0;
        var clock = Stopwatch.StartNew();
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            var original = File.ReadAllBytes(path);
            var inputs = new List<(byte[] Bytes, string Kind)> { (original, "original") };
            for (var i = 0; i < VariantsPerFile; i++)
            {
                inputs.Add(TimestampMutator.Mutate(name, original, random));
            }

            if (name.StartsWith("strava-android-app", StringComparison.Ordinal))
            {
                // The file of issue 19 itself, twice over: a second record decades away.
                inputs.Add(TimestampMutator.Mutate(name, original, new Random(19)));
            }

            foreach (var (bytes, kind) in inputs)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    var (sessions, implausible) = ImportWithoutDatabase(name, bytes);
                    analysed += sessions;
                    repaired += implausible ? 1 : 0;
                }
                catch (Exception e) when (e is ActivityFormatException or AnalyticsInputException)
                {
                    refused++;
                }
                catch (Exception e)
                {
                    failures.Add($"{name} ({kind}): {e.GetType().Name}: {e.Message}");
                }

                var allocatedBytes = GC.GetAllocatedBytesForCurrentThread() - before;
                var budgetBytes = SessionImportJob.EstimatedPeakBytes(name, bytes);
                worstShare = Math.Max(worstShare, (double)allocatedBytes / budgetBytes);
                if (allocatedBytes > budgetBytes)
                {
                    failures.Add($"{name} ({kind}): allocated {allocatedBytes >> 20} MB, the import budgets {budgetBytes >> 20} MB");
                }
            }
        }

        output.WriteLine($"{files.Count} files, {analysed} sessions analysed, {refused} inputs refused, {repaired} repaired, worst allocation {worstShare:P0} of the budget, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        // The mutants really exercise the rule, and most still carry a session.
        Assert.True(repaired >= files.Count / 2, $"only {repaired} inputs had implausible timestamps dropped");
        Assert.True(analysed >= files.Count * VariantsPerFile / 2, $"{analysed} sessions analysed, {refused} inputs refused");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed.TotalSeconds:F0} s (worst allocation {worstShare:P0} of budget)");
    }

    /// <summary>What the import job runs on an upload, short of the database: decode, build each session, its load.</summary>
    private static (int Sessions, bool Implausible) ImportWithoutDatabase(string name, byte[] bytes)
    {
        var result = ActivityDecoder.Decode(name, bytes);
        var sessions = 0;
        foreach (var activity in result.Activities)
        {
            if (!activity.Streams.IsTimeBased || (activity.StartTimeUtc ?? activity.Summary.StartTimeUtc) is not { } start)
            {
                continue;
            }

            if (!SessionImportJob.IsPlausibleStart(start, DateTime.UtcNow))
            {
                // The job refuses the entry with its reason before any analysis.
                continue;
            }

            var sport = SessionBuilder.SportName(activity.Sport);
            var session = SessionBuilder.Build(s_athlete, sport, start, SessionBuilder.ColumnsOf(activity.Streams), activity.Summary);
            var measures = new SessionLoadMeasures
            {
                PowerTss = session.Tss,
                HeartRateTss = session.HrTss,
                BanisterTrimp = session.TrimpBanister,
            };
            var load = PrimaryLoadSelector.Select(measures);
            var date = DateOnly.FromDateTime(start);
            var daily = DailyLoadAggregator.Aggregate([new DatedLoad(date, load.Value)], date.AddDays(-42), date);
            var series = TrainingLoadCalculator.Compute(date.AddDays(-42), daily);
            Assert.Equal(43, series.Length);
            Assert.True(double.IsFinite(series.Ctl[^1]));
            sessions++;
        }

        return (sessions, result.Warnings.Any(w => w.Message.Contains("implausible", StringComparison.Ordinal)));
    }
}
