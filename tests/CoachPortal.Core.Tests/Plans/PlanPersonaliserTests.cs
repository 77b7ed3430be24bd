using CoachPortal.Analytics.Load;
using CoachPortal.Analytics.Planning;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Analytics.Workouts;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Projection;
using CoachPortal.Core.Plans.Templates;

namespace CoachPortal.Core.Tests.Plans;

public sealed class PlanPersonaliserTests
{
    private static readonly DateOnly s_monday = new(2026, 3, 2);
    private static readonly AthleteTrainingProfile s_runner = new(null, 240, 170, 190);

    private static PlanTemplate ATemplate(double firstWeekTss, double rampPercent, int weeks = 8) => new()
    {
        Name = "Half marathon",
        Sport = SessionSports.Running,
        FirstWeekTss = firstWeekTss,
        RampPercentPerWeek = rampPercent,
        RecoveryEveryWeeks = 4,
        RecoveryWeekFactor = 0.6,
        Blocks = [new PlanBlock { Order = 0, Phase = PlanPhase.Base, Weeks = weeks - 2 }, new PlanBlock { Order = 1, Phase = PlanPhase.Taper, Weeks = 2 }],
        Sessions = Enumerable.Range(0, weeks).SelectMany(w => new[]
        {
            new PlanTemplateSession { WeekIndex = w, DayIndex = 1, Title = "Intervals", Sport = SessionSports.Running, Text = "15m warmup @Z1; 5x(3m @Z4, 2m @Z1); 10m cooldown @Z1" },
            new PlanTemplateSession { WeekIndex = w, DayIndex = 3, Title = "Steady", Sport = SessionSports.Running, Text = "50m @Z2" },
            new PlanTemplateSession { WeekIndex = w, DayIndex = 5, Title = "Long run", Sport = SessionSports.Running, Text = "90m @Z2" },
            new PlanTemplateSession { WeekIndex = w, DayIndex = 6, Title = "Easy", Sport = SessionSports.Running, Text = "40m @Z1" },
        }).ToList(),
    };

    private static double[] History(int days, double mean, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, days).Select(d => d % 7 == 0 ? 0 : Math.Max(0, mean * (0.5 + random.NextDouble()))).ToArray();
    }

    private static (IReadOnlyList<PersonalisedSession> Plan, TrainingLoadSeries Series, int FirstPlanDay) Run(
        PlanTemplate template, double[] history, PersonalisationConstraints constraints)
    {
        var historyStart = s_monday.AddDays(-history.Length);
        var drafts = PlanPersonalisationService.Drafts(template, s_monday, s_monday, s_monday.AddDays(7 * 8));
        var plan = PlanPersonaliser.Personalise(drafts, s_runner, historyStart, history, template.FirstWeekTss, constraints, []);
        var loads = history.Concat(new double[7 * 8 + 1]).ToArray();
        foreach (var s in plan)
        {
            loads[history.Length + s.Date.DayNumber - s_monday.DayNumber] += s.Tss;
        }

        return (plan, TrainingLoadCalculator.Compute(historyStart, loads), history.Length);
    }

    [Theory]
    [InlineData(1, 30, 300, 5, 6)]
    [InlineData(2, 60, 900, 15, 4)]
    [InlineData(3, 10, 1200, 20, 3)]
    [InlineData(4, 80, 200, 0, 8)]
    [InlineData(5, 45, 1500, 10, 2)]
    [InlineData(6, 0, 600, 10, 5)]
    public void RampAndAcwrStayWithinTheirLimits(int seed, double historyMean, double firstWeekTss, double rampPercent, double maxRamp)
    {
        var constraints = new PersonalisationConstraints { MaxRampPerWeek = maxRamp };
        var history = History(70, historyMean, seed);
        var noPlan = TrainingLoadCalculator.Compute(s_monday.AddDays(-history.Length), history.Concat(new double[7 * 8 + 1]).ToArray());

        var (_, series, first) = Run(ATemplate(firstWeekTss, rampPercent), history, constraints);

        for (var t = first; t < series.Length; t++)
        {
            // A limit already broken by the history alone cannot be the plan's doing.
            var acwrBound = Math.Max(PersonalisationConstraints.AcwrHigh, noPlan.AcwrRolling[t]);
            Assert.False(series.AcwrRolling[t] > acwrBound + 1e-9, $"ACWR {series.AcwrRolling[t]:0.000} on {series[t].Date}");
            var rampBound = Math.Max(maxRamp, noPlan.RampRate[t]);
            Assert.False(series.RampRate[t] > rampBound + 1e-9, $"ramp {series.RampRate[t]:0.00} on {series[t].Date}");
        }
    }

    [Fact]
    public void AnAthleteWithoutHistoryStartsFromASafeRampInsteadOfTheTemplatesFullWeek()
    {
        var template = ATemplate(400, 15);
        var (plan, _, _) = Run(template, [], new PersonalisationConstraints());

        var weeks = plan.Where(p => p.Tss > 0).GroupBy(p => PlanCalendar.WeekStart(p.Date)).OrderBy(g => g.Key).Select(g => g.Sum(p => p.Tss)).ToList();
        Assert.InRange(weeks[0], 1, PlanPersonaliser.NewAthleteStartFraction * 400 + 1);
        for (var i = 1; i < weeks.Count; i++)
        {
            Assert.True(weeks[i] <= weeks[..i].Max() * (1 + PlanPersonaliser.NewAthleteWeeklyIncrease) + 1, $"week {i}: {weeks[i]:0} after {weeks[..i].Max():0}");
        }

        Assert.Contains("no training history", plan[0].ChangeReason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFitnessNamedIsTheOneTheHistoryEndsOn()
    {
        var template = ATemplate(300, 5);
        var history = Enumerable.Repeat(36.0, 30).ToArray();
        var options = TrainingLoadOptions.Default with { InitialCtl = 36, InitialAtl = 36 };
        var drafts = PlanPersonalisationService.Drafts(template, s_monday, s_monday, s_monday.AddDays(7 * 8));

        var plan = PlanPersonaliser.Personalise(drafts, s_runner, s_monday.AddDays(-30), history, template.FirstWeekTss, new PersonalisationConstraints(), [], options);

        Assert.Contains("for current fitness (CTL 36, ATL 36)", plan[0].ChangeReason, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSessionOnTheEventDayAndNoLongOneJustBeforeIt()
    {
        var template = ATemplate(300, 5);
        var eventDate = s_monday.AddDays(7 * 7 + 6);
        var history = History(120, 45, 7);
        var drafts = PlanPersonalisationService.Drafts(template, s_monday, s_monday, eventDate);

        var plan = PlanPersonaliser.Personalise(drafts, s_runner, s_monday.AddDays(-120), history, template.FirstWeekTss,
            new PersonalisationConstraints { EventDate = eventDate }, []);

        Assert.All(plan.Where(p => p.Date == eventDate), p => Assert.Equal(0, p.Tss));
        var lastDays = plan.Where(p => p.Date < eventDate && p.Date >= eventDate.AddDays(-PlanPersonaliser.PreEventDays) && p.Tss > 0).ToList();
        Assert.NotEmpty(lastDays);
        Assert.All(lastDays, p => Assert.True(p.DurationSeconds <= PlanPersonaliser.PreEventMaxMinutes * 60, p.Text));
    }

    [Fact]
    public void ACoachOverrideLiftsTheAcwrLimitButNotTheRamp()
    {
        var history = History(70, 30, 7);
        var limited = Run(ATemplate(1500, 10), history, new PersonalisationConstraints { MaxRampPerWeek = 20 });
        var overridden = Run(ATemplate(1500, 10), history, new PersonalisationConstraints { MaxRampPerWeek = 20, OverrideAcwr = true });

        Assert.Contains(limited.Plan, p => p.ChangeReason?.Contains("ACWR", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(overridden.Plan, p => p.ChangeReason?.Contains("ACWR", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void EveryChangedSessionSaysWhyAndUnchangedOnesDoNot()
    {
        var history = History(70, 40, 3);
        var (plan, _, _) = Run(ATemplate(300, 5), history, new PersonalisationConstraints());

        foreach (var s in plan)
        {
            Assert.Equal(s.Text == WorkoutFormatter.Format(WorkoutParser.Parse(s.TemplateText)) && s.Text.Length > 0, s.ChangeReason is null);
        }
    }

    [Fact]
    public void UnavailableDaysMoveSessionsAndTheDayCapShortensThem()
    {
        var constraints = new PersonalisationConstraints { AvailableDaysMask = 0b0111111, MaxMinutesPerDay = 60, OverrideAcwr = true, MaxRampPerWeek = 20 };
        var (plan, _, _) = Run(ATemplate(300, 0), [], constraints);

        Assert.DoesNotContain(plan, p => p.Date.DayOfWeek == DayOfWeek.Sunday && p.Text.Length > 0);
        Assert.Contains(plan, p => p.ChangeReason?.Contains("not available on Sundays", StringComparison.Ordinal) == true);
        Assert.All(plan.GroupBy(p => p.Date), day => Assert.True(day.Sum(p => p.DurationSeconds) <= 60 * 60 + 1e-6));
        Assert.Contains(plan, p => p.ChangeReason?.Contains("60 min a day", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void HighIntensityTimeIsCutToTheWeeklyShare()
    {
        var template = ATemplate(300, 0);
        template.Sessions.Add(new PlanTemplateSession { WeekIndex = 0, DayIndex = 2, Title = "VO2", Sport = SessionSports.Running, Text = "10x(4m @Z5, 1m rest)" });
        var (plan, _, _) = Run(template, [], new PersonalisationConstraints { MaxHighIntensityShare = 0.1, OverrideAcwr = true, MaxRampPerWeek = 20 });

        var week = plan.Where(p => p.Date < s_monday.AddDays(7) && p.Text.Length > 0).ToList();
        var hard = week.Sum(p => WorkoutEstimator.Estimate(WorkoutParser.Parse(p.Text), p.Sport, s_runner).HighIntensitySeconds);
        var total = week.Sum(p => p.DurationSeconds);
        Assert.True(hard / total <= 0.1 + 1e-9, $"{hard / total:P1}");
    }

    [Fact]
    public void WeekTargetsRampRecoverAndTaper()
    {
        var weeks = PlanWeeks.Of(ATemplate(300, 10));

        Assert.Equal(300, weeks[0].TargetTss);
        Assert.Equal(330, weeks[1].TargetTss);
        Assert.True(weeks[3].IsRecoveryWeek);
        Assert.Equal(Math.Round(300 * 1.1 * 1.1 * 1.1 * 0.6, 1), weeks[3].TargetTss);
        Assert.True(weeks[7].TargetTss < weeks[6].TargetTss);
    }

    [Fact]
    public void TheProjectionIsTheEnginesPmcOnTheSameLoads()
    {
        var history = History(60, 50, 11);
        var historyStart = s_monday.AddDays(-history.Length);
        var planned = new List<(DateOnly, double)> { (s_monday, 80), (s_monday.AddDays(2), 60), (s_monday.AddDays(2), 20), (s_monday.AddDays(9), 120) };

        var days = PlanProjectionService.Project(historyStart, history, s_monday, s_monday.AddDays(13), planned);

        var loads = history.Concat(new double[14]).ToArray();
        loads[60] = 80;
        loads[62] = 80;
        loads[69] = 120;
        var engine = TrainingLoadCalculator.Compute(historyStart, loads);
        Assert.Equal(engine.Length, days.Count);
        for (var i = 0; i < engine.Length; i++)
        {
            Assert.Equal(engine.Ctl[i], days[i].Ctl);
            Assert.Equal(engine.Atl[i], days[i].Atl);
            Assert.Equal(engine.Tsb[i], days[i].Tsb);
            Assert.Equal(double.IsFinite(engine.AcwrRolling[i]) ? engine.AcwrRolling[i] : null, days[i].Acwr);
        }
    }

    [Fact]
    public void APlanStartingOnSundayGivesThatDayOnlyItsShareOfTheWeeksLoad()
    {
        var template = ATemplate(300, 5);
        var history = History(120, 45, 11);
        var constraints = new PersonalisationConstraints { MaxRampPerWeek = 100, OverrideAcwr = true };
        var sunday = s_monday.AddDays(6);
        var eventDate = s_monday.AddDays(7 * 8);

        var fromMonday = PlanPersonaliser.Personalise(
            PlanPersonalisationService.Drafts(template, s_monday, s_monday, eventDate), s_runner, s_monday.AddDays(-history.Length), history,
            template.FirstWeekTss, constraints, []);
        var fromSunday = PlanPersonaliser.Personalise(
            PlanPersonalisationService.Drafts(template, sunday, sunday, eventDate), s_runner, sunday.AddDays(-history.Length), history,
            template.FirstWeekTss, constraints, []);

        // Only the Sunday session of the first week is planned, at about the load it has in the full week.
        var fullWeekSunday = fromMonday.Single(p => p.Date == sunday);
        var partWeekSunday = fromSunday.Single(p => p.Date == sunday);
        Assert.DoesNotContain(fromSunday, p => p.Date < sunday);
        Assert.InRange(partWeekSunday.Tss / fullWeekSunday.Tss, 0.8, 1.25);
        Assert.True(partWeekSunday.Tss < fromMonday.Where(p => p.Date <= sunday).Sum(p => p.Tss) / 2, "the part week packed the whole week's load into one day");
    }
}
