namespace CoachPortal.Core.Jobs;

/// <summary>Where a background job stands, as far as whether it will still do its work.</summary>
public enum JobRunState
{
    /// <summary>No such job, or it ended (succeeded, failed for good, deleted): nothing will run it again.</summary>
    Gone,

    /// <summary>Queued, scheduled or waiting on another job: a server will pick it up.</summary>
    Waiting,

    /// <summary>Running on a job server that is alive.</summary>
    Running,

    /// <summary>Marked as running on a server that died; <see cref="OrphanedJobSweep"/> queues it again.</summary>
    Orphaned,
}
