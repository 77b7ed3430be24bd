namespace CoachPortal.Analytics.Sessions;

/// <summary>The kind of session, which decides which stress score applies (power TSS, running TSS or hrTSS).</summary>
public enum Sport
{
    /// <summary>Anything else: only heart-rate and RPE based loads apply.</summary>
    Other = 0,

    /// <summary>Cycling: power-based TSS when power is recorded.</summary>
    Cycling = 1,

    /// <summary>Running: pace, grade-adjusted pace and running TSS.</summary>
    Running = 2,
}
