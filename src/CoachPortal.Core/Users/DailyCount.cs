namespace CoachPortal.Core.Users;

public sealed record DailyCount(DateOnly Day, int Count);
