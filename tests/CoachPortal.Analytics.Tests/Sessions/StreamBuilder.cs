using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Tests.Sessions;

/// <summary>Builds 1 Hz test streams segment by segment; a gap between segments is a pause.</summary>
internal sealed class StreamBuilder
{
    private readonly List<int> _elapsed = [];
    private readonly List<float> _hr = [];
    private readonly List<float> _speed = [];
    private readonly List<float> _power = [];
    private readonly List<float> _altitude = [];
    private int _next;

    public StreamBuilder Segment(int seconds, float hr = float.NaN, float speed = float.NaN, float power = float.NaN, float altitude = float.NaN)
    {
        for (var i = 0; i < seconds; i++)
        {
            _elapsed.Add(_next++);
            _hr.Add(hr);
            _speed.Add(speed);
            _power.Add(power);
            _altitude.Add(altitude);
        }

        return this;
    }

    public StreamBuilder Pause(int seconds)
    {
        _next += seconds;
        return this;
    }

    public SessionStreams Build() => new()
    {
        ElapsedSeconds = [.. _elapsed],
        HeartRateBpm = _hr.All(float.IsNaN) ? null : [.. _hr],
        SpeedMetersPerSecond = _speed.All(float.IsNaN) ? null : [.. _speed],
        PowerWatts = _power.All(float.IsNaN) ? null : [.. _power],
        AltitudeMeters = _altitude.All(float.IsNaN) ? null : [.. _altitude],
    };

    public static float[] Constant(int seconds, float value) => Enumerable.Repeat(value, seconds).ToArray();
}
