using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.Archives;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Ingest.Archives;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Sessions.Archives;

/// <summary>
/// Whole-history imports of Strava and Garmin Connect exports built from the shared corpus, run by a real Hangfire
/// server on the import queue over a real SQLite file (the crash test runs the job itself).
/// </summary>
public sealed class ArchiveImportTests : IAsyncLifetime
{
    private readonly PortalTestHost _world = new();

    public async Task InitializeAsync()
    {
        _world.Settings["Jobs:RunServer"] = "true";
        _world.Settings["Jobs:Queues:0"] = "import";
        await _world.InitializeAsync();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task AStravaExportBecomesSessionsNamedAndRatedFromItsIndex()
    {
        var view = await ImportAsync(_world.CoachA, _world.TeamMateOfA, ExportArchiveBuilder.Strava(Corpus.Read));

        Assert.Equal(ArchiveImportStatus.Succeeded, view.Status);
        Assert.Equal(ExportLayout.Strava, view.Layout);
        Assert.Equal((3, 0, 1, 1), (view.Imported, view.Duplicates, view.Failed, view.Skipped));
        Assert.Equal(5, view.ProcessedEntries);
        Assert.Equal(100, view.ProgressPercent);
        await using var db = _world.CreateDb();
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => s.AthleteId == _world.TeamMateOfA).ToListAsync();
        Assert.Equal(["Evening Ride", "Long Ride", "Morning Run"], sessions.Select(s => s.Title).Order(StringComparer.Ordinal));
        var run = sessions.Single(s => s.Title == "Morning Run");
        Assert.Equal(6, run.Rpe);
        Assert.Equal(6 * run.DurationSeconds / 60.0, run.SessionRpeLoad!.Value, 6);
        Assert.Equal("Easy, then strides.\r\nLegs \"heavy\" at the end", run.Comment);
        Assert.Equal(7, sessions.Single(s => s.Title == "Evening Ride").Rpe);
        var longRide = sessions.Single(s => s.Title == "Long Ride");
        Assert.Null(longRide.Rpe);
        Assert.Equal("Coffee stop", longRide.Comment);

        var entries = await _world.Get<ArchiveImportService>().EntriesAsync(_world.CoachA, view.Id);
        var broken = Assert.Single(entries, e => e.Outcome == ArchiveEntryOutcome.Failed);
        Assert.Equal("export_12345/activities/104.fit.gz", broken.EntryName);
        Assert.False(string.IsNullOrWhiteSpace(broken.Message));
        Assert.Equal("export_12345/activities/105.json", Assert.Single(entries, e => e.Outcome == ArchiveEntryOutcome.Skipped).EntryName);
        Assert.Contains(entries, e => e.Outcome == ArchiveEntryOutcome.Imported && e.SessionTitle == "Morning Run" && e.SessionId == run.Id);
        // The archive and its temporary files are deleted once imported.
        Assert.Empty(Directory.EnumerateFiles(_world.Get<ArchiveStore>().Folder));
    }

    [Fact]
    public async Task AGarminExportOfNestedZipsImportsItsFitFiles()
    {
        var view = await ImportAsync(_world.AthleteA, _world.AthleteAProfile, ExportArchiveBuilder.Garmin(Corpus.Read));

        Assert.Equal(ArchiveImportStatus.Succeeded, view.Status);
        Assert.Equal(ExportLayout.Garmin, view.Layout);
        Assert.Equal((3, 0, 0, 0), (view.Imported, view.Duplicates, view.Failed, view.Skipped));
        var entries = await _world.Get<ArchiveImportService>().EntriesAsync(_world.AthleteA, view.Id);
        Assert.All(entries, e => Assert.StartsWith("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip!/", e.EntryName, StringComparison.Ordinal));
        await using var db = _world.CreateDb();
        Assert.Equal(3, await db.TrainingSessions.CountAsync(s => s.AthleteId == _world.AthleteAProfile));
    }

    [Fact]
    public async Task TheSameExportImportedAgainSkipsEveryActivityAsADuplicate()
    {
        var archive = ExportArchiveBuilder.Strava(Corpus.Read);
        await ImportAsync(_world.CoachA, _world.TeamMateOfA, archive);

        var again = await ImportAsync(_world.CoachA, _world.TeamMateOfA, archive);

        Assert.Equal((0, 3, 1, 1), (again.Imported, again.Duplicates, again.Failed, again.Skipped));
        var duplicates = await _world.Get<ArchiveImportService>().EntriesAsync(_world.CoachA, again.Id, ArchiveEntryOutcome.Duplicate);
        Assert.All(duplicates, d => Assert.NotNull(d.SessionId));
        await using var db = _world.CreateDb();
        Assert.Equal(3, await db.TrainingSessions.CountAsync(s => s.AthleteId == _world.TeamMateOfA));
    }

    [Fact]
    public async Task AnImportInterruptedAfterTwoFilesGoesOnFromThereWithoutDuplicates()
    {
        var archive = ExportArchiveBuilder.Strava(Corpus.Read);
        var first = await ImportAsync(_world.CoachA, _world.TeamMateOfA, archive);

        // As if the server had died after committing the first two files: the later ones have no result and no
        // session, the row says Running, and the archive is still in its folder when the job runs again.
        await using (var db = _world.CreateDb())
        {
            var import = await db.ArchiveImports.SingleAsync(a => a.Id == first.Id);
            var later = await db.ArchiveImportEntries.Where(e => e.ArchiveImportId == first.Id).OrderBy(e => e.Id).Skip(2).ToListAsync();
            var laterSessions = later.Where(e => e.Outcome == ArchiveEntryOutcome.Imported).Select(e => e.SessionId).ToList();
            await db.TrainingSessions.Where(s => laterSessions.Contains(s.Id)).ExecuteDeleteAsync();
            db.ArchiveImportEntries.RemoveRange(later);
            var kept = await db.ArchiveImportEntries.Where(e => e.ArchiveImportId == first.Id).OrderBy(e => e.Id).Take(2).ToListAsync();
            import.Status = ArchiveImportStatus.Running;
            import.FinishedUtc = null;
            import.ProcessedEntries = 2;
            import.ImportedCount = kept.Count(e => e.Outcome == ArchiveEntryOutcome.Imported);
            import.FailedCount = kept.Count(e => e.Outcome == ArchiveEntryOutcome.Failed);
            import.SkippedCount = kept.Count(e => e.Outcome == ArchiveEntryOutcome.Skipped);
            await db.SaveChangesAsync();
            Directory.CreateDirectory(_world.Get<ArchiveStore>().Folder);
            await File.WriteAllBytesAsync(_world.Get<ArchiveStore>().PathOf(import.StoredName), archive);
        }

        await _world.Get<ArchiveImportJob>().RunAsync(first.Id, CancellationToken.None);

        var resumed = await _world.Get<ArchiveImportService>().GetAsync(_world.CoachA, first.Id);
        Assert.Equal(ArchiveImportStatus.Succeeded, resumed.Status);
        Assert.Equal((first.Imported, first.Duplicates, first.Failed, first.Skipped), (resumed.Imported, resumed.Duplicates, resumed.Failed, resumed.Skipped));
        await using var check = _world.CreateDb();
        Assert.Equal(3, await check.TrainingSessions.CountAsync(s => s.AthleteId == _world.TeamMateOfA));
        Assert.Equal(5, await check.ArchiveImportEntries.CountAsync(e => e.ArchiveImportId == first.Id));
    }

    [Fact]
    public async Task AFileOverTheLimitsIsRefusedOnItsOwnAndTheOthersAreKept()
    {
        // 64 MB of zeros gzip to about 64 KB: a ratio of about 1,000, five times the limit.
        var bomb = ExportArchiveBuilder.Gzip(new byte[64 << 20]);
        var view = await ImportAsync(_world.CoachA, _world.TeamMateOfA, ExportArchiveBuilder.Strava(Corpus.Read, ("activities/999.fit.gz", bomb)));

        Assert.Equal(ArchiveImportStatus.Succeeded, view.Status);
        Assert.Equal(3, view.Imported);
        var refused = await _world.Get<ArchiveImportService>().EntriesAsync(_world.CoachA, view.Id, ArchiveEntryOutcome.Failed);
        Assert.Contains(refused, e => e.EntryName.EndsWith("999.fit.gz", StringComparison.Ordinal) && e.Message!.Contains("inflates", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAthleteCannotImportForATeamMateNorACoachForAnotherTeam()
    {
        var archive = ExportArchiveBuilder.Strava(Corpus.Read);
        var imports = _world.Get<ArchiveImportService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => imports.StartAsync(_world.AthleteA, _world.TeamMateOfA, "export.zip", new MemoryStream(archive)));
        await Assert.ThrowsAsync<ForbiddenException>(() => imports.StartAsync(_world.CoachB, _world.AthleteAProfile, "export.zip", new MemoryStream(archive)));
        var own = await ImportAsync(_world.AthleteA, _world.AthleteAProfile, archive);
        await Assert.ThrowsAsync<NotFoundException>(() => imports.GetAsync(_world.CoachB, own.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => imports.EntriesAsync(_world.AthleteB, own.Id));

        await using var db = _world.CreateDb();
        Assert.Equal(1, await db.ArchiveImports.CountAsync());
        Assert.False(await db.TrainingSessions.AnyAsync(s => s.AthleteId == _world.TeamMateOfA));
    }

    [Fact]
    public async Task AZipThatIsNeitherExportIsRefusedBeforeItIsQueued()
    {
        var zip = ExportArchiveBuilder.Zip([("ride.fit", Corpus.Read("fit/garmin-fenix-5-bike.fit"))]);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _world.Get<ArchiveImportService>().StartAsync(_world.CoachA, _world.TeamMateOfA, "ride.zip", new MemoryStream(zip)));

        Assert.Contains("Strava", refused.Errors.Single().Message, StringComparison.Ordinal);
        await using var db = _world.CreateDb();
        Assert.False(await db.ArchiveImports.AnyAsync());
        Assert.Empty(Directory.EnumerateFiles(_world.Get<ArchiveStore>().Folder));
    }

    [Fact]
    public async Task ErasingTheAthleteDeletesAnArchiveLeftFromAFailedImport()
    {
        var store = _world.Get<ArchiveStore>();
        Directory.CreateDirectory(store.Folder);
        await File.WriteAllBytesAsync(store.PathOf("left.zip"), [1, 2, 3]);
        await using (var db = _world.CreateDb())
        {
            db.ArchiveImports.Add(new ArchiveImport
            {
                AthleteId = _world.TeamMateOfA,
                RequestedByUserId = _world.CoachA.UserId,
                FileName = "export.zip",
                StoredName = "left.zip",
                Status = ArchiveImportStatus.Failed,
                FailureReason = "The archive cannot be read.",
            });
            await db.SaveChangesAsync();
        }

        await _world.Get<CoachPortal.Core.Exports.ErasureService>().EraseAsync(_world.CoachA, _world.TeamMateOfA);

        Assert.False(File.Exists(store.PathOf("left.zip")));
        await using var check = _world.CreateDb();
        Assert.False(await check.ArchiveImports.AnyAsync());
    }

    private async Task<ArchiveImportView> ImportAsync(Caller caller, int athleteId, byte[] archive)
    {
        var imports = _world.Get<ArchiveImportService>();
        var view = await imports.StartAsync(caller, athleteId, "export.zip", new MemoryStream(archive));
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!view.IsFinished && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            view = await imports.GetAsync(caller, view.Id);
        }

        Assert.True(view.IsFinished, $"import {view.Id} is still {view.Status}");
        return view;
    }
}
