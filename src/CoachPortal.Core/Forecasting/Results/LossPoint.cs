namespace CoachPortal.Core.Forecasting.Results;

/// <summary>The losses after one epoch.</summary>
public sealed record LossPoint(int Epoch, double TrainingLoss, double? ValidationLoss)
{
    /// <summary>
    /// <paramref name="value"/> to four significant digits: a fixed number of decimals turns a small but real loss
    /// (a rare-event cross-entropy of 0.00003) into 0.
    /// </summary>
    public static double Significant(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        var decimals = 3 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        return decimals <= 0 ? Math.Round(value) : Math.Round(value, Math.Min(decimals, 15));
    }
}
