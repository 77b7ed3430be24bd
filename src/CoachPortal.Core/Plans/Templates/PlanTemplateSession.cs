namespace CoachPortal.Core.Plans.Templates;

/// <summary>A workout placed on a day of a template week.</summary>
public class PlanTemplateSession
{
    public int Id { get; set; }

    public int PlanTemplateId { get; set; }

    /// <summary>Zero-based week of the plan.</summary>
    public int WeekIndex { get; set; }

    /// <summary>0 = Monday … 6 = Sunday.</summary>
    public int DayIndex { get; set; }

    public string Title { get; set; } = "";

    public string Sport { get; set; } = "";

    public string Text { get; set; } = "";
}
