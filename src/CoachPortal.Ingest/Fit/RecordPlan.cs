namespace CoachPortal.Ingest.Fit;

/// <summary>Where the record fields the activity needs lie in messages of one definition, looked up once per definition.</summary>
internal struct RecordPlan
{
    public FieldSlot Latitude;
    public FieldSlot Longitude;
    public FieldSlot Altitude;
    public FieldSlot EnhancedAltitude;
    public FieldSlot HeartRate;
    public FieldSlot Cadence;
    public FieldSlot FractionalCadence;
    public FieldSlot Distance;
    public FieldSlot Speed;
    public FieldSlot EnhancedSpeed;
    public FieldSlot Power;
    public FieldSlot Temperature;
    public int CompressedSpeedDistance;

    public static RecordPlan For(FitMessageDefinition def)
    {
        var plan = new RecordPlan
        {
            Latitude = FieldSlot.For(def, FitProfile.Record.PositionLat),
            Longitude = FieldSlot.For(def, FitProfile.Record.PositionLong),
            Altitude = FieldSlot.For(def, FitProfile.Record.Altitude),
            EnhancedAltitude = FieldSlot.For(def, FitProfile.Record.EnhancedAltitude),
            HeartRate = FieldSlot.For(def, FitProfile.Record.HeartRate),
            Cadence = FieldSlot.For(def, FitProfile.Record.Cadence),
            FractionalCadence = FieldSlot.For(def, FitProfile.Record.FractionalCadence),
            Distance = FieldSlot.For(def, FitProfile.Record.Distance),
            Speed = FieldSlot.For(def, FitProfile.Record.Speed),
            EnhancedSpeed = FieldSlot.For(def, FitProfile.Record.EnhancedSpeed),
            Power = FieldSlot.For(def, FitProfile.Record.Power),
            Temperature = FieldSlot.For(def, FitProfile.Record.Temperature),
            CompressedSpeedDistance = -1,
        };
        var i = def.IndexByNumber[FitProfile.Record.CompressedSpeedDistance] - 1;
        if (i >= 0 && def.Sizes[i] >= 3)
        {
            plan.CompressedSpeedDistance = def.Offsets[i];
        }

        return plan;
    }
}
