namespace CoachPortal.Core.Athletes;

public sealed record AthleteSummary(
    int Id,
    int TeamId,
    string TeamName,
    string FirstName,
    string LastName,
    string? Sport,
    string? Position,
    Sex Sex,
    bool IsArchived,
    bool HasAccount,
    Guid Version)
{
    public string FullName => $"{FirstName} {LastName}";
}
