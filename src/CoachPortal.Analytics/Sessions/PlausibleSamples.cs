namespace CoachPortal.Analytics.Sessions;

/// <summary>
/// Sensor glitches removed before any metric: a power spike of 22,000 W for one second would otherwise raise a
/// 158-W ride's normalised power by a hundred watts. Implausible samples become missing (NaN) in copies of the
/// affected columns; the caller's streams, and so the stored raw recording, are left as they are.
/// </summary>
internal static class PlausibleSamples
{
    public static SessionStreams Filter(SessionStreams streams, SessionAnalysisOptions options)
    {
        var power = Without(streams.PowerWatts, v => v < 0 || v > options.MaxPlausiblePowerWatts);
        var heartRate = Without(streams.HeartRateBpm, v => v < options.MinPlausibleHeartRateBpm || v > options.MaxPlausibleHeartRateBpm);
        var speed = WithoutSpeedJumps(streams.ElapsedSeconds, streams.SpeedMetersPerSecond, options);
        if (ReferenceEquals(power, streams.PowerWatts) && ReferenceEquals(heartRate, streams.HeartRateBpm)
            && ReferenceEquals(speed, streams.SpeedMetersPerSecond))
        {
            return streams;
        }

        return new SessionStreams
        {
            ElapsedSeconds = streams.ElapsedSeconds,
            HeartRateBpm = heartRate,
            SpeedMetersPerSecond = speed,
            PowerWatts = power,
            CadenceRpm = streams.CadenceRpm,
            DistanceMeters = streams.DistanceMeters,
            AltitudeMeters = streams.AltitudeMeters,
        };
    }

    private static float[]? Without(float[]? column, Func<float, bool> implausible)
    {
        if (column is null)
        {
            return null;
        }

        float[]? copy = null;
        for (var i = 0; i < column.Length; i++)
        {
            if (!float.IsNaN(column[i]) && implausible(column[i]))
            {
                copy ??= (float[])column.Clone();
                copy[i] = float.NaN;
            }
        }

        return copy ?? column;
    }

    /// <summary>Speeds above the ceiling, or changing faster than any athlete accelerates since the last good sample.</summary>
    private static float[]? WithoutSpeedJumps(int[] elapsedSeconds, float[]? speed, SessionAnalysisOptions options)
    {
        if (speed is null)
        {
            return null;
        }

        float[]? copy = null;
        var last = -1;
        for (var i = 0; i < speed.Length; i++)
        {
            var v = speed[i];
            if (float.IsNaN(v))
            {
                continue;
            }

            var jump = last >= 0
                && Math.Abs(v - speed[last]) > options.MaxPlausibleAccelerationMetersPerSecondSquared * (elapsedSeconds[i] - elapsedSeconds[last]);
            if (v < 0 || v > options.MaxPlausibleSpeedMetersPerSecond || jump)
            {
                copy ??= (float[])speed.Clone();
                copy[i] = float.NaN;
                continue;
            }

            last = i;
        }

        return copy ?? speed;
    }
}
