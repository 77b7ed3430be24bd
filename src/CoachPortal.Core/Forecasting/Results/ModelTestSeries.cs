using CoachPortal.Core.Forecasting.Baselines;

namespace CoachPortal.Core.Forecasting.Results;

/// <summary>
/// What a version did on the test period, for the comparison on the Models page: the days of a forecast
/// (<see cref="Points"/>, capped) or the confusion matrices of a session classifier (<see cref="Confusion"/>).
/// </summary>
public sealed record ModelTestSeries
{
    public static ModelTestSeries Empty { get; } = new();

    public IReadOnlyList<TestSeriesPoint> Points { get; init; } = [];

    public SessionClassConfusion? Confusion { get; init; }

    public static ModelTestSeries Of(IEnumerable<TestSeriesPoint> points) => new() { Points = [.. points] };

    public static ModelTestSeries Of(SessionClassConfusion confusion) => new() { Confusion = confusion };
}
