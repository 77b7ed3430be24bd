using CoachPortal.Analytics.Load;
using CoachPortal.Core.Load;

namespace CoachPortal.Web.Features.Load;

/// <summary>One athlete-day of the training-load series (the dashboard's PMC and ACWR), as the API returns it.</summary>
public sealed record DailyLoadResource(
    DateOnly Date,
    double PrimaryLoad,
    PrimaryLoadMetric PrimaryMetric,
    double? TssLoad,
    double? TrimpLoad,
    double? SessionRpeLoad,
    int SessionCount,
    double Ctl,
    double Atl,
    double Tsb,
    double? AcwrRolling,
    double? AcwrEwma,
    double WeeklyLoad,
    double? Monotony,
    double? Strain,
    double? RampRate)
{
    public static DailyLoadResource From(DailyLoad d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new DailyLoadResource(d.Date, d.PrimaryLoad, d.PrimaryMetric, d.TssLoad, d.TrimpLoad, d.SessionRpeLoad, d.SessionCount,
            d.Ctl, d.Atl, d.Tsb, d.AcwrRolling, d.AcwrEwma, d.WeeklyLoad, d.Monotony, d.Strain, d.RampRate);
    }
}
