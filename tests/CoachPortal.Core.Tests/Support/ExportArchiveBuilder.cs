using System.IO.Compression;
using System.Text;

namespace CoachPortal.Core.Tests.Support;

/// <summary>
/// Builds history exports in the two layouts at test time from the shared corpus (never copied into the repository):
/// Strava's "Download your data" (activities.csv and gzip-compressed files under activities/) and Garmin Connect's
/// (zips of FIT files nested in DI_CONNECT). Also linked into the browser tests.
/// </summary>
internal static class ExportArchiveBuilder
{
    /// <summary>The activities.csv of <see cref="Strava"/>: a quoted, multi-line description with commas and quotes.</summary>
    public const string StravaIndex =
        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Filename,Perceived Exertion\r\n" +
        "101,\"Apr 30, 2017, 7:00:00 AM\",Morning Run,Run,\"Easy, then strides.\r\nLegs \"\"heavy\"\" at the end\",1200,4.2,activities/101.fit.gz,6.0\r\n" +
        "102,\"May 1, 2011, 6:00:00 PM\",Evening Ride,Ride,,3600,20.1,activities/102.tcx.gz,7.0\r\n" +
        "103,\"Jun 1, 2011, 9:00:00 AM\",Long Ride,Ride,Coffee stop,7200,60.3,activities/103.fit.gz,\r\n" +
        "104,\"Jun 2, 2011, 9:00:00 AM\",Broken Ride,Ride,,3600,30,activities/104.fit.gz,5\r\n" +
        "106,\"Jun 3, 2011, 9:00:00 AM\",Manual Swim,Swim,,1800,1.5,,4\r\n";

    /// <summary>
    /// A Strava export: three good activities (FIT, TCX, FIT, gzip-compressed), a corrupt one, a file that is not an
    /// activity, and the files of the rest of the export (profile, media) that the import leaves alone.
    /// </summary>
    public static byte[] Strava(Func<string, byte[]> corpus, params (string Name, byte[] Content)[] extra)
    {
        var files = new List<(string, byte[])>
        {
            ("export_12345/activities.csv", Encoding.UTF8.GetBytes(StravaIndex)),
            ("export_12345/profile.csv", Encoding.UTF8.GetBytes("Athlete ID,Email\r\n1,ada@example.com\r\n")),
            ("export_12345/media/1.jpg", [0xFF, 0xD8, 0xFF, 0xE0]),
            ("export_12345/activities/101.fit.gz", Gzip(corpus("fit/garmin-fenix-5-run.fit"))),
            ("export_12345/activities/102.tcx.gz", Gzip(corpus("tcx/test.tcx"))),
            ("export_12345/activities/103.fit.gz", Gzip(corpus("fit/garmin-edge-500-activity.fit"))),
            ("export_12345/activities/104.fit.gz", Gzip([.. Enumerable.Range(0, 400).Select(i => (byte)(i * 31 % 251))])),
            ("export_12345/activities/105.json", Encoding.UTF8.GetBytes("{}")),
        };
        files.AddRange(extra.Select(e => ("export_12345/" + e.Name, e.Content)));
        return Zip(files);
    }

    /// <summary>A Garmin Connect export: a zip of three FIT files nested in DI_CONNECT, beside JSON summaries.</summary>
    public static byte[] Garmin(Func<string, byte[]> corpus)
    {
        var uploaded = Zip(
        [
            ("ada@example.com_1001.fit", corpus("fit/garmin-fenix-5-bike.fit")),
            ("ada@example.com_1002.fit", corpus("fit/garmin-fenix-5-walk.fit")),
            ("ada@example.com_1003.fit", corpus("fit/garmin-edge-820-bike.fit")),
        ]);
        return Zip(
        [
            ("DI_CONNECT/DI-Connect-Fitness/ada@example.com_0_summarizedActivities.json", Encoding.UTF8.GetBytes("[]")),
            ("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", uploaded),
        ]);
    }

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> files)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        }

        return output.ToArray();
    }
}
