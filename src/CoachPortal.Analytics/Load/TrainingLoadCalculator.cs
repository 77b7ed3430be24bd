namespace CoachPortal.Analytics.Load;

/// <summary>
/// Computes the performance-management chart (CTL/ATL/TSB), the acute:chronic workload ratio (rolling and EWMA),
/// Foster's monotony and strain and the weekly ramp rate from daily loads, in full or incrementally.
/// <para>
/// Every value of day t is a function of the loads of the windows ending at t and of the recursive state
/// (CTL, ATL, EWMAs) of day t − 1 only; window sums are summed afresh in a fixed order rather than slid, so an
/// incremental recompute reproduces a full recompute bit for bit. Cost: O(days · 7) for the default 7:28 windows, O(days · (acute + chronic)) otherwise.
/// </para>
/// </summary>
public static class TrainingLoadCalculator
{
    private const int MonotonyWindowDays = 7;

    /// <summary>
    /// Days of stored history that must precede the first recomputed day when continuing a series that does not
    /// start at the athlete's first day: max(chronic window, 8) (the 8th is the ramp rate's CTL a week ago).
    /// </summary>
    public static int RequiredLookbackDays(TrainingLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Math.Max(options.ChronicWindowDays, MonotonyWindowDays + 1);
    }

    /// <summary>Computes the series for consecutive daily loads starting on the athlete's first day.</summary>
    public static TrainingLoadSeries Compute(DateOnly startDate, ReadOnlySpan<double> dailyLoads, TrainingLoadOptions? options = null)
    {
        options ??= TrainingLoadOptions.Default;
        options.Validate();
        var series = new TrainingLoadSeries(startDate, 0, options, dailyLoads.Length);
        dailyLoads.CopyTo(series._load);
        Run(series, 0);
        return series;
    }

    /// <summary>
    /// Appends the days after <paramref name="history"/>'s last day and computes them from its state. The result
    /// holds the history followed by the new days. For a history that does not begin at the athlete's first day, it
    /// must hold at least <see cref="RequiredLookbackDays"/> days.
    /// </summary>
    public static TrainingLoadSeries Extend(TrainingLoadSeries history, ReadOnlySpan<double> nextDailyLoads)
    {
        ArgumentNullException.ThrowIfNull(history);
        var series = new TrainingLoadSeries(history.StartDate, history.HistoryDaysBeforeStart, history.Options, history.Length + nextDailyLoads.Length);
        TrainingLoadSeries.CopyDays(history, 0, series, 0, history.Length);
        nextDailyLoads.CopyTo(series._load.AsSpan(history.Length));
        Run(series, history.Length);
        return series;
    }

    /// <summary>
    /// Recomputes <paramref name="previous"/> from <paramref name="fromDate"/> on, after loads changed on or after that
    /// date. <paramref name="dailyLoads"/> holds all loads from <c>previous.StartDate</c> (it may be longer than
    /// <paramref name="previous"/>: appended days); loads before <paramref name="fromDate"/> must be unchanged.
    /// Equals <see cref="Compute"/> over the same loads.
    /// </summary>
    public static TrainingLoadSeries Recompute(TrainingLoadSeries previous, ReadOnlySpan<double> dailyLoads, DateOnly fromDate)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var from = fromDate.DayNumber - previous.StartDate.DayNumber;
        if (from < 0 || from > previous.Length || from > dailyLoads.Length)
        {
            throw new AnalyticsInputException($"{fromDate} lies outside the previous series {previous.StartDate}…{previous.EndDate}.");
        }

        var series = new TrainingLoadSeries(previous.StartDate, previous.HistoryDaysBeforeStart, previous.Options, dailyLoads.Length);
        TrainingLoadSeries.CopyDays(previous, 0, series, 0, from);
        dailyLoads.CopyTo(series._load);
        Run(series, from);
        return series;
    }

    private static void Run(TrainingLoadSeries s, int from)
    {
        var o = s.Options;
        if (s.HistoryDaysBeforeStart > 0 && from < RequiredLookbackDays(o))
        {
            throw new AnalyticsInputException(
                $"Continuing a series needs {RequiredLookbackDays(o)} days of history before the first recomputed day; {from} given.");
        }

        var ctlFactor = o.CtlFactor;
        var atlFactor = o.AtlFactor;
        // EWMA smoothing λ = 2 / (N + 1) (Williams et al. 2017, Br J Sports Med 51:209).
        var acuteLambda = 2.0 / (o.AcuteWindowDays + 1);
        var chronicLambda = 2.0 / (o.ChronicWindowDays + 1);
        var minAcwrHistory = o.MinimumHistoryDaysForAcwr;

        var load = s._load;
        var ctlPrev = from == 0 ? o.InitialCtl : s._ctl[from - 1];
        var atlPrev = from == 0 ? o.InitialAtl : s._atl[from - 1];
        var acuteEwma = from == 0 ? 0.0 : s._acuteEwma[from - 1];
        var chronicEwma = from == 0 ? 0.0 : s._chronicEwma[from - 1];
        var acuteDays = o.AcuteWindowDays;
        var chronicDays = o.ChronicWindowDays;
        // The common 7:28 windows reuse the 7-day sums: chronic = four consecutive weekly sums. Both paths sum each
        // value from the loads of its own window only, so incremental and full recomputes agree exactly.
        var weeklyBlocks = acuteDays == MonotonyWindowDays && chronicDays % MonotonyWindowDays == 0;
        var weeks = chronicDays / MonotonyWindowDays;
        // Columns in locals: the JIT does not hoist field loads out of a loop that stores to arrays.
        var weeklyLoad = s._weeklyLoad;
        var tsbColumn = s._tsb;
        var ctlColumn = s._ctl;
        var atlColumn = s._atl;
        var acuteLoadColumn = s._acuteLoad;
        var chronicLoadColumn = s._chronicLoad;
        var acwrRollingColumn = s._acwrRolling;
        var acuteEwmaColumn = s._acuteEwma;
        var chronicEwmaColumn = s._chronicEwma;
        var acwrEwmaColumn = s._acwrEwma;
        var monotonyColumn = s._monotony;
        var strainColumn = s._strain;
        var rampColumn = s._rampRate;
        var historyOffset = (long)s.HistoryDaysBeforeStart;

        for (var t = from; t < load.Length; t++)
        {
            var historyDays = historyOffset + t + 1;
            var l = load[t];

            // TSB for today is yesterday's fitness minus yesterday's fatigue (TrainingPeaks' PMC).
            tsbColumn[t] = ctlPrev - atlPrev;
            // CTL/ATL: exponentially weighted load, CTL_t = CTL_{t−1} + (L_t − CTL_{t−1}) · k
            // (Banister 1975 fitness–fatigue; Coggan's PMC with k = 1/τ).
            var ctl = ctlPrev + (l - ctlPrev) * ctlFactor;
            var atl = atlPrev + (l - atlPrev) * atlFactor;
            ctlColumn[t] = ctl;
            atlColumn[t] = atl;

            var weekly = WindowSum(load, t, MonotonyWindowDays);
            weeklyLoad[t] = weekly;

            // Rolling coupled ACWR: acute mean / chronic mean (Hulin et al. 2014; Gabbett 2016).
            double acuteSum, chronicSum;
            if (weeklyBlocks)
            {
                acuteSum = weekly;
                chronicSum = weekly;
                for (var w = 1; w < weeks; w++)
                {
                    var k = t - w * MonotonyWindowDays;
                    chronicSum += k >= 0 ? weeklyLoad[k] : 0.0;
                }
            }
            else
            {
                acuteSum = WindowSum(load, t, acuteDays);
                chronicSum = WindowSum(load, t, chronicDays);
            }

            var acuteMean = acuteSum / acuteDays;
            var chronicMean = chronicSum / chronicDays;
            acuteLoadColumn[t] = acuteMean;
            chronicLoadColumn[t] = chronicMean;
            acwrRollingColumn[t] = historyDays >= minAcwrHistory && chronicMean > 0 ? acuteMean / chronicMean : double.NaN;

            acuteEwma = l * acuteLambda + (1 - acuteLambda) * acuteEwma;
            chronicEwma = l * chronicLambda + (1 - chronicLambda) * chronicEwma;
            acuteEwmaColumn[t] = acuteEwma;
            chronicEwmaColumn[t] = chronicEwma;
            acwrEwmaColumn[t] = historyDays >= minAcwrHistory && chronicEwma > 0 ? acuteEwma / chronicEwma : double.NaN;

            // Monotony = mean / SD of the week's daily loads, strain = weekly load × monotony (Foster 1998, Med Sci
            // Sports Exerc 30:1164). SD with n − 1, as in the spreadsheets that spread the method; NaN when SD is 0.
            if (historyDays >= MonotonyWindowDays)
            {
                var mean = weekly / MonotonyWindowDays;
                var squares = 0.0;
                for (var k = t - MonotonyWindowDays + 1; k <= t; k++)
                {
                    var d = load[k] - mean;
                    squares += d * d;
                }

                var sd = Math.Sqrt(squares / (MonotonyWindowDays - 1));
                var monotony = sd > 0 ? mean / sd : double.NaN;
                monotonyColumn[t] = monotony;
                strainColumn[t] = weekly * monotony;
            }
            else
            {
                monotonyColumn[t] = double.NaN;
                strainColumn[t] = double.NaN;
            }

            // Ramp rate: CTL gained over the last week (TrainingPeaks).
            rampColumn[t] = historyDays > MonotonyWindowDays ? ctl - ctlColumn[t - MonotonyWindowDays] : double.NaN;

            ctlPrev = ctl;
            atlPrev = atl;
        }
    }

    /// <summary>Sum of the window ending at t; days before the series start are 0 (only reached for a full series).</summary>
    private static double WindowSum(double[] load, int t, int window)
    {
        var sum = 0.0;
        for (var k = Math.Max(0, t - window + 1); k <= t; k++)
        {
            sum += load[k];
        }

        return sum;
    }
}
