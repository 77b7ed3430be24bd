using System.Diagnostics;
using System.Globalization;
using CoachPortal.Analytics;
using CoachPortal.Analytics.Load;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Ingest;
using CoachPortal.Ingest.Tests;

namespace CoachPortal.Bench;

/// <summary>
/// Long-running robustness check (not part of the tests): mutates the given device files (bit flips, truncation,
/// inserted, deleted and random bytes) and decodes each mutant strictly and leniently. Anything but an
/// <see cref="ActivityFormatException"/>, a decode over 1 s, or allocations beyond 16× the input + 4 MB is a failure;
/// the offending input is saved for a regression test. Options: --minutes N (5), --seed S (time), --out DIR (.).
/// <para>
/// With --timestamps the mutants keep their structure and lie only about time (tests/CoachPortal.Ingest.Tests/
/// TimestampMutator.cs: garbage, far jumps, swaps, invalid values, corrupt session starts), and each decoded
/// activity also goes through the session analysis (streams, curves, zones, load). Then the limit per input is the
/// import job's memory budget, 32× the input + 16 MB, on the bytes allocated and on the growth of the live heap;
/// the largest of both is printed at the end.
/// </para>
/// </summary>
internal static class FuzzCommand
{
    public static int Run(string[] args)
    {
        var minutes = 5.0;
        var seed = Environment.TickCount;
        var outDir = ".";
        var timestamps = false;
        var inputs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--minutes" when i + 1 < args.Length:
                    minutes = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--seed" when i + 1 < args.Length:
                    seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--out" when i + 1 < args.Length:
                    outDir = args[++i];
                    break;
                case "--timestamps":
                    timestamps = true;
                    break;
                default:
                    if (Directory.Exists(args[i]))
                    {
                        inputs.AddRange(Directory.GetFiles(args[i]).Where(f => Path.GetExtension(f).ToUpperInvariant() is ".FIT" or ".TCX" or ".GPX" or ".CSV" or ".ZIP").Order(StringComparer.Ordinal));
                    }
                    else
                    {
                        inputs.Add(args[i]);
                    }

                    break;
            }
        }

        if (inputs.Count == 0)
        {
            Console.Error.WriteLine("usage: CoachPortal.Bench fuzz [--timestamps] [--minutes N] [--seed S] [--out DIR] FILE|DIR...");
            return 2;
        }

        var files = inputs.Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
        var random = new Random(seed);
        var deadline = Stopwatch.StartNew();
        long iterations = 0;
        var failures = 0;
        var peak = new Peak();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# fuzz seed={seed} minutes={minutes} files={files.Count} timestamps={timestamps}"));
        while (deadline.Elapsed.TotalMinutes < minutes)
        {
            var (name, original) = files[random.Next(files.Count)];
            var (bytes, kind) = timestamps ? TimestampMutator.Mutate(name, original, random) : Mutate(original, random);
            iterations++;
            foreach (var strict in new[] { false, true })
            {
                var problem = timestamps ? CheckWithAnalysis(name, bytes, strict, peak) : Check(name, bytes, strict);
                if (problem is null)
                {
                    continue;
                }

                failures++;
                var path = Path.Combine(outDir, string.Create(CultureInfo.InvariantCulture, $"fuzz-{seed}-{iterations}-{name}"));
                File.WriteAllBytes(path, bytes);
                Console.WriteLine($"FAIL {name} ({kind}, strict={strict}): {problem} -> {path}");
            }

            if (iterations % 10000 == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {iterations} mutants, {failures} failures, {deadline.Elapsed.TotalSeconds:F0} s"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# done: {iterations} mutants ({iterations * 2} decodes), {failures} failures"));
        if (timestamps)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"# largest per input: {peak.AllocatedBytes >> 10} KB allocated ({peak.AllocatedName}), live heap +{peak.HeapGrowthBytes >> 10} KB ({peak.HeapName}); process peak working set {Environment.WorkingSet >> 20} MB now, {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MB at most"));
        }

        return failures == 0 ? 0 : 1;
    }

    private static string? Check(string name, byte[] bytes, bool strict)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        try
        {
            ActivityDecoder.Decode(name, bytes, new DecodeOptions { Strict = strict });
        }
        catch (ActivityFormatException)
        {
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }

        sw.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (sw.Elapsed > TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"took {sw.Elapsed.TotalMilliseconds:F0} ms");
        }

        return allocated > (16L * bytes.Length) + (4L << 20)
            ? string.Create(CultureInfo.InvariantCulture, $"allocated {allocated} bytes for {bytes.Length}")
            : null;
    }

    /// <summary>Decodes, analyses every activity, and holds allocation and live-heap growth to the import's budget.</summary>
    private static string? CheckWithAnalysis(string name, byte[] bytes, bool strict, Peak peak)
    {
        var budgetBytes = (32L * bytes.Length) + (16L << 20);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        long heapAfter;
        try
        {
            var result = ActivityDecoder.Decode(name, bytes, new DecodeOptions { Strict = strict });
            foreach (var activity in result.Activities)
            {
                Analyse(activity);
            }

            // Measured while the decoded activities are still alive: the most the input holds at once.
            heapAfter = GC.GetTotalMemory(forceFullCollection: false);
            GC.KeepAlive(result);
        }
        catch (Exception e) when (e is ActivityFormatException or AnalyticsInputException)
        {
            heapAfter = GC.GetTotalMemory(forceFullCollection: false);
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }

        sw.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var heapGrowth = heapAfter - heapBefore;
        peak.Observe(name, allocated, heapGrowth);
        if (sw.Elapsed > TimeSpan.FromSeconds(2))
        {
            return string.Create(CultureInfo.InvariantCulture, $"took {sw.Elapsed.TotalMilliseconds:F0} ms");
        }

        return allocated > budgetBytes || heapGrowth > budgetBytes
            ? string.Create(CultureInfo.InvariantCulture, $"allocated {allocated} bytes, heap grew {heapGrowth} bytes for {bytes.Length} (budget {budgetBytes})")
            : null;
    }

    private static void Analyse(Ingest.Activity activity)
    {
        var s = activity.Streams;
        if (!s.IsTimeBased || s.Count == 0)
        {
            return;
        }

        var streams = new SessionStreams
        {
            ElapsedSeconds = s.ElapsedSeconds,
            HeartRateBpm = ToFloat(s.HeartRate),
            SpeedMetersPerSecond = ToFloat(s.SpeedMetersPerSecond),
            PowerWatts = ToFloat(s.PowerWatts),
            CadenceRpm = ToFloat(s.Cadence),
            DistanceMeters = ToFloat(s.DistanceMeters),
            AltitudeMeters = ToFloat(s.AltitudeMeters),
        };
        var metrics = SessionAnalyzer.Analyze(streams, s_profile, new SessionAnalysisOptions
        {
            Sport = activity.Sport == Ingest.Sport.Running ? Analytics.Sessions.Sport.Running : Analytics.Sessions.Sport.Cycling,
        });
        var load = PrimaryLoadSelector.Select(new SessionLoadMeasures
        {
            PowerTss = metrics.PowerTss ?? metrics.RunningTss,
            HeartRateTss = metrics.HeartRateTss,
            BanisterTrimp = metrics.BanisterTrimp,
        });
        TrainingLoadCalculator.Compute(new DateOnly(2026, 1, 1), [0, 0, load.Value]);
    }

    private static readonly AthleteProfile s_profile = new()
    {
        Sex = Sex.Female,
        MaxHeartRateBpm = 192,
        RestingHeartRateBpm = 46,
        LactateThresholdHeartRateBpm = 172,
        FunctionalThresholdPowerWatts = 240,
        ThresholdSpeedMetersPerSecond = 4.25,
    };

    private static float[]? ToFloat(double[] column)
    {
        if (!ActivityStreams.HasValues(column))
        {
            return null;
        }

        var result = new float[column.Length];
        for (var i = 0; i < column.Length; i++)
        {
            result[i] = (float)column[i];
        }

        return result;
    }

    private sealed class Peak
    {
        public long AllocatedBytes { get; private set; }

        public string AllocatedName { get; private set; } = "-";

        public long HeapGrowthBytes { get; private set; }

        public string HeapName { get; private set; } = "-";

        public void Observe(string name, long allocatedBytes, long heapGrowthBytes)
        {
            if (allocatedBytes > AllocatedBytes)
            {
                (AllocatedBytes, AllocatedName) = (allocatedBytes, name);
            }

            if (heapGrowthBytes > HeapGrowthBytes)
            {
                (HeapGrowthBytes, HeapName) = (heapGrowthBytes, name);
            }
        }
    }

    // The same damage as the robustness tests (tests/CoachPortal.Ingest.Tests/Mutator.cs).
    private static (byte[] Bytes, string Kind) Mutate(byte[] input, Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                {
                    var b = (byte[])input.Clone();
                    for (var i = random.Next(1, 9); i > 0 && b.Length > 0; i--)
                    {
                        b[random.Next(b.Length)] ^= (byte)(1 << random.Next(8));
                    }

                    return (b, "bit flips");
                }

            case 1:
                return (input[..random.Next(0, input.Length)], "truncation");
            case 2:
                {
                    var at = random.Next(0, input.Length + 1);
                    var extra = new byte[random.Next(1, 17)];
                    random.NextBytes(extra);
                    return ([.. input[..at], .. extra, .. input[at..]], "insertion");
                }

            case 3:
                {
                    var at = random.Next(0, input.Length);
                    var n = Math.Min(random.Next(1, 33), input.Length - at);
                    return ([.. input[..at], .. input[(at + n)..]], "deletion");
                }

            case 4:
                {
                    var b = (byte[])input.Clone();
                    var at = random.Next(0, b.Length);
                    var n = Math.Min(random.Next(1, 65), b.Length - at);
                    random.NextBytes(b.AsSpan(at, n));
                    return (b, "overwrite");
                }

            default:
                {
                    var b = new byte[random.Next(0, Math.Max(1, input.Length))];
                    random.NextBytes(b);
                    if (random.Next(2) == 0)
                    {
                        input.AsSpan(0, Math.Min(Math.Min(input.Length, b.Length), 64)).CopyTo(b);
                    }

                    return (b, "random bytes");
                }
        }
    }
}
