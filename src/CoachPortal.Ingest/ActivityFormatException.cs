namespace CoachPortal.Ingest;

/// <summary>
/// Thrown when a device file cannot be decoded. Format-specific subclasses (for example
/// <see cref="Fit.FitFormatException"/>) add where in the input the problem was found.
/// </summary>
public class ActivityFormatException : Exception
{
    /// <summary>Creates an exception for <paramref name="format"/> with a human-readable message.</summary>
    public ActivityFormatException(ActivityFileFormat format, string message)
        : base(message)
    {
        Format = format;
    }

    /// <summary>Creates an exception for <paramref name="format"/> that wraps the underlying cause.</summary>
    public ActivityFormatException(ActivityFileFormat format, string message, Exception? innerException)
        : base(message, innerException)
    {
        Format = format;
    }

    /// <summary>Creates an exception of unknown format.</summary>
    public ActivityFormatException()
        : this(ActivityFileFormat.Unknown, "The file could not be decoded.")
    {
    }

    /// <summary>Creates an exception of unknown format with a message.</summary>
    public ActivityFormatException(string message)
        : this(ActivityFileFormat.Unknown, message)
    {
    }

    /// <summary>Creates an exception of unknown format with a message and a cause.</summary>
    public ActivityFormatException(string message, Exception innerException)
        : this(ActivityFileFormat.Unknown, message, innerException)
    {
    }

    /// <summary>The format the decoder was reading when it failed.</summary>
    public ActivityFileFormat Format { get; }
}
