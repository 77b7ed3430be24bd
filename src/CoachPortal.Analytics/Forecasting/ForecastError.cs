namespace CoachPortal.Analytics.Forecasting;

/// <summary>Error measures for comparing forecasters on the same held-out observations.</summary>
public static class ForecastError
{
    /// <summary>Mean absolute error.</summary>
    public static double MeanAbsolute(ReadOnlySpan<double> forecast, ReadOnlySpan<double> actual)
    {
        Check(forecast, actual);
        var sum = 0.0;
        for (var i = 0; i < forecast.Length; i++)
        {
            sum += Math.Abs(forecast[i] - actual[i]);
        }

        return sum / forecast.Length;
    }

    /// <summary>Root-mean-square error.</summary>
    public static double RootMeanSquare(ReadOnlySpan<double> forecast, ReadOnlySpan<double> actual)
    {
        Check(forecast, actual);
        var sum = 0.0;
        for (var i = 0; i < forecast.Length; i++)
        {
            var d = forecast[i] - actual[i];
            sum += d * d;
        }

        return Math.Sqrt(sum / forecast.Length);
    }

    private static void Check(ReadOnlySpan<double> forecast, ReadOnlySpan<double> actual)
    {
        if (forecast.Length != actual.Length || forecast.Length == 0)
        {
            throw new AnalyticsInputException("Forecast and actual values must be non-empty and of equal length.");
        }
    }
}
