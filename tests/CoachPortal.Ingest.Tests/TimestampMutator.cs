using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CoachPortal.Ingest.Fit;

namespace CoachPortal.Ingest.Tests;

/// <summary>
/// Damages only the times of a device file, the ways broken clocks and corrupt records do: one garbage timestamp,
/// a jump of days to decades (forwards or backwards) for the rest of the file, swapped and reversed samples,
/// invalid values, a corrupt session start. FIT files are walked message by message and their CRCs rewritten, so
/// the decoder sees a well-formed file that merely lies about time; TCX and GPX times are rewritten as text.
/// Also linked into the Core tests and the bench fuzz command.
/// </summary>
internal static partial class TimestampMutator
{
    private const int FitTimestampField = 253;
    private const int FitStartTimeField = 2;
    private const int FitSession = 18;
    private const int FitLap = 19;
    private const int FitRecord = 20;

    public static (byte[] Bytes, string Kind) Mutate(string fileName, byte[] input, Random random)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(random);
        if (FitDecoder.IsFit(input))
        {
            return MutateFit(input, random);
        }

        var text = Encoding.UTF8.GetString(input);
        var isTcx = text.Contains("<TrainingCenterDatabase", StringComparison.Ordinal)
            || fileName.EndsWith(".tcx", StringComparison.OrdinalIgnoreCase);
        var (mutated, kind) = MutateText(text, isTcx ? TcxTime() : GpxTime(), random);
        return (Encoding.UTF8.GetBytes(mutated), kind);
    }

    private static (byte[] Bytes, string Kind) MutateFit(byte[] input, Random random)
    {
        var bytes = (byte[])input.Clone();
        var slots = FitTimeSlots(bytes);
        var records = slots.Where(s => s.Global == FitRecord && s.Field == FitTimestampField).ToList();
        if (records.Count == 0)
        {
            records = slots;
        }

        if (records.Count == 0)
        {
            return (bytes, "no timestamps");
        }

        string kind;
        var at = random.Next(records.Count);
        switch (random.Next(8))
        {
            case 0:
                // A garbage absolute time anywhere up to 2125 (the uint32 range of FIT).
                Write(bytes, records[at], (uint)random.NextInt64(0x10000000, 0xFFFFFFFF));
                kind = $"garbage timestamp at record {at}";
                break;
            case 1:
                {
                    var jump = RandomJumpSeconds(random);
                    foreach (var s in records.Skip(at))
                    {
                        Write(bytes, s, (uint)Math.Clamp(Read(bytes, s) + jump, 0, 0xFFFFFFFE));
                    }

                    kind = $"jump of {jump} s from record {at}";
                    break;
                }

            case 2:
                {
                    var other = random.Next(records.Count);
                    var a = Read(bytes, records[at]);
                    Write(bytes, records[at], (uint)Read(bytes, records[other]));
                    Write(bytes, records[other], (uint)a);
                    kind = $"records {at} and {other} swapped";
                    break;
                }

            case 3:
                {
                    var length = Math.Min(records.Count - at, random.Next(2, 200));
                    var values = records.Skip(at).Take(length).Select(s => Read(bytes, s)).Reverse().ToList();
                    for (var i = 0; i < length; i++)
                    {
                        Write(bytes, records[at + i], (uint)values[i]);
                    }

                    kind = $"{length} records reversed from {at}";
                    break;
                }

            case 4:
                Write(bytes, records[at], random.Next(2) == 0 ? 0xFFFFFFFF : (uint)random.Next(0, 0x10000000));
                kind = $"invalid or relative timestamp at record {at}";
                break;
            case 5:
                {
                    var starts = slots.Where(s => s.Global is FitSession or FitLap).ToList();
                    var target = starts.Count > 0 ? starts[random.Next(starts.Count)] : records[at];
                    Write(bytes, target, (uint)random.NextInt64(0, 0xFFFFFFFF));
                    kind = $"session or lap time corrupted (message {target.Global}, field {target.Field})";
                    break;
                }

            case 6:
                {
                    // Several garbage timestamps scattered over the file.
                    var n = random.Next(2, 10);
                    for (var i = 0; i < n; i++)
                    {
                        Write(bytes, records[random.Next(records.Count)], (uint)random.NextInt64(0, 0xFFFFFFFF));
                    }

                    kind = $"{n} garbage timestamps";
                    break;
                }

            default:
                {
                    // Compressed-timestamp headers carry the low 5 bits of the time: scramble them.
                    var headers = CompressedHeaders(bytes);
                    foreach (var h in headers.Where(_ => random.Next(4) == 0))
                    {
                        bytes[h] = (byte)((bytes[h] & 0xE0) | random.Next(32));
                    }

                    Write(bytes, records[at], (uint)Math.Clamp(Read(bytes, records[at]) - RandomJumpSeconds(random), 0, 0xFFFFFFFE));
                    kind = $"compressed offsets scrambled, record {at} moved back";
                    break;
                }
        }

        FixCrcs(bytes);
        return (bytes, kind);
    }

    private static long RandomJumpSeconds(Random random)
    {
        long[] jumps = [2 * 86_400L, 30 * 86_400L, 365 * 86_400L, 20 * 365 * 86_400L, 64 * 365 * 86_400L];
        var jump = jumps[random.Next(jumps.Length)] + random.Next(0, 86_400);
        return random.Next(2) == 0 ? jump : -jump;
    }

    private readonly record struct TimeSlot(int Offset, bool BigEndian, int Global, int Field);

    private static long Read(byte[] bytes, TimeSlot s) => s.BigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(s.Offset))
        : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(s.Offset));

    private static void Write(byte[] bytes, TimeSlot s, uint value)
    {
        if (s.BigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(s.Offset), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(s.Offset), value);
        }
    }

    /// <summary>Byte offsets of every 4-byte time field (timestamp 253; session and lap start_time 2).</summary>
    private static List<TimeSlot> FitTimeSlots(byte[] bytes)
    {
        var slots = new List<TimeSlot>();
        Walk(bytes, (offset, definition) =>
        {
            var o = offset + 1;
            foreach (var (number, size) in definition.Fields)
            {
                var isTime = number == FitTimestampField || (number == FitStartTimeField && definition.Global is FitSession or FitLap);
                if (isTime && size == 4 && o + 4 <= bytes.Length)
                {
                    slots.Add(new TimeSlot(o, definition.BigEndian, definition.Global, number));
                }

                o += size;
            }
        });
        return slots;
    }

    private static List<int> CompressedHeaders(byte[] bytes)
    {
        var headers = new List<int>();
        Walk(bytes, (offset, _) =>
        {
            if ((bytes[offset] & 0x80) != 0)
            {
                headers.Add(offset);
            }
        });
        return headers;
    }

    private sealed record Definition(int Global, bool BigEndian, List<(int Number, int Size)> Fields, int Size);

    /// <summary>Calls <paramref name="onData"/> with the offset of each data message's header and its definition.</summary>
    private static void Walk(byte[] bytes, Action<int, Definition> onData)
    {
        var start = 0;
        while (start + 12 <= bytes.Length && bytes[start] >= 12)
        {
            var headerSize = bytes[start];
            var dataEnd = (long)start + headerSize + BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(start + 4));
            if (dataEnd > bytes.Length)
            {
                dataEnd = bytes.Length;
            }

            var definitions = new Definition?[16];
            var p = start + headerSize;
            while (p < dataEnd)
            {
                var h = bytes[p];
                if ((h & 0x80) == 0 && (h & 0x40) != 0)
                {
                    if (p + 6 > dataEnd)
                    {
                        return;
                    }

                    var big = bytes[p + 2] == 1;
                    var global = big ? BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(p + 3)) : BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(p + 3));
                    var count = bytes[p + 5];
                    var fields = new List<(int, int)>();
                    var q = p + 6;
                    var size = 0;
                    for (var i = 0; i < count && q + 3 <= dataEnd; i++, q += 3)
                    {
                        fields.Add((bytes[q], bytes[q + 1]));
                        size += bytes[q + 1];
                    }

                    if ((h & 0x20) != 0 && q < dataEnd)
                    {
                        var developerCount = bytes[q];
                        q++;
                        for (var i = 0; i < developerCount && q + 3 <= dataEnd; i++, q += 3)
                        {
                            size += bytes[q + 1];
                        }
                    }

                    definitions[h & 0x0F] = new Definition(global, big, fields, size);
                    p = q;
                    continue;
                }

                var local = (h & 0x80) != 0 ? (h >> 5) & 0x03 : h & 0x0F;
                if (definitions[local] is not { } definition || p + 1 + definition.Size > dataEnd)
                {
                    return;
                }

                onData(p, definition);
                p += 1 + definition.Size;
            }

            start = (int)dataEnd + 2;
        }
    }

    /// <summary>Rewrites the header and file CRCs of each (chained) FIT file, so only the times are wrong.</summary>
    private static void FixCrcs(byte[] bytes)
    {
        var start = 0;
        while (start + 12 <= bytes.Length && bytes[start] >= 12)
        {
            var headerSize = bytes[start];
            var dataEnd = (long)start + headerSize + BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(start + 4));
            if (dataEnd + 2 > bytes.Length)
            {
                return;
            }

            if (headerSize >= 14)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(start + 12), FitCrc.Compute(bytes.AsSpan(start, 12)));
            }

            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((int)dataEnd), FitCrc.Compute(bytes.AsSpan(start, (int)dataEnd - start)));
            start = (int)dataEnd + 2;
        }
    }

    private static (string Text, string Kind) MutateText(string text, Regex timePattern, Random random)
    {
        var matches = new List<Match>();
        var parsed = new List<DateTime>();
        foreach (Match m in timePattern.Matches(text))
        {
            if (TryParse(m.Groups["t"].Value, out var t))
            {
                matches.Add(m);
                parsed.Add(t);
            }
        }

        if (matches.Count == 0)
        {
            return (text, "no times");
        }

        var times = parsed.ToArray();
        var at = random.Next(times.Length);
        string kind;
        switch (random.Next(6))
        {
            case 0:
                times[at] = new DateTime(random.Next(1, 10000), random.Next(1, 13), random.Next(1, 29), 0, 0, 0, DateTimeKind.Utc);
                kind = $"garbage time at {at}";
                break;
            case 1:
                {
                    var jump = RandomJumpSeconds(random);
                    for (var i = at; i < times.Length; i++)
                    {
                        times[i] = Shift(times[i], jump);
                    }

                    kind = $"jump of {jump} s from {at}";
                    break;
                }

            case 2:
                {
                    var other = random.Next(times.Length);
                    (times[at], times[other]) = (times[other], times[at]);
                    kind = $"times {at} and {other} swapped";
                    break;
                }

            case 3:
                {
                    var length = Math.Min(times.Length - at, random.Next(2, 200));
                    Array.Reverse(times, at, length);
                    kind = $"{length} times reversed from {at}";
                    break;
                }

            case 4:
                {
                    var jump = RandomJumpSeconds(random);
                    for (var i = 0; i < times.Length; i++)
                    {
                        times[i] = Shift(times[i], jump);
                    }

                    kind = $"every time moved by {jump} s";
                    break;
                }

            default:
                {
                    var n = random.Next(2, 10);
                    for (var i = 0; i < n; i++)
                    {
                        times[random.Next(times.Length)] = Shift(times[at], RandomJumpSeconds(random));
                    }

                    kind = $"{n} times moved far";
                    break;
                }
        }

        var builder = new StringBuilder(text.Length);
        var last = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var group = matches[i].Groups["t"];
            builder.Append(text, last, group.Index - last);
            builder.Append(times[i].ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            last = group.Index + group.Length;
        }

        builder.Append(text, last, text.Length - last);
        return (builder.ToString(), kind);
    }

    private static DateTime Shift(DateTime t, long seconds)
    {
        var ticks = Math.Clamp(t.Ticks + (seconds * TimeSpan.TicksPerSecond), DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay);
        return new DateTime(ticks, DateTimeKind.Utc);
    }

    private static bool TryParse(string s, out DateTime t) =>
        DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out t);

    [GeneratedRegex("(<Time>|<Id>|StartTime=\")(?<t>[^<\"]+)")]
    private static partial Regex TcxTime();

    [GeneratedRegex("<time>(?<t>[^<]+)")]
    private static partial Regex GpxTime();
}
