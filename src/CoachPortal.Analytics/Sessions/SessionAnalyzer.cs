namespace CoachPortal.Analytics.Sessions;

/// <summary>Computes <see cref="SessionMetrics"/> from a session's 1 Hz streams and the athlete's profile.</summary>
public static class SessionAnalyzer
{
    /// <summary>Analyses one session. Throws <see cref="AnalyticsInputException"/> for inconsistent streams.</summary>
    public static SessionMetrics Analyze(SessionStreams streams, AthleteProfile profile, SessionAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(profile);
        options ??= SessionAnalysisOptions.Default;
        streams.Validate();
        streams = PlausibleSamples.Filter(streams, options);

        var n = streams.Length;
        // Durations and distances are sums over time: a smart-recording sample stands for the seconds until the next.
        var weights = TimeWeighting.Weights(streams.ElapsedSeconds, options.MaxHeldGapSeconds);
        var recordedSeconds = (double)weights.Sum();
        var speed = SpeedSeries(streams);
        var moving = MovingMask(streams, speed, options.MovingSpeedThresholdMetersPerSecond);
        var movingSeconds = 0.0;
        for (var i = 0; i < n; i++)
        {
            movingSeconds += moving[i] ? weights[i] : 0;
        }

        var distance = Distance(streams, speed, weights);

        double[]? smoothedAltitude = null;
        double? elevationGain = null;
        if (streams.AltitudeMeters is { } altitude && HasAny(altitude))
        {
            smoothedAltitude = Elevation.SmoothCentered(altitude, options.AltitudeSmoothingHalfWindowSamples);
            elevationGain = Elevation.GainWithHysteresis(smoothedAltitude, options.ElevationHysteresisMeters);
        }

        var metrics = new SessionMetrics
        {
            RecordedSeconds = recordedSeconds,
            MovingSeconds = movingSeconds,
            DistanceMeters = distance,
            ElevationGainMeters = elevationGain,
        };

        metrics = WithHeartRate(metrics, streams, profile, options);
        metrics = WithPower(metrics, streams, profile, options);
        metrics = WithPace(metrics, streams, profile, options, speed, moving, weights, smoothedAltitude, distance, movingSeconds);

        if (options.Rpe is { } rpe)
        {
            metrics = metrics with { SessionRpeLoad = SessionRpe.Load(rpe, options.RpeDurationMinutes ?? recordedSeconds / 60.0) };
        }

        if (streams.HeartRateBpm is { } hrColumn && HasAny(hrColumn))
        {
            var output = streams.PowerWatts is { } p && HasAny(p) ? p : speed;
            if (output is not null)
            {
                metrics = metrics with { AerobicDecouplingPercent = AerobicDecoupling.PercentDecoupling(Masked(output, moving), Masked(hrColumn, moving)) };
            }
        }

        if (options.IncludeMeanMaximalCurves)
        {
            metrics = metrics with
            {
                PowerCurve = streams.PowerWatts is { } pw && HasAny(pw) ? MeanMaximalCurve.Compute(streams.ElapsedSeconds, pw, missingCountsAsZero: true) : null,
                SpeedCurve = speed is not null ? MeanMaximalCurve.Compute(streams.ElapsedSeconds, speed, missingCountsAsZero: true) : null,
                HeartRateCurve = streams.HeartRateBpm is { } hr && HasAny(hr) ? MeanMaximalCurve.Compute(streams.ElapsedSeconds, hr, missingCountsAsZero: false) : null,
            };
        }

        return metrics;
    }

    private static SessionMetrics WithHeartRate(SessionMetrics metrics, SessionStreams streams, AthleteProfile profile, SessionAnalysisOptions options)
    {
        if (streams.HeartRateBpm is not { } hr || !HasAny(hr))
        {
            return metrics;
        }

        double sum = 0, max = double.MinValue;
        var count = 0;
        foreach (var v in hr)
        {
            if (!float.IsNaN(v))
            {
                sum += v;
                max = Math.Max(max, v);
                count++;
            }
        }

        var zones = HeartRateZones.ForProfile(profile);
        // Loads and zones are sums over time: one entry per second, however sparsely the device recorded.
        var perSecond = TimeWeighting.Hold(streams.ElapsedSeconds, hr, options.MaxHeldGapSeconds);
        return metrics with
        {
            AverageHeartRateBpm = sum / count,
            MaxHeartRateBpm = max,
            HeartRateZoneUpperBoundsBpm = zones?.UpperBoundsBpm,
            TimeInHeartRateZonesSeconds = zones?.TimeInZonesSeconds(perSecond),
            BanisterTrimp = HeartRateLoad.BanisterTrimp(perSecond, profile),
            EdwardsTrimp = HeartRateLoad.EdwardsTrimp(perSecond, profile.MaxHeartRateBpm),
            HeartRateTss = HeartRateLoad.HeartRateTss(perSecond, profile),
        };
    }

    private static SessionMetrics WithPower(SessionMetrics metrics, SessionStreams streams, AthleteProfile profile, SessionAnalysisOptions options)
    {
        if (streams.PowerWatts is not { } recorded || !HasAny(recorded))
        {
            return metrics;
        }

        var power = TimeWeighting.Hold(streams.ElapsedSeconds, recorded, options.MaxHeldGapSeconds);
        var work = PowerMetrics.WorkKilojoules(power);
        var average = work * 1000.0 / power.Length;
        var np = PowerMetrics.NormalizedPower(power);
        metrics = metrics with
        {
            WorkKilojoules = work,
            AveragePowerWatts = average,
            NormalizedPowerWatts = np,
            VariabilityIndex = np is { } npv && average > 0 ? PowerMetrics.VariabilityIndex(npv, average) : null,
        };

        if (np is { } normalized && profile.FunctionalThresholdPowerWatts is { } ftp && ftp > 0)
        {
            metrics = metrics with
            {
                IntensityFactor = PowerMetrics.IntensityFactor(normalized, ftp),
                PowerTss = PowerMetrics.TrainingStressScore(power.Length, normalized, ftp),
            };
        }

        return metrics;
    }

    private static SessionMetrics WithPace(
        SessionMetrics metrics,
        SessionStreams streams,
        AthleteProfile profile,
        SessionAnalysisOptions options,
        float[]? speed,
        bool[] moving,
        int[] weights,
        double[]? smoothedAltitude,
        double? distance,
        double movingSeconds)
    {
        if (distance is not { } meters || movingSeconds <= 0 || meters <= 0)
        {
            return metrics;
        }

        metrics = metrics with { AveragePaceSecondsPerKilometer = 1000.0 * movingSeconds / meters };
        if (options.Sport != Sport.Running || speed is null)
        {
            return metrics;
        }

        var cumulative = CumulativeDistance(streams, speed);
        var adjusted = new float[speed.Length];
        var flatEquivalentMeters = 0.0;
        for (var i = 0; i < speed.Length; i++)
        {
            var v = float.IsNaN(speed[i]) ? 0.0 : speed[i];
            var grade = smoothedAltitude is null ? 0.0 : Grade(cumulative, smoothedAltitude, i, options.GradeHalfWindowSamples);
            var gap = RunningMetrics.GradeAdjustedSpeed(v, grade);
            adjusted[i] = (float)gap;
            if (moving[i])
            {
                flatEquivalentMeters += gap * weights[i];
            }
        }

        metrics = metrics with
        {
            GradeAdjustedPaceSecondsPerKilometer = flatEquivalentMeters > 0 ? 1000.0 * movingSeconds / flatEquivalentMeters : null,
        };

        var ngs = PowerMetrics.FourthPowerMean(adjusted, PowerMetrics.RollingWindowSeconds);
        if (ngs is { } normalized && profile.ThresholdSpeedMetersPerSecond is { } threshold && threshold > 0)
        {
            metrics = metrics with { RunningTss = RunningMetrics.RunningTss(streams.Length, normalized, threshold) };
        }

        return metrics;
    }

    private static double Grade(double[] cumulativeMeters, double[] altitudeMeters, int i, int halfWindow)
    {
        var from = Math.Max(0, i - halfWindow);
        var to = Math.Min(cumulativeMeters.Length - 1, i + halfWindow);
        var run = cumulativeMeters[to] - cumulativeMeters[from];
        var rise = altitudeMeters[to] - altitudeMeters[from];
        // Below a metre of horizontal travel the grade is noise (standing still on a GPS track).
        return run < 1.0 || double.IsNaN(rise) ? 0.0 : rise / run;
    }

    private static double[] CumulativeDistance(SessionStreams streams, float[] speed)
    {
        var cumulative = new double[speed.Length];
        if (streams.DistanceMeters is { } d && HasAny(d))
        {
            var last = 0.0;
            for (var i = 0; i < d.Length; i++)
            {
                last = float.IsNaN(d[i]) ? last : d[i];
                cumulative[i] = last;
            }

            return cumulative;
        }

        for (var i = 1; i < speed.Length; i++)
        {
            cumulative[i] = cumulative[i - 1] + (float.IsNaN(speed[i]) ? 0.0 : speed[i]);
        }

        return cumulative;
    }

    /// <summary>Speed column, or speed derived from consecutive distance samples one second apart.</summary>
    private static float[]? SpeedSeries(SessionStreams streams)
    {
        if (streams.SpeedMetersPerSecond is { } s && HasAny(s))
        {
            return s;
        }

        if (streams.DistanceMeters is not { } d || !HasAny(d))
        {
            return null;
        }

        var speed = new float[d.Length];
        speed[0] = float.NaN;
        for (var i = 1; i < d.Length; i++)
        {
            var dt = streams.ElapsedSeconds[i] - streams.ElapsedSeconds[i - 1];
            speed[i] = dt == 1 && !float.IsNaN(d[i]) && !float.IsNaN(d[i - 1]) ? Math.Max(0f, d[i] - d[i - 1]) : float.NaN;
        }

        return speed;
    }

    private static bool[] MovingMask(SessionStreams streams, float[]? speed, double thresholdMetersPerSecond)
    {
        var n = streams.Length;
        var moving = new bool[n];
        for (var i = 0; i < n; i++)
        {
            if (speed is not null)
            {
                moving[i] = !float.IsNaN(speed[i]) && speed[i] > thresholdMetersPerSecond;
            }
            else if (streams.PowerWatts is not null || streams.CadenceRpm is not null)
            {
                moving[i] = Positive(streams.PowerWatts, i) || Positive(streams.CadenceRpm, i);
            }
            else
            {
                moving[i] = true;
            }
        }

        return moving;

        static bool Positive(float[]? column, int i) => column is not null && column[i] > 0;
    }

    private static double? Distance(SessionStreams streams, float[]? speed, int[] weights)
    {
        if (streams.DistanceMeters is { } d && HasAny(d))
        {
            // Cumulative distance; sum only forward steps so that a device reset or a glitch does not subtract.
            var total = 0.0;
            var previous = float.NaN;
            foreach (var v in d)
            {
                if (float.IsNaN(v))
                {
                    continue;
                }

                if (!float.IsNaN(previous) && v > previous)
                {
                    total += v - previous;
                }

                previous = v;
            }

            return total;
        }

        if (speed is null)
        {
            return null;
        }

        var meters = 0.0;
        for (var i = 0; i < speed.Length; i++)
        {
            if (!float.IsNaN(speed[i]))
            {
                meters += speed[i] * weights[i];
            }
        }

        return meters;
    }

    private static float[] Masked(float[] values, bool[] mask)
    {
        var result = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = mask[i] ? values[i] : float.NaN;
        }

        return result;
    }

    private static bool HasAny(float[] column)
    {
        foreach (var v in column)
        {
            if (!float.IsNaN(v))
            {
                return true;
            }
        }

        return false;
    }
}
