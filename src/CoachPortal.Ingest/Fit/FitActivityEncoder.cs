using CoachPortal.Ingest.Text;

namespace CoachPortal.Ingest.Fit;

/// <summary>
/// Encodes an <see cref="Activity"/> as a FIT activity file: file_id, sport, timer start event, records, laps,
/// session, hrv and activity messages. Values are quantised to the profile's resolution (speed 1 mm/s,
/// distance 1 cm, altitude 0.2 m, cadence 1/128 rpm, position 1 semicircle).
/// </summary>
public static class FitActivityEncoder
{
    // Product and sport names: the encoder's own bound on the string fields it writes.
    private const int MaxTextLength = 100;

    /// <summary>Encodes <paramref name="activity"/>; its <see cref="Activity.StartTimeUtc"/> is required.</summary>
    public static byte[] Encode(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.StartTimeUtc is not { } startUtc)
        {
            throw new ArgumentException("a FIT activity needs a start time", nameof(activity));
        }

        var start = FitProfile.FromUtc(startUtc);
        var w = new FitWriter();
        var fileId = new List<FitField>
        {
            FitField.Of(FitProfile.FileId.Type, FitBaseType.Enum, FitProfile.FileType.Activity),
            FitField.Of(FitProfile.FileId.Manufacturer, FitBaseType.UInt16, 255),
            FitField.Of(FitProfile.FileId.TimeCreated, FitBaseType.UInt32, start),
        };
        if (activity.Creator is { Length: > 0 } creator)
        {
            fileId.Add(FitField.OfText(FitProfile.FileId.ProductName, creator.Truncate(MaxTextLength)));
        }

        w.Write(FitProfile.Messages.FileId, fileId);

        var sport = new List<FitField>
        {
            FitField.Of(FitProfile.SportMessage.Sport, FitBaseType.Enum, (byte)activity.Sport),
            FitField.Of(FitProfile.SportMessage.SubSport, FitBaseType.Enum, (byte)activity.SubSport),
        };
        if (activity.Name is { Length: > 0 } name)
        {
            sport.Add(FitField.OfText(FitProfile.SportMessage.Name, name.Truncate(MaxTextLength)));
        }

        w.Write(FitProfile.Messages.Sport, sport);
        w.Write(FitProfile.Messages.Event, [
            FitField.Of(FitProfile.TimestampField, FitBaseType.UInt32, start),
            FitField.Of(FitProfile.Event.EventField, FitBaseType.Enum, FitProfile.Event.TimerEvent),
            FitField.Of(FitProfile.Event.EventType, FitBaseType.Enum, FitProfile.Event.Start),
        ]);

        var s = activity.Streams;
        var last = start;
        for (var i = 0; i < s.Count; i++)
        {
            var ts = (uint)(start + s.ElapsedSeconds[i]);
            last = ts;
            var cadence = s.Cadence[i];
            var whole = double.IsNaN(cadence) ? double.NaN : Math.Floor(cadence);
            w.Write(FitProfile.Messages.Record, [
                FitField.Of(FitProfile.TimestampField, FitBaseType.UInt32, ts),
                Int(FitProfile.Record.PositionLat, FitBaseType.SInt32, double.IsNaN(s.Latitude[i]) ? double.NaN : FitProfile.DegreesToSemicircles(s.Latitude[i])),
                Int(FitProfile.Record.PositionLong, FitBaseType.SInt32, double.IsNaN(s.Longitude[i]) ? double.NaN : FitProfile.DegreesToSemicircles(s.Longitude[i])),
                Int(FitProfile.Record.EnhancedAltitude, FitBaseType.UInt32, (s.AltitudeMeters[i] + 500) * 5),
                Int(FitProfile.Record.HeartRate, FitBaseType.UInt8, s.HeartRate[i]),
                Int(FitProfile.Record.Cadence, FitBaseType.UInt8, whole),
                Int(FitProfile.Record.FractionalCadence, FitBaseType.UInt8, (cadence - whole) * 128),
                Int(FitProfile.Record.Distance, FitBaseType.UInt32, s.DistanceMeters[i] * 100),
                Int(FitProfile.Record.EnhancedSpeed, FitBaseType.UInt32, s.SpeedMetersPerSecond[i] * 1000),
                Int(FitProfile.Record.Power, FitBaseType.UInt16, s.PowerWatts[i]),
                Int(FitProfile.Record.Temperature, FitBaseType.SInt8, s.TemperatureCelsius[i]),
            ]);
        }

        var end = activity.Summary.ElapsedSeconds is { } e ? (uint)(start + Math.Round(e)) : last;
        w.Write(FitProfile.Messages.Event, [
            FitField.Of(FitProfile.TimestampField, FitBaseType.UInt32, end),
            FitField.Of(FitProfile.Event.EventField, FitBaseType.Enum, FitProfile.Event.TimerEvent),
            FitField.Of(FitProfile.Event.EventType, FitBaseType.Enum, FitProfile.Event.StopAll),
        ]);

        foreach (var lap in activity.Laps)
        {
            w.Write(FitProfile.Messages.Lap, Summary(lap, end, lapFields: true, activity));
        }

        var session = Summary(activity.Summary with { StartTimeUtc = activity.Summary.StartTimeUtc ?? startUtc }, end, lapFields: false, activity);
        session.Add(FitField.Of(FitProfile.Session.NumLaps, FitBaseType.UInt16, activity.Laps.Count));
        w.Write(FitProfile.Messages.Session, session);

        var beats = activity.BeatIntervalsSeconds;
        for (var i = 0; i < beats.Count; i += 5)
        {
            var chunk = new long[5];
            for (var k = 0; k < 5; k++)
            {
                chunk[k] = i + k < beats.Count ? (long)Math.Round(beats[i + k] * 1000) : ushort.MaxValue;
            }

            w.Write(FitProfile.Messages.Hrv, [FitField.OfArray(FitProfile.Hrv.Time, FitBaseType.UInt16, chunk)]);
        }

        w.Write(FitProfile.Messages.Activity, [
            FitField.Of(FitProfile.TimestampField, FitBaseType.UInt32, end),
            Int(FitProfile.Activity.TotalTimerTime, FitBaseType.UInt32, (activity.Summary.TimerSeconds ?? double.NaN) * 1000),
            FitField.Of(FitProfile.Activity.NumSessions, FitBaseType.UInt16, 1),
            FitField.Of(FitProfile.Activity.Type, FitBaseType.Enum, 0),
            FitField.Of(FitProfile.Activity.Event, FitBaseType.Enum, 26),
            FitField.Of(FitProfile.Activity.EventType, FitBaseType.Enum, FitProfile.Event.Stop),
        ]);
        return w.ToArray();
    }

    private static List<FitField> Summary(ActivitySummary s, uint fallbackEnd, bool lapFields, Activity activity)
    {
        var startTs = s.StartTimeUtc is { } st ? FitProfile.FromUtc(st) : FitProfile.FromUtc(activity.StartTimeUtc!.Value);
        var end = s.ElapsedSeconds is { } e ? (uint)(startTs + Math.Round(e)) : fallbackEnd;
        var fields = new List<FitField>
        {
            FitField.Of(FitProfile.TimestampField, FitBaseType.UInt32, end),
            FitField.Of(lapFields ? FitProfile.Lap.StartTime : FitProfile.Session.StartTime, FitBaseType.UInt32, startTs),
            Int(lapFields ? FitProfile.Lap.TotalElapsedTime : FitProfile.Session.TotalElapsedTime, FitBaseType.UInt32, (s.ElapsedSeconds ?? double.NaN) * 1000),
            Int(lapFields ? FitProfile.Lap.TotalTimerTime : FitProfile.Session.TotalTimerTime, FitBaseType.UInt32, (s.TimerSeconds ?? double.NaN) * 1000),
            Int(lapFields ? FitProfile.Lap.TotalDistance : FitProfile.Session.TotalDistance, FitBaseType.UInt32, (s.DistanceMeters ?? double.NaN) * 100),
            Int(lapFields ? FitProfile.Lap.TotalCalories : FitProfile.Session.TotalCalories, FitBaseType.UInt16, s.Calories ?? double.NaN),
            Int(lapFields ? FitProfile.Lap.AvgHeartRate : FitProfile.Session.AvgHeartRate, FitBaseType.UInt8, s.AvgHeartRate ?? double.NaN),
            Int(lapFields ? FitProfile.Lap.MaxHeartRate : FitProfile.Session.MaxHeartRate, FitBaseType.UInt8, s.MaxHeartRate ?? double.NaN),
            Int(lapFields ? FitProfile.Lap.AvgCadence : FitProfile.Session.AvgCadence, FitBaseType.UInt8, s.AvgCadence ?? double.NaN),
            Int(lapFields ? FitProfile.Lap.MaxCadence : FitProfile.Session.MaxCadence, FitBaseType.UInt8, s.MaxCadence ?? double.NaN),
            Int(lapFields ? FitProfile.Lap.AvgPower : FitProfile.Session.AvgPower, FitBaseType.UInt16, s.AvgPower ?? double.NaN),
            Int(lapFields ? FitProfile.Lap.MaxPower : FitProfile.Session.MaxPower, FitBaseType.UInt16, s.MaxPower ?? double.NaN),
            Int(lapFields ? FitProfile.Lap.TotalAscent : FitProfile.Session.TotalAscent, FitBaseType.UInt16, s.AscentMeters ?? double.NaN),
            Int(lapFields ? FitProfile.Lap.TotalDescent : FitProfile.Session.TotalDescent, FitBaseType.UInt16, s.DescentMeters ?? double.NaN),
            Int(lapFields ? FitProfile.Lap.EnhancedAvgSpeed : FitProfile.Session.EnhancedAvgSpeed, FitBaseType.UInt32, (s.AvgSpeed ?? double.NaN) * 1000),
            Int(lapFields ? FitProfile.Lap.EnhancedMaxSpeed : FitProfile.Session.EnhancedMaxSpeed, FitBaseType.UInt32, (s.MaxSpeed ?? double.NaN) * 1000),
        };
        if (lapFields)
        {
            fields.Add(FitField.Of(FitProfile.Lap.Sport, FitBaseType.Enum, (byte)activity.Sport));
        }
        else
        {
            fields.Add(FitField.Of(FitProfile.Session.Sport, FitBaseType.Enum, (byte)activity.Sport));
            fields.Add(FitField.Of(FitProfile.Session.SubSport, FitBaseType.Enum, (byte)activity.SubSport));
        }

        return fields;
    }

    private static FitField Int(byte number, FitBaseType type, double value) =>
        double.IsNaN(value) || double.IsInfinity(value) ? FitField.Invalid(number, type) : FitField.Of(number, type, (long)Math.Round(value));

}
