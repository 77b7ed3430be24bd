using System.Diagnostics;

namespace CoachPortal.Core.Tests.Jobs;

/// <summary>
/// The short form of <c>bench crash</c>: the real worker host is killed with SIGKILL while uploads and a training run
/// are in flight, restarted, and the run must end with nothing lost, stored twice or half-written.
/// </summary>
public sealed class CrashRunTests
{
    [Fact]
    public async Task AWorkerKilledThreeTimesLosesAndDuplicatesNothing()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<configuration>/net10.0
        var root = RepositoryRoot();
        var bench = Path.Combine(root, "bench", "CoachPortal.Bench", "bin", configuration, "net10.0", "CoachPortal.Bench.dll");
        var worker = Path.Combine(root, "src", "CoachPortal.Worker", "bin", configuration, "net10.0", "CoachPortal.Worker.dll");
        Assert.True(File.Exists(bench), bench);
        Assert.True(File.Exists(worker), worker);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { bench, "crash", "--kills", "3", "--recover-every", "3", "--uploads", "2", "--seed", "7", "--worker", worker })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await errors;

        var summary = text.Split('\n').Last(l => l.StartsWith("crash:", StringComparison.Ordinal));
        Assert.Contains("kills=3 uploads=6 lost=0 duplicated=0 half_written=0 integrity=ok runs=1 one_version=1", summary, StringComparison.Ordinal);
        Assert.EndsWith(" ok", summary.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(0, process.ExitCode);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoachPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CoachPortal.sln not found above the test binaries");
    }
}
