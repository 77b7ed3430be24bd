namespace CoachPortal.Core.Sessions;

/// <summary>The session classes coaches set and the session CNN predicts, in class-index order.</summary>
public static class SessionClassLabels
{
    public const string Recovery = "recovery";
    public const string Endurance = "endurance";
    public const string Tempo = "tempo";
    public const string Intervals = "intervals";
    public const string Race = "race";

    /// <summary>Every label; a label's position is its class index in the models.</summary>
    public static IReadOnlyList<string> All { get; } = [Recovery, Endurance, Tempo, Intervals, Race];

    /// <summary>The class index of a label, or -1 when it is not one of <see cref="All"/>.</summary>
    public static int IndexOf(string? label)
    {
        var wanted = label?.Trim();
        for (var i = 0; i < All.Count && wanted is not null; i++)
        {
            if (string.Equals(All[i], wanted, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
