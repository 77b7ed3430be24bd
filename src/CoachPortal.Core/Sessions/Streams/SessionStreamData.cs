namespace CoachPortal.Core.Sessions.Streams;

/// <summary>
/// The 1 Hz streams of a session as one compressed blob of delta-encoded columns (see StreamCodec).
/// Kept in its own table so session lists never load it.
/// </summary>
public class SessionStreamData
{
    public int SessionId { get; set; }

    /// <summary>Format version of <see cref="Data"/>, so the layout can change without rewriting old rows.</summary>
    public int Format { get; set; }

    public int SampleCount { get; set; }

    public byte[] Data { get; set; } = [];
}
