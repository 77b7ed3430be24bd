using System.Globalization;
using CoachPortal.Analytics.Load;
using CoachPortal.Analytics.Workouts;

namespace CoachPortal.Analytics.Planning;

/// <summary>
/// Turns a template's sessions into one athlete's plan. In order: availability (move to a free available day of the
/// same week, else drop), intensity distribution (cut high-intensity time to the weekly share), load scaling to the
/// athlete's CTL (week 1 ≈ CTL × 7, then the template's progression), the day cap in minutes, forecast advice, then a
/// forward sweep over the days with the analytics engine's PMC that lowers the most recent session whenever the rolling
/// ACWR would pass 1.3 or the 7-day CTL ramp would pass the limit (and raises a session day below ACWR 0.8 outside
/// recovery and taper weeks). Lowering a load inside the acute window never breaks an earlier day, so one forward
/// pass suffices. Every changed session says why.
/// </summary>
public static class PlanPersonaliser
{
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

        // Week 1 starts where the athlete is: CTL × 7 holds CTL level. Without history the template stands.
        var history = historyLoads.Count > 0 ? TrainingLoadCalculator.Compute(historyStart, historyLoads.ToArray(), options) : null;
        var ctl = history is { Length: > 0 } ? history.Ctl[^1] : 0;
        var scale = ctl > 1 && firstWeekTss > 0 ? ctl * 7 / firstWeekTss : 1;
        foreach (var week in work.Where(w => !w.Dropped).GroupBy(w => w.Draft.Week.Index))
        {
            var sum = week.Sum(w => w.Estimate.Tss);
            if (sum <= 0)
            {
                continue;
            }

            var share = weekShare[week.Key];
            var target = week.First().Draft.Week.TargetTss * scale * share;
            var factor = target / sum;
            if (Math.Abs(factor - 1) > 0.05)
            {
                var why = share < 1
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"Week load scaled to {target:0} TSS for current fitness (CTL {ctl:0}); this part week carries {share:P0} of the week's target")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"Week load scaled to {target:0} TSS for current fitness (CTL {ctl:0})");
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

        var planStart = work.Min(w => w.Date);
        var planEnd = work.Max(w => w.Date);
        var start = history is null ? planStart : historyStart;
        var historyDays = planStart.DayNumber - start.DayNumber;
        var loads = new double[planEnd.DayNumber - start.DayNumber + 1];
        for (var i = 0; i < Math.Min(historyLoads.Count, historyDays); i++)
        {
            loads[i] = historyLoads[i];
        }

        void Refresh(DateOnly date) => loads[date.DayNumber - start.DayNumber] = work.Where(w => !w.Dropped && w.Date == date).Sum(w => w.Estimate.Tss);
        foreach (var date in work.Select(w => w.Date).Distinct())
        {
            Refresh(date);
        }

        Sweep(work, loads, start, historyDays, constraints, options, Refresh);
        return work.Where(w => !w.Dropped || w.Reasons.Count > 0).OrderBy(w => w.Date).Select(w => w.ToResult()).ToList();
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
                && today.All(w => !w.Draft.Week.IsRecoveryWeek && w.Draft.Week.Phase != PlanPhase.Taper && !w.Advised))
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
