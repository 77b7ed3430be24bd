using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Load.Dashboard;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Streams;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Sessions;

/// <summary>Per-session mean-maximal curves and time in zone stored at import, and the athlete dashboard built on them.</summary>
public sealed class SessionCurveTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    [Theory]
    [InlineData("fit/garmin-fenix-5-run.fit")]
    [InlineData("fit/sample-activity-indoor-trainer.fit")]
    [InlineData("tcx/test.tcx")]
    public async Task AnImportedFileStoresCurvesFromItsSamplesAndZoneTimesThatAddUpToTheHeartRateTime(string file)
    {
        var upload = await world.Get<SessionImportService>().UploadAsync(world.CoachA, world.AthleteAProfile, Path.GetFileName(file), Corpus.Read(file));
        await world.Get<SessionImportJob>().RunAsync(upload.Id, CancellationToken.None);
        var view = await world.Get<SessionImportService>().GetAsync(world.CoachA, upload.Id);
        var sessionId = Assert.Single(view.Entries).SessionId!.Value;

        await using var db = world.CreateDb();
        var session = await db.TrainingSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
        var blob = await db.SessionStreams.AsNoTracking().SingleAsync(d => d.SessionId == sessionId);
        var columns = StreamCodec.Decode(blob.Data, blob.Format);

        var curves = 0;
        curves += CheckCurve(session.PowerCurveWatts, columns.PowerWatts, "power");
        curves += CheckCurve(session.SpeedCurveMetersPerSecond, columns.SpeedMetersPerSecond, "speed", derivedFromDistance: columns.DistanceMeters is not null);
        curves += CheckCurve(session.HeartRateCurveBpm, columns.HeartRateBpm, "heart rate");
        Assert.True(curves > 0, "the file has no stream to build a curve from");

        if (columns.HeartRateBpm is { } hr)
        {
            var zoneSeconds = Assert.IsType<List<double>>(session.HeartRateZoneSeconds);
            Assert.Equal(5, zoneSeconds.Count);
            // Each heart-rate sample stands for the seconds until the next one (one across a pause of over 10 s),
            // so zone time adds up to the recorded heart-rate time on 1 Hz and smart-recording files alike.
            var heartRateSeconds = 0;
            for (var i = 0; i < hr.Length; i++)
            {
                var step = i + 1 < hr.Length ? columns.ElapsedSeconds[i + 1] - columns.ElapsedSeconds[i] : 1;
                heartRateSeconds += double.IsNaN(hr[i]) || hr[i] < 30 || hr[i] > 230 ? 0 : step is >= 1 and <= 10 ? step : 1;
            }

            Assert.Equal(heartRateSeconds, zoneSeconds.Sum());
            Assert.Equal(new[] { 0.81 * 172, 0.90 * 172, 0.94 * 172, 1.00 * 172 }, session.HeartRateZoneUpperBoundsBpm!, new ToleranceComparer(1e-9));
        }
        else
        {
            Assert.Null(session.HeartRateZoneSeconds);
        }
    }

    [Fact]
    public async Task TheDashboardCombinesSessionCurvesAndRecoversAKnownCriticalPowerAndWPrime()
    {
        const double cp = 250, wPrime = 20_000;
        var athleteId = await CreateAthleteAsync("Cyril", "Power");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Each standard duration from 2 to 20 min is ridden to exhaustion once, P(t) = CP + W′/t, spread over five
        // rides, so only the envelope of all of them holds every point of the athlete's curve.
        int[] efforts = [120, 180, 240, 300, 360, 480, 600, 720, 900, 1200];
        var rides = efforts.Select((t, i) => (Day: i % 5, Duration: t, Power: cp + (wPrime / t))).GroupBy(e => e.Day).ToList();
        await using (var db = world.CreateDb())
        {
            var athlete = await db.Athletes.SingleAsync(a => a.Id == athleteId);
            foreach (var ride in rides)
            {
                var start = today.AddDays(-10 + ride.Key).ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);
                db.TrainingSessions.Add(SessionBuilder.Build(athlete, SessionSports.Cycling, start, Ride(ride.Select(e => (e.Duration, e.Power)).ToList(), seed: ride.Key)));
            }

            // A better ride before the range must not count.
            db.TrainingSessions.Add(SessionBuilder.Build(athlete, SessionSports.Cycling, today.AddDays(-60).ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc), Ride([(600, 400)], seed: 9)));
            await db.SaveChangesAsync();
        }

        var summary = await world.Get<AthleteDashboardService>().GetMeanMaximalAsync(world.CoachA, athleteId, today.AddDays(-30), today);

        Assert.Equal(SessionSports.Cycling, summary.PowerSport);
        Assert.Equal(5, summary.PowerSessions);
        foreach (var t in efforts)
        {
            var best = summary.Power.Single(p => p.DurationSeconds == t).Value;
            Assert.InRange(best, cp + (wPrime / t) - 3, cp + (wPrime / t) + 3);
        }

        Assert.True(summary.Power.Zip(summary.Power.Skip(1)).All(p => p.First.Value >= p.Second.Value - 1e-6), "the envelope should fall with duration");
        var fit = Assert.IsType<Analytics.Performance.CriticalPowerFit>(summary.CriticalPower);
        Assert.InRange(fit.CriticalPowerWatts, cp - 3, cp + 3);
        Assert.InRange(fit.WPrimeJoules, wPrime - 1_000, wPrime + 1_000);
        Assert.Equal(efforts.Length, fit.PointsUsed);
        Assert.True(fit.StandardErrorOfEstimateWatts < 3, $"SEE {fit.StandardErrorOfEstimateWatts:0.0} W");
        Assert.Empty(summary.Speed);
        Assert.Null(summary.CriticalSpeedNote);
        Assert.Equal(0, summary.SessionsWithoutCurves);
    }

    [Fact]
    public async Task HeartRateZonesAddStoredSecondsAndFallBackToTheAverageOnlyForSessionsWithoutThem()
    {
        var athleteId = await CreateAthleteAsync("Zoe", "Zones");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var db = world.CreateDb())
        {
            var athlete = await db.Athletes.SingleAsync(a => a.Id == athleteId);

            // 20 min at 120 bpm (zone 1 with LTHR 172) then 10 min at 165 bpm (zone 4): the average (135) sits in zone 1.
            var hr = Enumerable.Range(0, 1800).Select(i => i < 1200 ? 120.0 : 165.0).ToArray();
            var columns = new StreamColumns { ElapsedSeconds = [.. Enumerable.Range(0, 1800)], HeartRateBpm = hr };
            db.TrainingSessions.Add(SessionBuilder.Build(athlete, SessionSports.Running, today.AddDays(-2).ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc), columns));

            // A row stored before zone times were kept: only its average is known.
            db.TrainingSessions.Add(new TrainingSession
            {
                AthleteId = athleteId,
                Sport = SessionSports.Running,
                StartUtc = today.AddDays(-1).ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc),
                DurationSeconds = 600,
                MovingSeconds = 600,
                AvgHeartRateBpm = 180,
            });
            await db.SaveChangesAsync();
        }

        var zones = await world.Get<AthleteDashboardService>().GetHeartRateZonesAsync(world.CoachA, athleteId, today.AddDays(-7), today);

        Assert.NotNull(zones);
        Assert.Equal(new[] { 1200.0, 0, 0, 600, 600 }, zones.SecondsPerZone);
        Assert.Equal(1, zones.SessionsFromSamples);
        Assert.Equal(1, zones.SessionsFromAverage);
    }

    [Fact]
    public async Task ACoachOfAnotherTeamCannotReadTheCurvesOrZones()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var dashboard = world.Get<AthleteDashboardService>();

        await Assert.ThrowsAsync<NotFoundException>(() => dashboard.GetMeanMaximalAsync(world.CoachB, world.AthleteAProfile, today.AddDays(-30), today));
        await Assert.ThrowsAsync<NotFoundException>(() => dashboard.GetHeartRateZonesAsync(world.CoachB, world.AthleteAProfile, today.AddDays(-30), today));
        await Assert.ThrowsAsync<NotFoundException>(() => dashboard.GetMeanMaximalAsync(world.AthleteA, world.TeamMateOfA, today.AddDays(-30), today));
        var own = await dashboard.GetMeanMaximalAsync(world.AthleteA, world.AthleteAProfile, today.AddDays(-30), today);
        Assert.NotNull(own);
    }

    private static int CheckCurve(List<double?>? stored, double[]? samples, string what, bool derivedFromDistance = false)
    {
        if (samples is null || samples.All(double.IsNaN))
        {
            if (!derivedFromDistance)
            {
                Assert.Null(stored);
                return 0;
            }

            // Without a speed column the analysis derives speed from the distance; there is no sample to compare with.
            samples = null;
        }

        Assert.NotNull(stored);
        Assert.InRange(stored.Count, 1, MeanMaximalCurve.StandardDurationsSeconds.Count);
        if (samples is not null)
        {
            var max = samples.Where(v => !double.IsNaN(v)).Max();
            Assert.Equal((float)max, stored[0]!.Value, 2);
        }

        var values = stored.Where(v => v is not null).Select(v => v!.Value).ToList();
        for (var i = 1; i < values.Count; i++)
        {
            Assert.True(values[i] <= values[i - 1] + 1e-6, $"{what}: {values[i]} after {values[i - 1]}");
        }

        return 1;
    }

    /// <summary>A ride at 150 W with the given efforts, 5 min apart, and ±4 W of pedalling noise.</summary>
    private static StreamColumns Ride(IReadOnlyList<(int Seconds, double Watts)> efforts, int seed)
    {
        var random = new Random(seed);
        var power = new List<double>();
        void Ride(int seconds, double watts)
        {
            for (var i = 0; i < seconds; i++)
            {
                power.Add(watts + (random.NextDouble() * 8) - 4);
            }
        }

        Ride(600, 150);
        foreach (var (seconds, watts) in efforts)
        {
            Ride(seconds, watts);
            Ride(300, 150);
        }

        return new StreamColumns
        {
            ElapsedSeconds = [.. Enumerable.Range(0, power.Count)],
            PowerWatts = [.. power],
            HeartRateBpm = [.. power.Select(p => 100 + (p / 5))],
        };
    }

    private async Task<int> CreateAthleteAsync(string first, string last) =>
        await world.Get<CoachPortal.Core.Athletes.AthleteService>().CreateAsync(world.CoachA, world.TeamA, PortalTestHost.AnAthlete(first, last));

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
