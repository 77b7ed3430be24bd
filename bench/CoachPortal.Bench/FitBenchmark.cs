using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using CoachPortal.Ingest;
using CoachPortal.Ingest.Fit;

namespace CoachPortal.Bench;

/// <summary>
/// Decodes FIT files into activities and prints one line per file in the format of ../shared/bench/README.md, so the
/// figures join with the peer's (fit-file-parser) in one run. Options: --reps N (10), --warmup N (3).
/// </summary>
internal static class FitBenchmark
{
    public static int Run(string[] args)
    {
        var reps = 10;
        var warmup = 3;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--reps" when i + 1 < args.Length:
                    reps = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--warmup" when i + 1 < args.Length:
                    warmup = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        if (files.Count == 0 || reps < 1)
        {
            Console.Error.WriteLine("usage: CoachPortal.Bench fit [--reps N] [--warmup N] FILE...");
            return 2;
        }

        var version = typeof(ActivityDecoder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
        var peer = $"coachportal-{version}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# peer={peer} dotnet={Environment.Version} reps={reps} warmup={warmup} cores={Environment.ProcessorCount} (one thread)"));
        var status = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            try
            {
                DecodeResult result = null!;
                // At least half a second of warm-up as well: tiered JIT promotes hot methods to optimised code only
                // after a 100 ms delay, which three fast decodes do not reach.
                var warm = Stopwatch.StartNew();
                for (var i = 0; i < warmup || warm.ElapsedMilliseconds < 500; i++)
                {
                    result = FitActivityDecoder.Decode(bytes);
                }

                var times = new double[reps];
                long allocated = 0;
                // Wall time includes waiting for a core on a busy machine; process CPU time (this thread plus the
                // GC) over all timed runs is the one-core cost.
                using var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                for (var i = 0; i < reps; i++)
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var sw = Stopwatch.StartNew();
                    result = FitActivityDecoder.Decode(bytes);
                    sw.Stop();
                    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    times[i] = sw.Elapsed.TotalMilliseconds;
                }

                process.Refresh();
                var cpuPerDecode = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / reps;
                Array.Sort(times);
                var median = reps % 2 == 1 ? times[reps / 2] : (times[(reps / 2) - 1] + times[reps / 2]) / 2;
                var summary = result.FitSummary!;
                var streamBytes = 0L;
                foreach (var a in result.Activities)
                {
                    // 9 double columns + the int time column per row.
                    streamBytes += a.Streams.Count * ((9 * 8) + 4);
                }

                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"peer={peer} file={Path.GetFileName(file)} bytes={bytes.Length} records={summary.RecordCount} messages={summary.MessageCount} median_ms={median:F3} mb_per_s={bytes.Length / 1e6 / (median / 1000):F2}"));
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"# file={Path.GetFileName(file)} min_ms={times[0]:F3} cpu_ms={cpuPerDecode:F3} cpu_mb_per_s={bytes.Length / 1e6 / (cpuPerDecode / 1000):F2} allocated_bytes={allocated} output_stream_bytes={streamBytes} other_over_input={(allocated - streamBytes) / (double)bytes.Length:F2} activities={result.Activities.Count} warnings={result.Warnings.Count}"));
            }
            catch (ActivityFormatException e)
            {
                Console.WriteLine($"# peer={peer} file={Path.GetFileName(file)} error={e.Message.Replace(' ', '_')}");
                status = 1;
            }
        }

        return status;
    }
}
