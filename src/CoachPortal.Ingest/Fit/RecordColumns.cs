namespace CoachPortal.Ingest.Fit;

/// <summary>
/// Record values while decoding, kept compact: raw integers per column in chunks of 4,096 rows (no copying as the
/// file grows), converted to stream units only when a session's rows are copied out. Distance is a double because
/// compressed_speed_distance accumulates it in 1/16 m.
/// </summary>
internal sealed class RecordColumns
{
    public const int Missing = int.MinValue;
    public const int HeartRate = 0;
    public const int SpeedMillimetres = 1;
    public const int Power = 2;
    public const int Cadence128 = 3;
    public const int AltitudeRaw = 4;
    public const int Latitude = 5;
    public const int Longitude = 6;
    public const int Temperature = 7;
    private const int IntColumns = 8;
    private const int ChunkBits = 12;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ChunkMask = ChunkSize - 1;

    private readonly List<uint[]> _time = [];
    private readonly List<int[][]> _ints = [];
    private readonly List<double[]> _distance = [];

    public int Count { get; private set; }

    // The chunk of the row last added, for the decoder's writes.
    public int[][] Ints { get; private set; } = [];

    public double[] Distance { get; private set; } = [];

    public int Offset { get; private set; }

    public uint Time(int row) => _time[row >> ChunkBits][row & ChunkMask];

    /// <summary>The raw value of <paramref name="column"/> at <paramref name="row"/>; <see cref="Missing"/> when absent.</summary>
    public int Get(int row, int column) => _ints[row >> ChunkBits][column][row & ChunkMask];

    /// <summary>Sets the raw value of <paramref name="column"/> at <paramref name="row"/>.</summary>
    public void Set(int row, int column, int value) => _ints[row >> ChunkBits][column][row & ChunkMask] = value;

    /// <summary>Appends a row with every value missing; writes go to <see cref="Ints"/>/<see cref="Distance"/> at <see cref="Offset"/>.</summary>
    public void Add(uint time)
    {
        var offset = Count & ChunkMask;
        if (offset == 0)
        {
            _time.Add(new uint[ChunkSize]);
            var ints = new int[IntColumns][];
            for (var c = 0; c < IntColumns; c++)
            {
                ints[c] = new int[ChunkSize];
                ints[c].AsSpan().Fill(Missing);
            }

            _ints.Add(ints);
            var distance = GC.AllocateUninitializedArray<double>(ChunkSize);
            distance.AsSpan().Fill(double.NaN);
            _distance.Add(distance);
            Ints = ints;
            Distance = distance;
        }

        _time[^1][offset] = time;
        Offset = offset;
        Count++;
    }

    /// <summary>Stream columns (hr, speed, power, cadence, distance, altitude, lat, lon, temperature) of rows [from, from + n).</summary>
    public double[][] CopyColumns(int from, int n)
    {
        var columns = new double[9][];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = GC.AllocateUninitializedArray<double>(n);
        }

        var done = 0;
        while (done < n)
        {
            var row = from + done;
            var chunk = row >> ChunkBits;
            var offset = row & ChunkMask;
            var count = Math.Min(n - done, ChunkSize - offset);
            var ints = _ints[chunk];
            Divide(ints[HeartRate].AsSpan(offset, count), columns[0].AsSpan(done, count), 1, 0);
            Divide(ints[SpeedMillimetres].AsSpan(offset, count), columns[1].AsSpan(done, count), 1000, 0);
            Divide(ints[Power].AsSpan(offset, count), columns[2].AsSpan(done, count), 1, 0);
            Divide(ints[Cadence128].AsSpan(offset, count), columns[3].AsSpan(done, count), 128, 0);
            _distance[chunk].AsSpan(offset, count).CopyTo(columns[4].AsSpan(done, count));
            // altitude: scale 5, offset 500 (FIT profile).
            Divide(ints[AltitudeRaw].AsSpan(offset, count), columns[5].AsSpan(done, count), 5, -500);
            Semicircles(ints[Latitude].AsSpan(offset, count), columns[6].AsSpan(done, count));
            Semicircles(ints[Longitude].AsSpan(offset, count), columns[7].AsSpan(done, count));
            Divide(ints[Temperature].AsSpan(offset, count), columns[8].AsSpan(done, count), 1, 0);
            done += count;
        }

        return columns;
    }

    public StreamSample Sample(int row)
    {
        var ints = _ints[row >> ChunkBits];
        var i = row & ChunkMask;
        return new StreamSample
        {
            Seconds = Time(row),
            HeartRate = Scaled(ints[HeartRate][i], 1, 0),
            Speed = Scaled(ints[SpeedMillimetres][i], 1000, 0),
            Power = Scaled(ints[Power][i], 1, 0),
            Cadence = Scaled(ints[Cadence128][i], 128, 0),
            Distance = _distance[row >> ChunkBits][i],
            Altitude = Scaled(ints[AltitudeRaw][i], 5, -500),
            Latitude = ints[Latitude][i] == Missing ? double.NaN : FitProfile.SemicirclesToDegrees(ints[Latitude][i]),
            Longitude = ints[Longitude][i] == Missing ? double.NaN : FitProfile.SemicirclesToDegrees(ints[Longitude][i]),
            Temperature = Scaled(ints[Temperature][i], 1, 0),
        };
    }

    private static double Scaled(int raw, double scale, double offset) => raw == Missing ? double.NaN : (raw / scale) + offset;

    // Division, as the FIT profile states scales, so values equal raw / scale - offset bit for bit.
    private static void Divide(ReadOnlySpan<int> raw, Span<double> values, double scale, double offset)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            var v = raw[i];
            values[i] = v == Missing ? double.NaN : (v / scale) + offset;
        }
    }

    private static void Semicircles(ReadOnlySpan<int> raw, Span<double> values)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            var v = raw[i];
            values[i] = v == Missing ? double.NaN : FitProfile.SemicirclesToDegrees(v);
        }
    }
}
