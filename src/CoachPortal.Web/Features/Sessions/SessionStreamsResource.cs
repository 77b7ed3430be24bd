using System.Globalization;
using System.Text;
using CoachPortal.Core.Sessions.Streams;

namespace CoachPortal.Web.Features.Sessions;

/// <summary>
/// A session's 1 Hz streams at full resolution: one array per recorded channel, aligned with
/// <see cref="ElapsedSeconds"/>; a missing sample is null. Channels that were not recorded are absent.
/// </summary>
public sealed record SessionStreamsResource(int SessionId, int SampleCount, int[] ElapsedSeconds, IReadOnlyDictionary<string, double?[]> Channels)
{
    public static SessionStreamsResource From(int sessionId, StreamColumns? columns)
    {
        if (columns is null)
        {
            return new SessionStreamsResource(sessionId, 0, [], new Dictionary<string, double?[]>());
        }

        var channels = new Dictionary<string, double?[]>(StringComparer.Ordinal);
        foreach (var (name, values) in Named(columns))
        {
            channels[name] = values.Select(v => double.IsFinite(v) ? v : (double?)null).ToArray();
        }

        return new SessionStreamsResource(sessionId, columns.Count, columns.ElapsedSeconds, channels);
    }

    /// <summary>The streams as CSV: <c>elapsedSeconds</c> then one column per channel, invariant culture, empty when missing.</summary>
    public string ToCsv()
    {
        var names = Channels.Keys.ToList();
        var csv = new StringBuilder();
        csv.Append("elapsedSeconds");
        foreach (var name in names)
        {
            csv.Append(',').Append(name);
        }

        csv.Append('\n');
        for (var i = 0; i < SampleCount; i++)
        {
            csv.Append(ElapsedSeconds[i].ToString(CultureInfo.InvariantCulture));
            foreach (var name in names)
            {
                csv.Append(',');
                if (Channels[name][i] is { } v)
                {
                    csv.Append(v.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    private static IEnumerable<(string Name, double[] Values)> Named(StreamColumns c)
    {
        (string, double[]?)[] all =
        [
            ("heartRateBpm", c.HeartRateBpm),
            ("speedMetersPerSecond", c.SpeedMetersPerSecond),
            ("powerWatts", c.PowerWatts),
            ("cadenceRpm", c.CadenceRpm),
            ("distanceMeters", c.DistanceMeters),
            ("altitudeMeters", c.AltitudeMeters),
            ("latitude", c.Latitude),
            ("longitude", c.Longitude),
            ("temperatureCelsius", c.TemperatureCelsius),
        ];
        return all.Where(x => x.Item2 is not null).Select(x => (x.Item1, x.Item2!));
    }
}
