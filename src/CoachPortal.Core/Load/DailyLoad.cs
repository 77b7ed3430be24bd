using CoachPortal.Analytics.Load;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Load.Recompute;

namespace CoachPortal.Core.Load;

/// <summary>
/// One athlete-day of the training-load series, written only by <see cref="LoadRecomputeJob"/>. Ratios that are
/// undefined (too little history, a zero denominator) are stored as null.
/// </summary>
public class DailyLoad
{
    public int AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    /// <summary>The athlete's local calendar day.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Total load in the team's primary metric.</summary>
    public double PrimaryLoad { get; set; }

    public PrimaryLoadMetric PrimaryMetric { get; set; }

    /// <summary>The measure that contributed most of the day's primary load; None on a rest day.</summary>
    public LoadSource PrimarySource { get; set; }

    /// <summary>Sum of the sessions' own TSS (power, running or heart-rate); null when none had one.</summary>
    public double? TssLoad { get; set; }

    /// <summary>Sum of the sessions' Banister TRIMP; null when none had one.</summary>
    public double? TrimpLoad { get; set; }

    /// <summary>Sum of the sessions' RPE × minutes; null when none had one.</summary>
    public double? SessionRpeLoad { get; set; }

    public int SessionCount { get; set; }

    public double Ctl { get; set; }

    public double Atl { get; set; }

    public double Tsb { get; set; }

    public double AcuteLoad { get; set; }

    public double ChronicLoad { get; set; }

    public double? AcwrRolling { get; set; }

    public double AcuteEwma { get; set; }

    public double ChronicEwma { get; set; }

    public double? AcwrEwma { get; set; }

    public double WeeklyLoad { get; set; }

    public double? Monotony { get; set; }

    public double? Strain { get; set; }

    /// <summary>CTL points gained over the last 7 days.</summary>
    public double? RampRate { get; set; }

    public DateTime ComputedUtc { get; set; }

    public TrainingLoadDay ToDay() => new(
        Date, PrimaryLoad, Ctl, Atl, Tsb, AcuteLoad, ChronicLoad, AcwrRolling ?? double.NaN, AcuteEwma, ChronicEwma,
        AcwrEwma ?? double.NaN, WeeklyLoad, Monotony ?? double.NaN, Strain ?? double.NaN, RampRate ?? double.NaN);

    internal void SetDay(TrainingLoadDay day)
    {
        Date = day.Date;
        PrimaryLoad = day.Load;
        Ctl = day.Ctl;
        Atl = day.Atl;
        Tsb = day.Tsb;
        AcuteLoad = day.AcuteLoad;
        ChronicLoad = day.ChronicLoad;
        AcwrRolling = Finite(day.AcwrRolling);
        AcuteEwma = day.AcuteEwma;
        ChronicEwma = day.ChronicEwma;
        AcwrEwma = Finite(day.AcwrEwma);
        WeeklyLoad = day.WeeklyLoad;
        Monotony = Finite(day.Monotony);
        Strain = Finite(day.Strain);
        RampRate = Finite(day.RampRate);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
