using System.Globalization;
using CoachPortal.Analytics.Load;
using CoachPortal.Analytics.Workouts;

namespace CoachPortal.Analytics.Planning;

/// <summary>
/// Turns a template's sessions into one athlete's plan. In order: availability (move to a free available day of the
/// same week, else drop), intensity distribution (cut high-intensity time to the weekly share), load scaling to the
/// athlete's CTL on the eve of the plan (week 1 ≈ CTL × 7, then the template's progression; an athlete without fitness
/// starts from a safe ramp instead), the day cap in minutes, forecast advice, the event rules (no training on the event
/// day, no long session in the days before it), then a
/// forward sweep over the days with the analytics engine's PMC that lowers the most recent session whenever the rolling
/// ACWR would pass 1.3 or the 7-day CTL ramp would pass the limit (and raises a session day below ACWR 0.8 outside
/// recovery and taper weeks). Lowering a load inside the acute window never breaks an earlier day, so one forward
/// pass suffices. Every changed session says why.
/// </summary>
public static class PlanPersonaliser
{
    /// <summary>Below this CTL the athlete has no fitness to hold and the plan starts from the safe ramp.</summary>
    public const double NewAthleteCtl = 1;

    /// <summary>Share of the template's first week a new athlete starts with.</summary>
    public const double NewAthleteStartFraction = 0.5;

    /// <summary>Largest rise of a new athlete's weekly load from one loaded week to the next (the "10 % rule").</summary>
    public const double NewAthleteWeeklyIncrease = 0.10;

    /// <summary>Days before the event in which no session is longer than <see cref="PreEventMaxMinutes"/>.</summary>
    public const int PreEventDays = 3;

    /// <summary>Longest session in the last <see cref="PreEventDays"/> days before the event, in minutes.</summary>
    public const double PreEventMaxMinutes = 40;

    private const double Epsilon = 1e-6;

    /// <summary>Personalises the drafts in the order this type's summary gives; the result keeps the drafts' order.</summary>
    public static IReadOnlyList<PersonalisedSession> Personalise(
        IReadOnlyList<PlanDraftSession> drafts,
        AthleteTrainingProfile profile,
        DateOnly historyStart,
        IReadOnlyList<double> historyLoads,
        double firstWeekTss,
        PersonalisationConstraints constraints,
        IReadOnlyList<PlanAdvice> advice,
        TrainingLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(historyLoads);
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentNullException.ThrowIfNull(advice);
        options ??= TrainingLoadOptions.Default;
        if (drafts.Count == 0)
        {
            return [];
        }

        var all = drafts.Select(d => new Work(d, WorkoutParser.Parse(d.Text), profile)).ToList();

        // A week cut by the start, a re-plan or the event keeps only its planned sessions' share of the week's target,
        // so a plan that starts on a Sunday does not pack a whole week's load into one day.
        var weekShare = all.GroupBy(w => w.Draft.Week.Index).ToDictionary(
            g => g.Key,
            g => g.Sum(w => w.Estimate.Tss) is > 0 and var total ? g.Where(w => !w.Draft.OutsidePlan).Sum(w => w.Estimate.Tss) / total : 1);
        var work = all.Where(w => !w.Draft.OutsidePlan).ToList();
        if (work.Count == 0)
        {
            return [];
        }

        PlaceOnAvailableDays(work, constraints);
        LimitIntensity(work, constraints, profile);

        // Week 1 starts where the athlete is: CTL × 7 holds CTL level. The history's CTL and ATL on its last day are the
        // athlete's fitness and fatigue on the eve of the plan (the caller seeds the series with the stored values).
        var history = historyLoads.Count > 0 ? TrainingLoadCalculator.Compute(historyStart, historyLoads.ToArray(), options) : null;
        var ctl = history is { Length: > 0 } ? history.Ctl[^1] : options.InitialCtl;
        var atl = history is { Length: > 0 } ? history.Atl[^1] : options.InitialAtl;
        var newAthlete = ctl < NewAthleteCtl;
        var scale = !newAthlete && firstWeekTss > 0 ? ctl * 7 / firstWeekTss : 1;
        double? safeBase = null;
        var buildWeeks = 0;
        var lastFactor = NewAthleteStartFraction;
        foreach (var week in work.Where(w => !w.Dropped).GroupBy(w => w.Draft.Week.Index).OrderBy(g => g.Key))
        {
            var sum = week.Sum(w => w.Estimate.Tss);
            if (sum <= 0)
            {
                continue;
            }

            var share = weekShare[week.Key];
            var planWeek = week.First().Draft.Week;
            string why;
            double target;
            if (newAthlete)
            {
                // No fitness to hold: start at a fraction of the template's first week and let the loaded weeks rise by
                // at most 10 % a week (the common "10 % rule"; Nielsen et al. 2014, J Orthop Sports Phys Ther 44:739,
                // saw more injuries in novice runners who raised weekly volume by over 30 %). Recovery and taper weeks
                // keep the previous week's fraction of the template, so they stay easier than the weeks around them.
                safeBase ??= NewAthleteStartFraction * planWeek.TargetTss;
                var easyWeek = planWeek.IsRecoveryWeek || planWeek.Phase == PlanPhase.Taper;
                var factorOfTemplate = easyWeek || planWeek.TargetTss <= 0
                    ? lastFactor
                    : Math.Min(1, safeBase.Value * Math.Pow(1 + NewAthleteWeeklyIncrease, buildWeeks) / planWeek.TargetTss);
                if (!easyWeek)
                {
                    buildWeeks++;
                    lastFactor = factorOfTemplate;
                }

                target = planWeek.TargetTss * factorOfTemplate * share;
                why = string.Create(CultureInfo.InvariantCulture,
                    $"Week load set to {target:0} TSS: no training history, so the plan starts at {NewAthleteStartFraction:P0} of the template's first week and rises at most {NewAthleteWeeklyIncrease:P0} a week");
            }
            else
            {
                target = planWeek.TargetTss * scale * share;
                why = string.Create(CultureInfo.InvariantCulture, $"Week load scaled to {target:0} TSS for current fitness (CTL {ctl:0}, ATL {atl:0})");
            }

            if (share < 1)
            {
                why += string.Create(CultureInfo.InvariantCulture, $"; this part week carries {share:P0} of the week's target");
            }

            var factor = target / sum;
            if (Math.Abs(factor - 1) > 0.05)
            {
                foreach (var w in week)
                {
                    w.ScaleTo(w.Estimate.Tss * factor, why);
                }
            }
        }

        foreach (var w in work.Where(w => !w.Dropped))
        {
            if (constraints.MaxMinutesPerDay is { } max)
            {
                var dayMinutes = work.Where(o => !o.Dropped && o.Date == w.Date).Sum(o => o.Estimate.DurationSeconds) / 60;
                if (dayMinutes > max + Epsilon)
                {
                    w.ScaleTo(w.Estimate.Tss * max / dayMinutes, string.Create(CultureInfo.InvariantCulture, $"Shortened to fit {max} min a day"));
                }
            }
        }

        foreach (var a in advice)
        {
            foreach (var w in work.Where(w => !w.Dropped && w.Date == a.Date))
            {
                w.ScaleTo(w.Estimate.Tss * a.LoadFactor, a.Reason);
                w.Advised = true;
            }
        }

        if (constraints.EventDate is { } eventDate)
        {
            KeepTheEventClear(work, eventDate);
        }

        if (work.All(w => w.Dropped))
        {
            return work.Where(w => w.Reasons.Count > 0).OrderBy(w => w.Date).Select(w => w.ToResult()).ToList();
        }

        var planStart = work.Where(w => !w.Dropped).Min(w => w.Date);
        var planEnd = work.Where(w => !w.Dropped).Max(w => w.Date);
        var start = history is null ? planStart : historyStart;
        var historyDays = planStart.DayNumber - start.DayNumber;
        var loads = new double[planEnd.DayNumber - start.DayNumber + 1];
        for (var i = 0; i < Math.Min(historyLoads.Count, historyDays); i++)
        {
            loads[i] = historyLoads[i];
        }

        void Refresh(DateOnly date) => loads[date.DayNumber - start.DayNumber] = work.Where(w => !w.Dropped && w.Date == date).Sum(w => w.Estimate.Tss);
        foreach (var date in work.Where(w => !w.Dropped).Select(w => w.Date).Distinct())
        {
            Refresh(date);
        }

        Sweep(work, loads, start, historyDays, constraints, options, Refresh);
        if (newAthlete)
        {
            // The sweep and whole-step rounding can leave a week lower than its target; the next week then rises
            // from what is really planned, not from the target.
            BoundWeeklyRise(work, weekShare);
        }

        return work.Where(w => !w.Dropped || w.Reasons.Count > 0).OrderBy(w => w.Date).Select(w => w.ToResult()).ToList();
    }

    /// <summary>
    /// The event day is the event (its planned training is dropped) and the last days before it hold only short
    /// sessions: a taper cuts volume and keeps intensity (Mujika and Padilla 2003, Med Sci Sports Exerc 35:1182;
    /// Bosquet et al. 2007, Med Sci Sports Exerc 39:1358), so a long session never lands just before a race.
    /// </summary>
    private static void KeepTheEventClear(List<Work> work, DateOnly eventDate)
    {
        foreach (var w in work.Where(w => !w.Dropped && w.Date == eventDate))
        {
            w.Reasons.Add("Dropped: the event is that day's session");
            w.Dropped = true;
        }

        var maxSeconds = PreEventMaxMinutes * 60;
        var why = string.Create(CultureInfo.InvariantCulture, $"Shortened to {PreEventMaxMinutes:0} min: no long session in the last {PreEventDays} days before the event");
        foreach (var w in work.Where(w => !w.Dropped && w.Date < eventDate && w.Date >= eventDate.AddDays(-PreEventDays)))
        {
            w.NearEvent = true;
            if (w.Estimate.DurationSeconds > maxSeconds + Epsilon)
            {
                w.ScaleTo(w.Estimate.Tss * maxSeconds / w.Estimate.DurationSeconds, why);
            }
        }
    }

    /// <summary>Cuts any week whose load, as a whole week (part weeks by their share), rises more than the allowed share above every earlier week.</summary>
    private static void BoundWeeklyRise(List<Work> work, Dictionary<int, double> weekShare)
    {
        double? highest = null;
        foreach (var week in work.Where(w => !w.Dropped).GroupBy(w => w.Draft.Week.Index).OrderBy(g => g.Key))
        {
            var share = weekShare[week.Key] > 0 ? weekShare[week.Key] : 1;
            var whole = week.Sum(w => w.Estimate.Tss) / share;
            if (highest * (1 + NewAthleteWeeklyIncrease) is { } cap && whole > cap + Epsilon)
            {
                var why = string.Create(CultureInfo.InvariantCulture, $"Lowered to keep the weekly rise at or below {NewAthleteWeeklyIncrease:P0}");
                foreach (var w in week)
                {
                    w.ScaleTo(w.Estimate.Tss * cap / whole, why);
                }

                whole = week.Where(w => !w.Dropped).Sum(w => w.Estimate.Tss) / share;
            }

            highest = Math.Max(highest ?? 0, whole);
        }
    }

    private static void Sweep(List<Work> work, double[] loads, DateOnly start, int firstPlanDay, PersonalisationConstraints c, TrainingLoadOptions options, Action<DateOnly> refresh)
    {
        var a = options.AcuteWindowDays;
        var ch = options.ChronicWindowDays;
        var k = options.CtlFactor;
        var series = TrainingLoadCalculator.Compute(start, loads, options);
        for (var t = firstPlanDay; t < loads.Length; t++)
        {
            var date = start.AddDays(t);
            var today = work.Where(w => !w.Dropped && w.Date == date).ToList();
            var acwr = series.AcwrRolling[t];
            if (!c.OverrideAcwr && today.Count > 0 && double.IsFinite(acwr) && acwr < PersonalisationConstraints.AcwrLow
                && today.All(w => !w.Draft.Week.IsRecoveryWeek && w.Draft.Week.Phase != PlanPhase.Taper && !w.Advised && !w.NearEvent))
            {
                var (acute, chronic) = Sums(loads, t, a, ch);
                var raise = (PersonalisationConstraints.AcwrLow * a * chronic - acute * ch) / (ch - PersonalisationConstraints.AcwrLow * a);
                var capped = Math.Min(raise, loads[t] * 0.5);
                if (capped > Epsilon)
                {
                    foreach (var w in today)
                    {
                        w.ScaleTo(w.Estimate.Tss * (loads[t] + capped) / loads[t], "Raised to keep ACWR at or above 0.8");
                    }

                    refresh(date);
                    series = TrainingLoadCalculator.Compute(start, loads, options);
                }
            }

            for (var guard = 0; guard < 200; guard++)
            {
                acwr = series.AcwrRolling[t];
                var ramp = series.RampRate[t];
                int? day = null;
                double cut = 0;
                string why = "";
                if (!c.OverrideAcwr && double.IsFinite(acwr) && acwr > PersonalisationConstraints.AcwrHigh + Epsilon)
                {
                    day = LatestLoadedPlanDay(loads, t, a, firstPlanDay);
                    var (acute, chronic) = Sums(loads, t, a, ch);
                    cut = (acute * ch - PersonalisationConstraints.AcwrHigh * a * chronic) / (ch - PersonalisationConstraints.AcwrHigh * a);
                    why = string.Create(CultureInfo.InvariantCulture, $"Lowered to keep ACWR at or below {PersonalisationConstraints.AcwrHigh}");
                }
                else if (double.IsFinite(ramp) && ramp > c.MaxRampPerWeek + Epsilon)
                {
                    day = LatestLoadedPlanDay(loads, t, 7, firstPlanDay);
                    if (day is { } j)
                    {
                        cut = (ramp - c.MaxRampPerWeek) / (k * Math.Pow(1 - k, t - j));
                    }

                    why = string.Create(CultureInfo.InvariantCulture, $"Lowered to keep the CTL ramp at or below {c.MaxRampPerWeek:0.#} a week");
                }

                if (day is not { } d)
                {
                    break;
                }

                var dayDate = start.AddDays(d);
                var target = Math.Max(0, loads[d] - cut - Epsilon);
                foreach (var w in work.Where(w => !w.Dropped && w.Date == dayDate))
                {
                    w.ScaleTo(loads[d] > 0 ? w.Estimate.Tss * target / loads[d] : 0, why);
                }

                refresh(dayDate);
                series = TrainingLoadCalculator.Compute(start, loads, options);
            }
        }
    }

    private static int? LatestLoadedPlanDay(double[] loads, int t, int window, int firstPlanDay)
    {
        for (var j = t; j > t - window && j >= firstPlanDay; j--)
        {
            if (loads[j] > 0)
            {
                return j;
            }
        }

        return null;
    }

    private static (double Acute, double Chronic) Sums(double[] loads, int t, int acute, int chronic)
    {
        double a = 0, c = 0;
        for (var j = Math.Max(0, t - chronic + 1); j <= t; j++)
        {
            c += loads[j];
            if (j > t - acute)
            {
                a += loads[j];
            }
        }

        return (a, c);
    }

    private static void PlaceOnAvailableDays(List<Work> work, PersonalisationConstraints c)
    {
        bool Available(DateOnly d) => (c.AvailableDaysMask & (1 << PlanCalendar.DayIndex(d.DayOfWeek))) != 0;
        foreach (var w in work.Where(w => !Available(w.Date)))
        {
            var weekStart = PlanCalendar.WeekStart(w.Date);
            var free = Enumerable.Range(0, 7).Select(weekStart.AddDays)
                .Where(d => Available(d) && !work.Any(o => !o.Dropped && o != w && o.Date == d))
                .OrderBy(d => Math.Abs(d.DayNumber - w.Date.DayNumber)).ThenBy(d => d.DayNumber < w.Date.DayNumber)
                .Cast<DateOnly?>().FirstOrDefault();
            if (free is { } day)
            {
                w.Reasons.Add($"Moved from {w.Date.DayOfWeek} to {day.DayOfWeek}: not available on {w.Date.DayOfWeek}s");
                w.Date = day;
            }
            else
            {
                w.Reasons.Add($"Dropped: not available on {w.Date.DayOfWeek}s and no free day that week");
                w.Dropped = true;
            }
        }
    }

    private static void LimitIntensity(List<Work> work, PersonalisationConstraints c, AthleteTrainingProfile profile)
    {
        foreach (var week in work.Where(w => !w.Dropped).GroupBy(w => w.Draft.Week.Index))
        {
            var total = week.Sum(w => w.Estimate.DurationSeconds);
            var hard = week.Sum(w => w.Estimate.HighIntensitySeconds);
            if (total <= 0 || hard / total <= c.MaxHighIntensityShare + Epsilon)
            {
                continue;
            }

            var easy = total - hard;
            var factor = c.MaxHighIntensityShare * easy / (1 - c.MaxHighIntensityShare) / hard;
            var why = string.Create(CultureInfo.InvariantCulture, $"High-intensity time cut to keep it at or below {c.MaxHighIntensityShare:P0} of the week");
            foreach (var w in week.Where(w => w.Estimate.HighIntensitySeconds > 0))
            {
                w.Apply(w.Workout.Scale(s => WorkoutEstimator.IntensityOf(s, profile) >= WorkoutEstimator.HighIntensityFactor ? factor : 1), why);
            }
        }
    }

    private sealed class Work(PlanDraftSession draft, StructuredWorkout workout, AthleteTrainingProfile profile)
    {
        public PlanDraftSession Draft { get; } = draft;

        public DateOnly Date { get; set; } = draft.Date;

        public StructuredWorkout Workout { get; private set; } = workout;

        public WorkoutEstimate Estimate { get; private set; } = WorkoutEstimator.Estimate(workout, draft.Sport, profile);

        public bool Dropped { get; set; }

        /// <summary>Lowered on a forecast: the ACWR floor guards against weeks of detraining, not against one easier day, so it does not raise it back.</summary>
        public bool Advised { get; set; }

        /// <summary>In the last days before the event: kept short, so the ACWR floor does not raise it.</summary>
        public bool NearEvent { get; set; }

        public List<string> Reasons { get; } = [];

        public void Apply(StructuredWorkout workout, string reason)
        {
            Workout = workout;
            Estimate = WorkoutEstimator.Estimate(workout, Draft.Sport, profile);
            if (!Reasons.Contains(reason))
            {
                Reasons.Add(reason);
            }
        }

        /// <summary>Scales durations so the load is at most <paramref name="targetTss"/>: rounding goes down, never up.</summary>
        public void ScaleTo(double targetTss, string reason)
        {
            if (Dropped || Math.Abs(targetTss - Estimate.Tss) < 0.05)
            {
                return;
            }

            if (targetTss < 1)
            {
                Dropped = true;
                Reasons.Add(reason.Replace("Lowered", "Dropped", StringComparison.Ordinal));
                return;
            }

            var f = targetTss / Estimate.Tss;
            var candidate = Workout.Scale(_ => f);
            if (f > 1)
            {
                // Added load goes to the easy steps so the intensity distribution does not harden.
                var hardTss = Workout.Flatten().Select(s => WorkoutEstimator.EstimateStep(s, Draft.Sport, profile))
                    .Where(e => e.IntensityFactor >= WorkoutEstimator.HighIntensityFactor).Sum(e => e.Tss);
                var easyTss = Estimate.Tss - hardTss;
                if (easyTss > 0.5)
                {
                    var kEasy = (targetTss - hardTss) / easyTss;
                    candidate = Workout.Scale(s => WorkoutEstimator.IntensityOf(s, profile) >= WorkoutEstimator.HighIntensityFactor ? 1 : kEasy);
                }
            }

            // Rounding to whole steps can land above the target; step down until it does not.
            for (var shrink = 1.0; WorkoutEstimator.Estimate(candidate, Draft.Sport, profile).Tss > targetTss + Epsilon && shrink > 0.05;)
            {
                shrink *= 0.97;
                var s = shrink;
                candidate = Workout.Scale(_ => f * s);
            }

            Apply(candidate, reason);
        }

        public PersonalisedSession ToResult() => new(
            Date,
            Draft.Sport,
            Draft.Title,
            Draft.Text,
            Dropped ? "" : WorkoutFormatter.Format(Workout),
            Dropped ? 0 : Estimate.DurationSeconds,
            Dropped ? 0 : Estimate.Tss,
            Reasons.Count == 0 ? null : string.Join("; ", Reasons));
    }
}
