namespace CoachPortal.Learning.Forecasting;

/// <summary>
/// One athlete's consecutive days from <see cref="Start"/>: a value per <see cref="WellnessChannel"/> and day, NaN where
/// nothing was recorded, and injury onsets. Plain data, filled by the caller (an import, the database, a simulator).
/// </summary>
public sealed class WellnessSeries
{
    /// <summary>Creates an empty series of <paramref name="days"/> days (every value NaN, no onsets).</summary>
    public WellnessSeries(string athlete, DateOnly start, int days)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        Athlete = athlete;
        Start = start;
        Channels = new double[Enum.GetValues<WellnessChannel>().Length][];
        for (var c = 0; c < Channels.Length; c++)
        {
            Channels[c] = new double[days];
            Array.Fill(Channels[c], double.NaN);
        }

        InjuryOnset = new bool[days];
    }

    /// <summary>Who (any stable key).</summary>
    public string Athlete { get; }

    /// <summary>The first day.</summary>
    public DateOnly Start { get; }

    /// <summary>Number of days.</summary>
    public int Days => InjuryOnset.Length;

    /// <summary>[channel][day].</summary>
    public double[][] Channels { get; }

    /// <summary>An injury began that day.</summary>
    public bool[] InjuryOnset { get; }

    /// <summary>The values of one channel, by day.</summary>
    public double[] this[WellnessChannel channel] => Channels[(int)channel];

    /// <summary>The date of day index <paramref name="day"/>.</summary>
    public DateOnly DateOf(int day) => Start.AddDays(day);
}
