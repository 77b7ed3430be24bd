using CoachPortal.Core.Data;
using CoachPortal.Core.Teams;

namespace CoachPortal.Core.Plans.Templates;

/// <summary>
/// A periodised plan: blocks of weeks, a first-week load target that ramps by <see cref="RampPercentPerWeek"/>,
/// a lighter week every <see cref="RecoveryEveryWeeks"/> weeks, and sessions placed on days of weeks.
/// </summary>
public class PlanTemplate : IVersioned
{
    public int Id { get; set; }

    public int? TeamId { get; set; }

    public Team? Team { get; set; }

    public string OwnerUserId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Sport { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Target TSS of the first week for the reference athlete.</summary>
    public double FirstWeekTss { get; set; }

    public double RampPercentPerWeek { get; set; }

    /// <summary>Every Nth week is a recovery week; 0 for none.</summary>
    public int RecoveryEveryWeeks { get; set; }

    /// <summary>Share of the trend load a recovery week keeps, e.g. 0.6.</summary>
    public double RecoveryWeekFactor { get; set; } = 0.6;

    public bool IsArchived { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public Guid Version { get; set; }

    public List<PlanBlock> Blocks { get; set; } = [];

    public List<PlanTemplateSession> Sessions { get; set; } = [];
}
