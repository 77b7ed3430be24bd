using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Templates;

namespace CoachPortal.Core.Plans.Assignment;

/// <summary>A template given to one athlete for an event; its personalised sessions are <see cref="PlannedSession"/> rows.</summary>
public class PlanAssignment : IVersioned
{
    public int Id { get; set; }

    public int PlanTemplateId { get; set; }

    public PlanTemplate? Template { get; set; }

    public int AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EventDate { get; set; }

    public string EventName { get; set; } = "";

    public EventPriority Priority { get; set; }

    /// <summary>Most CTL points the plan may add in any 7 days.</summary>
    public double MaxRampPerWeek { get; set; } = 6;

    /// <summary>The coach lifts the 0.8–1.3 ACWR band for this athlete.</summary>
    public bool OverrideAcwr { get; set; }

    /// <summary>Most share of weekly planned time at high intensity (IF ≥ 0.88).</summary>
    public double MaxHighIntensityShare { get; set; } = 0.25;

    public bool IsCancelled { get; set; }

    /// <summary>Null until personalised; a job that finds it set leaves the assignment alone.</summary>
    public DateTime? PersonalisedUtc { get; set; }

    public string CreatedByUserId { get; set; } = "";

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public Guid Version { get; set; }

    public List<PlannedSession> Sessions { get; set; } = [];
}
