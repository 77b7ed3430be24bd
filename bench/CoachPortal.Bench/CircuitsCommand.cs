using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using CoachPortal.Core.Data;
using CoachPortal.Core.Load.Recompute;
using CoachPortal.Core.Security;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Bench;

/// <summary>
/// Live Blazor circuits on one box: serves the real portal in process over a small club, opens N real Chromium pages
/// (a child process drives them) on an interactive screen, and reports the server's managed heap and working set per
/// idle circuit and the latency of a UI event fired on every page at once.
/// </summary>
internal static class CircuitsCommand
{
    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var count = BenchArgs.Int(args, "--count", 100);
        var teams = BenchArgs.Int(args, "--teams", 2);
        var athleteCount = BenchArgs.Int(args, "--athletes", 20);
        var rounds = BenchArgs.Int(args, "--rounds", 6);
        var batch = BenchArgs.Int(args, "--batch", 10);
        var screen = BenchArgs.Text(args, "--screen", "calendar");
        if (screen is not ("calendar" or "dashboard") && !screen.StartsWith('/'))
        {
            Console.Error.WriteLine("--screen is calendar (a team calendar, event: next/previous week), dashboard (an athlete dashboard, event: range 6 wk/3 mo) or a path (memory only, no events)");
            return 2;
        }

        var directory = Path.Combine(Path.GetTempPath(), "coachportal-circuits", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        Console.WriteLine($"circuits: {count} on the {screen} screen; club of {teams} teams, {athleteCount} athletes; {(GCSettings.IsServerGC ? "server" : "workstation")} GC; {Environment.ProcessorCount} cores");
        var counter = new CircuitCounter();
        try
        {
            await using var host = new ClubHost(directory, services =>
            {
                services.AddSingleton(counter);
                services.AddSingleton<CircuitHandler>(counter);
            });
            var club = new ClubBuilder(host.Services, await AdminAsync(host));
            await club.BuildAsync(teams, athleteCount, years: 1);
            if (screen == "dashboard")
            {
                await RecomputeAsync(host, club);
            }

            var targets = Path.Combine(directory, "targets.tsv");
            await File.WriteAllLinesAsync(targets, Enumerable.Range(0, count + 1).Select(i => Target(club, teams, screen, i)));
            var hold = BenchArgs.Int(args, "--hold", 0);
            var figures = await DriveAsync(host, counter, screen, rounds, batch, targets, count, hold);
            figures.Print(count, screen);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // The temp folder is cleaned eventually.
            }
        }
    }

    /// <summary>Page i: coach i mod T on their team's calendar, or on the dashboard of one of their athletes.</summary>
    private static string Target(ClubBuilder club, int teams, string screen, int i)
    {
        var coach = i % teams;
        if (screen == "calendar")
        {
            return $"coach{coach}@club.bench\t/teams/{club.Teams[coach]}/calendar";
        }

        if (screen.StartsWith('/'))
        {
            return $"coach{coach}@club.bench\t{screen}";
        }

        var own = club.Athletes.Where((_, index) => index % teams == coach).ToList();
        return $"coach{coach}@club.bench\t/athletes/{own[i / teams % own.Count]}/dashboard";
    }

    private static async Task<CircuitFigures> DriveAsync(ClubHost host, CircuitCounter counter, string screen, int rounds, int batch, string targets, int count, int holdSeconds)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            // started as "dotnet CoachPortal.Bench.dll": the child needs the assembly too
            start.ArgumentList.Add(typeof(CircuitsCommand).Assembly.Location);
        }

        foreach (var a in new[] { "circuits-browser", host.BaseAddress.ToString().TrimEnd('/'), screen, rounds.ToString(CultureInfo.InvariantCulture), batch.ToString(CultureInfo.InvariantCulture), targets })
        {
            start.ArgumentList.Add(a);
        }

        using var browser = Process.Start(start) ?? throw new InvalidOperationException("The browser process did not start.");
        try
        {
            await ExpectAsync(browser, "warm");
            await SettleAsync(counter, 1);
            var before = MemoryNow(counter);
            var clock = Stopwatch.StartNew();
            await browser.StandardInput.WriteLineAsync("open");
            var ready = await ExpectAsync(browser, "ready");
            var openSeconds = clock.Elapsed.TotalSeconds;
            await SettleAsync(counter, count + 1);
            var idle = MemoryNow(counter);
            if (holdSeconds > 0)
            {
                // Time to take a heap snapshot of this process (dotnet-gcdump collect -p PID) with the circuits idle.
                Console.WriteLine($"holding {holdSeconds} s with {counter.Open} circuits open; process {Environment.ProcessId}");
                await Task.Delay(TimeSpan.FromSeconds(holdSeconds));
            }

            if (screen.StartsWith('/') || rounds == 0)
            {
                await browser.StandardInput.WriteLineAsync("quit");
                await browser.WaitForExitAsync();
                return new CircuitFigures(before, idle, double.Parse(ready, CultureInfo.InvariantCulture), openSeconds, [], 0, 0, 0, 0, []);
            }

            _ = counter.TakeActivities();
            var cpu = CpuNow();
            clock.Restart();
            await browser.StandardInput.WriteLineAsync("events");
            var line = await ExpectAsync(browser, "latency");
            var eventSeconds = clock.Elapsed.TotalSeconds;
            var after = CpuNow();
            await browser.StandardInput.WriteLineAsync("quit");
            await browser.WaitForExitAsync();
            var latencies = line.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).Order().ToList();
            return new CircuitFigures(before, idle, double.Parse(ready, CultureInfo.InvariantCulture), openSeconds, latencies, eventSeconds,
                after.Server - cpu.Server, after.Busy - cpu.Busy, after.Total - cpu.Total, counter.TakeActivities());
        }
        finally
        {
            if (!browser.HasExited)
            {
                browser.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<string> ExpectAsync(Process browser, string word)
    {
        while (await browser.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == word || line.StartsWith(word + " ", StringComparison.Ordinal))
            {
                return line[word.Length..].Trim();
            }

            Console.WriteLine(line);
        }

        throw new InvalidOperationException($"The browser process ended before '{word}' (exit {(browser.HasExited ? browser.ExitCode : -1)}).");
    }

    /// <summary>Waits until the server sees every page's circuit connected, then lets prerender scopes and queues drain.</summary>
    private static async Task SettleAsync(CircuitCounter counter, int expected)
    {
        var clock = Stopwatch.StartNew();
        while (counter.Connected < expected && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
    }

    /// <summary>The managed heap after full, compacting collections, and the process's working set.</summary>
    private static MemoryFigures MemoryNow(CircuitCounter counter)
    {
        for (var i = 0; i < 3; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        return new MemoryFigures(managed, self.WorkingSet64, counter.Open, counter.Connected);
    }

    /// <summary>This process's CPU time, and the machine's busy and total jiffies (/proc/stat, all cores).</summary>
    private static (double Server, long Busy, long Total) CpuNow()
    {
        using var self = Process.GetCurrentProcess();
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        return (self.TotalProcessorTime.TotalSeconds, fields.Sum() - idle, fields.Sum());
    }

    private static async Task RecomputeAsync(ClubHost host, ClubBuilder club)
    {
        foreach (var athlete in club.Athletes)
        {
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<LoadRecomputeScheduler>().ScheduleFullAsync(athlete);
            await scope.ServiceProvider.GetRequiredService<LoadRecomputeJob>().RunAsync(athlete, CancellationToken.None);
        }
    }

    private static async Task<Caller> AdminAsync(ClubHost host)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return Caller.Of((await users.FindByEmailAsync(ClubHost.AdminEmail))!.Id, Roles.Admin);
    }
}
