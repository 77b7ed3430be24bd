using CoachPortal.Analytics;
using CoachPortal.Analytics.Load;
using CoachPortal.Analytics.Performance;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Load.Dashboard;

/// <summary>
/// The numbers behind an athlete's charts. Reads stored daily loads and session summaries; the only modelling done
/// here is the Banister fit of a handful of test results (milliseconds), never a recompute of the series.
/// </summary>
public sealed class AthleteDashboardService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    private const int ProjectionDays = 28;

    /// <summary>
    /// Everything the athlete dashboard draws for the last <paramref name="rangeDays"/> days, read with one context
    /// and one access check.
    /// </summary>
    public async Task<AthleteDashboardView> GetAsync(Caller caller, int athleteId, int rangeDays, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentOutOfRangeException.ThrowIfLessThan(rangeDays, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await db.VisibleAthletes(caller).AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == athleteId, ct)
            ?? throw new NotFoundException("Athlete not found.");
        var settings = await SettingsAsync(db, athlete.TeamId, ct);
        var context = await ContextAsync(db, caller, athlete, settings, ct);
        var to = context.Today;
        var from = to.AddDays(-rangeDays + 1);
        var checkIns = await db.WellnessCheckIns.AsNoTracking()
            .Where(w => w.AthleteId == athleteId && w.Date >= from && w.Date <= to).OrderBy(w => w.Date).ToListAsync(ct);
        return new AthleteDashboardView(
            context,
            from,
            await DailyLoadsAsync(db, athleteId, from, to, ct),
            await WeeklyLoadBySportAsync(db, athleteId, settings, WeekStart(from), to, ct),
            await HeartRateZonesAsync(db, athlete, from, to, ct),
            await MeanMaximalAsync(db, athleteId, settings, from, to, ct),
            await PerformanceModelsAsync(db, athleteId, ct),
            checkIns);
    }

    public async Task<AthleteLoadContext> GetContextAsync(Caller caller, int athleteId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await db.VisibleAthletes(caller).AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == athleteId, ct)
            ?? throw new NotFoundException("Athlete not found.");
        return await ContextAsync(db, caller, athlete, await SettingsAsync(db, athlete.TeamId, ct), ct);
    }

    private async Task<AthleteLoadContext> ContextAsync(AppDbContext db, Caller caller, Athlete athlete, TeamLoadSettings settings, CancellationToken ct)
    {
        var state = await db.LoadRecomputeStates.AsNoTracking().FirstOrDefaultAsync(s => s.AthleteId == athlete.Id, ct);
        return new AthleteLoadContext(
            athlete.Id, $"{athlete.FirstName} {athlete.LastName}", athlete.TeamId, athlete.Team!.Name, settings.PrimaryMetric,
            DailyLoadAggregator.LocalDate(clock.GetUtcNow(), settings.TimeZone()), db.CanManageTeam(caller, athlete.TeamId),
            athlete.UserId == caller.UserId, state?.FailureReason, state?.DirtyFromDate is not null);
    }

    // A team without a settings row counts load the default way (TSS, UTC), as the recompute does.
    private static async Task<TeamLoadSettings> SettingsAsync(AppDbContext db, int teamId, CancellationToken ct) =>
        await db.TeamLoadSettings.AsNoTracking().FirstOrDefaultAsync(s => s.TeamId == teamId, ct) ?? new TeamLoadSettings { TeamId = teamId };

    public async Task<IReadOnlyList<DailyLoad>> GetDailyLoadsAsync(Caller caller, int athleteId, DateOnly fromDate, DateOnly toDate, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireVisibleAsync(db, caller, athleteId, ct);
        return await DailyLoadsAsync(db, athleteId, fromDate, toDate, ct);
    }

    private static async Task<IReadOnlyList<DailyLoad>> DailyLoadsAsync(AppDbContext db, int athleteId, DateOnly fromDate, DateOnly toDate, CancellationToken ct) =>
        await db.DailyLoads.AsNoTracking().Where(d => d.AthleteId == athleteId && d.Date >= fromDate && d.Date <= toDate)
            .OrderBy(d => d.Date).ToListAsync(ct);

    public async Task<IReadOnlyList<WeeklySportLoad>> GetWeeklyLoadBySportAsync(Caller caller, int athleteId, DateOnly fromDate, DateOnly toDate, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teamId = await RequireVisibleAsync(db, caller, athleteId, ct);
        return await WeeklyLoadBySportAsync(db, athleteId, await SettingsAsync(db, teamId, ct), fromDate, toDate, ct);
    }

    private static async Task<IReadOnlyList<WeeklySportLoad>> WeeklyLoadBySportAsync(AppDbContext db, int athleteId, TeamLoadSettings settings, DateOnly fromDate, DateOnly toDate, CancellationToken ct)
    {
        var zone = settings.TimeZone();
        var options = settings.ToPrimaryLoadOptions();
        var sessions = await SessionsAsync(db, athleteId, fromDate, toDate, ct);
        return sessions
            .Select(s => (Date: AthleteClock.LocalDateOf(s.StartUtc, s.TimeZoneId, zone), s.Sport, Load: PrimaryLoadSelector.Select(s.ToMeasures(), options).Value))
            .Where(s => s.Date >= fromDate && s.Date <= toDate)
            .GroupBy(s => (Week: WeekStart(s.Date), s.Sport))
            .Select(g => new WeeklySportLoad(g.Key.Week, g.Key.Sport, Math.Round(g.Sum(s => s.Load), 1)))
            .OrderBy(w => w.WeekStart).ThenBy(w => w.Sport, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<HeartRateZoneSummary?> GetHeartRateZonesAsync(Caller caller, int athleteId, DateOnly fromDate, DateOnly toDate, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await db.VisibleAthletes(caller).AsNoTracking().FirstOrDefaultAsync(a => a.Id == athleteId, ct)
            ?? throw new NotFoundException("Athlete not found.");
        return await HeartRateZonesAsync(db, athlete, fromDate, toDate, ct);
    }

    private static async Task<HeartRateZoneSummary?> HeartRateZonesAsync(AppDbContext db, Athlete athlete, DateOnly fromDate, DateOnly toDate, CancellationToken ct)
    {
        var athleteId = athlete.Id;
        var profile = new AthleteProfile
        {
            LactateThresholdHeartRateBpm = athlete.LactateThresholdHeartRateBpm,
            MaxHeartRateBpm = athlete.HeartRateMaxBpm,
            RestingHeartRateBpm = athlete.HeartRateRestBpm,
        };
        var zones = HeartRateZones.ForProfile(profile);
        if (zones is null)
        {
            return null;
        }

        var fromUtc = fromDate.ToDateTime(TimeOnly.MinValue).AddDays(-1);
        var toUtc = toDate.ToDateTime(TimeOnly.MinValue).AddDays(2);
        var sessions = await db.TrainingSessions.AsNoTracking().CountingTowardLoad()
            .Where(s => s.AthleteId == athleteId && s.StartUtc >= fromUtc && s.StartUtc < toUtc && s.AvgHeartRateBpm != null)
            .Select(s => new { s.AvgHeartRateBpm, s.MovingSeconds, s.DurationSeconds, s.HeartRateZoneSeconds, s.HeartRateZoneUpperBoundsBpm })
            .ToListAsync(ct);
        var seconds = new double[zones.Count];
        int fromSamples = 0, fromAverage = 0;
        foreach (var s in sessions)
        {
            if (s.HeartRateZoneSeconds is { } stored && stored.Count == zones.Count && SameBounds(s.HeartRateZoneUpperBoundsBpm, zones.UpperBoundsBpm))
            {
                for (var z = 0; z < stored.Count; z++)
                {
                    seconds[z] += stored[z];
                }

                fromSamples++;
            }
            else
            {
                // No per-sample count in the current zones: the whole session goes to the zone of its average.
                seconds[zones.ZoneOf(s.AvgHeartRateBpm!.Value)] += s.MovingSeconds > 0 ? s.MovingSeconds : s.DurationSeconds;
                fromAverage++;
            }
        }

        return new HeartRateZoneSummary(seconds, zones.UpperBoundsBpm, athlete.LactateThresholdHeartRateBpm is null ? "HR reserve" : "LTHR", fromSamples, fromAverage);
    }

    /// <summary>
    /// The athlete's best power and running-speed curves over the range (the envelope of the stored session curves)
    /// and the 2-parameter critical-power model (Monod &amp; Scherrer 1965) fitted to their 2–20 min points (Hill 1993).
    /// Running speed gets the same model as critical speed and D′ (Hughson, Orok &amp; Staudt 1984).
    /// </summary>
    public async Task<MeanMaximalSummary> GetMeanMaximalAsync(Caller caller, int athleteId, DateOnly fromDate, DateOnly toDate, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teamId = await RequireVisibleAsync(db, caller, athleteId, ct);
        return await MeanMaximalAsync(db, athleteId, await SettingsAsync(db, teamId, ct), fromDate, toDate, ct);
    }

    private static async Task<MeanMaximalSummary> MeanMaximalAsync(AppDbContext db, int athleteId, TeamLoadSettings settings, DateOnly fromDate, DateOnly toDate, CancellationToken ct)
    {
        var zone = settings.TimeZone();
        var fromUtc = fromDate.ToDateTime(TimeOnly.MinValue).AddDays(-1);
        var toUtc = toDate.ToDateTime(TimeOnly.MinValue).AddDays(2);
        var rows = await db.TrainingSessions.AsNoTracking().CountingTowardLoad()
            .Where(s => s.AthleteId == athleteId && s.StartUtc >= fromUtc && s.StartUtc < toUtc)
            .Select(s => new { s.StartUtc, s.TimeZoneId, s.Sport, s.PowerCurveWatts, s.SpeedCurveMetersPerSecond, s.HeartRateCurveBpm, HasStreams = s.Streams != null })
            .ToListAsync(ct);
        var sessions = rows
            .Where(s =>
            {
                var date = AthleteClock.LocalDateOf(s.StartUtc, s.TimeZoneId, zone);
                return date >= fromDate && date <= toDate;
            })
            .ToList();

        var withPower = sessions.Where(s => s.PowerCurveWatts is { Count: > 0 }).ToList();
        var powerSport = withPower.GroupBy(s => s.Sport).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;
        var powerCurves = withPower.Where(s => s.Sport == powerSport).Select(s => SessionCurves.FromStored(s.PowerCurveWatts)!).ToList();
        var runs = sessions.Where(s => s.Sport == SessionSports.Running && s.SpeedCurveMetersPerSecond is { Count: > 0 }).ToList();
        var speedCurves = runs.Select(s => SessionCurves.FromStored(s.SpeedCurveMetersPerSecond)!).ToList();
        var (power, cp, cpNote) = BestWithFit(powerCurves, "power");
        var (speed, cs, csNote) = BestWithFit(speedCurves, "running");
        var withoutCurves = sessions.Count(s => s.HasStreams && s.PowerCurveWatts is null && s.SpeedCurveMetersPerSecond is null && s.HeartRateCurveBpm is null);
        return new MeanMaximalSummary(powerSport, power, powerCurves.Count, cp, cpNote, speed, speedCurves.Count, cs, csNote, withoutCurves);
    }

    internal static (IReadOnlyList<CurvePoint> Best, CriticalPowerFit? Fit, string? Note) BestWithFit(IReadOnlyList<MeanMaximalCurve> curves, string kind)
    {
        if (curves.Count == 0)
        {
            return ([], null, null);
        }

        var best = MeanMaximalCurve.Combine(curves);
        var points = best.DurationsSeconds.Select((d, i) => new CurvePoint(d, best.Values[i])).ToList();
        var inWindow = points.Count(p => p.DurationSeconds is >= CriticalPowerModel.DefaultMinDurationSeconds and <= CriticalPowerModel.DefaultMaxDurationSeconds);
        if (inWindow < 3)
        {
            return (points, null, $"The model is fitted to best efforts of 2–20 min; record longer {kind} sessions (at least 4 min) to get one.");
        }

        try
        {
            return (points, CriticalPowerModel.FitCurve(best), null);
        }
        catch (AnalyticsInputException ex)
        {
            return (points, null, ex.Message);
        }
    }

    private static bool SameBounds(List<double>? stored, IReadOnlyList<double> current)
    {
        if (stored is null || stored.Count != current.Count)
        {
            return false;
        }

        for (var i = 0; i < stored.Count; i++)
        {
            if (Math.Abs(stored[i] - current[i]) > 1e-6)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Each test kind of the athlete with its results, the Banister fit and a four-week projection.</summary>
    public async Task<IReadOnlyList<PerformanceModelView>> GetPerformanceModelsAsync(Caller caller, int athleteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireVisibleAsync(db, caller, athleteId, ct);
        return await PerformanceModelsAsync(db, athleteId, ct);
    }

    private static async Task<IReadOnlyList<PerformanceModelView>> PerformanceModelsAsync(AppDbContext db, int athleteId, CancellationToken ct)
    {
        var tests = await db.PerformanceTests.AsNoTracking().Where(t => t.AthleteId == athleteId).OrderBy(t => t.Date).ToListAsync(ct);
        if (tests.Count == 0)
        {
            return [];
        }

        var loads = await db.DailyLoads.AsNoTracking().Where(d => d.AthleteId == athleteId).OrderBy(d => d.Date)
            .Select(d => new { d.Date, d.PrimaryLoad }).ToListAsync(ct);
        var views = new List<PerformanceModelView>();
        foreach (var group in tests.GroupBy(t => t.Kind))
        {
            var first = group.First();
            var results = group.Select(t => new PerformancePoint(t.Date, t.Value)).ToList();
            views.Add(Fit(first.Kind, first.Unit, first.HigherIsBetter, results, loads.Select(l => (l.Date, l.PrimaryLoad)).ToList()));
        }

        return views;
    }

    internal static PerformanceModelView Fit(string kind, string unit, bool higherIsBetter, List<PerformancePoint> results, List<(DateOnly Date, double Load)> loads)
    {
        PerformanceModelView Plain(string note) => new(kind, unit, higherIsBetter, results, [], [], null, note);
        if (loads.Count == 0)
        {
            return Plain("The model needs daily loads: upload sessions first.");
        }

        var start = loads[0].Date;
        var inRange = results.Where(r => r.Date >= start && r.Date <= loads[^1].Date).ToList();
        if (inRange.Count < 6)
        {
            return Plain($"The Banister model is fitted from 6 results within the load history; {inRange.Count} so far.");
        }

        // Banister's model wants "higher is better"; a time becomes a relative speed (first result = 100).
        var reference = inRange[0].Value;
        double ToPerformance(double v) => higherIsBetter ? v : 100 * reference / v;
        double FromPerformance(double p) => higherIsBetter ? p : 100 * reference / p;
        var daily = new double[loads[^1].Date.DayNumber - start.DayNumber + 1];
        foreach (var (date, load) in loads)
        {
            daily[date.DayNumber - start.DayNumber] = load;
        }

        try
        {
            var observations = inRange.Select(r => new PerformanceObservation(r.Date.DayNumber - start.DayNumber, ToPerformance(r.Value))).ToList();
            var fit = BanisterModel.Fit(daily, observations);
            var modelled = fit.Parameters.Predict(daily);
            var firstResult = inRange[0].Date.DayNumber - start.DayNumber;
            var curve = new List<PerformancePoint>();
            for (var i = firstResult; i < modelled.Length; i++)
            {
                curve.Add(new PerformancePoint(start.AddDays(i), Math.Round(FromPerformance(modelled[i]), 2)));
            }

            var recent = daily.AsSpan(Math.Max(0, daily.Length - 28));
            var mean = recent.Length == 0 ? 0 : Sum(recent) / recent.Length;
            var plan = Enumerable.Repeat(mean, ProjectionDays).ToArray();
            var projected = fit.Parameters.PredictPlan(daily, plan);
            var projection = projected.Select((p, i) => new PerformancePoint(loads[^1].Date.AddDays(i + 1), Math.Round(FromPerformance(p), 2))).ToList();
            return new PerformanceModelView(kind, unit, higherIsBetter, results, curve, projection, fit.RSquared, null);
        }
        catch (AnalyticsInputException ex)
        {
            return Plain(ex.Message);
        }
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }

    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static async Task<List<SessionLoadRow>> SessionsAsync(AppDbContext db, int athleteId, DateOnly fromDate, DateOnly toDate, CancellationToken ct)
    {
        var fromUtc = fromDate.ToDateTime(TimeOnly.MinValue).AddDays(-1);
        var toUtc = toDate.ToDateTime(TimeOnly.MinValue).AddDays(2);
        return await db.TrainingSessions.AsNoTracking().CountingTowardLoad()
            .Where(s => s.AthleteId == athleteId && s.StartUtc >= fromUtc && s.StartUtc < toUtc)
            .Select(s => new SessionLoadRow(s.StartUtc, s.TimeZoneId, s.Sport, s.DurationSeconds, s.Tss, s.HrTss, s.TrimpBanister, s.SessionRpeLoad))
            .ToListAsync(ct);
    }

    private static async Task<int> RequireVisibleAsync(AppDbContext db, Caller caller, int athleteId, CancellationToken ct) =>
        await db.VisibleAthletes(caller).Where(a => a.Id == athleteId).Select(a => (int?)a.TeamId).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Athlete not found.");
}
