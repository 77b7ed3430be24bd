namespace CoachPortal.Ingest.Fit;

/// <summary>
/// Message and field numbers from the public FIT profile (Profile.xlsx, "Messages" sheet) for the messages coaches need.
/// </summary>
public static class FitProfile
{
    /// <summary>Field 253 of every message that has a time: seconds since <see cref="Epoch"/>.</summary>
    public const byte TimestampField = 253;

    /// <summary>Field 254 of repeated messages (laps, workout steps).</summary>
    public const byte MessageIndexField = 254;

    /// <summary>FIT timestamps count seconds from 1989-12-31T00:00:00Z.</summary>
    public static readonly DateTime Epoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Timestamps below this value are relative (seconds since device power-up), not dates.</summary>
    public const uint MinAbsoluteTimestamp = 0x10000000;

    /// <summary>Global message numbers.</summary>
    public static class Messages
    {
        /// <summary>file_id.</summary>
        public const ushort FileId = 0;

        /// <summary>sport.</summary>
        public const ushort Sport = 12;

        /// <summary>session.</summary>
        public const ushort Session = 18;

        /// <summary>lap.</summary>
        public const ushort Lap = 19;

        /// <summary>record.</summary>
        public const ushort Record = 20;

        /// <summary>event.</summary>
        public const ushort Event = 21;

        /// <summary>device_info.</summary>
        public const ushort DeviceInfo = 23;

        /// <summary>workout.</summary>
        public const ushort Workout = 26;

        /// <summary>workout_step.</summary>
        public const ushort WorkoutStep = 27;

        /// <summary>activity.</summary>
        public const ushort Activity = 34;

        /// <summary>file_creator.</summary>
        public const ushort FileCreator = 49;

        /// <summary>length (one pool length of a swim).</summary>
        public const ushort Length = 101;

        /// <summary>hr (heart-rate events stored apart from records).</summary>
        public const ushort Hr = 132;

        /// <summary>hrv (beat-to-beat intervals).</summary>
        public const ushort Hrv = 78;

        /// <summary>field_description (developer data).</summary>
        public const ushort FieldDescription = 206;

        /// <summary>developer_data_id.</summary>
        public const ushort DeveloperDataId = 207;
    }

    internal static class FileId
    {
        public const byte Type = 0;
        public const byte Manufacturer = 1;
        public const byte Product = 2;
        public const byte SerialNumber = 3;
        public const byte TimeCreated = 4;
        public const byte ProductName = 8;
    }

    internal static class Record
    {
        public const byte PositionLat = 0;
        public const byte PositionLong = 1;
        public const byte Altitude = 2;
        public const byte HeartRate = 3;
        public const byte Cadence = 4;
        public const byte Distance = 5;
        public const byte Speed = 6;
        public const byte Power = 7;
        public const byte CompressedSpeedDistance = 8;
        public const byte Temperature = 13;
        public const byte FractionalCadence = 53;
        public const byte EnhancedSpeed = 73;
        public const byte EnhancedAltitude = 78;
    }

    internal static class Session
    {
        public const byte StartTime = 2;
        public const byte Sport = 5;
        public const byte SubSport = 6;
        public const byte TotalElapsedTime = 7;
        public const byte TotalTimerTime = 8;
        public const byte TotalDistance = 9;
        public const byte TotalCalories = 11;
        public const byte AvgSpeed = 14;
        public const byte MaxSpeed = 15;
        public const byte AvgHeartRate = 16;
        public const byte MaxHeartRate = 17;
        public const byte AvgCadence = 18;
        public const byte MaxCadence = 19;
        public const byte AvgPower = 20;
        public const byte MaxPower = 21;
        public const byte TotalAscent = 22;
        public const byte TotalDescent = 23;
        public const byte NumLaps = 26;
        public const byte PoolLength = 44;
        public const byte EnhancedAvgSpeed = 124;
        public const byte EnhancedMaxSpeed = 125;
    }

    internal static class Lap
    {
        public const byte Event = 0;
        public const byte EventType = 1;
        public const byte StartTime = 2;
        public const byte TotalElapsedTime = 7;
        public const byte TotalTimerTime = 8;
        public const byte TotalDistance = 9;
        public const byte TotalCalories = 11;
        public const byte AvgSpeed = 13;
        public const byte MaxSpeed = 14;
        public const byte AvgHeartRate = 15;
        public const byte MaxHeartRate = 16;
        public const byte AvgCadence = 17;
        public const byte MaxCadence = 18;
        public const byte AvgPower = 19;
        public const byte MaxPower = 20;
        public const byte TotalAscent = 21;
        public const byte TotalDescent = 22;
        public const byte Sport = 25;
        public const byte EnhancedAvgSpeed = 110;
        public const byte EnhancedMaxSpeed = 111;
    }

    internal static class Event
    {
        public const byte EventField = 0;
        public const byte EventType = 1;
        public const byte Data = 3;

        public const byte TimerEvent = 0;
        public const byte Start = 0;
        public const byte Stop = 1;
        public const byte StopAll = 4;
    }

    internal static class DeviceInfo
    {
        public const byte DeviceIndex = 0;
        public const byte Manufacturer = 2;
        public const byte SerialNumber = 3;
        public const byte Product = 4;
        public const byte SoftwareVersion = 5;
        public const byte ProductName = 27;
    }

    internal static class SportMessage
    {
        public const byte Sport = 0;
        public const byte SubSport = 1;
        public const byte Name = 3;
    }

    internal static class Hrv
    {
        public const byte Time = 0;
    }

    internal static class Activity
    {
        public const byte TotalTimerTime = 0;
        public const byte NumSessions = 1;
        public const byte Type = 2;
        public const byte Event = 3;
        public const byte EventType = 4;
        public const byte LocalTimestamp = 5;
    }

    internal static class Workout
    {
        public const byte Sport = 4;
        public const byte NumValidSteps = 6;
        public const byte Name = 8;
        public const byte SubSport = 11;
    }

    internal static class WorkoutStep
    {
        public const byte Name = 0;
        public const byte DurationType = 1;
        public const byte DurationValue = 2;
        public const byte TargetType = 3;
        public const byte TargetValue = 4;
        public const byte CustomTargetLow = 5;
        public const byte CustomTargetHigh = 6;
        public const byte Intensity = 7;
        public const byte Notes = 8;
    }

    internal static class FileType
    {
        public const byte Activity = 4;
        public const byte Workout = 5;
    }

    /// <summary>Converts a FIT timestamp to UTC; null for invalid or relative (pre-<see cref="MinAbsoluteTimestamp"/>) values.</summary>
    public static DateTime? ToUtc(uint timestamp) =>
        timestamp is >= MinAbsoluteTimestamp and not uint.MaxValue ? Epoch.AddSeconds(timestamp) : null;

    /// <summary>Converts a UTC time to a FIT timestamp (whole seconds).</summary>
    public static uint FromUtc(DateTime utc) =>
        (uint)Math.Round((utc.ToUniversalTime() - Epoch).TotalSeconds);

    /// <summary>Semicircles (2^31 per 180°) to degrees.</summary>
    public static double SemicirclesToDegrees(int semicircles) => semicircles * (180.0 / 2147483648.0);

    /// <summary>Degrees to semicircles, rounded.</summary>
    public static int DegreesToSemicircles(double degrees) => (int)Math.Round(degrees * (2147483648.0 / 180.0));
}
