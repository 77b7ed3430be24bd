using System.Globalization;
using System.Net.Mail;
using CoachPortal.Core.Security;

namespace CoachPortal.Core.Athletes;

/// <summary>
/// The rules for an athlete profile, shared by the form and the roster import so both say the same thing.
/// Ranges are physiological plausibility bounds, wide enough for juniors and masters.
/// </summary>
public static class AthleteValidator
{
    public static IReadOnlyList<ValidationError> Validate(AthleteInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        void Fail(string field, string message) => errors.Add(new ValidationError(field, message));

        if (string.IsNullOrWhiteSpace(input.FirstName))
        {
            Fail(nameof(input.FirstName), "First name is required.");
        }
        else if (input.FirstName.Length > 80)
        {
            Fail(nameof(input.FirstName), "First name has at most 80 characters.");
        }

        if (string.IsNullOrWhiteSpace(input.LastName))
        {
            Fail(nameof(input.LastName), "Last name is required.");
        }
        else if (input.LastName.Length > 80)
        {
            Fail(nameof(input.LastName), "Last name has at most 80 characters.");
        }

        if (input.BirthDate is { } birth && (birth > today || birth < today.AddYears(-100)))
        {
            Fail(nameof(input.BirthDate), "Birth date must be in the past and within 100 years.");
        }

        if (input.Sport?.Length > 60)
        {
            Fail(nameof(input.Sport), "Sport has at most 60 characters.");
        }

        if (input.Position?.Length > 60)
        {
            Fail(nameof(input.Position), "Position has at most 60 characters.");
        }

        if (input.BodyMassKg is { } mass && (mass < 20 || mass > 250))
        {
            Fail(nameof(input.BodyMassKg), "Body mass must be between 20 and 250 kg.");
        }

        if (input.HeartRateMaxBpm is { } max && (max < 100 || max > 240))
        {
            Fail(nameof(input.HeartRateMaxBpm), "HRmax must be between 100 and 240 bpm.");
        }

        if (input.HeartRateRestBpm is { } rest && (rest < 25 || rest > 120))
        {
            Fail(nameof(input.HeartRateRestBpm), "HRrest must be between 25 and 120 bpm.");
        }

        if (input.HeartRateMaxBpm is { } mx && input.HeartRateRestBpm is { } rs && rs >= mx)
        {
            Fail(nameof(input.HeartRateRestBpm), "HRrest must be below HRmax.");
        }

        if (input.LactateThresholdHeartRateBpm is { } lthr)
        {
            if (lthr < 80 || lthr > 230)
            {
                Fail(nameof(input.LactateThresholdHeartRateBpm), "LTHR must be between 80 and 230 bpm.");
            }
            else if (input.HeartRateMaxBpm is { } hmax && lthr >= hmax)
            {
                Fail(nameof(input.LactateThresholdHeartRateBpm), "LTHR must be below HRmax.");
            }
        }

        if (input.FtpWatts is { } ftp && (ftp < 50 || ftp > 600))
        {
            Fail(nameof(input.FtpWatts), "FTP must be between 50 and 600 W.");
        }

        if (!string.IsNullOrWhiteSpace(input.ThresholdPace))
        {
            if (ParsePace(input.ThresholdPace) is not { } pace)
            {
                Fail(nameof(input.ThresholdPace), "Threshold pace must be written as m:ss per km, e.g. 4:05.");
            }
            else if (pace < 150 || pace > 900)
            {
                Fail(nameof(input.ThresholdPace), "Threshold pace must be between 2:30 and 15:00 per km.");
            }
        }

        if (!string.IsNullOrWhiteSpace(input.Email) && !MailAddress.TryCreate(input.Email.Trim(), out _))
        {
            Fail(nameof(input.Email), "Email is not a valid address.");
        }

        return errors;
    }

    /// <summary>Parses "m:ss" into seconds; null when it is not that shape.</summary>
    public static int? ParsePace(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || parts[1].Length != 2 || seconds >= 60)
        {
            return null;
        }

        return (minutes * 60) + seconds;
    }

    public static string? FormatPace(int? secondsPerKm) =>
        secondsPerKm is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s / 60}:{s % 60:00}") : null;
}
