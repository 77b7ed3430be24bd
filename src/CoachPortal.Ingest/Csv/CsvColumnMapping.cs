namespace CoachPortal.Ingest.Csv;

/// <summary>
/// Which CSV column holds which stream. Names are matched against the header row, case-insensitively. A null name
/// means "not in the file". <see cref="Recognise"/> builds a mapping from common header names.
/// </summary>
public sealed record CsvColumnMapping
{
    /// <summary>Absolute time (ISO 8601; UTC unless it has an offset). Either this or <see cref="ElapsedSeconds"/> is required.</summary>
    public string? Time { get; init; }

    /// <summary>Seconds since start (number, or h:mm:ss).</summary>
    public string? ElapsedSeconds { get; init; }

    /// <summary>
    /// When the recording started (UTC), for files with only <see cref="ElapsedSeconds"/>; without it such a file
    /// decodes into an activity with no start time. Ignored when <see cref="Time"/> is mapped.
    /// </summary>
    public DateTime? StartTimeUtc { get; init; }

    /// <summary>Heart rate in bpm.</summary>
    public string? HeartRate { get; init; }

    /// <summary>Speed in the unit of <see cref="SpeedUnit"/>.</summary>
    public string? Speed { get; init; }

    /// <summary>Pace in the unit of <see cref="PaceUnit"/>; used for speed when <see cref="Speed"/> is absent.</summary>
    public string? Pace { get; init; }

    /// <summary>Power in watts.</summary>
    public string? Power { get; init; }

    /// <summary>Cadence in rpm.</summary>
    public string? Cadence { get; init; }

    /// <summary>Cumulative distance in the unit of <see cref="DistanceUnit"/>.</summary>
    public string? Distance { get; init; }

    /// <summary>Altitude in meters.</summary>
    public string? Altitude { get; init; }

    /// <summary>Latitude in degrees.</summary>
    public string? Latitude { get; init; }

    /// <summary>Longitude in degrees.</summary>
    public string? Longitude { get; init; }

    /// <summary>Temperature in °C.</summary>
    public string? Temperature { get; init; }

    /// <summary>Speed unit. Default m/s.</summary>
    public CsvSpeedUnit SpeedUnit { get; init; } = CsvSpeedUnit.MetersPerSecond;

    /// <summary>Pace unit. Default minutes per kilometre (as m:ss or decimal minutes).</summary>
    public CsvPaceUnit PaceUnit { get; init; } = CsvPaceUnit.MinutesPerKilometre;

    /// <summary>Distance unit. Default meters.</summary>
    public CsvDistanceUnit DistanceUnit { get; init; } = CsvDistanceUnit.Meters;

    /// <summary>Field delimiter; null = detect from the header row (comma, semicolon or tab).</summary>
    public char? Delimiter { get; init; }

    /// <summary>Sport of the activity (CSV files do not say).</summary>
    public Sport Sport { get; init; } = Sport.Generic;

    /// <summary>Builds a mapping by recognising common header names ("time", "hr", "heart_rate", "watts"…).</summary>
    public static CsvColumnMapping Recognise(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        string? Find(params string[] names)
        {
            foreach (var h in headers)
            {
                var n = Normalise(h);
                foreach (var candidate in names)
                {
                    if (n == candidate)
                    {
                        return h;
                    }
                }
            }

            return null;
        }

        return new CsvColumnMapping
        {
            Time = Find("time", "timestamp", "datetime", "date", "utc"),
            ElapsedSeconds = Find("elapsed", "elapsedseconds", "elapsedtime", "seconds", "secs", "sec", "duration", "timeseconds"),
            HeartRate = Find("hr", "heartrate", "heartratebpm", "bpm", "pulse"),
            Speed = Find("speed", "speedms", "velocity"),
            Pace = Find("pace", "paceminkm"),
            Power = Find("power", "watts", "powerw", "pwr"),
            Cadence = Find("cadence", "cad", "rpm", "spm"),
            Distance = Find("distance", "distancem", "dist", "km"),
            Altitude = Find("altitude", "altitudem", "elevation", "ele", "alt"),
            Latitude = Find("lat", "latitude"),
            Longitude = Find("lon", "lng", "long", "longitude"),
            Temperature = Find("temperature", "temp", "atemp"),
        };
    }

    internal static string Normalise(string header)
    {
        Span<char> buffer = stackalloc char[Math.Min(header.Length, 64)];
        var n = 0;
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c) && n < buffer.Length)
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }
}
