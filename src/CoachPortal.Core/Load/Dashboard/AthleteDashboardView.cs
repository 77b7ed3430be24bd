using CoachPortal.Core.Wellness;

namespace CoachPortal.Core.Load.Dashboard;

/// <summary>One athlete's dashboard over a range ending today (the athlete's local day), read in one go.</summary>
public sealed record AthleteDashboardView(
    AthleteLoadContext Context,
    DateOnly From,
    IReadOnlyList<DailyLoad> Loads,
    IReadOnlyList<WeeklySportLoad> WeeklyBySport,
    HeartRateZoneSummary? Zones,
    MeanMaximalSummary Curves,
    IReadOnlyList<PerformanceModelView> PerformanceModels,
    IReadOnlyList<WellnessCheckIn> CheckIns);
