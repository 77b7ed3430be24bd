using CoachPortal.Core.Data;
using CoachPortal.Core.Plans.Assignment;

namespace CoachPortal.Core.Plans.Calendar;

/// <summary>One session of an athlete's personalised plan, with what became of it.</summary>
public class PlannedSession : IVersioned
{
    public int Id { get; set; }

    public int PlanAssignmentId { get; set; }

    public PlanAssignment? Assignment { get; set; }

    public int AthleteId { get; set; }

    public DateOnly Date { get; set; }

    public string Sport { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The personalised workout text.</summary>
    public string Text { get; set; } = "";

    /// <summary>The template's text before personalisation.</summary>
    public string TemplateText { get; set; } = "";

    public double PlannedDurationSeconds { get; set; }

    public double PlannedTss { get; set; }

    /// <summary>Why personalisation changed the session; null when unchanged.</summary>
    public string? ChangeReason { get; set; }

    public PlannedSessionStatus Status { get; set; }

    public string? SkipReason { get; set; }

    public int? Rpe { get; set; }

    public string? Comment { get; set; }

    /// <summary>The uploaded session matched to this one by compliance matching.</summary>
    public int? CompletedSessionId { get; set; }

    public Guid Version { get; set; }
}
