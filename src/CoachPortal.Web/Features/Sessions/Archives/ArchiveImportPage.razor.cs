using System.Globalization;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.Archives;
using CoachPortal.Ingest.Archives;
using CoachPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace CoachPortal.Web.Features.Sessions.Archives;

/// <summary>
/// Uploads a whole-history export and follows its import: the file streams from the browser to the archive folder
/// (never whole in memory), the job runs in the background, and the page follows its progress through the notifier
/// (and by polling, for a job that runs on another node) and lists each file's result.
/// </summary>
public partial class ArchiveImportPage
{
    private const int PageSize = 200;
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(1);

    private ArchiveImportView? _import;
    private IReadOnlyList<ArchiveEntryView> _entries = [];
    private ArchiveEntryOutcome? _outcome;
    private bool _busy;
    private bool _refused;
    private string _fileName = "";

    [Inject]
    private IOptions<ArchiveImportOptions> Options { get; set; } = default!;

    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [Parameter]
    public int AthleteId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            await Imports.RequireCanImportAsync(Caller, AthleteId);
            _refused = false;
            _import = await Imports.ListForAthleteAsync(Caller, AthleteId, take: 1) is [var latest, ..] ? latest : null;
            await LoadEntriesAsync();
        }
        catch (Exception ex) when (ex is NotFoundException or ForbiddenException)
        {
            _refused = true;
        }
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        _busy = true;
        _fileName = e.File.Name;
        try
        {
            var caller = Caller;
            await Snackbar.TryAsync(async () =>
            {
                await using var stream = e.File.OpenReadStream(Options.Value.MaxArchiveBytes);
                _import = await Imports.StartAsync(caller, AthleteId, e.File.Name, stream);
                _entries = [];
            });
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RefreshAsync()
    {
        if (_import is { } import)
        {
            _import = await Imports.GetAsync(Caller, import.Id);
            await LoadEntriesAsync();
        }
    }

    private async Task OutcomeChangedAsync(ArchiveEntryOutcome? outcome)
    {
        _outcome = outcome;
        await LoadEntriesAsync();
    }

    private async Task LoadEntriesAsync() =>
        _entries = _import is { } import ? await Imports.EntriesAsync(Caller, import.Id, _outcome, take: PageSize) : [];

    private bool IsRunning() => _import is { IsFinished: false };

    private static string LayoutText(ArchiveImportView v) => v.Layout switch
    {
        ExportLayout.Strava => "Strava export",
        ExportLayout.Garmin => "Garmin Connect export",
        _ => "export",
    };

    private static string StatusText(ArchiveImportView v) => v.Status switch
    {
        ArchiveImportStatus.Queued => "waiting to start…",
        ArchiveImportStatus.Running => string.Create(CultureInfo.InvariantCulture,
            $"importing, {v.ProcessedEntries} of {v.TotalEntries} files, {v.ProcessedBytes / 1048576.0:0.#} of {v.TotalBytes / 1048576.0:0.#} MB ({v.ProgressPercent:0} %)…"),
        ArchiveImportStatus.Succeeded => string.Create(CultureInfo.InvariantCulture, $"finished, {v.ProcessedEntries} files."),
        _ => "failed.",
    };
}
