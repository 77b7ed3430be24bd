using CoachPortal.Learning.Evaluation;
using CoachPortal.Learning.Simulation;

namespace CoachPortal.Learning.Tests.Evaluation;

public sealed class PromotionRuleTests
{
    [Fact]
    public void ADeliberatelyLosingForecastIsNotPromotable()
    {
        var outcomes = Forecasts(athletes: 8, days: 40, modelError: 1.2, baselineError: 1.0);

        var decision = PromotionRule.JudgeForecast(outcomes);

        Assert.Equal(PromotionVerdict.NotBetter, decision.Verdict);
        Assert.True(decision.Estimate > 1);
        Assert.True(decision.Low > 1, $"the losing model's interval {decision.Low}-{decision.High} should lie above 1");
    }

    [Fact]
    public void ADeliberatelyWinningForecastIsPromotableWithItsIntervalBelowOne()
    {
        var outcomes = Forecasts(athletes: 8, days: 40, modelError: 0.7, baselineError: 1.0);

        var decision = PromotionRule.JudgeForecast(outcomes);

        Assert.True(decision.IsPromotable, decision.Reason);
        Assert.InRange(decision.Estimate, 0.6, 0.8);
        Assert.True(decision.Low <= decision.Estimate && decision.Estimate <= decision.High && decision.High < 1);
        Assert.Equal(8, decision.Athletes);
    }

    [Fact]
    public void AWinCarriedByOneAthleteIsNotPromotableEvenThoughTheAverageWins()
    {
        // one athlete where the model is far better, seven where it is a little worse: the mean ratio is below 1,
        // but an athlete-level bootstrap shows the win does not carry over to the next athlete
        var outcomes = Forecasts(athletes: 7, days: 40, modelError: 1.1, baselineError: 1.0)
            .Concat(Enumerable.Range(0, 40).Select(d => new ForecastOutcome("star", 5, 5, 2)))
            .ToList();

        var decision = PromotionRule.JudgeForecast(outcomes);

        Assert.True(decision.Estimate < 1);
        Assert.True(decision.High > 1);
        Assert.Equal(PromotionVerdict.NotBetter, decision.Verdict);
    }

    [Fact]
    public void TwoAthletesAreNotEnoughToJudgeAForecast()
    {
        var decision = PromotionRule.JudgeForecast(Forecasts(athletes: 2, days: 100, modelError: 0.5, baselineError: 1.0));

        Assert.Equal(PromotionVerdict.NotEnoughEvidence, decision.Verdict);
    }

    [Fact]
    public void ARiskModelThatRanksEventsFirstAndIsCalibratedIsPromotable()
    {
        var random = new DeterministicRandom(5);
        var outcomes = Enumerable.Range(0, 6).SelectMany(a => Enumerable.Range(0, 80).Select(d =>
        {
            var happened = random.NextDouble() < 0.1;
            return new RiskOutcome($"a{a}", happened, happened ? 0.5 + (0.3 * random.NextDouble()) : 0.05 * random.NextDouble(), 0.1);
        })).ToList();

        var decision = PromotionRule.JudgeRisk(outcomes);

        Assert.True(decision.IsPromotable, decision.Reason);
        Assert.True(decision.Low > 0.5);
        Assert.True(decision.BrierSkill > 0);
    }

    [Fact]
    public void ARiskModelWithABetterBrierThanTheBaseRateButNoDiscriminationIsNotPromotable()
    {
        // the trap the old registry fell into: a near-constant forecast nearer the test period's rate than the
        // training base rate wins on Brier score while telling events from non-events no better than chance
        var random = new DeterministicRandom(9);
        var outcomes = Enumerable.Range(0, 6).SelectMany(a => Enumerable.Range(0, 100).Select(d =>
            new RiskOutcome($"a{a}", random.NextDouble() < 0.05, 0.06 + (0.01 * random.NextDouble()), 0.1))).ToList();

        var decision = PromotionRule.JudgeRisk(outcomes);

        Assert.True(decision.BrierSkill > 0, "the constructed model must win on Brier for this test to mean anything");
        Assert.Equal(PromotionVerdict.NotBetter, decision.Verdict);
        Assert.True(decision.Low < 0.5);
    }

    [Fact]
    public void TooFewEventsIsAnHonestVerdictOfItsOwn()
    {
        var outcomes = Enumerable.Range(0, 200).Select(d => new RiskOutcome($"a{d % 5}", d is 10 or 50 or 90, d is 10 or 50 or 90 ? 0.9 : 0.01, 0.02)).ToList();

        var decision = PromotionRule.JudgeRisk(outcomes);

        Assert.Equal(PromotionVerdict.NotEnoughEvidence, decision.Verdict);
        Assert.Equal(3, decision.Events);
        Assert.False(decision.IsPromotable);
    }

    [Fact]
    public void AucCountsTiesAsHalfAndOrdersByProbability()
    {
        RiskOutcome O(bool e, double p) => new("a", e, p, 0.5);

        Assert.Equal(1.0, PromotionRule.Auc([O(false, 0.1), O(true, 0.9), O(false, 0.2), O(true, 0.3)]));
        Assert.Equal(0.0, PromotionRule.Auc([O(true, 0.1), O(false, 0.9)]));
        Assert.Equal(0.5, PromotionRule.Auc([O(true, 0.4), O(false, 0.4), O(true, 0.4), O(false, 0.4)]));
        Assert.Equal(0.75, PromotionRule.Auc([O(true, 0.5), O(false, 0.5), O(false, 0.1)]));
        Assert.True(double.IsNaN(PromotionRule.Auc([O(false, 0.5)])));
    }

    private static List<ForecastOutcome> Forecasts(int athletes, int days, double modelError, double baselineError)
    {
        var random = new DeterministicRandom(3);
        return [.. Enumerable.Range(0, athletes).SelectMany(a => Enumerable.Range(0, days).Select(d =>
        {
            var actual = 5 + random.NextGaussian();
            double Signed(double size) => (random.NextDouble() < 0.5 ? -1 : 1) * size * (0.5 + random.NextDouble());
            return new ForecastOutcome($"a{a}", actual, actual + Signed(modelError), actual + Signed(baselineError));
        }))];
    }
}
