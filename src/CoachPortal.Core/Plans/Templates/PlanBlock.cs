using CoachPortal.Analytics.Planning;

namespace CoachPortal.Core.Plans.Templates;

/// <summary>A run of weeks in one phase; blocks follow each other in <see cref="Order"/>.</summary>
public class PlanBlock
{
    public int Id { get; set; }

    public int PlanTemplateId { get; set; }

    public int Order { get; set; }

    public PlanPhase Phase { get; set; }

    public int Weeks { get; set; }
}
