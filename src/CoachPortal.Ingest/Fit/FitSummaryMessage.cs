namespace CoachPortal.Ingest.Fit;

/// <summary>The fields shared by session and lap messages, scaled (FIT profile: times ×1000 s, distance ×100 m, speed ×1000 m/s).</summary>
internal sealed class FitSummaryMessage
{
    public uint? StartTime;
    public uint Timestamp;
    public Sport? Sport;
    public SubSport? SubSport;
    public double? Elapsed;
    public double? Timer;
    public double? Distance;
    public double? Calories;
    public double? AvgHr;
    public double? MaxHr;
    public double? AvgSpeed;
    public double? MaxSpeed;
    public double? AvgPower;
    public double? MaxPower;
    public double? AvgCadence;
    public double? MaxCadence;
    public double? Ascent;
    public double? Descent;
    public double? PoolLengthMeters;
    public int FileIndex;

    public double EffectiveStart =>
        StartTime ?? (Timestamp != 0 && Elapsed is { } e ? Timestamp - e : Timestamp);

    public static FitSummaryMessage FromSession(in FitMessageView m)
    {
        var s = Common(in m, FitProfile.Session.StartTime, FitProfile.Session.TotalElapsedTime, FitProfile.Session.TotalTimerTime,
            FitProfile.Session.TotalDistance, FitProfile.Session.TotalCalories, FitProfile.Session.AvgHeartRate, FitProfile.Session.MaxHeartRate,
            FitProfile.Session.AvgCadence, FitProfile.Session.MaxCadence, FitProfile.Session.AvgPower, FitProfile.Session.MaxPower,
            FitProfile.Session.TotalAscent, FitProfile.Session.TotalDescent);
        s.AvgSpeed = Scaled(in m, FitProfile.Session.EnhancedAvgSpeed, 1000) ?? Scaled(in m, FitProfile.Session.AvgSpeed, 1000);
        s.MaxSpeed = Scaled(in m, FitProfile.Session.EnhancedMaxSpeed, 1000) ?? Scaled(in m, FitProfile.Session.MaxSpeed, 1000);
        s.PoolLengthMeters = Scaled(in m, FitProfile.Session.PoolLength, 100);
        if (m.TryGetInteger(FitProfile.Session.Sport, out var sport))
        {
            s.Sport = (Sport)sport;
        }

        if (m.TryGetInteger(FitProfile.Session.SubSport, out var sub))
        {
            s.SubSport = (SubSport)sub;
        }

        return s;
    }

    public static FitSummaryMessage FromLap(in FitMessageView m)
    {
        var s = Common(in m, FitProfile.Lap.StartTime, FitProfile.Lap.TotalElapsedTime, FitProfile.Lap.TotalTimerTime,
            FitProfile.Lap.TotalDistance, FitProfile.Lap.TotalCalories, FitProfile.Lap.AvgHeartRate, FitProfile.Lap.MaxHeartRate,
            FitProfile.Lap.AvgCadence, FitProfile.Lap.MaxCadence, FitProfile.Lap.AvgPower, FitProfile.Lap.MaxPower,
            FitProfile.Lap.TotalAscent, FitProfile.Lap.TotalDescent);
        s.AvgSpeed = Scaled(in m, FitProfile.Lap.EnhancedAvgSpeed, 1000) ?? Scaled(in m, FitProfile.Lap.AvgSpeed, 1000);
        s.MaxSpeed = Scaled(in m, FitProfile.Lap.EnhancedMaxSpeed, 1000) ?? Scaled(in m, FitProfile.Lap.MaxSpeed, 1000);
        if (m.TryGetInteger(FitProfile.Lap.Sport, out var sport))
        {
            s.Sport = (Sport)sport;
        }

        return s;
    }

    public ActivitySummary ToSummary() => new()
    {
        StartTimeUtc = FitProfile.ToUtc((uint)Math.Max(0, EffectiveStart)),
        ElapsedSeconds = Elapsed,
        TimerSeconds = Timer,
        DistanceMeters = Distance,
        Calories = Calories,
        AvgHeartRate = AvgHr,
        MaxHeartRate = MaxHr,
        AvgSpeed = AvgSpeed,
        MaxSpeed = MaxSpeed,
        AvgPower = AvgPower,
        MaxPower = MaxPower,
        AvgCadence = AvgCadence,
        MaxCadence = MaxCadence,
        AscentMeters = Ascent,
        DescentMeters = Descent,
    };

    private static FitSummaryMessage Common(
        in FitMessageView m,
        byte startTime,
        byte elapsed,
        byte timer,
        byte distance,
        byte calories,
        byte avgHr,
        byte maxHr,
        byte avgCadence,
        byte maxCadence,
        byte avgPower,
        byte maxPower,
        byte ascent,
        byte descent)
    {
        var s = new FitSummaryMessage { Timestamp = m.Timestamp, FileIndex = m.FileIndex };
        if (m.TryGetInteger(startTime, out var st))
        {
            s.StartTime = (uint)st;
        }

        s.Elapsed = Scaled(in m, elapsed, 1000);
        s.Timer = Scaled(in m, timer, 1000);
        s.Distance = Scaled(in m, distance, 100);
        s.Calories = Scaled(in m, calories, 1);
        s.AvgHr = Scaled(in m, avgHr, 1);
        s.MaxHr = Scaled(in m, maxHr, 1);
        s.AvgCadence = Scaled(in m, avgCadence, 1);
        s.MaxCadence = Scaled(in m, maxCadence, 1);
        s.AvgPower = Scaled(in m, avgPower, 1);
        s.MaxPower = Scaled(in m, maxPower, 1);
        s.Ascent = Scaled(in m, ascent, 1);
        s.Descent = Scaled(in m, descent, 1);
        return s;
    }

    private static double? Scaled(in FitMessageView m, byte field, double scale) =>
        m.TryGetInteger(field, out var v) ? v / scale : null;
}
