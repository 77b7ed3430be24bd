namespace CoachPortal.Core.Plans.Templates;

/// <summary>A session on a template day: week (0-based) and day (0 = Monday).</summary>
public sealed record PlanSessionInput(int WeekIndex, int DayIndex, string Title, string Sport, string Text);
