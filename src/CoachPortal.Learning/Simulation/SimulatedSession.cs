namespace CoachPortal.Learning.Simulation;

/// <summary>
/// A simulated session resampled to a fixed length. Channels, in this order: heart rate (bpm), speed (m/s), power (W),
/// cadence (rpm). A missing channel (no power meter, no cadence sensor) is all zeros with its mask 0.
/// </summary>
/// <param name="Class">the session's kind</param>
/// <param name="Channels">[channel][sample]</param>
/// <param name="Present">per channel: recorded or missing</param>
public sealed record SimulatedSession(SessionClass Class, float[][] Channels, bool[] Present)
{
    /// <summary>Channel names in order.</summary>
    public static IReadOnlyList<string> ChannelNames { get; } = ["heart_rate_bpm", "speed_mps", "power_watts", "cadence_rpm"];
}
