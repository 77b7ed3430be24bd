namespace CoachPortal.Ingest;

/// <summary>One sample before it is placed on the 1 Hz grid; NaN = not recorded.</summary>
internal struct StreamSample
{
    public double Seconds;
    public double HeartRate;
    public double Speed;
    public double Power;
    public double Cadence;
    public double Distance;
    public double Altitude;
    public double Latitude;
    public double Longitude;
    public double Temperature;

    public static StreamSample At(double seconds) => new()
    {
        Seconds = seconds,
        HeartRate = double.NaN,
        Speed = double.NaN,
        Power = double.NaN,
        Cadence = double.NaN,
        Distance = double.NaN,
        Altitude = double.NaN,
        Latitude = double.NaN,
        Longitude = double.NaN,
        Temperature = double.NaN,
    };
}
