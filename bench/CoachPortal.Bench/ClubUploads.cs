using System.Diagnostics;
using System.Globalization;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Ingest;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Bench;

/// <summary>
/// The club's uploads as the server handles them: a coach uploads a one-hour FIT for an athlete (the upload request,
/// the import job, then the session's page that shows its metrics), and a batch of 100 files for 100 athletes that
/// one import worker takes one after another.
/// </summary>
internal static class ClubUploads
{
    private const int BatchFiles = 100;

    /// <summary>Real files of the shared corpus with at least a minute of records; the nearest to an hour is the "1-h FIT".</summary>
    private static readonly string[] s_candidates =
    [
        "fit/garmin-edge-500-activity.fit", "fit/2019-02-17-062644-ELEMNT-297E-195-0.fit", "fit/garmin-fr935-cr.fit",
        "fit/activity-small-fenix2-run.fit", "fit/sample-activity.fit", "fit/bpg-garmin.fit", "fit/nick.fit",
        "fit/event_timestamp.fit", "fit/sample-activity-indoor-trainer.fit", "fit/garmin-fenix-5-run.fit",
        "fit/garmin-fenix-5-bike.fit", "fit/garmin-fenix-5-walk.fit",
    ];

    public static async Task<string> RunAsync(ClubHost host, ClubBuilder club)
    {
        var corpus = BenchCorpus.Find();
        if (corpus is null || club.Athletes.Count < BatchFiles + 1)
        {
            return corpus is null ? "uploads: not measured (shared/corpus not found beside the repository)" : $"uploads: not measured (needs {BatchFiles + 1} athletes)";
        }

        var files = s_candidates.Select(p => Path.Combine(corpus, p)).Where(File.Exists)
            .Select(p => (Name: Path.GetFileName(p), Bytes: File.ReadAllBytes(p)))
            .Select(f => (f.Name, f.Bytes, Seconds: ElapsedSeconds(f.Name, f.Bytes)))
            .Where(f => f.Seconds >= 60).ToList();
        var hour = files.MinBy(f => Math.Abs(f.Seconds - 3600));
        using var scope = host.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var coachUser = (await users.FindByEmailAsync(ClubBuilder.FirstCoachEmail))!;
        var coach = Caller.Of(coachUser.Id, Roles.Coach);
        var uploads = sp.GetRequiredService<SessionImportService>();
        var job = sp.GetRequiredService<SessionImportJob>();
        var factory = sp.GetRequiredService<IDbContextFactory<AppDbContext>>();
        using var client = await host.SignedInAsync(ClubBuilder.FirstCoachEmail);
        using var process = Process.GetCurrentProcess();

        // The first team's athletes (the coach's own), a new athlete for each timing so that no upload is a duplicate.
        var teamAthletes = await TeamAthletesAsync(factory, club.Teams[0]);
        var single = new List<(double Upload, double Import, double Page, double Cpu)>();
        foreach (var athlete in teamAthletes.Take(6))
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var view = await uploads.UploadAsync(coach, athlete, hour.Name, hour.Bytes);
            var upload = clock.Elapsed.TotalMilliseconds;
            await job.RunAsync(view.Id, CancellationToken.None);
            var import = clock.Elapsed.TotalMilliseconds - upload;
            var sessionId = await SessionOfAsync(factory, view.Id);
            using var response = await client.GetAsync($"/sessions/{sessionId}");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            var page = clock.Elapsed.TotalMilliseconds - upload - import;
            process.Refresh();
            single.Add((upload, import, page, (process.TotalProcessorTime - cpu).TotalMilliseconds));
        }

        // The first timing compiles the import's queries and the page; the rest are what a coach meets.
        var warm = single.Skip(1).OrderBy(s => s.Upload + s.Import + s.Page).ToList();
        var p50 = warm[warm.Count / 2];

        // The batch: one file for each of 100 athletes of the whole club (a coach of each would upload it; the admin does here).
        var admin = Caller.Of((await users.FindByEmailAsync(ClubHost.AdminEmail))!.Id, Roles.Admin);
        var batchAthletes = club.Athletes.Where(a => !teamAthletes.Take(6).Contains(a)).Take(BatchFiles).ToList();
        process.Refresh();
        var batchCpu = process.TotalProcessorTime;
        var batchClock = Stopwatch.StartNew();
        var ids = new List<int>();
        for (var i = 0; i < batchAthletes.Count; i++)
        {
            var file = files[i % files.Count];
            ids.Add((await uploads.UploadAsync(admin, batchAthletes[i], file.Name, file.Bytes)).Id);
        }

        var uploaded = batchClock.Elapsed.TotalSeconds;
        foreach (var id in ids)
        {
            await job.RunAsync(id, CancellationToken.None);
        }

        var batch = batchClock.Elapsed.TotalSeconds;
        process.Refresh();
        var batchCpuSeconds = (process.TotalProcessorTime - batchCpu).TotalSeconds;
        await using var db = await factory.CreateDbContextAsync();
        var imported = await db.UploadedFiles.CountAsync(f => ids.Contains(f.Id) && f.Status == UploadStatus.Imported);
        var batchBytes = Enumerable.Range(0, batchAthletes.Count).Sum(i => (long)files[i % files.Count].Bytes.Length);
        return string.Create(CultureInfo.InvariantCulture,
            $"upload of {hour.Name} ({hour.Seconds / 60:F0} min, {hour.Bytes.Length / 1024} KB) until its page shows the metrics, p50 of {warm.Count}: "
            + $"{p50.Upload + p50.Import + p50.Page:F0} ms (upload {p50.Upload:F0}, import job {p50.Import:F0}, session page {p50.Page:F0}; {p50.Cpu:F0} ms CPU)\n"
            + $"batch of {ids.Count} files ({files.Count} corpus files in turn, {batchBytes / 1048576.0:F1} MiB) for {ids.Count} athletes: "
            + $"{batch:F1} s wall ({uploaded:F1} s storing the uploads, then one import worker), {batchCpuSeconds:F1} s CPU, {imported} imported");
    }

    private static double ElapsedSeconds(string name, byte[] bytes)
    {
        try
        {
            return ActivityDecoder.Decode(name, bytes).Activities.Sum(a => a.Summary.ElapsedSeconds ?? 0);
        }
        catch (ActivityFormatException)
        {
            return 0;
        }
    }

    private static async Task<List<int>> TeamAthletesAsync(IDbContextFactory<AppDbContext> factory, int teamId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Athletes.Where(a => a.TeamId == teamId).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
    }

    private static async Task<int> SessionOfAsync(IDbContextFactory<AppDbContext> factory, int fileId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.UploadEntryResults.Where(e => e.UploadedFileId == fileId && e.SessionId != null).Select(e => e.SessionId!.Value).FirstOrDefaultAsync() is var id and > 0
            ? id
            : throw new InvalidOperationException($"upload {fileId} stored no session");
    }
}
