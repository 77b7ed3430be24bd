namespace CoachPortal.Learning.Simulation;

/// <summary>Kinds of training session the simulator streams (class indices for the session CNN).</summary>
public enum SessionClass
{
    /// <summary>Easy, steady, low intensity.</summary>
    Recovery,

    /// <summary>Steady aerobic at moderate intensity.</summary>
    Endurance,

    /// <summary>Warm-up, a sustained block near threshold, cool-down.</summary>
    Tempo,

    /// <summary>Repeated hard efforts with recoveries.</summary>
    Intervals,

    /// <summary>Sustained high intensity with a closing surge.</summary>
    Race,
}
