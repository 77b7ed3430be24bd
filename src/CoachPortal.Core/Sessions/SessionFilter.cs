namespace CoachPortal.Core.Sessions;

/// <summary>Which sessions of an athlete to list. Dates are UTC calendar dates, inclusive.</summary>
public sealed record SessionFilter
{
    public string? Sport { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>0-based page.</summary>
    public int Page { get; init; }

    public int PageSize { get; init; } = 25;
}
