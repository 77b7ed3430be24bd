namespace CoachPortal.Ingest.Fit;

/// <summary>
/// Collects what an activity needs from FIT messages (records with their components, sessions, laps, device, hrv)
/// and turns it into <see cref="Activity"/> objects, one per session.
/// </summary>
internal sealed class FitActivityBuilder
{
    private readonly RecordColumns _records;
    private FitMessageDefinition? _planDefinition;
    private int _planVersion;
    private RecordPlan _plan;
    private readonly Dictionary<int, DeveloperFieldMapping> _developerMappings = [];
    private readonly List<FitSummaryMessage> _sessions = [];
    private readonly List<FitSummaryMessage> _laps = [];
    private readonly List<double> _beatIntervals = [];
    private readonly List<FitPoolLength> _lengths = [];
    private readonly List<(int File, int FirstRow)> _recordFiles = [];
    private readonly FitHeartRateEvents _heartRate = new();
    private uint _timeCreated;
    private ushort _manufacturer = ushort.MaxValue;
    private ushort _product = ushort.MaxValue;
    private string? _productName;
    private string? _creatorProductName;
    private Sport? _sport;
    private SubSport? _subSport;
    private string? _sportName;
    private byte? _fileType;
    private int _fileIndex = -1;

    // compressed_speed_distance accumulates a 12-bit distance (1/16 m) per file (FIT profile, record field 8).
    private long _distanceAccumulator;

    private const int DistanceColumn = 100;

    public FitActivityBuilder()
    {
        _records = new RecordColumns();
    }

    public byte? FileType => _fileType;

    /// <summary>Problems found while building activities (implausible record timestamps).</summary>
    public List<DecodeWarning> Warnings { get; } = [];

    /// <summary>Every record as decoded, with its absolute FIT time in <see cref="StreamSample.Seconds"/>.</summary>
    internal StreamSample[] Samples
    {
        get
        {
            var samples = new StreamSample[_records.Count];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = _records.Sample(i);
            }

            return samples;
        }
    }

    public void OnMessage(in FitMessageView m)
    {
        if (m.FileIndex != _fileIndex)
        {
            _fileIndex = m.FileIndex;
            _distanceAccumulator = 0;
        }

        switch (m.GlobalMessageNumber)
        {
            case FitProfile.Messages.Record:
                OnRecord(in m);
                break;
            case FitProfile.Messages.Lap:
                _laps.Add(FitSummaryMessage.FromLap(in m));
                break;
            case FitProfile.Messages.Session:
                _sessions.Add(FitSummaryMessage.FromSession(in m));
                break;
            case FitProfile.Messages.Hr:
                _heartRate.OnMessage(in m);
                break;
            case FitProfile.Messages.Length:
                if (FitPoolLength.From(in m) is { } length)
                {
                    _lengths.Add(length);
                }

                break;
            case FitProfile.Messages.FileId:
                OnFileId(in m);
                break;
            case FitProfile.Messages.FieldDescription:
                OnFieldDescription(in m);
                break;
            case FitProfile.Messages.DeviceInfo:
                OnDeviceInfo(in m);
                break;
            case FitProfile.Messages.Sport:
                if (m.TryGetInteger(FitProfile.SportMessage.Sport, out var sport))
                {
                    _sport ??= (Sport)sport;
                }

                if (m.TryGetInteger(FitProfile.SportMessage.SubSport, out var subSport))
                {
                    _subSport ??= (SubSport)subSport;
                }

                _sportName ??= m.GetString(FitProfile.SportMessage.Name);
                break;
            case FitProfile.Messages.Hrv:
                var n = m.GetElementCount(FitProfile.Hrv.Time);
                for (var i = 0; i < n; i++)
                {
                    // hrv.time: uint16 array, scale 1000, seconds.
                    var v = m.GetDouble(FitProfile.Hrv.Time, i);
                    if (!double.IsNaN(v))
                    {
                        _beatIntervals.Add(v / 1000.0);
                    }
                }

                break;
        }
    }

    private void OnFileId(in FitMessageView m)
    {
        if (_fileType is not null)
        {
            return;
        }

        _fileType = m.TryGetInteger(FitProfile.FileId.Type, out var t) ? (byte)t : (byte)0xFF;
        if (m.TryGetInteger(FitProfile.FileId.Manufacturer, out var man))
        {
            _manufacturer = (ushort)man;
        }

        if (m.TryGetInteger(FitProfile.FileId.Product, out var prod))
        {
            _product = (ushort)prod;
        }

        if (m.TryGetInteger(FitProfile.FileId.TimeCreated, out var created))
        {
            _timeCreated = (uint)created;
        }

        _productName = m.GetString(FitProfile.FileId.ProductName);
    }

    private void OnFieldDescription(in FitMessageView m)
    {
        // field_description: 0 developer_data_index, 1 field_definition_number, 2 fit_base_type_id, 6 scale,
        // 7 offset, 14 native_mesg_num, 15 native_field_num.
        if (!m.TryGetInteger(0, out var index) || !m.TryGetInteger(1, out var number) || !m.TryGetInteger(2, out var type) ||
            !m.TryGetInteger(14, out var nativeMessage) || nativeMessage != FitProfile.Messages.Record || !m.TryGetInteger(15, out var nativeField))
        {
            return;
        }

        var column = nativeField switch
        {
            FitProfile.Record.HeartRate => RecordColumns.HeartRate,
            FitProfile.Record.Cadence => RecordColumns.Cadence128,
            FitProfile.Record.Power => RecordColumns.Power,
            FitProfile.Record.Speed or FitProfile.Record.EnhancedSpeed => RecordColumns.SpeedMillimetres,
            FitProfile.Record.Altitude or FitProfile.Record.EnhancedAltitude => RecordColumns.AltitudeRaw,
            FitProfile.Record.Temperature => RecordColumns.Temperature,
            FitProfile.Record.Distance => DistanceColumn,
            _ => -1,
        };
        if (column < 0)
        {
            return;
        }

        var scale = m.TryGetInteger(6, out var s) && s > 0 ? s : 1;
        var offset = m.TryGetInteger(7, out var o) ? o : 0;
        _developerMappings[((int)index << 8) | (int)number] = new DeveloperFieldMapping(FitBaseTypes.Normalise((byte)type), scale, offset, column);
        _planDefinition = null;
    }

    private void OnDeviceInfo(in FitMessageView m)
    {
        // device_index 0 is the creator (the recording device).
        if (_creatorProductName is null && m.TryGetInteger(FitProfile.DeviceInfo.DeviceIndex, out var index) && index == 0)
        {
            _creatorProductName = m.GetString(FitProfile.DeviceInfo.ProductName);
        }
    }

    private void OnRecord(in FitMessageView m)
    {
        var def = m.Definition;
        if (!ReferenceEquals(def, _planDefinition) || def.Version != _planVersion)
        {
            _plan = RecordPlan.For(def, _developerMappings);
            _planDefinition = def;
            _planVersion = def.Version;
        }

        if (_recordFiles.Count == 0 || _recordFiles[^1].File != m.FileIndex)
        {
            _recordFiles.Add((m.FileIndex, _records.Count));
        }

        ref readonly var plan = ref _plan;
        var body = m.RawBytes;
        var be = def.BigEndian;
        _records.Add(m.Timestamp);
        var ints = _records.Ints;
        var o = _records.Offset;
        if (plan.Latitude.TryRead(body, out var lat) && plan.Longitude.TryRead(body, out var lon))
        {
            ints[RecordColumns.Latitude][o] = (int)lat;
            ints[RecordColumns.Longitude][o] = (int)lon;
        }

        // enhanced_altitude (uint32) and altitude (uint16) share scale 5, offset 500.
        if ((plan.EnhancedAltitude.TryRead(body, out var alt) || plan.Altitude.TryRead(body, out alt)) && alt < int.MaxValue)
        {
            ints[RecordColumns.AltitudeRaw][o] = (int)alt;
        }

        if (plan.HeartRate.TryRead(body, out var hr))
        {
            ints[RecordColumns.HeartRate][o] = (int)hr;
        }

        if (plan.Cadence.TryRead(body, out var cad))
        {
            // fractional_cadence: uint8, scale 128, rpm.
            ints[RecordColumns.Cadence128][o] = (int)((cad * 128) + (plan.FractionalCadence.TryRead(body, out var frac) ? frac : 0));
        }

        if (plan.Distance.TryRead(body, out var dist))
        {
            _records.Distance[o] = dist / 100.0;
        }

        // enhanced_speed (uint32) and speed (uint16) share scale 1000, m/s.
        if ((plan.EnhancedSpeed.TryRead(body, out var speed) || plan.Speed.TryRead(body, out speed)) && speed < int.MaxValue)
        {
            ints[RecordColumns.SpeedMillimetres][o] = (int)speed;
        }

        if (plan.Power.TryRead(body, out var power))
        {
            ints[RecordColumns.Power][o] = (int)power;
        }

        if (plan.Temperature.TryRead(body, out var temp))
        {
            ints[RecordColumns.Temperature][o] = (int)temp;
        }

        if (plan.Developer is { } developer)
        {
            ApplyDeveloperFields(developer, body, be, ints, o);
        }

        if (plan.CompressedSpeedDistance >= 0)
        {
            var packed = body.Slice(plan.CompressedSpeedDistance, 3);
            if (!(packed[0] == 0xFF && packed[1] == 0xFF && packed[2] == 0xFF))
            {
                // Components: speed = bits 0-11 (scale 100, m/s); distance = bits 12-23 (scale 16, m, accumulated).
                var bits = packed[0] | (packed[1] << 8) | (packed[2] << 16);
                if (ints[RecordColumns.SpeedMillimetres][o] == RecordColumns.Missing)
                {
                    ints[RecordColumns.SpeedMillimetres][o] = (bits & 0xFFF) * 10;
                }

                var raw = (bits >> 12) & 0xFFF;
                var accumulated = raw + (_distanceAccumulator & ~0xFFFL);
                if (raw < (_distanceAccumulator & 0xFFF))
                {
                    accumulated += 0x1000;
                }

                _distanceAccumulator = accumulated;
                if (double.IsNaN(_records.Distance[o]))
                {
                    _records.Distance[o] = accumulated / 16.0;
                }
            }
        }
    }

    private void ApplyDeveloperFields(DeveloperSlot[] slots, ReadOnlySpan<byte> body, bool bigEndian, int[][] ints, int o)
    {
        foreach (var slot in slots)
        {
            var mapping = slot.Mapping;
            var value = FitBaseTypes.ReadDouble(body[slot.Offset..], mapping.BaseType, bigEndian);
            if (double.IsNaN(value))
            {
                continue;
            }

            value = (value / mapping.Scale) - mapping.Offset;
            if (mapping.Column == DistanceColumn)
            {
                if (double.IsNaN(_records.Distance[o]))
                {
                    _records.Distance[o] = value;
                }

                continue;
            }

            ref var cell = ref ints[mapping.Column][o];
            if (cell != RecordColumns.Missing)
            {
                continue;
            }

            // Developer values are in the native field's units; store them as the raw profile value would be.
            var raw = mapping.Column switch
            {
                RecordColumns.Cadence128 => value * 128,
                RecordColumns.SpeedMillimetres => value * 1000,
                RecordColumns.AltitudeRaw => (value + 500) * 5,
                _ => value,
            };
            if (raw is > int.MinValue and < int.MaxValue)
            {
                cell = (int)Math.Round(raw);
            }
        }
    }

    public List<Activity> Build()
    {
        _heartRate.MergeInto(_records);
        var splitter = new FitSessionSplitter(_records, _recordFiles, _heartRate, Warnings);
        var creator = CreatorName();
        var beats = _beatIntervals.ToArray();
        var activities = new List<Activity>();
        if (_sessions.Count == 0)
        {
            if (_records.Count == 0 && _laps.Count == 0)
            {
                return activities;
            }

            var start = _records.Count == 0 ? (_laps[0].StartTime ?? _timeCreated) : splitter.FirstTime(0, _records.Count);
            var streams = splitter.Streams(0, _records.Count, ref start);
            activities.Add(new Activity
            {
                Sport = _sport ?? Sport.Generic,
                SubSport = _subSport ?? SubSport.Generic,
                StartTimeUtc = FitProfile.ToUtc(start),
                Creator = creator,
                Name = _sportName,
                Summary = new ActivitySummary { StartTimeUtc = FitProfile.ToUtc(start) },
                Laps = _laps.ConvertAll(l => l.ToSummary()),
                Streams = streams,
                BeatIntervalsSeconds = beats,
            });
            return activities;
        }

        foreach (var part in splitter.Split(_sessions, _laps, _lengths))
        {
            activities.Add(new Activity
            {
                Sport = part.Session.Sport ?? _sport ?? Sport.Generic,
                SubSport = part.Session.SubSport ?? _subSport ?? SubSport.Generic,
                StartTimeUtc = FitProfile.ToUtc(part.Start),
                Creator = creator,
                Name = _sportName,
                Summary = part.Session.ToSummary(),
                Laps = part.Laps,
                Streams = part.Streams,
                BeatIntervalsSeconds = activities.Count == 0 ? beats : [],
            });
        }

        return activities;
    }

    private string? CreatorName()
    {
        var name = _creatorProductName ?? _productName;
        var manufacturer = FitManufacturers.Name(_manufacturer);
        if (name is not null)
        {
            return manufacturer is null || name.Contains(manufacturer, StringComparison.OrdinalIgnoreCase) ? name : $"{manufacturer} {name}";
        }

        if (manufacturer is null)
        {
            // 255 = development: files written by applications, including ours.
            return _manufacturer is ushort.MaxValue or 255 ? null : $"manufacturer {_manufacturer}";
        }

        return _product == ushort.MaxValue ? manufacturer : $"{manufacturer} (product {_product})";
    }
}
