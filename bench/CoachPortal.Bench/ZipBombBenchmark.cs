using System.Diagnostics;
using System.IO.Compression;
using CoachPortal.Ingest;
using CoachPortal.Ingest.Archives;

namespace CoachPortal.Bench;

/// <summary>
/// Peak memory while several uploads of a zip bomb (one entry of 1 GB of zeros) are decoded at once, each refused at
/// its ratio limit. Prints the idle working set, the peak above it and the managed heap's peak above idle.
/// </summary>
internal static class ZipBombBenchmark
{
    public static int Run(string[] args)
    {
        var concurrent = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 4;
        var gigabytes = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var bomb = Build(gigabytes);
        Console.WriteLine($"bomb: {gigabytes} GB of zeros in {bomb.Length:N0} bytes ({(double)gigabytes * (1L << 30) / bomb.Length:F0}×), {concurrent} decoded at once");

        using var process = Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        process.Refresh();
        var idleWorkingSet = process.WorkingSet64;
        var idleHeap = GC.GetTotalMemory(forceFullCollection: false);

        long peakWorkingSet = idleWorkingSet;
        long peakHeap = idleHeap;
        var done = false;
        var sampler = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(5);
            }
        });
        sampler.Start();
        var stopwatch = Stopwatch.StartNew();
        var refusals = Enumerable.Range(0, concurrent).AsParallel().WithDegreeOfParallelism(concurrent).Select(_ =>
        {
            try
            {
                ZipActivityDecoder.DecodeEntries(bomb);
                return "decoded (not refused!)";
            }
            catch (ActivityFormatException e)
            {
                return e.Message;
            }
        }).ToList();
        stopwatch.Stop();
        Volatile.Write(ref done, true);
        sampler.Join();

        Console.WriteLine($"refused: {refusals[0]}");
        Console.WriteLine($"time: {stopwatch.Elapsed.TotalSeconds:F2} s for {concurrent} uploads");
        Console.WriteLine($"working set: idle {idleWorkingSet / 1048576.0:F1} MB, peak {peakWorkingSet / 1048576.0:F1} MB, above idle {(peakWorkingSet - idleWorkingSet) / 1048576.0:F1} MB");
        Console.WriteLine($"managed heap: peak above idle {(peakHeap - idleHeap) / 1048576.0:F1} MB");
        return refusals.All(r => r.Contains("inflates", StringComparison.Ordinal)) ? 0 : 1;
    }

    private static byte[] Build(int gigabytes)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("zeros.fit", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < gigabytes * 1024; i++)
            {
                entry.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
