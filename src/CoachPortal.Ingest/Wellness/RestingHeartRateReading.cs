namespace CoachPortal.Ingest.Wellness;

/// <summary>A wearable's resting heart rate for one calendar day.</summary>
/// <param name="Date">the day</param>
/// <param name="Bpm">beats per minute</param>
/// <param name="ErrorBpm">the device's error estimate, null when not given</param>
public sealed record RestingHeartRateReading(DateOnly Date, double Bpm, double? ErrorBpm);
