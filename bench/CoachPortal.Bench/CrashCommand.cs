using System.Diagnostics;
using System.Globalization;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Core.Teams;
using CoachPortal.Learning;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Bench;

/// <summary>
/// Kills the real worker host with SIGKILL at random moments while uploads and training runs are in flight, restarts
/// it, and checks what the portal promises after a crash: no session lost or stored twice, no half-written row, every
/// acknowledged upload imported within two minutes of a restart, one model version per training run. This process
/// plays the web app (it migrates the database and calls the upload and training services); the worker serves every
/// queue. Every <c>--recover-every</c> kills the worker is left running until all work is done, which times the
/// recovery. Usage: crash [--kills N] [--recover-every N] [--uploads N] [--seed S] [--worker DLL] [--corpus DIR].
/// </summary>
internal static class CrashCommand
{
    private const string Password = BenchHost.Password;
    private static readonly TimeSpan s_recoveryLimit = TimeSpan.FromMinutes(2);
    private static readonly string[] s_databases = ["coachportal.db", "jobs.db"];
    private static readonly string[] s_corpusFiles = ["fit/garmin-fenix-5-run.fit", "fit/garmin-fenix-5-bike.fit", "fit/garmin-fenix-5-walk.fit"];

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var kills = BenchArgs.Int(args, "--kills", 100);
        var recoverEvery = BenchArgs.Int(args, "--recover-every", 10);
        var uploadsPerLife = BenchArgs.Int(args, "--uploads", 2);
        var random = new Random(BenchArgs.Int(args, "--seed", 1));
        var worker = BenchArgs.Text(args, "--worker") ?? Path.Combine(RepositoryRoot(), "src", "CoachPortal.Worker", "bin", "Release", "net10.0", "CoachPortal.Worker.dll");
        var corpus = BenchArgs.Text(args, "--corpus") ?? BenchCorpus.Find()
            ?? throw new DirectoryNotFoundException("the shared corpus (shared/corpus) was not found above the bench binaries; pass --corpus");
        if (!File.Exists(worker))
        {
            throw new FileNotFoundException($"the worker host was not built: {worker} (build the bench in Release, or pass --worker)");
        }

        var files = s_corpusFiles.Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(Path.Combine(corpus, f)))).ToArray();
        var directory = Path.Combine(Path.GetTempPath(), "coachportal-crash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        Console.WriteLine($"crash bench: {kills} kills of {Path.GetFileName(worker)}, recovery timed every {recoverEvery}, {uploadsPerLife} uploads per life, data in {directory}");

        using var host = BenchHost.Create(directory);
        var services = host.Services;
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var (coach, teamId) = await CoachOfNewTeamAsync(services);
        using (var scope = services.CreateScope())
        {
            // Simulated history for a few athletes, so every training run has data to train on.
            var athletes = scope.ServiceProvider.GetRequiredService<AthleteService>();
            for (var k = 1; k <= 3; k++)
            {
                await athletes.CreateAsync(coach, teamId, new AthleteInput { FirstName = "History", LastName = k.ToString(CultureInfo.InvariantCulture), Sport = "Running" });
            }

            await scope.ServiceProvider.GetRequiredService<ModelDemoSeeder>().SeedUncheckedAsync(teamId, days: 200);
        }

        var world = new World(services, coach, teamId, files);
        var recoveries = new List<double>();
        var everything = new List<double>();
        var lifetimes = new List<double>();
        await world.StartTrainingAsync();
        var killed = 0;
        var failures = new List<string>();
        while (killed < kills)
        {
            using var child = StartWorker(worker, directory);
            var life = TimeSpan.FromMilliseconds(random.Next(300, 4000));
            var clock = Stopwatch.StartNew();
            for (var u = 0; u < uploadsPerLife; u++)
            {
                var at = life * random.NextDouble();
                if (at > clock.Elapsed)
                {
                    await Task.Delay(at - clock.Elapsed);
                }

                await world.UploadAsync();
            }

            if (life > clock.Elapsed)
            {
                await Task.Delay(life - clock.Elapsed);
            }

            Kill(child);
            killed++;
            lifetimes.Add(clock.Elapsed.TotalSeconds);
            if (killed % recoverEvery == 0 || killed == kills)
            {
                var (uploadSeconds, seconds) = await RecoverAsync(worker, directory, world);
                recoveries.Add(uploadSeconds);
                everything.Add(seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  after {killed,4} kills: {world.Uploads.Count} uploads imported {uploadSeconds:F1} s after the restart; {world.Runs.Count} runs, all done after {seconds:F1} s"));
                if (uploadSeconds > s_recoveryLimit.TotalSeconds)
                {
                    failures.Add($"uploads after kill {killed} took {uploadSeconds:F0} s to import");
                }

                if (killed < kills)
                {
                    await world.StartTrainingAsync();
                }
            }
        }

        var check = await CheckAsync(services, directory, world);
        SqliteConnection.ClearAllPools();
        failures.AddRange(check.Failures);
        recoveries.Sort();
        var p50 = recoveries[recoveries.Count / 2];
        var max = recoveries[^1];
        Console.WriteLine($"  uploads acknowledged {world.Uploads.Count}, imported {check.Imported}, lost {check.Lost}, sessions stored twice {check.Duplicated}");
        Console.WriteLine($"  half-written rows {check.HalfWritten}, integrity_check {check.Integrity}");
        Console.WriteLine($"  training runs {world.Runs.Count}, with exactly one model version {check.RunsWithOneVersion}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  worker lifetime before a kill: mean {lifetimes.Average():F1} s; uploads imported after a restart: p50 {p50:F1} s, max {max:F1} s ({recoveries.Count} timed); everything incl. retraining: max {everything.Max():F1} s"));
        foreach (var failure in failures)
        {
            Console.WriteLine($"  FAIL: {failure}");
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // a file may still be held for a moment; the temp folder is cleaned eventually
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"crash: kills={killed} uploads={world.Uploads.Count} lost={check.Lost} duplicated={check.Duplicated} half_written={check.HalfWritten} integrity={check.Integrity} runs={world.Runs.Count} one_version={check.RunsWithOneVersion} recovery_p50={p50:F1}s recovery_max={max:F1}s {(failures.Count == 0 ? "ok" : "FAILED")}"));
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Starts the worker and waits until every acknowledged upload and every run is done; returns the seconds until
    /// the uploads were imported and until everything was done.
    /// </summary>
    private static async Task<(double Uploads, double All)> RecoverAsync(string worker, string directory, World world)
    {
        using var child = StartWorker(worker, directory);
        var clock = Stopwatch.StartNew();
        double? uploads = null;
        while (true)
        {
            var (uploadsDone, runsDone) = await world.DoneAsync();
            if (uploadsDone)
            {
                uploads ??= clock.Elapsed.TotalSeconds;
            }

            if ((uploadsDone && runsDone) || clock.Elapsed > s_recoveryLimit + TimeSpan.FromMinutes(1))
            {
                break;
            }

            await Task.Delay(250);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Kill(child);
        return (uploads ?? seconds, seconds);
    }

    private sealed record CheckResult(int Imported, int Lost, int Duplicated, int HalfWritten, string Integrity, int RunsWithOneVersion, List<string> Failures);

    private static async Task<CheckResult> CheckAsync(IServiceProvider services, string directory, World world)
    {
        var failures = new List<string>();
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var ids = world.Uploads;
        var uploads = await db.UploadedFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync();
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => s.SourceFileId != null)
            .Select(s => new { s.Id, s.AthleteId, s.StartUtc, s.Sport, s.SourceFileId, HasStreams = s.Streams != null }).ToListAsync();
        var perFile = sessions.Where(s => s.SourceFileId != null).GroupBy(s => s.SourceFileId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var imported = uploads.Count(f => f.Status == UploadStatus.Imported && perFile.GetValueOrDefault(f.Id) == 1);
        var lost = ids.Count - imported;
        var duplicated = perFile.Values.Sum(n => Math.Max(0, n - 1))
            + (sessions.Count - sessions.Select(s => (s.AthleteId, s.StartUtc, s.Sport)).Distinct().Count());

        // Half-written: a session without its streams, a stored entry without its session, a count that disagrees.
        var sessionIds = sessions.Select(s => s.Id).ToHashSet();
        var entries = await db.UploadEntryResults.AsNoTracking().Where(e => e.Succeeded).Select(e => new { e.UploadedFileId, e.SessionId }).ToListAsync();
        var halfWritten = sessions.Count(s => !s.HasStreams)
            + entries.Count(e => e.SessionId is not { } sid || !sessionIds.Contains(sid))
            + uploads.Count(f => f.Status == UploadStatus.Imported && f.SessionCount != perFile.GetValueOrDefault(f.Id))
            + uploads.Count(f => f.Status == UploadStatus.Imported && entries.Count(e => e.UploadedFileId == f.Id) != perFile.GetValueOrDefault(f.Id));

        var runIds = world.Runs;
        var runs = await db.TrainingRuns.AsNoTracking().Where(r => runIds.Contains(r.Id)).ToListAsync();
        var versions = await db.ModelVersions.AsNoTracking().GroupBy(v => v.TrainingRunId).Select(g => new { RunId = g.Key, Count = g.Count() }).ToListAsync();
        var oneVersion = runs.Count(r => r.Status == TrainingRunStatus.Succeeded
            && versions.Any(v => v.RunId == r.Id && v.Count == 1) && r.ModelVersionId is not null);
        foreach (var run in runs.Where(r => r.Status != TrainingRunStatus.Succeeded))
        {
            failures.Add($"training run {run.Id} ended {run.Status}: {run.FailureReason}");
        }

        var integrity = string.Join(",", s_databases.Select(f => Integrity(Path.Combine(directory, f))).Distinct());
        if (lost > 0)
        {
            failures.Add($"{lost} acknowledged uploads not imported as exactly one session: "
                + string.Join(", ", uploads.Where(f => f.Status != UploadStatus.Imported).Take(5).Select(f => $"#{f.Id} {f.Status} {f.FailureReason}")));
        }

        if (duplicated > 0)
        {
            failures.Add($"{duplicated} sessions stored twice");
        }

        if (halfWritten > 0)
        {
            failures.Add($"{halfWritten} half-written rows");
        }

        if (integrity != "ok")
        {
            failures.Add($"integrity_check: {integrity}");
        }

        if (oneVersion != runIds.Count)
        {
            failures.Add($"{runIds.Count - oneVersion} training runs without exactly one model version");
        }

        return new CheckResult(imported, lost, duplicated, halfWritten, integrity, oneVersion, failures);
    }

    private static string Integrity(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "?";
    }

    /// <summary>The uploads and runs this bench started, with the services to start and follow more.</summary>
    private sealed class World(IServiceProvider services, Caller coach, int teamId, (string Name, byte[] Bytes)[] files)
    {
        private readonly List<int> _athletes = [];

        public List<int> Uploads { get; } = [];

        public List<int> Runs { get; } = [];

        /// <summary>One corpus file for the next athlete without it: every upload is new bytes for its athlete.</summary>
        public async Task UploadAsync()
        {
            using var scope = services.CreateScope();
            var index = Uploads.Count;
            if (index / files.Length >= _athletes.Count)
            {
                var n = _athletes.Count + 1;
                _athletes.Add(await scope.ServiceProvider.GetRequiredService<AthleteService>().CreateAsync(coach, teamId,
                    new AthleteInput { FirstName = "Crash", LastName = n.ToString(CultureInfo.InvariantCulture), Sport = "Running" }));
            }

            var (name, bytes) = files[index % files.Length];
            var view = await scope.ServiceProvider.GetRequiredService<SessionImportService>().UploadAsync(coach, _athletes[index / files.Length], name, bytes);
            Uploads.Add(view.Id); // acknowledged: the service returned
        }

        public async Task StartTrainingAsync()
        {
            using var scope = services.CreateScope();
            Runs.Add(await scope.ServiceProvider.GetRequiredService<ModelService>().StartTrainingAsync(coach, new TrainingRunInput
            {
                Target = ForecastTarget.Readiness,
                Architecture = ModelKind.GruForecaster,
                TeamId = teamId,
                WindowDays = 7,
                Epochs = 3,
                HiddenSize = 8,
            }));
        }

        public async Task<(bool Uploads, bool Runs)> DoneAsync()
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var ids = Uploads;
            var runIds = Runs;
            return (!await db.UploadedFiles.AnyAsync(f => ids.Contains(f.Id) && (f.Status == UploadStatus.Stored || f.Status == UploadStatus.Importing)),
                !await db.TrainingRuns.AnyAsync(r => runIds.Contains(r.Id) && (r.Status == TrainingRunStatus.Queued || r.Status == TrainingRunStatus.Running)));
        }
    }

    private static Process StartWorker(string worker, string directory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(worker)!,
        };
        start.ArgumentList.Add(worker);
        foreach (var setting in new[]
        {
            $"--Database:DataDirectory={directory}",
            "--Worker:Queues:0=import",
            "--Worker:Queues:1=gpu",
            "--Worker:Queues:2=default",
            "--Worker:WorkerCount=2",
            "--Jobs:PollIntervalMilliseconds=200",
            "--Models:IntraOpThreads=1",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(setting);
        }

        // Not Production: that refuses to start without a key certificate, which a throw-away data folder has no need of.
        start.Environment["DOTNET_ENVIRONMENT"] = "Benchmark";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the worker did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"    worker: {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // Process.Kill sends SIGKILL on Unix: no shutdown hook, no flush, like a power cut of the process.
    private static void Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
    }

    private static async Task<(Caller Coach, int TeamId)> CoachOfNewTeamAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = Caller.Of((await users.GetUsersInRoleAsync(Roles.Admin))[0].Id, Roles.Admin);
        var coachUser = new ApplicationUser { UserName = "coach@bench.local", Email = "coach@bench.local", EmailConfirmed = true, DisplayName = "Bench coach" };
        if (!(await users.CreateAsync(coachUser, Password)).Succeeded || !(await users.AddToRoleAsync(coachUser, Roles.Coach)).Succeeded)
        {
            throw new InvalidOperationException("The bench coach could not be created.");
        }

        var teams = scope.ServiceProvider.GetRequiredService<TeamService>();
        var teamId = await teams.CreateAsync(admin, new TeamInput { Name = "Crash", Sport = "Running" });
        await teams.AssignCoachAsync(admin, teamId, coachUser.Id);
        return (Caller.Of(coachUser.Id, Roles.Coach), teamId);
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

        throw new DirectoryNotFoundException("CoachPortal.sln not found above the bench binaries; pass --worker");
    }
}
