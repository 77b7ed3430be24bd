namespace CoachPortal.Ingest.Archives;

/// <summary>
/// Tells a Strava export from a Garmin Connect export by the names of its entries, and which entries hold
/// activities. Names only: nothing is inflated here.
/// </summary>
public static class ExportArchive
{
    /// <summary>The layout, and for Strava the folder (possibly empty) that holds <c>activities.csv</c>.</summary>
    public static (ExportLayout Layout, string Root) Detect(IEnumerable<string> entryNames)
    {
        ArgumentNullException.ThrowIfNull(entryNames);
        string? stravaRoot = null;
        var hasActivities = new HashSet<string>(StringComparer.Ordinal);
        var garmin = false;
        foreach (var raw in entryNames)
        {
            var name = Normalize(raw);
            if (name.EndsWith("activities.csv", StringComparison.OrdinalIgnoreCase)
                && (name.Length == "activities.csv".Length || name[name.Length - "activities.csv".Length - 1] == '/'))
            {
                var root = name[..^"activities.csv".Length];
                if (stravaRoot is null || root.Length < stravaRoot.Length)
                {
                    stravaRoot = root;
                }
            }
            else if (name.Contains("activities/", StringComparison.OrdinalIgnoreCase) && ArchiveEntryDecoder.IsActivityFile(name))
            {
                hasActivities.Add(name[..(name.IndexOf("activities/", StringComparison.OrdinalIgnoreCase))]);
            }
            else if (IsNestedZip(name) || (name.Contains("DI_CONNECT/", StringComparison.OrdinalIgnoreCase) && ArchiveEntryDecoder.IsActivityFile(name)))
            {
                garmin = true;
            }
        }

        if (stravaRoot is not null && hasActivities.Contains(stravaRoot))
        {
            return (ExportLayout.Strava, stravaRoot);
        }

        return garmin ? (ExportLayout.Garmin, "") : (ExportLayout.Unknown, "");
    }

    /// <summary>
    /// Whether an entry of an archive of <paramref name="layout"/> is one of its activity files (or, for Garmin, a zip
    /// of them): Strava's <c>activities/</c> folder, Garmin's nested zips and any FIT file of it. The rest of an export
    /// (profiles, photos, JSON) is not part of the import.
    /// </summary>
    public static bool IsCandidate(ExportLayout layout, string root, string entryName)
    {
        var name = Normalize(entryName);
        if (name.EndsWith('/'))
        {
            return false;
        }

        return layout switch
        {
            ExportLayout.Strava => name.StartsWith(root + "activities/", StringComparison.OrdinalIgnoreCase),
            ExportLayout.Garmin => IsNestedZip(name) || ArchiveEntryDecoder.IsActivityFile(name),
            _ => false,
        };
    }

    /// <summary>True for an entry that is itself a zip (Garmin's <c>UploadedFiles_*.zip</c>).</summary>
    public static bool IsNestedZip(string entryName) => entryName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>An entry's name with forward slashes, as Strava's index names its files.</summary>
    public static string Normalize(string entryName) => (entryName ?? "").Replace('\\', '/');
}
