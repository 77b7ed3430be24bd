namespace CoachPortal.Core.Forecasting.Datasets;

/// <summary>
/// One athlete's daily record from <see cref="Start"/>, one slot per day, NaN where nothing was recorded. Plain data
/// so the feature and target code can be tested (and checked for leakage) without a database.
/// </summary>
public sealed class AthleteHistory
{
    public AthleteHistory(int athleteId, int teamId, DateOnly start, int days)
    {
        AthleteId = athleteId;
        TeamId = teamId;
        Start = start;
        Channels = new double[DailyFeatures.RecordedChannels][];
        for (var c = 0; c < Channels.Length; c++)
        {
            Channels[c] = new double[days];
            Array.Fill(Channels[c], double.NaN);
        }

        TestIndex = new double[days];
        Array.Fill(TestIndex, double.NaN);
        InjuryOnset = new bool[days];
        Injured = new bool[days];
    }

    public int AthleteId { get; }

    public int TeamId { get; }

    public DateOnly Start { get; }

    public int Days => TestIndex.Length;

    /// <summary>[channel][day], channels in the order of <see cref="DailyFeatures.Names"/>' first <see cref="DailyFeatures.RecordedChannels"/>.</summary>
    public double[][] Channels { get; }

    /// <summary>Performance-test index on test days (100 = the athlete's first test, higher is better), else NaN.</summary>
    public double[] TestIndex { get; }

    public bool[] InjuryOnset { get; }

    /// <summary>Between an onset and the return (or the days lost).</summary>
    public bool[] Injured { get; }

    public DateOnly DateOf(int day) => Start.AddDays(day);

    public int IndexOf(DateOnly date) => date.DayNumber - Start.DayNumber;

    /// <summary>A copy holding only the days up to and including <paramref name="lastDay"/> (what was known then).</summary>
    public AthleteHistory Truncate(int lastDay)
    {
        var copy = new AthleteHistory(AthleteId, TeamId, Start, lastDay + 1);
        for (var c = 0; c < Channels.Length; c++)
        {
            Array.Copy(Channels[c], copy.Channels[c], lastDay + 1);
        }

        Array.Copy(TestIndex, copy.TestIndex, lastDay + 1);
        Array.Copy(InjuryOnset, copy.InjuryOnset, lastDay + 1);
        Array.Copy(Injured, copy.Injured, lastDay + 1);
        return copy;
    }
}
