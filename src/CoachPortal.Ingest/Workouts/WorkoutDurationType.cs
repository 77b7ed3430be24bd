namespace CoachPortal.Ingest.Workouts;

/// <summary>What ends a step (FIT profile type <c>wkt_step_duration</c>).</summary>
public enum WorkoutDurationType : byte
{
    /// <summary>After a time.</summary>
    Time = 0,

    /// <summary>After a distance.</summary>
    Distance = 1,

    /// <summary>When heart rate drops below a value.</summary>
    HeartRateLessThan = 2,

    /// <summary>When heart rate rises above a value.</summary>
    HeartRateGreaterThan = 3,

    /// <summary>After an energy expenditure.</summary>
    Calories = 4,

    /// <summary>When the athlete presses lap.</summary>
    Open = 5,

    /// <summary>Repeat earlier steps a number of times.</summary>
    RepeatUntilStepsComplete = 6,
}
