using CoachPortal.Core.Athletes;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.History;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Ingest.Wellness;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Sessions.History;

/// <summary>Imports of real PMSys exports (PMData, Thambawita et al., ACM MMSys 2020, doi:10.1145/3339825.3394926, CC BY 4.0).</summary>
public sealed class HistoryImportTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    private async Task<int> NewAthleteAsync(string first) =>
        await world.Get<AthleteService>().CreateAsync(world.CoachA, world.TeamA, PortalTestHost.AnAthlete(first, "History"));

    [Fact]
    public async Task CoachImportsAPmSysHistoryAndASecondImportAddsNothing()
    {
        var athleteId = await NewAthleteAsync("Pia");
        var wellnessCsv = PmData.ReadText("p01", "wellness.csv");
        var sessionsCsv = PmData.ReadText("p01", "srpe.csv");
        var imports = world.Get<HistoryImportService>();

        var first = await imports.ImportPmSysAsync(world.CoachA, athleteId, wellnessCsv, sessionsCsv);
        var again = await imports.ImportPmSysAsync(world.CoachA, athleteId, wellnessCsv, sessionsCsv);

        TimeZoneInfo zone;
        await using (var zoneDb = world.CreateDb())
        {
            zone = await AthleteClock.TimeZoneOfTeamAsync(zoneDb, world.TeamA, CancellationToken.None);
        }

        var reports = PmDataParser.ParseWellness(wellnessCsv);
        var days = reports.Select(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.Time, zone).DateTime)).Distinct().Count();
        var sessions = PmDataParser.ParseSessions(sessionsCsv).Where(s => s.PerceivedExertion > 0).ToList();
        Assert.Empty(first.Wellness.Errors);
        Assert.Empty(first.Sessions.Errors);
        Assert.Equal(days, first.Wellness.Added);
        Assert.Equal(reports.Count, first.Wellness.Added + first.Wellness.Duplicates);
        Assert.Equal(sessions.Count, first.Sessions.Added);
        Assert.Equal(0, again.Wellness.Added);
        Assert.Equal(0, again.Sessions.Added);
        Assert.Equal(reports.Count, again.Wellness.Duplicates);
        Assert.Equal(sessions.Count, again.Sessions.Duplicates);

        await using var db = world.CreateDb();
        Assert.Equal(days, await db.WellnessCheckIns.CountAsync(w => w.AthleteId == athleteId));
        var stored = await db.TrainingSessions.Where(s => s.AthleteId == athleteId).ToListAsync();
        Assert.Equal(sessions.Count, stored.Count);
        Assert.Equal(sessions.Sum(s => s.Load), stored.Sum(s => s.SessionRpeLoad!.Value), 6);

        // 2019-11-01: fatigue 2, mood 3, readiness 5, sleep 6 h, sleep quality 3, soreness 2, stress 3 (5 good on PMSys's scales)
        var firstDay = await db.WellnessCheckIns.SingleAsync(w => w.AthleteId == athleteId && w.Date == new DateOnly(2019, 11, 1));
        Assert.Equal(5, firstDay.Readiness);
        Assert.Equal((int)Math.Round(WellnessDays.Reversed(2)!.Value, MidpointRounding.AwayFromZero), firstDay.Fatigue);
        Assert.Equal((int)Math.Round(WellnessDays.Reversed(2)!.Value, MidpointRounding.AwayFromZero), firstDay.Soreness);
        Assert.Equal((int)Math.Round(WellnessDays.Same(3)!.Value, MidpointRounding.AwayFromZero), firstDay.Mood);
        Assert.Equal((int)Math.Round(WellnessDays.Reversed(3)!.Value, MidpointRounding.AwayFromZero), firstDay.Stress);
        Assert.Equal(6, firstDay.SleepHours);
    }

    [Fact]
    public async Task ABadLineIsReportedByItsNumberAndTheGoodLinesAreKept()
    {
        var athleteId = await NewAthleteAsync("Bea");
        var lines = PmData.ReadText("p01", "wellness.csv").ReplaceLineEndings("\n").Split('\n')[..6];
        lines[2] = lines[2].Replace(",3,6,6,", ",3,ready,6,", StringComparison.Ordinal); // readiness of line 3
        var sessionLines = PmData.ReadText("p01", "srpe.csv").ReplaceLineEndings("\n").Split('\n')[..5];
        sessionLines[4] = sessionLines[4].Replace(",6,50", ",11,50", StringComparison.Ordinal); // RPE of line 5

        var result = await world.Get<HistoryImportService>().ImportPmSysAsync(world.CoachA, athleteId, string.Join('\n', lines), string.Join('\n', sessionLines));

        var wellnessError = Assert.Single(result.Wellness.Errors);
        Assert.Equal(3, wellnessError.Line);
        Assert.Contains("readiness 'ready' is not a number", wellnessError.Message, StringComparison.Ordinal);
        Assert.Equal(4, result.Wellness.Added);
        var sessionError = Assert.Single(result.Sessions.Errors);
        Assert.Equal(5, sessionError.Line);
        Assert.Equal(3, result.Sessions.Added);
        await using var db = world.CreateDb();
        Assert.Equal(4, await db.WellnessCheckIns.CountAsync(w => w.AthleteId == athleteId));
        Assert.Equal(3, await db.TrainingSessions.CountAsync(s => s.AthleteId == athleteId));
    }

    [Fact]
    public async Task ReadinessZeroIsStoredAndUnansweredScalesStayEmpty()
    {
        var athleteId = await NewAthleteAsync("Zed");
        const string csv = "effective_time_frame,fatigue,mood,readiness,sleep_duration_h,sleep_quality,soreness,soreness_area,stress\n"
            + "2020-01-05T07:00:00.000Z,0,4,0,7.5,5,1,[],2\n";

        var result = await world.Get<HistoryImportService>().ImportWellnessAsync(world.CoachA, athleteId, csv, PmSysPreset.Wellness);

        Assert.Equal(1, result.Added);
        await using var db = world.CreateDb();
        var checkIn = await db.WellnessCheckIns.SingleAsync(w => w.AthleteId == athleteId);
        Assert.Equal(0, checkIn.Readiness);
        Assert.Null(checkIn.Fatigue);
        Assert.Equal(10, checkIn.SleepQuality);
        Assert.Equal(10, checkIn.Soreness);
        Assert.Equal(7.5, checkIn.SleepHours);
    }

    [Fact]
    public async Task ACustomMappingTurnsAScaleRecordedTheOtherWayAndThePreviewStoresNothing()
    {
        var athleteId = await NewAthleteAsync("Cy");
        const string csv = "day;tired;rested\n2020-02-01;1;7\n2020-02-02;5;1\n2020-02-03;9;4\n";
        var mapping = new WellnessColumnMapping("day", new Dictionary<WellnessScale, ScaleMapping>
        {
            [WellnessScale.Fatigue] = new("tired", 1, 5, HigherIsBetter: false),
            [WellnessScale.SleepQuality] = new("rested", 1, 7, HigherIsBetter: true),
        });
        var imports = world.Get<HistoryImportService>();

        var preview = await imports.PreviewWellnessAsync(world.CoachA, athleteId, csv, mapping, take: 2);

        Assert.Equal([2, 3], preview.Select(r => r.Line));
        Assert.Equal(new DateOnly(2020, 2, 1), preview[0].Date);
        Assert.Equal(1, preview[0].Value!.Fatigue);
        Assert.Equal(10, preview[0].Value!.SleepQuality);
        Assert.Equal(10, preview[1].Value!.Fatigue);
        Assert.Equal(1, preview[1].Value!.SleepQuality);
        await using (var db = world.CreateDb())
        {
            Assert.False(await db.WellnessCheckIns.AnyAsync(w => w.AthleteId == athleteId));
        }

        var result = await imports.ImportWellnessAsync(world.CoachA, athleteId, csv, mapping);

        Assert.Equal(2, result.Added);
        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("tired 9 is outside its scale 1–5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeaderWithoutAMappedColumnRefusesTheWholeFile()
    {
        var athleteId = await NewAthleteAsync("Hal");

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            world.Get<HistoryImportService>().ImportSessionsAsync(world.CoachA, athleteId, "when,rpe\n2020-01-01T10:00Z,5\n", PmSysPreset.Sessions));

        Assert.Contains("end_date_time", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACoachOfAnotherTeamAndTheAthleteThemselvesCannotImport()
    {
        var imports = world.Get<HistoryImportService>();
        var csv = PmData.ReadText("p01", "srpe.csv");

        await Assert.ThrowsAsync<NotFoundException>(() => imports.ImportPmSysAsync(world.CoachB, world.AthleteAProfile, null, csv));
        await Assert.ThrowsAsync<NotFoundException>(() => imports.PreviewSessionsAsync(world.CoachB, world.AthleteAProfile, csv, PmSysPreset.Sessions));
        await Assert.ThrowsAsync<ForbiddenException>(() => imports.ImportPmSysAsync(world.AthleteA, world.AthleteAProfile, null, csv));
        await using var db = world.CreateDb();
        Assert.False(await db.TrainingSessions.AnyAsync(s => s.AthleteId == world.AthleteAProfile && s.SourceFileId == null && s.Title == "individual, running"));
    }
}
