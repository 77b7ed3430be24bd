namespace CoachPortal.Core.Sessions.History;

/// <summary>What a history file holds.</summary>
public enum HistoryImportKind
{
    /// <summary>Morning reports, one check-in per local day.</summary>
    Wellness,

    /// <summary>A training log, one session-RPE session per line.</summary>
    Sessions,
}
