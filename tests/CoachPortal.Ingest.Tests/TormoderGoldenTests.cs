using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using CoachPortal.Ingest.Fit;

namespace CoachPortal.Ingest.Tests;

/// <summary>
/// Compares our decode with tormoder/fit's golden dumps (Go %#v of the decoded file): file_id, developer field
/// descriptions and every record's raw values.
/// </summary>
public sealed partial class TormoderGoldenTests
{
    // Go's time.Time "ext" counts seconds from 0001-01-01; FIT counts from 1989-12-31.
    private static readonly long s_fitEpochInGoSeconds = FitProfile.Epoch.Ticks / TimeSpan.TicksPerSecond;

    [SkippableTheory]
    [InlineData("0134902991")]
    [InlineData("antfs-dump.63")]
    [InlineData("sample-activity-indoor-trainer")]
    [InlineData("unterminated-strings")]
    public void DecodedFileIdAndRecordsEqualTheGoldenDump(string name)
    {
        Corpus.Require();
        var golden = ReadGolden(name);
        var collector = new FitMessageCollector();
        FitDecoder.Decode(Corpus.Read($"fit/{name}.fit"), collector, new DecodeOptions { Strict = true });

        var fileId = collector.Messages.First(m => m.GlobalMessageNumber == FitProfile.Messages.FileId);
        var fileIdBlock = Block(golden, " FileId: fit.FileIdMsg{", " },");
        Assert.Equal(Hex(fileIdBlock, "Manufacturer: fit.Manufacturer"), fileId.GetValue(1));
        Assert.Equal(Hex(fileIdBlock, "Product: uint16"), fileId.GetValue(2));
        Assert.Equal(Hex(fileIdBlock, "SerialNumber: uint32"), fileId.GetValue(3));
        Assert.Equal(Ext(fileIdBlock[fileIdBlock.FindIndex(l => l.Contains("TimeCreated", StringComparison.Ordinal))..]), fileId.GetValue(4));

        var records = collector.Messages.Where(m => m.GlobalMessageNumber == FitProfile.Messages.Record).ToList();
        var blocks = RecordBlocks(golden);
        Assert.NotEmpty(records);
        Assert.Equal(records.Count, blocks.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            var b = blocks[i];
            var where = $"{name} record {i}";
            Assert.True(Ext(b) == r.Timestamp, $"{where} timestamp");
            AssertRaw(b, "HeartRate: uint8", r.GetValue(3), 0xFF, where);
            AssertRaw(b, "Cadence: uint8", r.GetValue(4), 0xFF, where);
            AssertRaw(b, "Power: uint16", r.GetValue(7), 0xFFFF, where);
            AssertRaw(b, "Distance: uint32", r.GetValue(5), 0xFFFFFFFF, where);
            AssertSigned(b, "semicircles: int32", 0, r.GetValue(0), int.MaxValue, where + " lat");
            AssertSigned(b, "semicircles: int32", 1, r.GetValue(1), int.MaxValue, where + " lon");
            AssertSigned(b, "Temperature: int8", 0, r.GetValue(13), sbyte.MaxValue, where + " temperature");
        }
    }

    [SkippableFact]
    public void UnterminatedDeveloperFieldNamesAndUnitsEqualTheGoldenDump()
    {
        Corpus.Require();
        var golden = string.Join('\n', ReadGolden("unterminated-strings"));
        var collector = new FitMessageCollector();
        FitDecoder.Decode(Corpus.Read("fit/unterminated-strings.fit"), collector, new DecodeOptions { Strict = true });
        var ours = collector.Messages.Where(m => m.GlobalMessageNumber == FitProfile.Messages.FieldDescription).Select(m => m.GetText(3) ?? string.Empty).ToList();
        var expected = FieldNamePattern().Matches(golden).Select(m => m.Groups[1].Value).ToList();
        Assert.True(expected.Count > 10);
        Assert.Equal(expected, ours);
    }

    [GeneratedRegex("FieldName: \\[\\]string\\{\\s*string\\(\"([^\"]*)\"\\)")]
    private static partial Regex FieldNamePattern();

    private static List<string> ReadGolden(string name)
    {
        using var gz = new GZipStream(File.OpenRead(Corpus.PathOf($"oracles/tormoder-golden/{name}.fit.golden.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static List<string> Block(List<string> lines, string start, string end)
    {
        var from = lines.FindIndex(l => l == start);
        var to = lines.FindIndex(from, l => l == end);
        return lines.GetRange(from, to - from + 1);
    }

    private static List<List<string>> RecordBlocks(List<string> lines)
    {
        var blocks = new List<List<string>>();
        var from = lines.FindIndex(l => l == "  Records: []*fit.RecordMsg{");
        if (from < 0)
        {
            return blocks;
        }

        List<string>? current = null;
        for (var i = from + 1; i < lines.Count && lines[i] != "  },"; i++)
        {
            if (lines[i] == "   &fit.RecordMsg{")
            {
                current = [];
                blocks.Add(current);
            }
            else
            {
                current?.Add(lines[i]);
            }
        }

        return blocks;
    }

    private static double Hex(List<string> block, string key)
    {
        var line = block.First(l => l.TrimStart().StartsWith(key, StringComparison.Ordinal));
        var m = Regex.Match(line, @"\((0x[0-9a-f]+|-?\d+)\)");
        var text = m.Groups[1].Value;
        return text.StartsWith("0x", StringComparison.Ordinal) ? ulong.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : long.Parse(text, CultureInfo.InvariantCulture);
    }

    private static uint Ext(List<string> block)
    {
        var line = block.First(l => l.TrimStart().StartsWith("ext: int64(", StringComparison.Ordinal));
        var ext = long.Parse(Regex.Match(line, @"\((-?\d+)\)").Groups[1].Value, CultureInfo.InvariantCulture);
        return (uint)(ext - s_fitEpochInGoSeconds);
    }

    private static void AssertRaw(List<string> block, string key, double ours, double invalid, string where)
    {
        var expected = Hex(block, key);
        Assert.True(expected == invalid ? double.IsNaN(ours) : expected == ours, $"{where} {key}: golden {expected}, ours {ours}");
    }

    private static void AssertSigned(List<string> block, string key, int occurrence, double ours, double invalid, string where)
    {
        var line = block.Where(l => l.TrimStart().StartsWith(key, StringComparison.Ordinal)).ElementAt(occurrence);
        var expected = double.Parse(Regex.Match(line, @"\((-?\d+)\)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(expected == invalid ? double.IsNaN(ours) : expected == ours, $"{where}: golden {expected}, ours {ours}");
    }
}
