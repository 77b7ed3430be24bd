namespace CoachPortal.Ingest.Archives;

/// <summary>
/// Thrown when an archive or a compressed file inflates past a <see cref="ZipLimits"/> limit: the whole upload is
/// refused, not just the entry.
/// </summary>
public sealed class ArchiveLimitException : ActivityFormatException
{
    /// <summary>Creates the exception for <paramref name="format"/> (zip or gzip).</summary>
    public ArchiveLimitException(ActivityFileFormat format, string message)
        : base(format, message)
    {
    }

    /// <summary>Creates the exception with no detail.</summary>
    public ArchiveLimitException()
        : base(ActivityFileFormat.Zip, "The archive inflates beyond its limits.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ArchiveLimitException(string message)
        : base(ActivityFileFormat.Zip, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ArchiveLimitException(string message, Exception innerException)
        : base(ActivityFileFormat.Zip, message, innerException)
    {
    }
}
