namespace CoachPortal.Ingest.Fit;

/// <summary>One pool length of a swim (FIT <c>length</c> message, global 101), scaled.</summary>
internal readonly record struct FitPoolLength(int FileIndex, uint StartTime, double ElapsedSeconds, bool IsActive, double SpeedMetersPerSecond, double StrokesPerMinute)
{
    // length fields (FIT profile): 2 start_time, 3 total_elapsed_time (uint32, scale 1000, s), 6 avg_speed
    // (uint16, scale 1000, m/s), 9 avg_swimming_cadence (uint8, strokes/min), 12 length_type (0 idle, 1 active).
    private const byte StartTimeField = 2;
    private const byte TotalElapsedTime = 3;
    private const byte AvgSpeed = 6;
    private const byte AvgSwimmingCadence = 9;
    private const byte LengthType = 12;

    public double EndTime => StartTime + ElapsedSeconds;

    public static FitPoolLength? From(in FitMessageView m)
    {
        if (!m.TryGetInteger(StartTimeField, out var start) || start < FitProfile.MinAbsoluteTimestamp ||
            !m.TryGetInteger(TotalElapsedTime, out var elapsed))
        {
            return null;
        }

        var active = !m.TryGetInteger(LengthType, out var type) || type == 1;
        return new FitPoolLength(
            m.FileIndex,
            (uint)start,
            elapsed / 1000.0,
            active,
            m.GetScaled(AvgSpeed, 1000),
            m.GetDouble(AvgSwimmingCadence));
    }
}
