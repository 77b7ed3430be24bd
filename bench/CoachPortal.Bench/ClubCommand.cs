using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using CoachPortal.Core.Data;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Datasets;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Forecasting.Scoring;
using CoachPortal.Core.Load.Recompute;
using CoachPortal.Core.Security;
using CoachPortal.Learning;
using CoachPortal.Learning.Forecasting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Bench;

/// <summary>
/// A whole club on one box: builds it through the portal's services, then times each coach and athlete screen as the
/// server renders it (prerendered GET through Kestrel), counts its SQL commands, times the load recompute of every
/// athlete and the scoring of every athlete, and reports the database's size.
/// </summary>
internal static class ClubCommand
{
    private static int s_repeats = 7;

    private static string? s_only;

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var teams = BenchArgs.Int(args, "--teams", 4);
        var athleteCount = BenchArgs.Int(args, "--athletes", 40);
        var years = BenchArgs.Int(args, "--years", 1);
        // --reuse DIR times the screens of a club that an earlier run left with --keep, without building, recomputing
        // or scoring it again (for timing a screen after a change; --scoring scores it again with the model version it
        // kept); --no-scoring skips training and scoring.
        var reuse = BenchArgs.Text(args, "--reuse");
        var rescore = reuse is not null && args.Contains("--scoring");
        var noScoring = (reuse is not null && !rescore) || args.Contains("--no-scoring");
        s_repeats = BenchArgs.Int(args, "--repeats", s_repeats); // times each screen is measured after its warm-up
        s_only = BenchArgs.Text(args, "--only"); // times only the screens whose path ends with this
        var directory = reuse ?? Path.Combine(Path.GetTempPath(), "coachportal-club", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        Console.WriteLine(reuse is null ? $"club: {teams} teams, {athleteCount} athletes, {years} years, in {directory}" : $"club: reusing {directory}");
        try
        {
            await using var host = new ClubHost(directory);
            var admin = await AdminAsync(host);
            var clock = Stopwatch.StartNew();
            var club = new ClubBuilder(host.Services, admin);
            if (reuse is null)
            {
                await club.BuildAsync(teams, athleteCount, years);
                Console.WriteLine($"built in {clock.Elapsed.TotalSeconds:F0} s");
            }
            else
            {
                await club.ReadAsync();
                (teams, athleteCount, years) = (club.Teams.Count, club.Athletes.Count, club.Years);
            }

            var recompute = reuse is not null ? default : await RecomputeAsync(host, club);
            var scoring = noScoring ? (Line: "scoring: not measured", Summary: "scoring not measured") : await ScoreAsync(host, club, admin, rescore);
            var rows = await ScreensAsync(host, club);
            // Uploads change the club, so a reused one is only uploaded to when asked (once: a second time is a duplicate).
            var uploads = reuse is null || args.Contains("--uploads") ? await ClubUploads.RunAsync(host, club) : "uploads: not measured";
            var size = new DirectoryInfo(directory).EnumerateFiles("coachportal.db*").Sum(f => f.Length);
            var counts = await CountsAsync(host);

            Console.WriteLine();
            Console.WriteLine("| screen | who | p50 ms | max ms | CPU p50 ms | SQL commands |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var r in rows)
            {
                Console.WriteLine(FormattableString.Invariant($"| {r.Screen} | {r.Who} | {r.P50:F1} | {r.Max:F1} | {r.CpuP50:F1} | {r.Commands} |"));
            }

            Console.WriteLine();
            Console.WriteLine(FormattableString.Invariant($"rows: {counts}"));
            Console.WriteLine(FormattableString.Invariant($"load recompute (full history, every athlete, one job each): {recompute.TotalSeconds:F1} s wall, {recompute.CpuSeconds:F1} s CPU, {recompute.PerAthleteMs:F0} ms per athlete"));
            Console.WriteLine(scoring.Line);
            Console.WriteLine(uploads);
            Console.WriteLine(FormattableString.Invariant($"database: {size / 1048576.0:F0} MiB"));
            var worstCoach = rows.Where(r => r.Who == "coach").MaxBy(r => r.P50)!;
            Console.WriteLine(FormattableString.Invariant(
                $"club: {teams} teams, {athleteCount} athletes, {years} y; slowest coach screen {worstCoach.Screen} p50 {worstCoach.P50:F0} ms ({worstCoach.CpuP50:F0} ms CPU); SQL per screen {rows.Min(r => r.Commands)}-{rows.Max(r => r.Commands)}; recompute {recompute.TotalSeconds:F0} s; {scoring.Summary}; db {size / 1048576.0:F0} MiB"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (args.Contains("--keep") || reuse is not null)
            {
                Console.WriteLine($"kept: {directory}");
            }
            else
            {
                TryDelete(directory);
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned eventually.
        }
    }

    private static async Task<Caller> AdminAsync(ClubHost host)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return Caller.Of((await users.FindByEmailAsync(ClubHost.AdminEmail))!.Id, Roles.Admin);
    }

    private static async Task<(double TotalSeconds, double CpuSeconds, double PerAthleteMs)> RecomputeAsync(ClubHost host, ClubBuilder club)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var athlete in club.Athletes)
        {
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<LoadRecomputeScheduler>().ScheduleFullAsync(athlete);
            await scope.ServiceProvider.GetRequiredService<LoadRecomputeJob>().RunAsync(athlete, CancellationToken.None);
        }

        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return (clock.Elapsed.TotalSeconds, used, clock.Elapsed.TotalMilliseconds / club.Athletes.Count);
    }

    /// <summary>
    /// Trains a readiness GRU on the first team as the Models page would, promotes it, and widens it to the whole
    /// club (training on every athlete is not what is measured here), then scores athletes one by one and all at once.
    /// A reused club is scored with the version its first run left active.
    /// </summary>
    private static async Task<(string Line, string Summary)> ScoreAsync(ClubHost host, ClubBuilder club, Caller admin, bool reuse)
    {
        try
        {
            using var scope = host.Services.CreateScope();
            var sp = scope.ServiceProvider;
            if (reuse)
            {
                await using var kept = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
                var active = await kept.ModelVersions.Where(v => v.Status == ModelVersionStatus.Active && v.Target == ForecastTarget.Readiness)
                    .OrderByDescending(v => v.Id).Select(v => (int?)v.Id).FirstOrDefaultAsync();
                return active is null
                    ? ("scoring: not measured (the kept club has no active readiness version)", "scoring not measured")
                    : await MeasureScoringAsync(sp, club, active.Value, "kept readiness GRU");
            }

            var models = sp.GetRequiredService<ModelService>();
            var runId = await models.StartTrainingAsync(admin, new TrainingRunInput
            {
                Target = ForecastTarget.Readiness,
                Architecture = ModelKind.GruForecaster,
                Scope = ModelScope.Team,
                TeamId = club.Teams[0],
                Epochs = 5,
            });
            var clock = Stopwatch.StartNew();
            await sp.GetRequiredService<ModelTrainingJob>().RunAsync(runId, CancellationToken.None);
            var trainSeconds = clock.Elapsed.TotalSeconds;
            await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var versionId = await db.ModelVersions.Where(v => v.TrainingRunId == runId).Select(v => (int?)v.Id).FirstOrDefaultAsync();
            if (versionId is null)
            {
                var run = await db.TrainingRuns.AsNoTracking().FirstAsync(r => r.Id == runId);
                return ($"scoring: not measured (training ended {run.Status}: {run.FailureReason})", "scoring not measured");
            }

            await models.PromoteAsync(admin, versionId.Value, "Club benchmark");
            await db.ModelVersions.Where(v => v.Id == versionId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Scope, ModelScope.Club).SetProperty(v => v.TeamId, (int?)null));
            return await MeasureScoringAsync(sp, club, versionId.Value, FormattableString.Invariant($"readiness GRU, trained {trainSeconds:F1} s on team 1"));
        }
        catch (Exception e) when (e is InvalidOperationException or DomainException or DbUpdateException)
        {
            return ($"scoring: not measured ({e.GetType().Name}: {e.Message})", "scoring not measured");
        }
    }

    private static async Task<(string Line, string Summary)> MeasureScoringAsync(IServiceProvider sp, ClubBuilder club, int versionId, string what)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var clock = new Stopwatch();
        var job = sp.GetRequiredService<ModelScoringJob>();
        // Nothing scored yet, so that the per-athlete job (which skips athletes with fresh forecasts) does its work.
        await db.ModelPredictions.ExecuteDeleteAsync();
        var one = new List<double>();
        foreach (var athlete in club.Athletes.Take(Math.Min(50, club.Athletes.Count)))
        {
            var t = Stopwatch.StartNew();
            await job.RunForAthleteAsync(athlete, CancellationToken.None);
            one.Add(t.Elapsed.TotalMilliseconds);
        }

        var writtenOne = await db.ModelPredictions.CountAsync();
        await db.ModelPredictions.ExecuteDeleteAsync();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        await job.RunAsync(CancellationToken.None);
        var all = clock.Elapsed.TotalSeconds;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var written = await db.ModelPredictions.CountAsync();
        one.Sort();
        var p50 = one[one.Count / 2];
        var engine = EngineOnly(await db.ModelVersions.Where(v => v.Id == versionId).Select(v => v.OnnxBytes).FirstAsync(), club.Athletes.Count);
        return (FormattableString.Invariant($"scoring ({what}): all {club.Athletes.Count} athletes {all:F2} s wall, {used:F2} s CPU, {written} predictions; one athlete (job, reads included) p50 {p50:F1} ms over {one.Count} ({writtenOne} predictions); {engine}"),
            FormattableString.Invariant($"scoring all {all:F1} s wall {used:F1} s CPU, one p50 {p50:F1} ms"));
    }

    /// <summary>
    /// The ONNX Runtime scoring alone, on the CPU, with the version's own input shape (values do not change its cost):
    /// one athlete at a time, and every athlete of the club in one batch. A readiness version is a zip of ensemble
    /// members (<see cref="ReadinessModel"/>); each is run, as the scoring job does.
    /// </summary>
    private static string EngineOnly(byte[] stored, int athletes)
    {
        var members = new List<ModelScorer>();
        try
        {
            if (ReadinessSeries.IsReadinessModel(stored))
            {
                using var zip = new ZipArchive(new MemoryStream(stored), ZipArchiveMode.Read);
                foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".onnx", StringComparison.Ordinal)))
                {
                    using var bytes = new MemoryStream();
                    using (var s = entry.Open())
                    {
                        s.CopyTo(bytes);
                    }

                    members.Add(new ModelScorer(bytes.ToArray()));
                }
            }
            else
            {
                members.Add(new ModelScorer(stored));
            }

            var (steps, features) = (members[0].Steps, members[0].Features);
            var one = new float[1, steps, features];
            var all = new float[athletes, steps, features];
            var random = new Random(7);
            for (var t = 0; t < steps; t++)
            {
                for (var f = 0; f < features; f++)
                {
                    one[0, t, f] = (float)random.NextDouble();
                    for (var a = 0; a < athletes; a++)
                    {
                        all[a, t, f] = one[0, t, f];
                    }
                }
            }

            void ScoreAll(float[,,] input)
            {
                foreach (var m in members)
                {
                    m.Score(input);
                }
            }

            ScoreAll(one);
            var times = new List<double>();
            for (var i = 0; i < 200; i++)
            {
                var clock = Stopwatch.StartNew();
                ScoreAll(one);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            var batch = Stopwatch.StartNew();
            ScoreAll(all);
            return FormattableString.Invariant($"engine only (ONNX Runtime, CPU, {members.Count} ensemble members): one athlete p50 {times[100]:F3} ms over 200, all {athletes} in one batch {batch.Elapsed.TotalMilliseconds:F0} ms");
        }
        finally
        {
            foreach (var m in members)
            {
                m.Dispose();
            }
        }
    }

    private static async Task<List<ScreenTiming>> ScreensAsync(ClubHost host, ClubBuilder club)
    {
        var team = club.Teams[0];
        var athlete = club.Athletes[0];
        var coachScreens = new[]
        {
            "/", "/teams", $"/teams/{team}", $"/teams/{team}/board", $"/teams/{team}/calendar", "/board",
            $"/athletes/{athlete}", $"/athletes/{athlete}/dashboard", $"/athletes/{athlete}/sessions", $"/athletes/{athlete}/calendar",
            $"/sessions/{club.FirstSession}", "/plans/templates", "/models",
        };
        var athleteScreens = new[] { "/me/today", "/me/training", "/me/wellness", "/me/calendar", "/me/sessions" };
        var rows = new List<ScreenTiming>();
        using (var coach = await host.SignedInAsync(ClubBuilder.FirstCoachEmail))
        {
            foreach (var path in coachScreens)
            {
                await TryMeasureAsync(rows, host, coach, path, "coach");
            }
        }

        using (var own = await host.SignedInAsync(ClubBuilder.AthleteEmail))
        {
            foreach (var path in athleteScreens)
            {
                await TryMeasureAsync(rows, host, own, path, "athlete");
            }
        }

        return rows;
    }

    private static async Task TryMeasureAsync(List<ScreenTiming> rows, ClubHost host, HttpClient client, string path, string who)
    {
        if (s_only is not null && !path.EndsWith(s_only, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            rows.Add(await MeasureAsync(host, client, path, who));
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"skipped {path}: {e.Message}");
        }
    }

    private static async Task<ScreenTiming> MeasureAsync(ClubHost host, HttpClient client, string path, string who)
    {
        await GetAsync(client, path); // warm: compiles the queries and the components
        var times = new List<double>();
        var cpuTimes = new List<double>();
        var commands = 0;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < s_repeats; i++)
        {
            host.Commands.Clear();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await GetAsync(client, path);
            times.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpuTimes.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
            commands = host.Commands.For(path);
        }

        times.Sort();
        cpuTimes.Sort();
        return new ScreenTiming(path, who, times[times.Count / 2], times[^1], cpuTimes[cpuTimes.Count / 2], commands);
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<string> CountsAsync(ClubHost host)
    {
        using var scope = host.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var sessions = await db.TrainingSessions.CountAsync();
        var checkIns = await db.WellnessCheckIns.CountAsync();
        var loads = await db.DailyLoads.CountAsync();
        var planned = await db.PlannedSessions.CountAsync();
        return string.Create(CultureInfo.InvariantCulture, $"{sessions} sessions, {checkIns} check-ins, {loads} daily loads, {planned} planned sessions");
    }



    /// <summary>
    /// One screen's server time as the client waits for it, and the CPU this process spent meanwhile (the server's
    /// work plus the client's small share): on a machine shared with other work the CPU figure moves far less than
    /// the wall time.
    /// </summary>
    private sealed record ScreenTiming(string Screen, string Who, double P50, double Max, double CpuP50, int Commands);
}
