namespace CoachPortal.Core.Sessions;

/// <summary>A page of sessions and how many match the filter in all.</summary>
public sealed record SessionListPage(IReadOnlyList<SessionRow> Items, int TotalCount);
