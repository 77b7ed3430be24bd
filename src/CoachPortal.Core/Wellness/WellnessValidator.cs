using CoachPortal.Core.Security;

namespace CoachPortal.Core.Wellness;

/// <summary>
/// Range rules of the check-in. Resting HR and rMSSD bounds are plausibility limits for trained adults
/// (rMSSD of elite endurance athletes rarely exceeds 200 ms), wide enough not to refuse a real reading.
/// </summary>
public static class WellnessValidator
{
    public const int ScaleMin = 1;
    public const int ScaleMax = 10;

    /// <summary>
    /// Readiness alone starts at 0, as PMSys records it ("not ready at all"), so imported history keeps its zeros.
    /// </summary>
    public const int ReadinessMin = 0;

    public static IReadOnlyList<ValidationError> Validate(WellnessInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        void Scale(string field, string label, int? value, int min = ScaleMin)
        {
            if (value is { } v && (v < min || v > ScaleMax))
            {
                errors.Add(new ValidationError(field, $"{label} must be between {min} and {ScaleMax}."));
            }
        }

        Scale(nameof(input.Readiness), "Readiness", input.Readiness, ReadinessMin);
        Scale(nameof(input.Fatigue), "Fatigue", input.Fatigue);
        Scale(nameof(input.Soreness), "Soreness", input.Soreness);
        Scale(nameof(input.SleepQuality), "Sleep quality", input.SleepQuality);
        Scale(nameof(input.Stress), "Stress", input.Stress);
        Scale(nameof(input.Mood), "Mood", input.Mood);

        if (input.SleepHours is { } sleep && (double.IsNaN(sleep) || sleep < 0 || sleep > 16))
        {
            errors.Add(new ValidationError(nameof(input.SleepHours), "Sleep must be between 0 and 16 hours."));
        }

        if (input.RestingHeartRateBpm is { } hr && (hr < 25 || hr > 120))
        {
            errors.Add(new ValidationError(nameof(input.RestingHeartRateBpm), "Resting heart rate must be between 25 and 120 bpm."));
        }

        if (input.HrvRmssdMs is { } hrv && (double.IsNaN(hrv) || hrv < 3 || hrv > 300))
        {
            errors.Add(new ValidationError(nameof(input.HrvRmssdMs), "HRV (rMSSD) must be between 3 and 300 ms."));
        }

        if (input.SorenessBodyArea?.Trim().Length > 60)
        {
            errors.Add(new ValidationError(nameof(input.SorenessBodyArea), "Body area has at most 60 characters."));
        }

        if (input.Notes?.Trim().Length > 500)
        {
            errors.Add(new ValidationError(nameof(input.Notes), "Notes have at most 500 characters."));
        }

        return errors;
    }
}
