namespace CoachPortal.Analytics;

/// <summary>Thrown when input data to an analytics calculation is inconsistent (lengths, ordering, ranges).</summary>
public sealed class AnalyticsInputException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public AnalyticsInputException()
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    public AnalyticsInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and the underlying cause.</summary>
    public AnalyticsInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
