namespace CoachPortal.Analytics.Planning;

/// <summary>
/// A template session placed on a date of an athlete's plan, before personalisation. <paramref name="OutsidePlan"/>
/// marks a session of the same template week that falls before the start (or the re-plan day) or after the event: it is
/// not planned, but it tells the personaliser how much of that week's load target the planned sessions carry.
/// </summary>
public sealed record PlanDraftSession(DateOnly Date, string Sport, string Title, string Text, PlanWeek Week, bool OutsidePlan = false);
