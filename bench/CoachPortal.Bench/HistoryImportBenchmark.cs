using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding;
using CoachPortal.Core.Sessions.Archives;
using CoachPortal.Core.Teams;
using CoachPortal.Ingest;
using CoachPortal.Ingest.Fit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Activity = CoachPortal.Ingest.Activity;

namespace CoachPortal.Bench;

/// <summary>
/// A whole-history import of a Strava-layout archive built from the corpus's bench FIT files: each copy is the
/// decoded activity encoded again a day later, gzip-compressed under activities/, with its line in activities.csv.
/// The archive is written to disk first; then the product's service stores it and its job imports it into a temporary
/// SQLite database. Prints the time, files per second and the peak working set above idle, sampled every 5 ms.
/// </summary>
internal static class HistoryImportBenchmark
{
    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var megabytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1024;
        var corpus = args.Length > 1 ? args[1] : BenchCorpus.Find() ?? throw new DirectoryNotFoundException("shared/corpus not found; pass it as the second argument");
        var directory = Path.Combine(Path.GetTempPath(), "coachportal-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var archivePath = Path.Combine(directory, "strava-export.zip");
            var build = Stopwatch.StartNew();
            var files = Build(archivePath, Path.Combine(corpus, "bench"), (long)megabytes << 20);
            Console.WriteLine($"archive: {new FileInfo(archivePath).Length / 1048576.0:F0} MB, {files} activity files (built in {build.Elapsed.TotalSeconds:F0} s)");

            using var host = BenchHost.Create(directory);
            using var scope = host.Services.CreateScope();
            var services = scope.ServiceProvider;
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = Caller.Of((await users.GetUsersInRoleAsync(Roles.Admin))[0].Id, Roles.Admin);
            var teamId = await services.GetRequiredService<TeamService>().CreateAsync(admin, new TeamInput { Name = "Bench", Sport = "Cycling" });
            var athleteId = await services.GetRequiredService<AthleteService>().CreateAsync(admin, teamId, new AthleteInput { FirstName = "Bench", LastName = "History", Sport = "Cycling" });
            var imports = services.GetRequiredService<ArchiveImportService>();
            var job = services.GetRequiredService<ArchiveImportJob>();

            using var process = Process.GetCurrentProcess();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            process.Refresh();
            var idle = process.WorkingSet64;
            var peak = idle;
            var done = false;
            var sampler = new Thread(() =>
            {
                while (!Volatile.Read(ref done))
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    Thread.Sleep(5);
                }
            });
            sampler.Start();

            var stopwatch = Stopwatch.StartNew();
            ArchiveImportView view;
            await using (var input = File.OpenRead(archivePath))
            {
                view = await imports.StartAsync(admin, athleteId, "strava-export.zip", input);
            }

            var stored = stopwatch.Elapsed;
            using var progress = new Timer(_ =>
            {
                var v = imports.GetAsync(admin, view.Id).GetAwaiter().GetResult();
                Console.WriteLine($"  {v.ProgressPercent,5:F1} %  {v.ProcessedEntries}/{v.TotalEntries} files  {v.ProcessedBytes / 1048576.0:F0}/{v.TotalBytes / 1048576.0:F0} MB");
            }, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
            await job.RunAsync(view.Id, CancellationToken.None);
            stopwatch.Stop();
            Volatile.Write(ref done, true);
            sampler.Join();
            await progress.DisposeAsync();

            view = await imports.GetAsync(admin, view.Id);
            Console.WriteLine($"result: {view.Status}, {view.Imported} imported, {view.Duplicates} duplicates, {view.Failed} failed, {view.Skipped} skipped");
            Console.WriteLine($"time: {stopwatch.Elapsed.TotalSeconds:F1} s ({stored.TotalSeconds:F1} s storing the upload), {view.ProcessedEntries / stopwatch.Elapsed.TotalSeconds:F1} files/s, {view.SizeBytes / 1048576.0 / stopwatch.Elapsed.TotalSeconds:F1} MB/s");
            Console.WriteLine($"working set: idle {idle / 1048576.0:F1} MB, peak {peak / 1048576.0:F1} MB, above idle {(peak - idle) / 1048576.0:F1} MB");
            return view.Status == ArchiveImportStatus.Succeeded && view.Imported == files ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    // Copies of the bench activities, each a day after the last, until the archive reaches the target size.
    private static int Build(string path, string benchFolder, long targetBytes)
    {
        var sources = Directory.GetFiles(benchFolder, "*.fit").Order(StringComparer.Ordinal)
            .Select(f => ActivityDecoder.Decode(f, File.ReadAllBytes(f)).Activities.FirstOrDefault(a => a.StartTimeUtc is not null))
            .OfType<Activity>().ToList();
        var index = new StringBuilder("Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Filename,Perceived Exertion\r\n");
        var start = new DateTime(2015, 1, 1, 7, 0, 0, DateTimeKind.Utc);
        var count = 0;
        using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite))
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            while (output.Length < targetBytes)
            {
                var source = sources[count % sources.Count];
                var copy = new Activity
                {
                    Sport = source.Sport,
                    SubSport = source.SubSport,
                    StartTimeUtc = start.AddDays(count),
                    Creator = source.Creator,
                    Summary = source.Summary with { StartTimeUtc = start.AddDays(count) },
                    Laps = source.Laps,
                    Streams = source.Streams,
                    BeatIntervalsSeconds = source.BeatIntervalsSeconds,
                };
                var id = 1000 + count;
                // Stored, not deflated: the .gz inside is compressed already, as in Strava's exports.
                using (var entry = zip.CreateEntry($"export/activities/{id}.fit.gz", CompressionLevel.NoCompression).Open())
                using (var gzip = new GZipStream(entry, CompressionLevel.Fastest))
                {
                    gzip.Write(FitActivityEncoder.Encode(copy));
                }

                index.Append(CultureInfo.InvariantCulture, $"{id},\"{copy.StartTimeUtc:MMM d, yyyy, h:mm:ss tt}\",Ride {id},Ride,\"Copy {count}, from the corpus\",3600,activities/{id}.fit.gz,{1 + (count % 10)}\r\n");
                count++;
            }

            using var csv = zip.CreateEntry("export/activities.csv").Open();
            csv.Write(Encoding.UTF8.GetBytes(index.ToString()));
        }

        return count;
    }
}
