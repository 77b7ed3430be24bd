namespace CoachPortal.Core.Load.Board;

/// <summary>Reasons a coach should look at an athlete today.</summary>
public enum BoardAlert
{
    /// <summary>ACWR (rolling or EWMA) above 1.5: the "danger zone" of Gabbett (2016).</summary>
    HighAcwr,

    /// <summary>Monotony above 2 (Foster 1998).</summary>
    HighMonotony,

    /// <summary>Three or more of the last seven days without a check-in.</summary>
    MissingCheckIns,

    /// <summary>The latest wellness score well below the athlete's own 28-day baseline.</summary>
    WellnessDrop,
}
