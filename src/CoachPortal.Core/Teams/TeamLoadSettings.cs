using CoachPortal.Analytics.Load;
using CoachPortal.Core.Data;

namespace CoachPortal.Core.Teams;

/// <summary>
/// How a team counts training load. A team without a row uses the defaults below (TSS, 42/7 days, UTC).
/// </summary>
public class TeamLoadSettings : IVersioned
{
    public const string DefaultTimeZoneId = "UTC";

    public int TeamId { get; set; }

    public Team? Team { get; set; }

    /// <summary>The metric loads are counted in; sessions without it fall back as <see cref="PrimaryLoadSelector"/> documents.</summary>
    public PrimaryLoadMetric PrimaryMetric { get; set; } = PrimaryLoadMetric.Tss;

    /// <summary>CTL (fitness) time constant in days (default 42).</summary>
    public double CtlTimeConstantDays { get; set; } = 42;

    /// <summary>ATL (fatigue) time constant in days (default 7).</summary>
    public double AtlTimeConstantDays { get; set; } = 7;

    /// <summary>
    /// IANA time zone of the team's home. A session without its own zone, and the "today" of check-ins and the
    /// board, use it.
    /// </summary>
    public string TimeZoneId { get; set; } = DefaultTimeZoneId;

    public Guid Version { get; set; }

    public TrainingLoadOptions ToTrainingLoadOptions() => new()
    {
        CtlTimeConstantDays = CtlTimeConstantDays,
        AtlTimeConstantDays = AtlTimeConstantDays,
    };

    public PrimaryLoadOptions ToPrimaryLoadOptions() => new() { Metric = PrimaryMetric };

    public TimeZoneInfo TimeZone() => ResolveTimeZone(TimeZoneId);

    public static TimeZoneInfo ResolveTimeZone(string? timeZoneId)
    {
        if (!string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.Utc;
    }
}
