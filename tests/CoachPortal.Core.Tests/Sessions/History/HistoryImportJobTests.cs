using CoachPortal.Core.Athletes;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.History;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Ingest.Wellness;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Sessions.History;

/// <summary>
/// Queued history imports of real PMSys exports (PMData, Thambawita et al., ACM MMSys 2020, CC BY 4.0), run by a real
/// Hangfire server on the import queue over a real SQLite file.
/// </summary>
public sealed class HistoryImportJobTests : IAsyncLifetime
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
    public async Task TheJobImportsAPmDataAthleteAndARunAgainAddsNothing()
    {
        var athleteId = await _world.Get<AthleteService>().CreateAsync(_world.CoachA, _world.TeamA, PortalTestHost.AnAthlete("Queued", "History"));
        var wellnessCsv = PmData.ReadText("p02", "wellness.csv");
        var sessionsCsv = PmData.ReadText("p02", "srpe.csv");
        var imports = _world.Get<HistoryImportService>();

        var wellness = await FinishedAsync(await imports.StartWellnessAsync(_world.CoachA, athleteId, "wellness.csv", wellnessCsv, PmSysPreset.Wellness));
        var sessions = await FinishedAsync(await imports.StartSessionsAsync(_world.CoachA, athleteId, "srpe.csv", sessionsCsv, PmSysPreset.Sessions));
        var wellnessAgain = await FinishedAsync(await imports.StartWellnessAsync(_world.CoachA, athleteId, "wellness.csv", wellnessCsv, PmSysPreset.Wellness));
        var sessionsAgain = await FinishedAsync(await imports.StartSessionsAsync(_world.CoachA, athleteId, "srpe.csv", sessionsCsv, PmSysPreset.Sessions));

        var reports = PmDataParser.ParseWellness(wellnessCsv);
        var sessionCount = PmDataParser.ParseSessions(sessionsCsv).Count(s => s.PerceivedExertion > 0);
        Assert.Equal(HistoryImportStatus.Succeeded, wellness.Status);
        Assert.Equal(wellness.TotalRecords, wellness.ProcessedRecords);
        Assert.True(wellness.Result.Added > HistoryImportJob.BatchSize, $"{wellness.Result.Added} check-ins, one batch only");
        Assert.Equal(reports.Count, wellness.Result.Added + wellness.Result.Duplicates + wellness.Result.Errors.Count);
        Assert.Equal(sessionCount, sessions.Result.Added);
        Assert.Equal(0, wellnessAgain.Result.Added);
        Assert.Equal(0, sessionsAgain.Result.Added);
        Assert.Equal(wellness.Result.Added + wellness.Result.Duplicates, wellnessAgain.Result.Duplicates);
        Assert.Equal(sessionCount, sessionsAgain.Result.Duplicates);

        await using var db = _world.CreateDb();
        Assert.Equal(wellness.Result.Added, await db.WellnessCheckIns.CountAsync(w => w.AthleteId == athleteId));
        Assert.Equal(sessionCount, await db.TrainingSessions.CountAsync(s => s.AthleteId == athleteId));
    }

    [Fact]
    public async Task ARetryOfAnInterruptedImportStoresNothingTwice()
    {
        var athleteId = await _world.Get<AthleteService>().CreateAsync(_world.CoachA, _world.TeamA, PortalTestHost.AnAthlete("Retry", "History"));
        var csv = PmData.ReadText("p03", "wellness.csv");
        var imports = _world.Get<HistoryImportService>();
        var first = await FinishedAsync(await imports.StartWellnessAsync(_world.CoachA, athleteId, "wellness.csv", csv, PmSysPreset.Wellness));

        // As if the job had crashed after committing its first batch of days (the export is in time order):
        // the later days are not stored, the row says Running, and Hangfire runs the job again.
        await using (var db = _world.CreateDb())
        {
            var lastOfFirstBatch = (await db.WellnessCheckIns.Where(w => w.AthleteId == athleteId).OrderBy(w => w.Date).Select(w => w.Date).Take(HistoryImportJob.BatchSize).ToListAsync()).Max();
            await db.WellnessCheckIns.Where(w => w.AthleteId == athleteId && w.Date > lastOfFirstBatch).ExecuteDeleteAsync();
            await db.HistoryImportLineErrors.Where(e => e.HistoryImportId == first.Id).ExecuteDeleteAsync();
            await db.HistoryImports.Where(h => h.Id == first.Id).ExecuteUpdateAsync(s => s
                .SetProperty(h => h.Status, HistoryImportStatus.Running).SetProperty(h => h.ProcessedRecords, HistoryImportJob.BatchSize)
                .SetProperty(h => h.AddedCount, HistoryImportJob.BatchSize).SetProperty(h => h.DuplicateCount, 0).SetProperty(h => h.FinishedUtc, (DateTime?)null));
        }

        await _world.Get<HistoryImportJob>().RunAsync(first.Id, CancellationToken.None);

        var retried = await imports.GetAsync(_world.CoachA, first.Id);
        Assert.Equal(HistoryImportStatus.Succeeded, retried.Status);
        Assert.Equal(first.Result, retried.Result with { Errors = first.Result.Errors });
        Assert.Equal(first.Result.Errors, retried.Result.Errors);
        await using var check = _world.CreateDb();
        Assert.Equal(first.Result.Added, await check.WellnessCheckIns.CountAsync(w => w.AthleteId == athleteId));
    }

    [Fact]
    public async Task ARefusedLineIsReportedByItsNumber()
    {
        var athleteId = await _world.Get<AthleteService>().CreateAsync(_world.CoachA, _world.TeamA, PortalTestHost.AnAthlete("Refused", "History"));
        var lines = PmData.ReadText("p01", "wellness.csv").ReplaceLineEndings("\n").Split('\n')[..6];
        lines[2] = lines[2].Replace(",3,6,6,", ",3,ready,6,", StringComparison.Ordinal); // readiness of line 3

        var view = await FinishedAsync(await _world.Get<HistoryImportService>().StartWellnessAsync(_world.CoachA, athleteId, "wellness.csv", string.Join('\n', lines), PmSysPreset.Wellness));

        Assert.Equal(HistoryImportStatus.Succeeded, view.Status);
        var error = Assert.Single(view.Result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("readiness 'ready' is not a number", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, view.Result.Added);
    }

    [Fact]
    public async Task AnAthleteCannotQueueAnImport()
    {
        var csv = PmData.ReadText("p01", "wellness.csv");

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _world.Get<HistoryImportService>().StartWellnessAsync(_world.AthleteA, _world.AthleteAProfile, "wellness.csv", csv, PmSysPreset.Wellness));

        await using var db = _world.CreateDb();
        Assert.False(await db.HistoryImports.AnyAsync());
        Assert.False(await db.WellnessCheckIns.AnyAsync(w => w.AthleteId == _world.AthleteAProfile));
    }

    [Fact]
    public async Task AFileWithoutTheMappedColumnsIsRefusedBeforeItIsQueued()
    {
        var exception = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _world.Get<HistoryImportService>().StartWellnessAsync(_world.CoachA, _world.TeamMateOfA, "x.csv", "day,score\n2020-01-01,3\n", PmSysPreset.Wellness));

        Assert.NotEmpty(exception.Errors);
    }

    private async Task<HistoryImportView> FinishedAsync(int importId)
    {
        var imports = _world.Get<HistoryImportService>();
        HistoryImportView view;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(200);
            view = await imports.GetAsync(_world.CoachA, importId);
        }
        while (!view.IsFinished && DateTime.UtcNow < deadline);

        Assert.True(view.IsFinished, $"import {importId} is still {view.Status}");
        return view;
    }
}
