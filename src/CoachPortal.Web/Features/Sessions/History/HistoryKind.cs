namespace CoachPortal.Web.Features.Sessions.History;

/// <summary>Which export the history page is importing.</summary>
public enum HistoryKind
{
    Wellness,
    Sessions,
}
