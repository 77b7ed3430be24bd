namespace CoachPortal.Core.Athletes;

/// <summary>What a coach (or the athlete) enters for a profile; validated by <see cref="AthleteValidator"/>.</summary>
public sealed class AthleteInput
{
    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public DateOnly? BirthDate { get; set; }

    public Sex Sex { get; set; }

    public string? Sport { get; set; }

    public string? Position { get; set; }

    public double? BodyMassKg { get; set; }

    public int? HeartRateMaxBpm { get; set; }

    public int? HeartRateRestBpm { get; set; }

    public int? LactateThresholdHeartRateBpm { get; set; }

    public int? FtpWatts { get; set; }

    /// <summary>Threshold pace as "m:ss" per kilometre, e.g. "4:05".</summary>
    public string? ThresholdPace { get; set; }

    public string? Email { get; set; }

    public static AthleteInput From(Athlete athlete)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        return new AthleteInput
        {
            FirstName = athlete.FirstName,
            LastName = athlete.LastName,
            BirthDate = athlete.BirthDate,
            Sex = athlete.Sex,
            Sport = athlete.Sport,
            Position = athlete.Position,
            BodyMassKg = athlete.BodyMassKg,
            HeartRateMaxBpm = athlete.HeartRateMaxBpm,
            HeartRateRestBpm = athlete.HeartRateRestBpm,
            LactateThresholdHeartRateBpm = athlete.LactateThresholdHeartRateBpm,
            FtpWatts = athlete.FtpWatts,
            ThresholdPace = AthleteValidator.FormatPace(athlete.ThresholdPaceSecondsPerKm),
            Email = athlete.Email,
        };
    }
}
