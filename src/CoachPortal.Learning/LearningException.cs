namespace CoachPortal.Learning;

/// <summary>A training or scoring request the engine cannot carry out (bad data shapes, a required device missing, a foreign model).</summary>
public sealed class LearningException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LearningException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LearningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public LearningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
