namespace CoachPortal.Learning.Simulation;

/// <summary>
/// The calibrated wellness of one simulated athlete, day by day: a level of their own, a state that carries over
/// (AR(1)), spells of floor days, a small effect of fatigue above the athlete's usual, and days left unreported. Its
/// draws come from their own stream, in a fixed order, so the same seed gives the same mornings.
/// </summary>
internal sealed class WellnessProcess
{
    private readonly SimulatorOptions _options;
    private readonly DeterministicRandom _random;
    private readonly double _athleteWellness;
    private readonly double _reportRate;
    private readonly double _stateNoise;
    private double _state;
    private int _sickLeft;

    public WellnessProcess(SimulatorOptions options, DeterministicRandom random)
    {
        _options = options;
        _random = random;
        _athleteWellness = options.WellnessBaseline + options.AthleteWellnessSpread * random.NextGaussian();
        _reportRate = random.Uniform(options.ReportRateLow, options.ReportRateHigh);
        _state = options.WellnessStateSpread * random.NextGaussian();
        _stateNoise = options.WellnessStateSpread * Math.Sqrt(1 - options.WellnessPersistence * options.WellnessPersistence);
    }

    /// <summary>The next morning: the underlying readiness (0-10) and the report, if one was made.</summary>
    /// <param name="fatigue">the Banister fatigue state</param>
    /// <param name="usualFatigue">the athlete's usual fatigue state</param>
    public (double Wellness, int? Reported) Next(double fatigue, double usualFatigue)
    {
        var o = _options;
        _state = o.WellnessPersistence * _state + _stateNoise * _random.NextGaussian();
        if (_sickLeft == 0 && _random.NextDouble() < o.FloorSpellProbability)
        {
            _sickLeft = 1 + (int)(-Math.Log(1 - _random.NextDouble()) * (o.FloorSpellDays - 1));
        }

        double wellness = _sickLeft > 0
            ? 0
            : Math.Clamp(_athleteWellness + _state - o.WellnessPerFatigue * (fatigue - usualFatigue) + o.WellnessNoise * _random.NextGaussian(), 0, 10);
        _sickLeft = Math.Max(0, _sickLeft - 1);
        int? reported = _random.NextDouble() < _reportRate ? (int)Math.Round(wellness) : null;
        return (wellness, reported);
    }
}
