namespace CoachPortal.Ingest.Wellness;

/// <summary>A wellness, session or injury export could not be read; the message names the file kind, line and reason.</summary>
public sealed class WellnessFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WellnessFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public WellnessFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public WellnessFormatException()
    {
    }
}
