namespace CoachPortal.Learning.Forecasting;

/// <summary>The club's mean and within-athlete spread of each <see cref="WellnessChannel"/> (indexed by the enum).</summary>
/// <param name="Mean">mean per channel</param>
/// <param name="Spread">within-athlete standard deviation per channel</param>
public sealed record ChannelPriors(double[] Mean, double[] Spread);
