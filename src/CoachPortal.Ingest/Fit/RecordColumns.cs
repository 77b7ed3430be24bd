namespace CoachPortal.Ingest.Fit;

/// <summary>
/// Record values as columns while decoding (NaN = not recorded), so that a session's rows can be copied out as
/// stream columns in one block when the records are already on the 1 Hz grid.
/// </summary>
internal sealed class RecordColumns
{
    public const int ColumnCount = 9;
    public const int HeartRate = 0;
    public const int Speed = 1;
    public const int Power = 2;
    public const int Cadence = 3;
    public const int Distance = 4;
    public const int Altitude = 5;
    public const int Latitude = 6;
    public const int Longitude = 7;
    public const int Temperature = 8;

    public uint[] Time;
    public readonly double[][] Columns = new double[ColumnCount][];
    public int Count;

    public RecordColumns(int capacity)
    {
        capacity = Math.Max(capacity, 64);
        Time = new uint[capacity];
        for (var c = 0; c < ColumnCount; c++)
        {
            Columns[c] = NaNs(capacity);
        }
    }

    /// <summary>Appends a row with every value missing and returns its index.</summary>
    public int Add(uint time)
    {
        if (Count == Time.Length)
        {
            Grow();
        }

        Time[Count] = time;
        return Count++;
    }

    public StreamSample Sample(int i) => new()
    {
        Seconds = Time[i],
        HeartRate = Columns[HeartRate][i],
        Speed = Columns[Speed][i],
        Power = Columns[Power][i],
        Cadence = Columns[Cadence][i],
        Distance = Columns[Distance][i],
        Altitude = Columns[Altitude][i],
        Latitude = Columns[Latitude][i],
        Longitude = Columns[Longitude][i],
        Temperature = Columns[Temperature][i],
    };

    private void Grow()
    {
        var capacity = Time.Length + (Time.Length / 2);
        Array.Resize(ref Time, capacity);
        for (var c = 0; c < ColumnCount; c++)
        {
            var old = Columns[c];
            var grown = NaNs(capacity);
            old.AsSpan().CopyTo(grown);
            Columns[c] = grown;
        }
    }

    private static double[] NaNs(int n)
    {
        var a = GC.AllocateUninitializedArray<double>(n);
        a.AsSpan().Fill(double.NaN);
        return a;
    }
}
