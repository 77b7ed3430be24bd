using System.IO.Compression;
using CoachPortal.Ingest.Archives;

namespace CoachPortal.Ingest.Tests.Archives;

/// <summary>Hostile archives are refused at their limit without holding what they inflate; gzip files decode as what they hold.</summary>
public sealed class CompressedInputTests
{
    private const int BombBytes = 64 * 1024 * 1024;

    [Fact]
    public void AZipBombIsRefusedWithoutAllocatingItsLimit()
    {
        var bomb = Zip(("zeros.fit", new byte[BombBytes]));
        var limitBytes = Math.Max(bomb.Length, 1024) * ZipLimits.Default.MaxCompressionRatio;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ArchiveLimitException>(() => ZipActivityDecoder.DecodeEntries(bomb));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("zeros.fit", e.Message, StringComparison.Ordinal);
        Assert.Contains("inflates more than 200× its compressed size", e.Message, StringComparison.Ordinal);
        Assert.True(allocated < limitBytes / 8, $"allocated {allocated:N0} bytes against a limit of {limitBytes:N0}");
        Assert.True(allocated < 2 * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void AGzipBombIsRefusedWithoutAllocatingItsLimit()
    {
        var bomb = Gzip(new byte[BombBytes]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ArchiveLimitException>(() => ActivityDecoder.Decode("zeros.fit.gz", bomb));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("gzip: \"zeros.fit\" inflates more than", e.Message, StringComparison.Ordinal);
        Assert.True(allocated < 2 * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void AGzipBombInsideAZipIsRefusedAgainstTheEntrysCompressedSize()
    {
        var bomb = Zip(("zeros.fit.gz", Gzip(new byte[BombBytes])));

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<ArchiveLimitException>(() => ZipActivityDecoder.DecodeEntries(bomb));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 2 * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void AnArchiveInsideAGzipIsRefused()
    {
        var e = Assert.Throws<ActivityFormatException>(() => ActivityDecoder.Decode("twice.fit.gz", Gzip(Gzip([1, 2, 3]))));
        Assert.Contains("nested archives", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACorruptGzipIsAFormatErrorNotACrash()
    {
        var gz = Gzip(new byte[4096]);
        gz[12] ^= 0xff;
        gz[20] ^= 0xff;
        Assert.ThrowsAny<ActivityFormatException>(() => ActivityDecoder.Decode("bad.fit.gz", gz));
    }

    [SkippableFact]
    public void AGzippedCorpusFitImportsLikeThePlainFile()
    {
        var plain = Corpus.Read("fit/garmin-fenix-5-run.fit");
        var expected = ActivityDecoder.Decode("run.fit", plain);

        var alone = ActivityDecoder.Decode("run.fit.gz", Gzip(plain));
        var inZip = ZipActivityDecoder.DecodeEntries(Zip(("week/run.fit.gz", Gzip(plain))));

        Assert.Equal(ActivityFileFormat.Gzip, ActivityDecoder.Detect("run.fit.gz", Gzip(plain)));
        AssertSame(expected, alone);
        var entry = Assert.Single(inZip);
        Assert.Null(entry.Error);
        AssertSame(expected, entry.Result!);
    }

    private static void AssertSame(DecodeResult expected, DecodeResult actual)
    {
        Assert.Equal(expected.Format, actual.Format);
        Assert.Equal(expected.Activities.Count, actual.Activities.Count);
        for (var i = 0; i < expected.Activities.Count; i++)
        {
            var (e, a) = (expected.Activities[i], actual.Activities[i]);
            Assert.Equal(e.Sport, a.Sport);
            Assert.Equivalent(e.Summary, a.Summary);
            Assert.Equal(e.Streams.Count, a.Streams.Count);
        }
    }

    internal static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    internal static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }
}
