using System.IO.Compression;
using System.Text.Json;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.Files;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Exports;

/// <summary>
/// CSV exports of sessions, daily load and wellness for one athlete or a team, and an athlete's whole personal data
/// as one zip (GDPR Art. 15 access and Art. 20 portability). Whoever may see the athlete or coach the team may
/// export; every export is written to the audit trail.
/// </summary>
public sealed class ExportService(IDbContextFactory<AppDbContext> dbFactory, IFileStore files, AuditLog audit)
{
    public async Task<string> CsvAsync(Caller caller, ExportScope scope, ExportKind kind, string? address = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athletes = await AthletesAsync(db, caller, scope, ct);
        var csv = kind switch
        {
            ExportKind.Sessions => await SessionsAsync(db, athletes, ct),
            ExportKind.DailyLoad => await DailyLoadAsync(db, athletes, ct),
            ExportKind.Wellness => await WellnessAsync(db, athletes, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        await audit.RecordAsync(AuditActions.Export, caller.UserId, scope.ToString(), $"{kind} CSV", address, ct);
        return csv.ToString();
    }

    /// <summary>Writes the athlete's personal data as a zip to <paramref name="output"/>.</summary>
    public async Task PersonalDataAsync(Caller caller, int athleteId, Stream output, string? address = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(output);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athletes = await AthletesAsync(db, caller, ExportScope.Athlete(athleteId), ct);
        var athlete = await db.Athletes.AsNoTracking().Include(a => a.Team).FirstAsync(a => a.Id == athleteId, ct);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            await AddAsync(zip, "README.txt", System.Text.Encoding.UTF8.GetBytes(Readme), ct);
            await AddAsync(zip, "profile.json", JsonSerializer.SerializeToUtf8Bytes(Profile(athlete), s_json), ct);
            await AddAsync(zip, "sessions.csv", (await SessionsAsync(db, athletes, ct)).ToUtf8(), ct);
            await AddAsync(zip, "daily-load.csv", (await DailyLoadAsync(db, athletes, ct)).ToUtf8(), ct);
            await AddAsync(zip, "wellness.csv", (await WellnessAsync(db, athletes, ct)).ToUtf8(), ct);
            await AddAsync(zip, "planned-sessions.csv", (await PlannedAsync(db, athleteId, ct)).ToUtf8(), ct);
            await AddAsync(zip, "tests-and-injuries.csv", (await TestsAndInjuriesAsync(db, athleteId, ct)).ToUtf8(), ct);
            await AddAsync(zip, "forecasts.csv", (await ForecastsAsync(db, athleteId, ct)).ToUtf8(), ct);
            var originals = await db.UploadedFiles.AsNoTracking().Where(f => f.AthleteId == athleteId)
                .OrderBy(f => f.Id).Select(f => new { f.Id, f.OriginalName, f.Sha256 }).ToListAsync(ct);
            foreach (var file in originals)
            {
                if (await files.GetAsync(file.Sha256, ct) is { } bytes)
                {
                    await AddAsync(zip, $"original-files/{file.Id}-{SafeName(file.OriginalName)}", bytes, ct);
                }
            }

            var media = await db.SessionMedia.AsNoTracking().Where(m => m.AthleteId == athleteId)
                .OrderBy(m => m.Id).Select(m => new { m.Id, m.OriginalName, m.Sha256 }).ToListAsync(ct);
            foreach (var item in media)
            {
                if (await files.GetAsync(item.Sha256, ct) is { } bytes)
                {
                    await AddAsync(zip, $"photos-and-clips/{item.Id}-{SafeName(item.OriginalName)}", bytes, ct);
                }
            }
        }

        await audit.RecordAsync(AuditActions.Export, caller.UserId, $"athlete {athleteId}", "personal data (zip)", address, ct);
    }

    private const string Readme =
        "Personal data held by CoachPortal for one athlete (GDPR Art. 15 and 20).\r\n" +
        "profile.json: the profile; sessions.csv: every training session with its metrics; original-files/: the files as uploaded;\r\n" +
        "photos-and-clips/: photos and videos attached to sessions, as uploaded;\r\n" +
        "daily-load.csv: training load per day (CTL, ATL, TSB, ACWR); wellness.csv: daily check-ins;\r\n" +
        "planned-sessions.csv: the training plan and its outcomes; tests-and-injuries.csv: performance tests and injuries;\r\n" +
        "forecasts.csv: model forecasts made for the athlete. Times are UTC; CSV is comma-separated UTF-8.\r\n";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    private static async Task<List<(int Id, string Name)>> AthletesAsync(AppDbContext db, Caller caller, ExportScope scope, CancellationToken ct)
    {
        if (scope.AthleteId is { } athleteId)
        {
            var one = await db.VisibleAthletes(caller).Where(a => a.Id == athleteId).Select(a => new { a.Id, a.FirstName, a.LastName }).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("Athlete not found.");
            return [(one.Id, $"{one.FirstName} {one.LastName}")];
        }

        var teamId = scope.TeamId ?? throw new ArgumentException("An export needs an athlete or a team.", nameof(scope));
        if (!await db.VisibleTeams(caller).AnyAsync(t => t.Id == teamId, ct))
        {
            throw new NotFoundException("Team not found.");
        }

        var rows = await db.Athletes.AsNoTracking().Where(a => a.TeamId == teamId).OrderBy(a => a.LastName).ThenBy(a => a.FirstName)
            .Select(a => new { a.Id, a.FirstName, a.LastName }).ToListAsync(ct);
        return rows.ConvertAll(a => (a.Id, $"{a.FirstName} {a.LastName}"));
    }

    private static async Task<CsvText> SessionsAsync(AppDbContext db, List<(int Id, string Name)> athletes, CancellationToken ct)
    {
        var ids = athletes.ConvertAll(a => a.Id);
        var names = athletes.ToDictionary(a => a.Id, a => a.Name);
        var rows = await db.TrainingSessions.AsNoTracking().Where(s => ids.Contains(s.AthleteId)).OrderBy(s => s.AthleteId).ThenBy(s => s.StartUtc)
            .Select(s => new
            {
                s.Id,
                s.AthleteId,
                s.StartUtc,
                s.Sport,
                s.Title,
                s.DurationSeconds,
                s.MovingSeconds,
                s.DistanceMeters,
                s.ElevationGainMeters,
                s.AvgHeartRateBpm,
                s.MaxHeartRateBpm,
                s.AvgPowerWatts,
                s.NormalizedPowerWatts,
                s.Tss,
                s.HrTss,
                s.TrimpBanister,
                s.Rpe,
                s.SessionRpeLoad,
                s.Comment,
                s.DeviceName,
                s.IsSimulated,
            }).ToListAsync(ct);
        var csv = new CsvText("session_id", "athlete", "start_utc", "sport", "title", "duration_s", "moving_s", "distance_m", "elevation_gain_m",
            "avg_hr_bpm", "max_hr_bpm", "avg_power_w", "normalized_power_w", "tss", "hr_tss", "trimp", "rpe", "srpe_load", "comment", "device", "simulated");
        foreach (var s in rows)
        {
            csv.Row(s.Id, names[s.AthleteId], DateTime.SpecifyKind(s.StartUtc, DateTimeKind.Utc), s.Sport, s.Title, s.DurationSeconds, s.MovingSeconds,
                s.DistanceMeters, s.ElevationGainMeters, s.AvgHeartRateBpm, s.MaxHeartRateBpm, s.AvgPowerWatts, s.NormalizedPowerWatts, s.Tss,
                s.HrTss, s.TrimpBanister, s.Rpe, s.SessionRpeLoad, s.Comment, s.DeviceName, s.IsSimulated);
        }

        return csv;
    }

    private static async Task<CsvText> DailyLoadAsync(AppDbContext db, List<(int Id, string Name)> athletes, CancellationToken ct)
    {
        var ids = athletes.ConvertAll(a => a.Id);
        var names = athletes.ToDictionary(a => a.Id, a => a.Name);
        var rows = await db.DailyLoads.AsNoTracking().Where(d => ids.Contains(d.AthleteId)).OrderBy(d => d.AthleteId).ThenBy(d => d.Date).ToListAsync(ct);
        var csv = new CsvText("athlete", "date", "load", "load_metric", "sessions", "ctl", "atl", "tsb", "acwr_rolling", "acwr_ewma", "weekly_load", "monotony", "strain");
        foreach (var d in rows)
        {
            csv.Row(names[d.AthleteId], d.Date, d.PrimaryLoad, d.PrimaryMetric.ToString(), d.SessionCount, d.Ctl, d.Atl, d.Tsb, d.AcwrRolling, d.AcwrEwma,
                d.WeeklyLoad, d.Monotony, d.Strain);
        }

        return csv;
    }

    private static async Task<CsvText> WellnessAsync(AppDbContext db, List<(int Id, string Name)> athletes, CancellationToken ct)
    {
        var ids = athletes.ConvertAll(a => a.Id);
        var names = athletes.ToDictionary(a => a.Id, a => a.Name);
        var rows = await db.WellnessCheckIns.AsNoTracking().Where(w => ids.Contains(w.AthleteId)).OrderBy(w => w.AthleteId).ThenBy(w => w.Date).ToListAsync(ct);
        var csv = new CsvText("athlete", "date", "readiness", "fatigue", "soreness", "soreness_area", "sleep_h", "sleep_quality", "stress", "mood",
            "resting_hr_bpm", "hrv_rmssd_ms", "notes", "simulated");
        foreach (var w in rows)
        {
            csv.Row(names[w.AthleteId], w.Date, w.Readiness, w.Fatigue, w.Soreness, w.SorenessBodyArea, w.SleepHours, w.SleepQuality, w.Stress,
                w.Mood, w.RestingHeartRateBpm, w.HrvRmssdMs, w.Notes, w.IsSimulated);
        }

        return csv;
    }

    private static async Task<CsvText> PlannedAsync(AppDbContext db, int athleteId, CancellationToken ct)
    {
        var rows = await db.PlannedSessions.AsNoTracking().Where(p => p.AthleteId == athleteId).OrderBy(p => p.Date).ToListAsync(ct);
        var csv = new CsvText("date", "sport", "title", "workout", "planned_duration_s", "planned_tss", "status", "skip_reason", "rpe", "comment", "completed_session_id");
        foreach (var p in rows)
        {
            csv.Row(p.Date, p.Sport, p.Title, p.Text, p.PlannedDurationSeconds, p.PlannedTss, p.Status.ToString(), p.SkipReason, p.Rpe, p.Comment, p.CompletedSessionId);
        }

        return csv;
    }

    private static async Task<CsvText> TestsAndInjuriesAsync(AppDbContext db, int athleteId, CancellationToken ct)
    {
        var csv = new CsvText("record", "date", "kind", "value", "unit", "body_area", "severity", "days_lost", "return_date", "notes", "simulated");
        foreach (var t in await db.PerformanceTests.AsNoTracking().Where(t => t.AthleteId == athleteId).OrderBy(t => t.Date).ToListAsync(ct))
        {
            csv.Row("test", t.Date, t.Kind, t.Value, t.Unit, null, null, null, null, t.Notes, t.IsSimulated);
        }

        foreach (var i in await db.Injuries.AsNoTracking().Where(i => i.AthleteId == athleteId).OrderBy(i => i.OnsetDate).ToListAsync(ct))
        {
            csv.Row("injury", i.OnsetDate, i.Kind.ToString(), null, null, i.BodyArea, i.Severity.ToString(), i.DaysLost, i.ReturnDate, i.Notes, i.IsSimulated);
        }

        return csv;
    }

    private static async Task<CsvText> ForecastsAsync(AppDbContext db, int athleteId, CancellationToken ct)
    {
        var rows = await db.ModelPredictions.AsNoTracking().Where(p => p.AthleteId == athleteId).OrderBy(p => p.AsOfDate).ThenBy(p => p.Target)
            .Select(p => new { p.AsOfDate, p.Target, p.Value, p.Lower, p.Upper, p.ModelVersionId }).ToListAsync(ct);
        var csv = new CsvText("as_of", "target", "value", "lower", "upper", "model_version");
        foreach (var p in rows)
        {
            csv.Row(p.AsOfDate, p.Target.ToString(), p.Value, p.Lower, p.Upper, p.ModelVersionId);
        }

        return csv;
    }

    private static object Profile(Athlete a) => new
    {
        a.Id,
        a.FirstName,
        a.LastName,
        a.Email,
        BirthDate = a.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Sex = a.Sex.ToString(),
        a.Sport,
        a.Position,
        a.BodyMassKg,
        a.HeartRateMaxBpm,
        a.HeartRateRestBpm,
        a.LactateThresholdHeartRateBpm,
        a.FtpWatts,
        a.ThresholdPaceSecondsPerKm,
        Team = a.Team?.Name,
        a.CreatedUtc,
    };

    private static async Task AddAsync(ZipArchive zip, string name, byte[] content, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await stream.WriteAsync(content, ct);
    }

    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var safe = new string(file.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return string.IsNullOrEmpty(safe) ? "file" : safe;
    }
}
