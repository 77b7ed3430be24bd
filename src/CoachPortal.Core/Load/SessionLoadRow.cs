using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Core.Load;

/// <summary>The load measures of one stored session, as the daily aggregation reads them.</summary>
public sealed record SessionLoadRow(
    DateTime StartUtc,
    string? TimeZoneId,
    string Sport,
    int DurationSeconds,
    double? Tss,
    double? HrTss,
    double? TrimpBanister,
    double? SessionRpeLoad)
{
    public SessionLoadMeasures ToMeasures() => new()
    {
        PowerTss = Tss,
        HeartRateTss = HrTss,
        BanisterTrimp = TrimpBanister,
        SessionRpeLoad = SessionRpeLoad,
    };
}
