using CoachPortal.Ingest.Wellness;

namespace CoachPortal.Ingest.Tests.Wellness;

public sealed class PmDataParserTests
{
    private const string WellnessCsv = """
        effective_time_frame,fatigue,mood,readiness,sleep_duration_h,sleep_quality,soreness,soreness_area,stress
        2019-11-02T10:00:01.229Z,2,3,6,6,3,2,[12921003],3
        2019-11-01T08:31:40.751Z,5,4,0,7.5,1,5,"[48979004, 32696007]",0

        """;

    [Fact]
    public void WellnessRowsAreReadInTimeOrderWithQuotedListsAndOffScaleValuesAsNotReported()
    {
        var reports = PmDataParser.ParseWellness(WellnessCsv);

        Assert.Equal(2, reports.Count);
        var first = reports[0];
        Assert.Equal(new DateTimeOffset(2019, 11, 1, 8, 31, 40, 751, TimeSpan.Zero), first.Time);
        Assert.Equal(0, first.Readiness);
        Assert.Equal(5, first.Fatigue);
        Assert.Equal(4, first.Mood);
        Assert.Equal(1, first.SleepQuality);
        Assert.Equal(7.5, first.SleepHours);
        Assert.Null(first.Stress);
        Assert.Equal(["48979004", "32696007"], first.SorenessAreas);
        Assert.Equal(["12921003"], reports[1].SorenessAreas);
    }

    [Fact]
    public void SessionsCarryActivitiesAndTheirRpeTimesMinutesLoad()
    {
        var sessions = PmDataParser.ParseSessions("""
            end_date_time,activity_names,perceived_exertion,duration_min
            2019-11-14T21:00:53.000Z,"['team', 'soccer']",7,60
            2019-11-15T21:00:53.000Z,"['individual']",,30
            """);

        var session = Assert.Single(sessions);
        Assert.Equal(["team", "soccer"], session.Activities);
        Assert.Equal(420, session.Load);
    }

    [Fact]
    public void InjuryMapsAreReadFromThePythonStyleColumn()
    {
        var reports = PmDataParser.ParseInjuries("""
            effective_time_frame,injuries
            2020-01-08T08:03:03.131Z,"{'left_leg': 'minor', 'right_leg': 'minor'}"
            2020-01-01T08:03:03.131Z,{}
            """);

        Assert.Empty(reports[0].Injuries);
        Assert.Equal("minor", reports[1].Injuries["right_leg"]);
        Assert.Equal(2, reports[1].Injuries.Count);
    }

    [Fact]
    public void RestingHeartRateSkipsDaysWithoutAReading()
    {
        var readings = PmDataParser.ParseRestingHeartRates("""
            [{"dateTime": "2019-11-02 00:00:00", "value": {"date": "11/02/19", "value": 0, "error": 0}},
             {"dateTime": "2019-11-01 00:00:00", "value": {"date": "11/01/19", "value": 53.7, "error": 6.8}}]
            """);

        var reading = Assert.Single(readings);
        Assert.Equal(new DateOnly(2019, 11, 1), reading.Date);
        Assert.Equal(53.7, reading.Bpm);
    }

    [Fact]
    public void AMissingTimeColumnOrABadNumberIsAFormatErrorNamingTheLine()
    {
        Assert.Throws<WellnessFormatException>(() => PmDataParser.ParseWellness("when,readiness\n2019-11-01,5"));
        var ex = Assert.Throws<WellnessFormatException>(() => PmDataParser.ParseWellness("effective_time_frame,readiness\n2019-11-01T08:00:00Z,high"));
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DaysUseTheLocalDateAndPutEveryScaleOnThePortalsDirection()
    {
        var participant = new PmDataParticipant(
            "p99",
            [new WellnessReport(new DateTimeOffset(2019, 11, 1, 23, 30, 0, TimeSpan.Zero), 7, Fatigue: 5, Mood: 5, SleepQuality: 1, Soreness: 1, Stress: 3, 8, [])],
            [new SessionReport(new DateTimeOffset(2019, 11, 3, 10, 0, 0, TimeSpan.Zero), ["running"], 5, 40), new SessionReport(new DateTimeOffset(2019, 11, 3, 18, 0, 0, TimeSpan.Zero), ["gym"], 3, 20)],
            [new InjuryReport(new DateTimeOffset(2019, 11, 3, 8, 0, 0, TimeSpan.Zero), new Dictionary<string, string> { ["knee"] = "minor" })],
            [],
            []);

        var days = WellnessDays.Build(participant, TimeSpan.FromHours(1));

        // 23:30 UTC is the next local day at UTC+1
        Assert.Equal(new DateOnly(2019, 11, 2), days[0].Date);
        Assert.Equal(2, days.Count);
        var report = days[0];
        Assert.Equal(7, report.Readiness);
        Assert.Equal(1, report.Fatigue);        // PMSys 5 = very fresh → portal 1 = fresh
        Assert.Equal(10, report.Mood);          // PMSys 5 = very good → portal 10 = great
        Assert.Equal(1, report.SleepQuality);   // PMSys 1 = very poor → portal 1
        Assert.Equal(10, report.Soreness);      // PMSys 1 = very sore → portal 10 = very sore
        Assert.Equal(5.5, report.Stress);
        Assert.Equal(0, report.LoadAu);
        Assert.Equal(260, days[1].LoadAu);
        Assert.Equal(2, days[1].Sessions);
        Assert.True(days[1].InjuryReported);
    }

    [SkippableFact]
    public void EveryPmDataParticipantParsesAndItsMappedScalesAgreeWithReadiness()
    {
        var root = PmData.Require();
        var participants = PmDataParser.ReadFolder(root);

        Assert.Equal(8, participants.Count);
        Assert.All(participants, p => Assert.True(p.Wellness.Count > 50, p.Id));
        var days = participants.Select(p => WellnessDays.Build(p, TimeSpan.FromHours(1)).Where(d => d.Readiness is not null).ToList()).ToList();

        // the direction check the mapping rests on: within athletes, on the portal's scales, "good" goes with ready and "bad" against it
        Assert.True(Correlation(days, d => d.Mood) > 0.1);
        Assert.True(Correlation(days, d => d.SleepQuality) > 0.1);
        Assert.True(Correlation(days, d => d.Fatigue) < -0.1);
        Assert.True(Correlation(days, d => d.Soreness) < -0.1);
        Assert.True(Correlation(days, d => d.Stress) < 0);
        Assert.Contains(days.SelectMany(d => d), d => d.Readiness == 0);
        Assert.Contains(participants, p => p.Injuries.Any(i => i.Injuries.Count > 0));
    }

    // Pearson correlation of values centred on each athlete's own means (athletes' levels differ a lot)
    private static double Correlation(List<List<WellnessDay>> athletes, Func<WellnessDay, double?> x)
    {
        var pairs = athletes.SelectMany(days =>
        {
            var own = days.Where(d => x(d) is not null).Select(d => (X: x(d)!.Value, Y: d.Readiness!.Value)).ToList();
            double ax = own.DefaultIfEmpty().Average(p => p.X), ay = own.DefaultIfEmpty().Average(p => p.Y);
            return own.Select(p => (X: p.X - ax, Y: p.Y - ay));
        }).ToList();
        double mx = pairs.Average(p => p.X), my = pairs.Average(p => p.Y);
        var cov = pairs.Sum(p => (p.X - mx) * (p.Y - my));
        return cov / Math.Sqrt(pairs.Sum(p => (p.X - mx) * (p.X - mx)) * pairs.Sum(p => (p.Y - my) * (p.Y - my)));
    }
}
