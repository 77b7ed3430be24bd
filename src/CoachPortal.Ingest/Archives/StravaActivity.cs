namespace CoachPortal.Ingest.Archives;

/// <summary>One line of Strava's <c>activities.csv</c>: what the file itself does not say about an activity.</summary>
/// <param name="FileName">The file's path in the export, e.g. <c>activities/123.fit.gz</c>.</param>
/// <param name="Name">The activity's name as the athlete gave it.</param>
/// <param name="Description">The athlete's description, when any.</param>
/// <param name="PerceivedExertion">Strava's perceived exertion, 1–10, when the athlete gave one.</param>
public sealed record StravaActivity(string FileName, string? Name, string? Description, int? PerceivedExertion);
