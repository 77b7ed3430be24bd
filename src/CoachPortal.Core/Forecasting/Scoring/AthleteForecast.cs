using CoachPortal.Core.Load.Performance;

namespace CoachPortal.Core.Forecasting.Scoring;

/// <summary>The latest forecast of one target for an athlete, with its likely range and the days that drove it.</summary>
public sealed record AthleteForecast(
    int AthleteId,
    ForecastTarget Target,
    DateOnly AsOfDate,
    double Value,
    double Lower,
    double Upper,
    IReadOnlyList<ForecastDriver> Drivers,
    int ModelVersionId)
{
    /// <summary>The forecast in plain words, as athletes read it.</summary>
    public string Describe() => Target switch
    {
        ForecastTarget.Readiness => $"Readiness tomorrow: {Math.Round(Value):0}/10, likely range {Math.Round(Math.Max(1, Lower)):0}–{Math.Round(Math.Min(10, Upper)):0}",
        ForecastTarget.Performance => $"Next test: {PerformanceFormat.Change(Value)} than your first result, likely between {PerformanceFormat.Change(Lower)} and {PerformanceFormat.Change(Upper)}",
        _ => $"Injury risk over the next 7 days: {Value * 100:0} % ({(Value >= 0.2 ? "high" : Value >= 0.1 ? "moderate" : "low")})",
    };

    /// <summary>The forecast as a sentence to the athlete, with the days it leaned on most.</summary>
    public string PlainWords()
    {
        var text = Target switch
        {
            ForecastTarget.Readiness => $"Tomorrow you will probably feel about {Math.Round(Value):0} out of 10 (most likely between {Math.Round(Math.Max(1, Lower)):0} and {Math.Round(Math.Min(10, Upper)):0}).",
            ForecastTarget.Performance => $"Your next test will probably come out {PerformanceFormat.Change(Value)} than your first one (most likely between {PerformanceFormat.Change(Lower)} and {PerformanceFormat.Change(Upper)}; better means faster for a timed test).",
            _ => Value >= 0.2
                ? $"Your risk of an injury or illness in the next week is high ({Value * 100:0} %): talk to your coach about easing off."
                : $"Your risk of an injury or illness in the next week is {(Value >= 0.1 ? "moderate" : "low")} ({Value * 100:0} %).",
        };
        var days = Drivers.OrderByDescending(d => d.Weight).Take(2).OrderBy(d => d.Date).Select(d => d.Date.ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return days.Count == 0 ? text : $"{text} It leans most on how you trained and felt on {string.Join(" and ", days)}.";
    }
}
