using System.Buffers.Binary;
using CoachPortal.Ingest.Fit;

namespace CoachPortal.Ingest.Tests;

public sealed class FitProtocolTests
{
    private const ushort TestMessage = 0xFF00; // manufacturer-specific range: no profile meaning

    [Fact]
    public void SlicedCrcEqualsTheBytewiseCrc16Arc()
    {
        var random = new Random(7);
        for (var n = 0; n < 100; n++)
        {
            var data = new byte[random.Next(0, 64)];
            random.NextBytes(data);
            ushort expected = 0;
            foreach (var b in data)
            {
                // FIT protocol document, nibble-wise reference.
                ushort[] table = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400];
                var tmp = table[expected & 0xF];
                expected = (ushort)((expected >> 4) & 0x0FFF);
                expected = (ushort)(expected ^ tmp ^ table[b & 0xF]);
                tmp = table[expected & 0xF];
                expected = (ushort)((expected >> 4) & 0x0FFF);
                expected = (ushort)(expected ^ tmp ^ table[(b >> 4) & 0xF]);
            }

            Assert.Equal(expected, FitCrc.Compute(data));
        }
    }

    [Fact]
    public void EveryBaseTypeReadsItsValueAndItsInvalidValueAsAbsent()
    {
        FitField[] valid =
        [
            FitField.Of(0, FitBaseType.Enum, 3),
            FitField.Of(1, FitBaseType.SInt8, -5),
            FitField.Of(2, FitBaseType.UInt8, 200),
            FitField.Of(3, FitBaseType.SInt16, -3000),
            FitField.Of(4, FitBaseType.UInt16, 60000),
            FitField.Of(5, FitBaseType.SInt32, -2_000_000_000),
            FitField.Of(6, FitBaseType.UInt32, 4_000_000_000),
            FitField.OfFloat(8, FitBaseType.Float32, 1.5),
            FitField.OfFloat(9, FitBaseType.Float64, -2.25),
            FitField.Of(10, FitBaseType.UInt8z, 7),
            FitField.Of(11, FitBaseType.UInt16z, 700),
            FitField.Of(12, FitBaseType.UInt32z, 70000),
            FitField.Of(13, FitBaseType.Byte, 0x42),
            FitField.Of(14, FitBaseType.SInt64, -1L << 40),
            FitField.Of(15, FitBaseType.UInt64, 1L << 50),
            FitField.Of(16, FitBaseType.UInt64z, 12345),
            FitField.OfText(17, "hello"),
        ];
        double[] expected = [3, -5, 200, -3000, 60000, -2_000_000_000, 4_000_000_000, 1.5, -2.25, 7, 700, 70000, 0x42, -(1L << 40), 1L << 50, 12345];
        foreach (var bigEndian in new[] { false, true })
        {
            var w = new FitWriter(bigEndian);
            w.Write(TestMessage, valid);
            w.Write(TestMessage, valid.Select(f => f.Type == FitBaseType.String ? FitField.OfText(f.Number, string.Empty, 6) : FitField.Invalid(f.Number, f.Type)).ToArray());
            var messages = Collect(w.ToArray(), strict: true);
            Assert.Equal(2, messages.Count);
            var values = messages[0].Fields.Where(f => f.BaseType != FitBaseType.String).Select(f => f.Values[0]).ToArray();
            Assert.Equal(expected, values);
            Assert.Equal("hello", messages[0].GetText(17));
            Assert.All(messages[1].Fields.Where(f => f.BaseType != FitBaseType.String), f => Assert.True(double.IsNaN(f.Values[0]), $"field {f.Number} ({f.BaseType})"));
            Assert.Null(messages[1].GetText(17));
        }
    }

    [Fact]
    public void BigEndianDefinitionsDecodeToTheSameActivity()
    {
        var activity = RoundTripTests.RandomActivity(new Random(3));
        var little = FitActivityDecoder.Decode(FitActivityEncoder.Encode(activity)).Activities[0];
        var w = new FitWriter(bigEndian: true);
        foreach (var m in Collect(FitActivityEncoder.Encode(activity), strict: true))
        {
            w.Write(m.GlobalMessageNumber, Rebuild(m));
        }

        var big = FitActivityDecoder.Decode(w.ToArray(), new DecodeOptions { Strict = true }).Activities[0];
        RoundTripTests.AssertSameActivity(little, big);
    }

    [Fact]
    public void ArraysUnterminatedStringsAndMisalignedFieldsAreRead()
    {
        var w = new FitWriter();
        w.Write(TestMessage, [
            FitField.OfArray(0, FitBaseType.UInt16, 1, 2, 0xFFFF, 4),
            FitField.OfText(1, "abcd", size: 4),
            FitField.OfText(2, "héllo", size: 20),
        ]);
        var bytes = w.ToArray();
        var m = Collect(bytes, strict: true).Single();
        Assert.Equal([1, 2, double.NaN, 4], m.Fields[0].Values);
        Assert.Equal("abcd", m.GetText(1));
        Assert.Equal("héllo", m.GetText(2));

        // A uint16 field declared 3 bytes long cannot be a uint16: it is read as bytes, as python-fitparse does.
        var misaligned = Raw(0x40, 0, 0, TestMessage, [(0, 3, 0x84)], dataMessages: [[0x00, 1, 2, 3]]);
        var f = Collect(misaligned, strict: true).Single().Fields.Single();
        Assert.Equal(FitBaseType.Byte, f.BaseType);
        Assert.Equal([1, 2, 3], f.Values);
    }

    [Fact]
    public void CompressedTimestampHeadersCarryTheTimeAcrossTheFiveBitRollover()
    {
        var w = new FitWriter();
        const uint t0 = 1_000_000_000; // low 5 bits = 0
        w.Write(FitProfile.Messages.Record, [FitField.Of(FitProfile.TimestampField, FitBaseType.UInt32, t0 + 30), FitField.Of(3, FitBaseType.UInt8, 100)]);
        w.Write(FitProfile.Messages.Record, [FitField.Of(3, FitBaseType.UInt8, 101)]);
        w.WriteCompressed(FitProfile.Messages.Record, [FitField.Of(3, FitBaseType.UInt8, 102)], 31);
        w.WriteCompressed(FitProfile.Messages.Record, [FitField.Of(3, FitBaseType.UInt8, 103)], 2);
        w.WriteCompressed(FitProfile.Messages.Record, [FitField.Of(3, FitBaseType.UInt8, 104)], 2);
        var times = Collect(w.ToArray(), strict: true).Select(m => m.Timestamp).ToArray();
        Assert.Equal([t0 + 30, 0, t0 + 31, t0 + 34, t0 + 34], times);
    }

    [Fact]
    public void DeveloperFieldsAreSkippedByTheirDeclaredSizeAndExposed()
    {
        const uint ts = 1_000_000_123;
        var data = new byte[] { 0x00, 0, 0, 0, 0, 0xAB, 0xCD };
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(1), ts);
        var bytes = Raw(0x60, 0, 0, FitProfile.Messages.Record, [(253, 4, 0x86)], developer: [(5, 2, 0)], dataMessages: [data, data]);
        var messages = Collect(bytes, strict: true);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Equal(ts, m.Timestamp);
            var d = Assert.Single(m.DeveloperFields);
            Assert.Equal(5, d.FieldNumber);
            Assert.Equal([0xAB, 0xCD], d.Bytes);
        });
    }

    [Fact]
    public void TwelveByteHeadersAndZeroHeaderCrcsAreAccepted()
    {
        var w = new FitWriter(headerSize: 12);
        w.Write(TestMessage, [FitField.Of(0, FitBaseType.UInt8, 9)]);
        var summary = FitDecoder.Decode(w.ToArray(), new FitMessageCollector(), new DecodeOptions { Strict = true });
        Assert.Equal(12, summary.Files.Single().HeaderSize);

        var w14 = new FitWriter();
        w14.Write(TestMessage, [FitField.Of(0, FitBaseType.UInt8, 9)]);
        var bytes = w14.ToArray();
        bytes[12] = 0;
        bytes[13] = 0;
        FixFileCrc(bytes);
        Assert.Equal(1, FitDecoder.Decode(bytes, new FitMessageCollector(), new DecodeOptions { Strict = true }).MessageCount);
    }

    [Fact]
    public void ABadHeaderCrcIsAnErrorInStrictModeAndAWarningInLenientMode()
    {
        var w = new FitWriter();
        w.Write(TestMessage, [FitField.Of(0, FitBaseType.UInt8, 9)]);
        var bytes = w.ToArray();
        bytes[12] ^= 0xFF;
        FixFileCrc(bytes);
        var e = Assert.Throws<FitFormatException>(() => FitDecoder.Decode(bytes, new FitMessageCollector(), new DecodeOptions { Strict = true }));
        Assert.Equal(12, e.ByteOffset);
        var lenient = FitDecoder.Decode(bytes, new FitMessageCollector());
        Assert.Equal(1, lenient.MessageCount);
        Assert.False(lenient.Files[0].HeaderCrcValid);
        Assert.Single(lenient.Warnings);
    }

    [Fact]
    public void ChainedFilesDecodeInOrderWithTheirOwnDefinitions()
    {
        var a = new FitWriter();
        a.Write(TestMessage, [FitField.Of(0, FitBaseType.UInt8, 1)]);
        var b = new FitWriter(bigEndian: true);
        b.Write(TestMessage, [FitField.Of(0, FitBaseType.UInt16, 2)]);
        var chain = a.ToArray().Concat(b.ToArray()).ToArray();
        var collector = new FitMessageCollector();
        var summary = FitDecoder.Decode(chain, collector, new DecodeOptions { Strict = true });
        Assert.Equal(2, summary.Files.Count);
        Assert.Equal([1.0, 2.0], collector.Messages.Select(m => m.GetValue(0)).ToArray());
    }

    [Fact]
    public void TruncationThrowsWithTheOffsetInStrictModeAndKeepsCompleteMessagesInLenientMode()
    {
        var w = new FitWriter();
        for (var i = 0; i < 10; i++)
        {
            w.Write(TestMessage, [FitField.Of(0, FitBaseType.UInt32, i)]);
        }

        var full = w.ToArray();
        // Header 14, definition 9, then 5-byte messages: cut inside the 8th.
        var cut = full.AsSpan(0, 14 + 9 + (7 * 5) + 2).ToArray();
        var e = Assert.Throws<FitFormatException>(() => FitDecoder.Decode(cut, new FitMessageCollector(), new DecodeOptions { Strict = true }));
        Assert.Equal(14 + 9 + (7 * 5), e.ByteOffset);
        var collector = new FitMessageCollector();
        var lenient = FitDecoder.Decode(cut, collector);
        Assert.Equal(7, collector.Messages.Count);
        Assert.NotEmpty(lenient.Warnings);
    }

    [Fact]
    public void AnUndefinedLocalMessageTypeIsAFormatError()
    {
        var bytes = Raw(0x40, 0, 0, TestMessage, [(0, 1, 2)], dataMessages: [[0x00, 5], [0x03, 6]]);
        var e = Assert.Throws<FitFormatException>(() => FitDecoder.Decode(bytes, new FitMessageCollector(), new DecodeOptions { Strict = true }));
        Assert.Contains("undefined local message type 3", e.Reason, StringComparison.Ordinal);
        Assert.Equal(14 + 9 + 2, e.ByteOffset);
    }

    [Fact]
    public void NotAFitFileIsRefused()
    {
        Assert.Throws<FitFormatException>(() => FitDecoder.Decode("hello, this is not FIT"u8, new FitMessageCollector(), new DecodeOptions { Strict = true }));
        var lenient = Assert.Throws<FitFormatException>(() => FitDecoder.Decode("hello, this is not FIT"u8, new FitMessageCollector()));
        Assert.Equal(0, lenient.ByteOffset);
        Assert.Throws<FitFormatException>(() => ActivityDecoder.Decode("renamed.fit", "<html>not a device file</html>"u8));
    }

    internal static List<FitMessage> Collect(byte[] bytes, bool strict)
    {
        var c = new FitMessageCollector();
        FitDecoder.Decode(bytes, c, new DecodeOptions { Strict = strict });
        return c.Messages.ToList();
    }

    private static FitField[] Rebuild(FitMessage m) => m.Fields.Select(f =>
        f.BaseType == FitBaseType.String
            ? (f.Text is null ? FitField.OfText(f.Number, string.Empty, 1) : FitField.OfText(f.Number, f.Text))
            : FitField.OfArray(f.Number, f.BaseType, f.Values.Select(v => double.IsNaN(v) ? InvalidRaw(f.BaseType) : (long)v).ToArray())).ToArray();

    private static long InvalidRaw(FitBaseType type) => type switch
    {
        FitBaseType.SInt8 => sbyte.MaxValue,
        FitBaseType.SInt16 => short.MaxValue,
        FitBaseType.SInt32 => int.MaxValue,
        FitBaseType.UInt8z or FitBaseType.UInt16z or FitBaseType.UInt32z => 0,
        _ => -1, // all bits set
    };

    // A file from hand-written definition and data bytes.
    private static byte[] Raw(byte definitionHeader, byte reserved, byte architecture, ushort global, (byte Number, byte Size, byte Type)[] fields, (byte Number, byte Size, byte Index)[]? developer = null, byte[][]? dataMessages = null)
    {
        var body = new List<byte> { definitionHeader, reserved, architecture, (byte)global, (byte)(global >> 8), (byte)fields.Length };
        foreach (var f in fields)
        {
            body.AddRange([f.Number, f.Size, f.Type]);
        }

        if (developer is not null)
        {
            body.Add((byte)developer.Length);
            foreach (var d in developer)
            {
                body.AddRange([d.Number, d.Size, d.Index]);
            }
        }

        foreach (var m in dataMessages ?? [])
        {
            body.AddRange(m);
        }

        var file = new byte[14 + body.Count + 2];
        file[0] = 14;
        file[1] = 0x20;
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)body.Count);
        ".FIT"u8.CopyTo(file.AsSpan(8));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(12), FitCrc.Compute(file.AsSpan(0, 12)));
        body.CopyTo(file, 14);
        FixFileCrc(file);
        return file;
    }

    private static void FixFileCrc(byte[] file) =>
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(file.Length - 2), FitCrc.Compute(file.AsSpan(0, file.Length - 2)));
}
