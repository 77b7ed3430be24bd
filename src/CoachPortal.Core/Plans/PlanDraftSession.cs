namespace CoachPortal.Core.Plans;

/// <summary>A template session placed on a date of an athlete's plan, before personalisation.</summary>
public sealed record PlanDraftSession(DateOnly Date, string Sport, string Title, string Text, PlanWeek Week);
