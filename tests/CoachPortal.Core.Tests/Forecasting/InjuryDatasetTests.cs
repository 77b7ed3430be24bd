using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Datasets;
using CoachPortal.Core.Forecasting.Results;

namespace CoachPortal.Core.Tests.Forecasting;

public sealed class InjuryDatasetTests
{
    private static readonly DateOnly s_oldUpload = new(2010, 5, 1);
    private static readonly DateOnly s_monitoredFrom = new(2025, 7, 1);
    private static readonly DateOnly s_until = new(2026, 6, 30);

    [Fact]
    public void TheInjuryDatasetSpansOnlyTheMonitoredPeriodNotTheYearsAfterAnIsolatedOldUpload()
    {
        var history = AHistoryWithAnOldUpload();

        var data = ForecastDataset.Build([history], ForecastTarget.InjuryRisk, 7);

        Assert.NotEmpty(data.Samples);
        Assert.True(data.Samples[0].Date >= s_monitoredFrom, $"the dataset starts on {data.Samples[0].Date}");
        Assert.StartsWith("2025-07-", data.DataSpan, StringComparison.Ordinal);
        Assert.Equal(4, data.InjuryEvents(data.Samples.Count));
        // The positives stay about as rare as they really were (4 onsets × 7 days in a year), not diluted by 15 empty years.
        Assert.InRange(data.Samples.Average(s => s.Target), 0.05, 0.12);
    }

    [Fact]
    public void TheMonitoredPeriodStartsAfterTheLastLongGapAndEndsOnTheLastRecordedDay()
    {
        var history = AHistoryWithAnOldUpload();

        var (first, last) = MonitoredPeriod.Of(history);

        Assert.Equal(s_monitoredFrom, history.DateOf(first));
        Assert.Equal(s_until.AddDays(-1), history.DateOf(last));
    }

    [Fact]
    public void ASmallLossKeepsItsSignificantDigits()
    {
        Assert.Equal(3.217e-6, LossPoint.Significant(3.21749e-6), 12);
        Assert.NotEqual(0, LossPoint.Significant(4e-7));
        Assert.Equal(0.6931, LossPoint.Significant(0.693147));
        Assert.Equal(1235, LossPoint.Significant(1234.6));
        Assert.Equal(0, LossPoint.Significant(0));
    }

    // One session in 2010 whose load decays over every day since, then a year of daily check-ins with four injuries.
    private static AthleteHistory AHistoryWithAnOldUpload()
    {
        var days = s_until.DayNumber - s_oldUpload.DayNumber + 1;
        var h = new AthleteHistory(1, 1, s_oldUpload, days);
        var ctl = 0.0;
        for (var d = 0; d < days; d++)
        {
            var monitored = h.DateOf(d) >= s_monitoredFrom && d < days - 1;
            var load = d == 0 || (monitored && d % 7 != 0) ? 60.0 : 0.0;
            ctl += (load - ctl) / 42;
            h.Channels[DailyFeatures.Load][d] = load;
            h.Channels[1][d] = ctl;
            h.Channels[7][d] = load > 0 ? 1 : 0;
            if (monitored)
            {
                h.Channels[DailyFeatures.Readiness][d] = 6 + (d % 3);
            }
        }

        foreach (var month in new[] { 9, 12, 3, 5 })
        {
            var onset = h.IndexOf(new DateOnly(month < 7 ? 2026 : 2025, month, 10));
            h.InjuryOnset[onset] = true;
            for (var d = onset; d < onset + 7; d++)
            {
                h.Injured[d] = true;
            }
        }

        return h;
    }
}
