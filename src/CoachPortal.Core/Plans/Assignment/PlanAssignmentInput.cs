using CoachPortal.Core.Plans.Templates;

namespace CoachPortal.Core.Plans.Assignment;

/// <summary>Assign a template to one athlete (<see cref="AthleteId"/>) or every active athlete of a team (<see cref="TeamId"/>).</summary>
public sealed record PlanAssignmentInput
{
    public int TemplateId { get; init; }

    public int? AthleteId { get; init; }

    public int? TeamId { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EventDate { get; init; }

    public string EventName { get; init; } = "";

    public EventPriority Priority { get; init; }

    public double MaxRampPerWeek { get; init; } = 6;

    public bool OverrideAcwr { get; init; }

    public double MaxHighIntensityShare { get; init; } = 0.25;
}
