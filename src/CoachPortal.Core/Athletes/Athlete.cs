using CoachPortal.Analytics.Workouts;
using CoachPortal.Core.Data;
using CoachPortal.Core.Teams;

namespace CoachPortal.Core.Athletes;

public class Athlete : IVersioned
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public Team? Team { get; set; }

    /// <summary>The account linked by an accepted invitation; null until then.</summary>
    public string? UserId { get; set; }

    public ApplicationUser? User { get; set; }

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public DateOnly? BirthDate { get; set; }

    public Sex Sex { get; set; }

    public string? Sport { get; set; }

    public string? Position { get; set; }

    public double? BodyMassKg { get; set; }

    public int? HeartRateMaxBpm { get; set; }

    public int? HeartRateRestBpm { get; set; }

    /// <summary>Lactate-threshold heart rate.</summary>
    public int? LactateThresholdHeartRateBpm { get; set; }

    /// <summary>Functional threshold power.</summary>
    public int? FtpWatts { get; set; }

    public int? ThresholdPaceSecondsPerKm { get; set; }

    public string? Email { get; set; }

    public bool IsArchived { get; set; }

    /// <summary>When the athlete asked for their data to be erased (GDPR Art. 17); their coach or an admin carries it out.</summary>
    public DateTime? ErasureRequestedUtc { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public Guid Version { get; set; }

    /// <summary>The roster import and CSV line that created this athlete, so a retried import creates no duplicate.</summary>
    public int? RosterImportId { get; set; }

    public int? RosterLine { get; set; }

    public string FullName => $"{FirstName} {LastName}";

    /// <summary>The thresholds that turn a workout's targets into this athlete's own watts, beats and paces.</summary>
    public AthleteTrainingProfile TrainingProfile() =>
        new(FtpWatts, ThresholdPaceSecondsPerKm, LactateThresholdHeartRateBpm, HeartRateMaxBpm);
}
