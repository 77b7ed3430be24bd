namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>An athlete the caller may upload for.</summary>
public sealed record UploadTarget(int AthleteId, string Name, string TeamName);
