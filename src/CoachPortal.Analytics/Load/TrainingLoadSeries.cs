namespace CoachPortal.Analytics.Load;

/// <summary>
/// An athlete's daily training-load series from <see cref="StartDate"/>, one column per metric (see
/// <see cref="TrainingLoadDay"/> for their meaning). Built by <see cref="TrainingLoadCalculator"/>, or from stored rows
/// with <see cref="FromDays"/> to continue a computation without the whole history.
/// </summary>
public sealed class TrainingLoadSeries
{
    internal readonly double[] _load;
    internal readonly double[] _ctl;
    internal readonly double[] _atl;
    internal readonly double[] _tsb;
    internal readonly double[] _acuteLoad;
    internal readonly double[] _chronicLoad;
    internal readonly double[] _acwrRolling;
    internal readonly double[] _acuteEwma;
    internal readonly double[] _chronicEwma;
    internal readonly double[] _acwrEwma;
    internal readonly double[] _weeklyLoad;
    internal readonly double[] _monotony;
    internal readonly double[] _strain;
    internal readonly double[] _rampRate;

    internal TrainingLoadSeries(DateOnly startDate, int historyDaysBeforeStart, TrainingLoadOptions options, int length)
    {
        StartDate = startDate;
        HistoryDaysBeforeStart = historyDaysBeforeStart;
        Options = options;
        _load = Column(length);
        _ctl = Column(length);
        _atl = Column(length);
        _tsb = Column(length);
        _acuteLoad = Column(length);
        _chronicLoad = Column(length);
        _acwrRolling = Column(length);
        _acuteEwma = Column(length);
        _chronicEwma = Column(length);
        _acwrEwma = Column(length);
        _weeklyLoad = Column(length);
        _monotony = Column(length);
        _strain = Column(length);
        _rampRate = Column(length);
    }

    // Every constructor path writes every element, so the columns skip zero-initialisation (a fifth of a full recompute).
    private static double[] Column(int length) => GC.AllocateUninitializedArray<double>(length);

    /// <summary>Date of the first day.</summary>
    public DateOnly StartDate { get; }

    /// <summary>Date of the last day (the day before <see cref="StartDate"/> when empty).</summary>
    public DateOnly EndDate => StartDate.AddDays(Length - 1);

    /// <summary>Number of days.</summary>
    public int Length => _load.Length;

    /// <summary>Days of the athlete's history that precede <see cref="StartDate"/> (0 for a full series).</summary>
    public int HistoryDaysBeforeStart { get; }

    /// <summary>The options the series was computed with.</summary>
    public TrainingLoadOptions Options { get; }

    /// <summary>Daily loads.</summary>
    public IReadOnlyList<double> Load => _load;

    /// <summary>Chronic training load (fitness).</summary>
    public IReadOnlyList<double> Ctl => _ctl;

    /// <summary>Acute training load (fatigue).</summary>
    public IReadOnlyList<double> Atl => _atl;

    /// <summary>Training stress balance (form).</summary>
    public IReadOnlyList<double> Tsb => _tsb;

    /// <summary>Rolling acute mean daily load.</summary>
    public IReadOnlyList<double> AcuteLoad => _acuteLoad;

    /// <summary>Rolling chronic mean daily load.</summary>
    public IReadOnlyList<double> ChronicLoad => _chronicLoad;

    /// <summary>Rolling acute:chronic workload ratio.</summary>
    public IReadOnlyList<double> AcwrRolling => _acwrRolling;

    /// <summary>Acute EWMA load.</summary>
    public IReadOnlyList<double> AcuteEwma => _acuteEwma;

    /// <summary>Chronic EWMA load.</summary>
    public IReadOnlyList<double> ChronicEwma => _chronicEwma;

    /// <summary>EWMA acute:chronic workload ratio.</summary>
    public IReadOnlyList<double> AcwrEwma => _acwrEwma;

    /// <summary>7-day load sum.</summary>
    public IReadOnlyList<double> WeeklyLoad => _weeklyLoad;

    /// <summary>Foster monotony.</summary>
    public IReadOnlyList<double> Monotony => _monotony;

    /// <summary>Foster strain.</summary>
    public IReadOnlyList<double> Strain => _strain;

    /// <summary>Weekly CTL ramp rate.</summary>
    public IReadOnlyList<double> RampRate => _rampRate;

    /// <summary>The day at a zero-based index.</summary>
    public TrainingLoadDay this[int index] => new(
        StartDate.AddDays(index), _load[index], _ctl[index], _atl[index], _tsb[index], _acuteLoad[index],
        _chronicLoad[index], _acwrRolling[index], _acuteEwma[index], _chronicEwma[index], _acwrEwma[index],
        _weeklyLoad[index], _monotony[index], _strain[index], _rampRate[index]);

    /// <summary>All days in order.</summary>
    public IEnumerable<TrainingLoadDay> Days()
    {
        for (var i = 0; i < Length; i++)
        {
            yield return this[i];
        }
    }

    /// <summary>The day with the given date, or null outside the series.</summary>
    public TrainingLoadDay? DayOf(DateOnly date)
    {
        var index = date.DayNumber - StartDate.DayNumber;
        return (uint)index < (uint)Length ? this[index] : null;
    }

    /// <summary>The days from <paramref name="firstDate"/> to <paramref name="lastDate"/> inclusive, as a new series.</summary>
    public TrainingLoadSeries Slice(DateOnly firstDate, DateOnly lastDate)
    {
        var from = firstDate.DayNumber - StartDate.DayNumber;
        var to = lastDate.DayNumber - StartDate.DayNumber;
        if (from < 0 || to >= Length || to < from - 1)
        {
            throw new AnalyticsInputException($"Slice {firstDate}…{lastDate} lies outside {StartDate}…{EndDate}.");
        }

        var slice = new TrainingLoadSeries(firstDate, HistoryDaysBeforeStart + from, Options, to - from + 1);
        CopyDays(this, from, slice, 0, slice.Length);
        return slice;
    }

    /// <summary>
    /// Rebuilds a series from stored consecutive days, e.g. the last <see cref="TrainingLoadCalculator.RequiredLookbackDays"/>
    /// rows before a changed date, so that <see cref="TrainingLoadCalculator.Extend"/> can continue from it.
    /// </summary>
    /// <param name="days">Consecutive days, oldest first.</param>
    /// <param name="historyDaysBeforeStart">Days of the athlete's history before the first of <paramref name="days"/>.</param>
    /// <param name="options">The options the stored days were computed with.</param>
    public static TrainingLoadSeries FromDays(IReadOnlyList<TrainingLoadDay> days, int historyDaysBeforeStart, TrainingLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(options);
        if (days.Count == 0)
        {
            throw new AnalyticsInputException("At least one day is needed.");
        }

        var series = new TrainingLoadSeries(days[0].Date, historyDaysBeforeStart, options, days.Count);
        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            if (d.Date != days[0].Date.AddDays(i))
            {
                throw new AnalyticsInputException($"Days must be consecutive; {d.Date} found at position {i}.");
            }

            series._load[i] = d.Load;
            series._ctl[i] = d.Ctl;
            series._atl[i] = d.Atl;
            series._tsb[i] = d.Tsb;
            series._acuteLoad[i] = d.AcuteLoad;
            series._chronicLoad[i] = d.ChronicLoad;
            series._acwrRolling[i] = d.AcwrRolling;
            series._acuteEwma[i] = d.AcuteEwma;
            series._chronicEwma[i] = d.ChronicEwma;
            series._acwrEwma[i] = d.AcwrEwma;
            series._weeklyLoad[i] = d.WeeklyLoad;
            series._monotony[i] = d.Monotony;
            series._strain[i] = d.Strain;
            series._rampRate[i] = d.RampRate;
        }

        return series;
    }

    internal static void CopyDays(TrainingLoadSeries source, int sourceIndex, TrainingLoadSeries target, int targetIndex, int count)
    {
        Array.Copy(source._load, sourceIndex, target._load, targetIndex, count);
        Array.Copy(source._ctl, sourceIndex, target._ctl, targetIndex, count);
        Array.Copy(source._atl, sourceIndex, target._atl, targetIndex, count);
        Array.Copy(source._tsb, sourceIndex, target._tsb, targetIndex, count);
        Array.Copy(source._acuteLoad, sourceIndex, target._acuteLoad, targetIndex, count);
        Array.Copy(source._chronicLoad, sourceIndex, target._chronicLoad, targetIndex, count);
        Array.Copy(source._acwrRolling, sourceIndex, target._acwrRolling, targetIndex, count);
        Array.Copy(source._acuteEwma, sourceIndex, target._acuteEwma, targetIndex, count);
        Array.Copy(source._chronicEwma, sourceIndex, target._chronicEwma, targetIndex, count);
        Array.Copy(source._acwrEwma, sourceIndex, target._acwrEwma, targetIndex, count);
        Array.Copy(source._weeklyLoad, sourceIndex, target._weeklyLoad, targetIndex, count);
        Array.Copy(source._monotony, sourceIndex, target._monotony, targetIndex, count);
        Array.Copy(source._strain, sourceIndex, target._strain, targetIndex, count);
        Array.Copy(source._rampRate, sourceIndex, target._rampRate, targetIndex, count);
    }
}
