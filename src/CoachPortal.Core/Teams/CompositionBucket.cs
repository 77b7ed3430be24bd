namespace CoachPortal.Core.Teams;

public sealed record CompositionBucket(string Sport, string Position, int Count);
