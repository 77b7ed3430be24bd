using System.Buffers.Binary;

namespace CoachPortal.Ingest.Fit;

/// <summary>
/// Heart rate written in <c>hr</c> messages (global 132) instead of records, as HRM straps that store beats while
/// swimming do: each message carries up to eight filtered beats per minute with event times on a 1/1024 s clock,
/// anchored to the wall clock by the first message that has a timestamp. The events are merged into the records
/// that lack heart rate, each record taking the mean of the events since the previous record, as Garmin's FIT SDK
/// (HrToRecordMesgBroadcastPlugin) does.
/// </summary>
internal sealed class FitHeartRateEvents
{
    // hr message fields (FIT profile): 0 fractional_timestamp (uint16, scale 32768, s), 6 filtered_bpm (uint8[]),
    // 9 event_timestamp (uint32[], scale 1024, s), 10 event_timestamp_12 (byte[]: 12-bit components of
    // event_timestamp, accumulated), 253 timestamp.
    private const byte FractionalTimestamp = 0;
    private const byte FilteredBpm = 6;
    private const byte EventTimestamp = 9;
    private const byte EventTimestamp12 = 10;
    private const double TicksPerSecond = 1024;

    private readonly List<double> _times = [];
    private readonly List<byte> _bpm = [];
    private double _anchorSeconds = double.NaN;
    private long _anchorTicks;
    private long _ticks;
    private bool _hasTicks;

    public int Count => _times.Count;

    public void OnMessage(in FitMessageView m)
    {
        var bpm = m.GetFieldBytes(FilteredBpm);
        var full = m.GetFieldBytes(EventTimestamp);
        var packed = m.GetFieldBytes(EventTimestamp12);
        Span<long> ticks = stackalloc long[Math.Max(full.Length / 4, packed.Length * 8 / 12)];
        var n = 0;
        if (!full.IsEmpty)
        {
            for (var k = 0; k + 4 <= full.Length; k++)
            {
                var raw = m.IsBigEndian ? BinaryPrimitives.ReadUInt32BigEndian(full[(k * 4)..]) : BinaryPrimitives.ReadUInt32LittleEndian(full[(k * 4)..]);
                if (raw == uint.MaxValue)
                {
                    break;
                }

                ticks[n++] = AccumulateFull(raw);
            }
        }
        else
        {
            // Twelve bits per value, least significant first, across the byte array.
            for (var k = 0; (k + 1) * 12 <= packed.Length * 8; k++)
            {
                var bit = k * 12;
                var pair = packed[bit >> 3] | (((bit >> 3) + 1 < packed.Length ? packed[(bit >> 3) + 1] : 0) << 8);
                ticks[n++] = Accumulate12((pair >> (bit & 7)) & 0xFFF);
            }
        }

        if (n == 0)
        {
            return;
        }

        if (m.HasField(FitProfile.TimestampField) && m.Timestamp >= FitProfile.MinAbsoluteTimestamp)
        {
            var fraction = m.TryGetInteger(FractionalTimestamp, out var f) ? f / 32768.0 : 0;
            _anchorSeconds = m.Timestamp + fraction;
            _anchorTicks = ticks[0];
        }

        if (double.IsNaN(_anchorSeconds))
        {
            return;
        }

        for (var k = 0; k < n && k < bpm.Length; k++)
        {
            if (bpm[k] is 0 or byte.MaxValue)
            {
                continue;
            }

            _times.Add(_anchorSeconds + ((ticks[k] - _anchorTicks) / TicksPerSecond));
            _bpm.Add(bpm[k]);
        }
    }

    /// <summary>Fills the heart rate of records that have none from the events since the record before.</summary>
    public void MergeInto(RecordColumns records)
    {
        if (_times.Count == 0 || records.Count == 0)
        {
            return;
        }

        var times = _times.ToArray();
        var bpm = _bpm.ToArray();
        Array.Sort(times, bpm);
        double previous = double.NaN;
        for (var row = 0; row < records.Count; row++)
        {
            var t = records.Time(row);
            if (t < FitProfile.MinAbsoluteTimestamp)
            {
                continue;
            }

            var from = double.IsNaN(previous) || previous >= t ? t - 1.0 : previous;
            previous = t;
            if (records.Get(row, RecordColumns.HeartRate) != RecordColumns.Missing)
            {
                continue;
            }

            // Events in (from, t].
            var i = UpperBound(times, from);
            var sum = 0;
            var count = 0;
            for (; i < times.Length && times[i] <= t; i++)
            {
                sum += bpm[i];
                count++;
            }

            if (count > 0)
            {
                records.Set(row, RecordColumns.HeartRate, (int)Math.Round((double)sum / count, MidpointRounding.AwayFromZero));
            }
        }
    }

    /// <summary>Mean beats per minute of the events in (<paramref name="from"/>, <paramref name="to"/>] (FIT seconds); NaN when none.</summary>
    public double Mean(double from, double to)
    {
        var sum = 0.0;
        var count = 0;
        for (var i = 0; i < _times.Count; i++)
        {
            if (_times[i] > from && _times[i] <= to)
            {
                sum += _bpm[i];
                count++;
            }
        }

        return count == 0 ? double.NaN : Math.Round(sum / count);
    }

    private long AccumulateFull(uint raw)
    {
        if (!_hasTicks)
        {
            _hasTicks = true;
            _ticks = raw;
            return _ticks;
        }

        // The 32-bit tick counter rolls over every 2^32 / 1024 s; keep the count increasing.
        var next = (_ticks & ~0xFFFF_FFFFL) | raw;
        if (next < _ticks - 0x8000_0000L)
        {
            next += 0x1_0000_0000L;
        }

        _ticks = next;
        return _ticks;
    }

    private long Accumulate12(int raw)
    {
        if (!_hasTicks)
        {
            _hasTicks = true;
            _ticks = raw;
            return _ticks;
        }

        // FIT accumulated components: the new value has the given low bits and is the smallest not below the last.
        _ticks += (raw - (_ticks & 0xFFF)) & 0xFFF;
        return _ticks;
    }

    private static int UpperBound(double[] values, double value)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
