namespace CoachPortal.Ingest.Fit;

/// <summary>
/// Collects what an activity needs from FIT messages (records with their components, sessions, laps, device, hrv)
/// and turns it into <see cref="Activity"/> objects, one per session.
/// </summary>
internal sealed class FitActivityBuilder
{
    private StreamSample[] _samples;
    private int _sampleCount;
    private readonly List<FitSummaryMessage> _sessions = [];
    private readonly List<FitSummaryMessage> _laps = [];
    private readonly List<double> _beatIntervals = [];
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

    public FitActivityBuilder(int expectedRecords)
    {
        _samples = new StreamSample[Math.Max(16, expectedRecords)];
    }

    public byte? FileType => _fileType;

    internal Span<StreamSample> Samples => _samples.AsSpan(0, _sampleCount);

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
            case FitProfile.Messages.FileId:
                OnFileId(in m);
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
        if (_sampleCount == _samples.Length)
        {
            Array.Resize(ref _samples, _samples.Length * 2);
        }

        ref var s = ref _samples[_sampleCount++];
        s = StreamSample.At(m.Timestamp);
        if (m.TryGetInteger(FitProfile.Record.PositionLat, out var lat) && m.TryGetInteger(FitProfile.Record.PositionLong, out var lon))
        {
            s.Latitude = FitProfile.SemicirclesToDegrees((int)lat);
            s.Longitude = FitProfile.SemicirclesToDegrees((int)lon);
        }

        // enhanced_altitude (uint32) and altitude (uint16) share scale 5, offset 500.
        if (m.TryGetInteger(FitProfile.Record.EnhancedAltitude, out var alt) || m.TryGetInteger(FitProfile.Record.Altitude, out alt))
        {
            s.Altitude = (alt / 5.0) - 500.0;
        }

        if (m.TryGetInteger(FitProfile.Record.HeartRate, out var hr))
        {
            s.HeartRate = hr;
        }

        if (m.TryGetInteger(FitProfile.Record.Cadence, out var cad))
        {
            // fractional_cadence: uint8, scale 128, rpm.
            s.Cadence = m.TryGetInteger(FitProfile.Record.FractionalCadence, out var frac) ? cad + (frac / 128.0) : cad;
        }

        if (m.TryGetInteger(FitProfile.Record.Distance, out var dist))
        {
            s.Distance = dist / 100.0;
        }

        // enhanced_speed (uint32) and speed (uint16) share scale 1000, m/s.
        if (m.TryGetInteger(FitProfile.Record.EnhancedSpeed, out var speed) || m.TryGetInteger(FitProfile.Record.Speed, out speed))
        {
            s.Speed = speed / 1000.0;
        }

        if (m.TryGetInteger(FitProfile.Record.Power, out var power))
        {
            s.Power = power;
        }

        if (m.TryGetInteger(FitProfile.Record.Temperature, out var temp))
        {
            s.Temperature = temp;
        }

        var packed = m.GetFieldBytes(FitProfile.Record.CompressedSpeedDistance);
        if (packed.Length >= 3 && !(packed[0] == 0xFF && packed[1] == 0xFF && packed[2] == 0xFF))
        {
            // Components: speed = bits 0-11 (scale 100, m/s); distance = bits 12-23 (scale 16, m, accumulated).
            var bits = packed[0] | (packed[1] << 8) | (packed[2] << 16);
            if (double.IsNaN(s.Speed))
            {
                s.Speed = (bits & 0xFFF) / 100.0;
            }

            var raw = (bits >> 12) & 0xFFF;
            var accumulated = raw + (_distanceAccumulator & ~0xFFFL);
            if (raw < (_distanceAccumulator & 0xFFF))
            {
                accumulated += 0x1000;
            }

            _distanceAccumulator = accumulated;
            if (double.IsNaN(s.Distance))
            {
                s.Distance = accumulated / 16.0;
            }
        }
    }

    public List<Activity> Build()
    {
        var creator = CreatorName();
        var activities = new List<Activity>();
        var samples = Samples;
        var beats = _beatIntervals.ToArray();

        if (_sessions.Count == 0)
        {
            if (samples.IsEmpty && _laps.Count == 0)
            {
                return activities;
            }

            var start = samples.IsEmpty ? (_laps[0].StartTime ?? _timeCreated) : FirstTime(samples);
            activities.Add(new Activity
            {
                Sport = _sport ?? Sport.Generic,
                SubSport = _subSport ?? SubSport.Generic,
                StartTimeUtc = FitProfile.ToUtc(start),
                Creator = creator,
                Name = _sportName,
                Summary = new ActivitySummary { StartTimeUtc = FitProfile.ToUtc(start) },
                Laps = _laps.ConvertAll(l => l.ToSummary()),
                Streams = Relative(samples, start),
                BeatIntervalsSeconds = beats,
            });
            return activities;
        }

        var sessions = _sessions.ToArray();
        Array.Sort(sessions, (a, b) => a.EffectiveStart.CompareTo(b.EffectiveStart));
        var sampleIndex = 0;
        var lapIndex = 0;
        var laps = _laps.ToArray();
        Array.Sort(laps, (a, b) => a.EffectiveStart.CompareTo(b.EffectiveStart));
        for (var i = 0; i < sessions.Length; i++)
        {
            var session = sessions[i];
            var isLast = i == sessions.Length - 1;
            var nextStart = isLast ? double.PositiveInfinity : sessions[i + 1].EffectiveStart;
            var from = sampleIndex;
            while (sampleIndex < samples.Length && (isLast || samples[sampleIndex].Seconds < nextStart))
            {
                sampleIndex++;
            }

            var lapsOfSession = new List<ActivitySummary>();
            while (lapIndex < laps.Length && (isLast || laps[lapIndex].EffectiveStart < nextStart))
            {
                lapsOfSession.Add(laps[lapIndex++].ToSummary());
            }

            var own = samples[from..sampleIndex];
            var start = session.StartTime ?? (own.IsEmpty ? (uint)Math.Max(0, session.EffectiveStart) : FirstTime(own));
            if (!own.IsEmpty && FirstTime(own) < start)
            {
                start = FirstTime(own);
            }

            activities.Add(new Activity
            {
                Sport = session.Sport ?? _sport ?? Sport.Generic,
                SubSport = session.SubSport ?? _subSport ?? SubSport.Generic,
                StartTimeUtc = FitProfile.ToUtc(start),
                Creator = creator,
                Name = _sportName,
                Summary = session.ToSummary(),
                Laps = lapsOfSession,
                Streams = Relative(own, start),
                BeatIntervalsSeconds = i == 0 ? beats : [],
            });
        }

        return activities;
    }

    private static uint FirstTime(Span<StreamSample> samples)
    {
        var min = double.MaxValue;
        foreach (ref readonly var s in samples)
        {
            if (s.Seconds > 0 && s.Seconds < min)
            {
                min = s.Seconds;
            }
        }

        return min == double.MaxValue ? 0 : (uint)min;
    }

    private static ActivityStreams Relative(Span<StreamSample> copy, uint start)
    {
        if (copy.IsEmpty)
        {
            return ActivityStreams.Empty;
        }

        // Records are shifted in place: they are not read again after Build.
        foreach (ref var s in copy)
        {
            // A record without a timestamp takes its predecessor's second.
            s.Seconds = s.Seconds == 0 ? double.NaN : s.Seconds - start;
        }

        var previous = 0.0;
        foreach (ref var s in copy)
        {
            if (double.IsNaN(s.Seconds))
            {
                s.Seconds = previous;
            }

            previous = s.Seconds;
        }

        return StreamsBuilder.Build(copy);
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
