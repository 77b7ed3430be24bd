using System.Diagnostics;
using System.Globalization;
using CoachPortal.Analytics;
using CoachPortal.Analytics.Performance;
using CoachPortal.Learning;
using CoachPortal.Learning.Evaluation;
using CoachPortal.Learning.Forecasting;

namespace CoachPortal.Bench;

/// <summary>
/// Next-day readiness and injury risk on real athletes (PMData, Thambawita et al., ACM MMSys 2020,
/// doi:10.1145/3339825.3394926), imported through the coach's history import (<see cref="PmDataImport"/>): each
/// athlete's first 70 % of days train, the last 30 % test. Prints each model and
/// baseline, the ratio to the best baseline with its athlete-bootstrap interval, and the promotion verdicts.
/// Usage: forecast --pmdata DIR [--seeds N].
/// </summary>
internal static class ForecastCommand
{
    private const double TrainShare = 0.7;

    public static int Run(string[] args)
    {
        var folder = Option(args, "--pmdata") ?? throw new ArgumentException("forecast needs --pmdata DIR");
        var settings = new ReadinessForecasterSettings();
        if (Option(args, "--seeds") is { } seeds)
        {
            settings = settings with { Seeds = int.Parse(seeds, CultureInfo.InvariantCulture) };
        }

        var series = PmDataImport.Load(folder);
        int TrainDays(WellnessSeries s) => (int)Math.Floor(s.Days * TrainShare);
        Console.WriteLine($"PMData (Thambawita et al., ACM MMSys 2020, doi:10.1145/3339825.3394926, CC BY 4.0): {series.Count} athletes, {series.Sum(s => s.Days)} days, first {TrainShare:P0} of each athlete's days train");

        // test samples: forecasts whose target day is in the athlete's last 30 %
        var test = ReadinessForecaster.Samples(series, s => s.Days).Where(x => x.Day + 1 >= TrainDays(x.Series)).ToList();
        var actual = test.Select(x => x.Series[WellnessChannel.Readiness][x.Day + 1]).ToArray();
        var predictions = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["ewma"] = [.. test.Select(x => ClassicalForecasts.Ewma(x.Series[WellnessChannel.Readiness], x.Day))],
            ["persistence"] = [.. test.Select(x => ClassicalForecasts.Persistence(x.Series[WellnessChannel.Readiness], x.Day))],
        };
        var banister = series.ToDictionary(s => s.Athlete, s => FitBanister(s, TrainDays(s)));
        predictions["banister"] = [.. test.Select((x, i) => banister[x.Series.Athlete] is { } curve ? curve[x.Day] : predictions["persistence"][i])];
        var baselineNames = predictions.Keys.ToList();

        var clock = Stopwatch.StartNew();
        using var model = ReadinessForecaster.Train(series, TrainDays, settings);
        var modelSeconds = clock.Elapsed.TotalSeconds;
        var forecasts = model.Predict(test);
        predictions["model"] = [.. forecasts.Select(f => f.Point)];

        // ablations: how much comes from forecasting whole points alone, and the same inputs predicting readiness itself with the training job's former settings (Gaussian NLL, 16 units)
        clock.Restart();
        predictions["gru direct"] = DirectGru(series, TrainDays, test);
        var directSeconds = clock.Elapsed.TotalSeconds;
        predictions["ewma rounded (model part)"] = [.. predictions["ewma"].Select(v => Math.Round(v))];

        // seed sensitivity: the whole forecaster retrained from other first seeds
        var seedMae = new List<double> { Mae(predictions["model"], actual) };
        foreach (var seed in new ulong[] { 1001, 2001 })
        {
            using var other = ReadinessForecaster.Train(series, TrainDays, settings with { Seed = seed });
            seedMae.Add(Mae([.. other.Predict(test).Select(f => f.Point)], actual));
        }

        Console.WriteLine($"test: {test.Count} forecasts in {test.Select(x => x.Series.Athlete).Distinct().Count()} athletes");
        Console.WriteLine();
        Console.WriteLine("readiness (0-10), next day      MAE   median athlete MAE");
        foreach (var (name, p) in predictions)
        {
            var perAthlete = test.Select((x, i) => (x.Series.Athlete, Error: Math.Abs(p[i] - actual[i]))).GroupBy(e => e.Athlete).Select(g => g.Average(e => e.Error)).Order().ToArray();
            var median = perAthlete.Length % 2 == 1 ? perAthlete[perAthlete.Length / 2] : (perAthlete[(perAthlete.Length / 2) - 1] + perAthlete[perAthlete.Length / 2]) / 2;
            var seconds = name == "model" ? $"   trained in {modelSeconds:F1} s" : name == "gru direct" ? $"   trained in {directSeconds:F1} s" : "";
            Console.WriteLine($"  {name,-28} {Mae(p, actual),6:F3} {median,8:F3}{seconds}");
        }

        var best = baselineNames.MinBy(n => Mae(predictions[n], actual))!;
        var decision = PromotionRule.JudgeForecast([.. test.Select((x, i) => new ForecastOutcome(x.Series.Athlete, actual[i], predictions["model"][i], predictions[best][i]))]);
        var inBand = forecasts.Select((f, i) => actual[i] >= f.Low && actual[i] <= f.High).Count(b => b) / (double)test.Count;
        Console.WriteLine($"model / best baseline ({best}): {decision.Estimate:F3} (95 % interval {decision.Low:F3}-{decision.High:F3}, athletes resampled) -> {decision.Verdict}");
        Console.WriteLine($"model MAE over {seedMae.Count} first seeds: {seedMae.Min():F3}-{seedMae.Max():F3}");
        var cv = model.CrossValidation;
        Console.WriteLine($"model: {model.Seeds} seeds, mode {cv.Mode} chosen by {cv.Folds}-fold time-series CV inside the training period (CV MAE: network {cv.NetworkMae:F3}, rounded EWMA {cv.RoundedEwmaMae:F3}, EWMA {cv.EwmaMae:F3}); the {settings.BandLow:P0}-{settings.BandHigh:P0} band holds {inBand:P0} of test days");

        // injury risk: onsets within 7 days, judged on discrimination and Brier skill
        var trainRisk = InjuryForecaster.Samples(series, _ => 0, TrainDays);
        var testRisk = InjuryForecaster.Samples(series, TrainDays, s => s.Days);
        var baseRate = trainRisk.Count == 0 ? 0 : trainRisk.Count(r => r.Event) / (double)trainRisk.Count;
        Console.WriteLine();
        Console.WriteLine($"injury onset within {InjuryForecaster.HorizonDays} days: train {trainRisk.Count} days ({trainRisk.Count(r => r.Event)} event days, {series.Sum(s => s.InjuryOnset.Take(TrainDays(s)).Count(o => o))} onsets), test {testRisk.Count} days ({testRisk.Count(r => r.Event)} event days, {series.Sum(s => s.InjuryOnset.Skip(TrainDays(s)).Count(o => o))} onsets)");
        PromotionDecision risk;
        clock.Restart();
        try
        {
            var members = InjuryForecaster.Train(trainRisk, model.Priors, settings);
            var features = InjuryForecaster.Features(testRisk, model.Priors);
            var probability = new double[testRisk.Count];
            foreach (var member in members)
            {
                using var scorer = new ModelScorer(member);
                var p = scorer.Score(features).Probability!;
                for (var i = 0; i < p.Length; i++)
                {
                    probability[i] += p[i] / members.Count;
                }
            }

            risk = PromotionRule.JudgeRisk([.. testRisk.Select((r, i) => new RiskOutcome(r.Series.Athlete, r.Event, probability[i], baseRate))]);
        }
        catch (LearningException ex)
        {
            Console.WriteLine($"  injury model not trained: {ex.Message}");
            risk = PromotionRule.JudgeRisk([.. testRisk.Select(r => new RiskOutcome(r.Series.Athlete, r.Event, baseRate, baseRate))]);
        }

        Console.WriteLine($"  model: AUC {risk.Estimate:F3} (95 % interval {risk.Low:F3}-{risk.High:F3}), Brier skill vs base rate {risk.BrierSkill:F3}, trained in {clock.Elapsed.TotalSeconds:F1} s -> {risk.Verdict}: {risk.Reason}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"forecast: readiness_ratio={decision.Estimate:F3} ci_high={decision.High:F3} injury_auc={risk.Estimate:F3} events={risk.Events}"));
        return 0;
    }

    private static double Mae(double[] p, double[] a) => p.Zip(a, (x, y) => Math.Abs(x - y)).Average();

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    // Banister (1975) fitted to readiness on the training days; the curve at D uses loads up to D only.
    private static double[]? FitBanister(WellnessSeries s, int trainDays)
    {
        var loads = s[WellnessChannel.Load].Select(v => double.IsNaN(v) ? 0 : v).ToArray();
        var readiness = s[WellnessChannel.Readiness];
        var observations = Enumerable.Range(0, trainDays).Where(d => !double.IsNaN(readiness[d])).Select(d => new PerformanceObservation(d, readiness[d])).ToList();
        try
        {
            return BanisterModel.Fit(loads, observations).Parameters.Predict(loads);
        }
        catch (AnalyticsInputException)
        {
            return null;
        }
    }

    private static double[] DirectGru(List<WellnessSeries> series, Func<WellnessSeries, int> trainDays, List<(WellnessSeries Series, int Day)> test)
    {
        var priors = ReadinessFeatures.Priors(series, trainDays);
        var train = ReadinessForecaster.Samples(series, trainDays);
        var features = new float[train.Count, ReadinessFeatures.WindowDays, ReadinessFeatures.Count];
        for (var i = 0; i < train.Count; i++)
        {
            ReadinessFeatures.Fill(train[i].Series, train[i].Day, priors, features, i);
        }

        var targets = train.Select(x => (float)x.Series[WellnessChannel.Readiness][x.Day + 1]).ToArray();
        var options = new TrainingOptions { Loss = LossKind.GaussianNll, HiddenSize = 16, Epochs = 40, BatchSize = 32, Patience = 3, Device = DevicePreference.Cpu };
        var trained = ForecastTrainer.Train(ModelKind.GruForecaster, new TrainingDataset(features, targets), options);
        var testFeatures = new float[test.Count, ReadinessFeatures.WindowDays, ReadinessFeatures.Count];
        for (var i = 0; i < test.Count; i++)
        {
            ReadinessFeatures.Fill(test[i].Series, test[i].Day, priors, testFeatures, i);
        }

        using var scorer = new ModelScorer(trained.OnnxBytes);
        return [.. scorer.Score(testFeatures).Mean!.Select(v => (double)v)];
    }
}
