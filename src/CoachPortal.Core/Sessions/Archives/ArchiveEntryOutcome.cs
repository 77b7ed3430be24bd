namespace CoachPortal.Core.Sessions.Archives;

/// <summary>What became of one file of an imported archive.</summary>
public enum ArchiveEntryOutcome
{
    /// <summary>It became a new session.</summary>
    Imported,

    /// <summary>The athlete already has a session with its start and sport; nothing new was stored.</summary>
    Duplicate,

    /// <summary>It could not be read or was refused (corrupt, over a limit, an implausible clock).</summary>
    Failed,

    /// <summary>Not an activity (another kind of file, or a FIT file of settings or monitoring).</summary>
    Skipped,
}
