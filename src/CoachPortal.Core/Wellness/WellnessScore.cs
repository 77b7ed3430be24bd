namespace CoachPortal.Core.Wellness;

/// <summary>
/// One 0–100 number per check-in for trends and the "wellness drop" flag: the mean of the answered subjective
/// scales, each mapped so that 100 is best (fatigue, soreness and stress reversed), as in the summed
/// questionnaire of McLean et al. (2010).
/// </summary>
public static class WellnessScore
{
    /// <summary>The score, or null when no subjective scale was answered.</summary>
    public static double? Of(WellnessCheckIn checkIn)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        var sum = 0.0;
        var count = 0;
        void Add(int? value, bool higherIsBetter, int min = WellnessValidator.ScaleMin)
        {
            if (value is { } v)
            {
                var unit = (v - min) / (double)(WellnessValidator.ScaleMax - min);
                sum += higherIsBetter ? unit : 1 - unit;
                count++;
            }
        }

        Add(checkIn.Readiness, higherIsBetter: true, WellnessValidator.ReadinessMin);
        Add(checkIn.Fatigue, higherIsBetter: false);
        Add(checkIn.Soreness, higherIsBetter: false);
        Add(checkIn.SleepQuality, higherIsBetter: true);
        Add(checkIn.Stress, higherIsBetter: false);
        Add(checkIn.Mood, higherIsBetter: true);
        return count == 0 ? null : Math.Round(100 * sum / count, 1);
    }
}
