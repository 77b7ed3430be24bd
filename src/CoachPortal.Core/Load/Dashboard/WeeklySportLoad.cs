namespace CoachPortal.Core.Load.Dashboard;

/// <summary>Load of one sport in one week (Monday start), in the team's primary metric.</summary>
public sealed record WeeklySportLoad(DateOnly WeekStart, string Sport, double Load);
