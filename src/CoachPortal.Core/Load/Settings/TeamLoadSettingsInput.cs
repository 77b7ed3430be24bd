using CoachPortal.Analytics.Load;
using CoachPortal.Core.Teams;

namespace CoachPortal.Core.Load.Settings;

/// <summary>What the team's load-settings form edits.</summary>
public sealed class TeamLoadSettingsInput
{
    public PrimaryLoadMetric PrimaryMetric { get; set; } = PrimaryLoadMetric.Tss;

    public double CtlTimeConstantDays { get; set; } = 42;

    public double AtlTimeConstantDays { get; set; } = 7;

    public string TimeZoneId { get; set; } = TeamLoadSettings.DefaultTimeZoneId;

    public static TeamLoadSettingsInput From(TeamLoadSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new()
        {
            PrimaryMetric = settings.PrimaryMetric,
            CtlTimeConstantDays = settings.CtlTimeConstantDays,
            AtlTimeConstantDays = settings.AtlTimeConstantDays,
            TimeZoneId = settings.TimeZoneId,
        };
    }
}
