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
    public DeveloperSlot[]? Developer;

    public static RecordPlan For(FitMessageDefinition def, Dictionary<int, DeveloperFieldMapping> developerMappings)
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

        if (def.DeveloperFieldCount > 0 && developerMappings.Count > 0)
        {
            var slots = new List<DeveloperSlot>();
            for (var d = 0; d < def.DeveloperFieldCount; d++)
            {
                if (developerMappings.TryGetValue((def.DevIndexes[d] << 8) | def.DevNumbers[d], out var mapping) &&
                    def.DevSizes[d] >= FitBaseTypes.Size(mapping.BaseType))
                {
                    slots.Add(new DeveloperSlot(def.DevOffsets[d], mapping));
                }
            }

            plan.Developer = slots.Count > 0 ? slots.ToArray() : null;
        }

        return plan;
    }
}

/// <summary>Where a mapped developer field lies in the message.</summary>
internal readonly record struct DeveloperSlot(int Offset, DeveloperFieldMapping Mapping);
