using System.Globalization;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Ingest.Csv;
using CoachPortal.Web.Components.Shared;
using CoachPortal.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CoachPortal.Web.Features.Sessions;

public partial class UploadPage
{
    private const int MaxFilesAtOnce = 200;
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(1);
    private IReadOnlyList<UploadTarget>? _targets;
    private IReadOnlyList<UploadView> _uploads = [];
    private readonly List<LocalFile> _local = [];
    private readonly List<PendingCsv> _pendingCsv = [];
    private int _athleteId;
    private bool _foreign;
    private bool _dragging;
    private readonly CancellationTokenSource _disposed = new();

    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [CascadingParameter]
    private DisplayFormat Format { get; set; } = DisplayFormat.Current;

    [Parameter]
    public int? AthleteId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _targets = await Imports.ListTargetsAsync(Caller);
        // An athlete named in the address is that athlete or nobody: never quietly the caller's own.
        var chosen = AthleteId is { } named
            ? _targets.FirstOrDefault(t => t.AthleteId == named)
            : _targets.Count == 1 ? _targets[0] : null;
        _foreign = AthleteId is not null && chosen is null;
        if (chosen is not null)
        {
            await SelectAthleteAsync(chosen.AthleteId);
        }
    }

    private async Task SelectAthleteAsync(int athleteId)
    {
        _athleteId = athleteId;
        _local.Clear();
        await RefreshAsync();
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        _dragging = false;
        var athleteId = _athleteId;
        if (athleteId == 0)
        {
            return;
        }

        if (e.FileCount > MaxFilesAtOnce)
        {
            Snackbar.Add($"Choose at most {MaxFilesAtOnce} files at once, or put them in a zip.", Severity.Warning);
            return;
        }

        _local.RemoveAll(l => l.Error is null);
        foreach (var file in e.GetMultipleFiles(MaxFilesAtOnce))
        {
            var item = new LocalFile(file.Name, file.Size);
            _local.Add(item);
            if (file.Size > Imports.MaxFileBytes)
            {
                item.Error = $"refused: larger than the limit of {FormatBytes(Imports.MaxFileBytes)}.";
                continue;
            }

            StateHasChanged();
            try
            {
                byte[] content;
                await using (var stream = file.OpenReadStream(Imports.MaxFileBytes, _disposed.Token))
                using (var buffer = new MemoryStream((int)file.Size))
                {
                    await stream.CopyToAsync(buffer, _disposed.Token);
                    content = buffer.ToArray();
                }

                // A CSV file the portal cannot map by itself waits for the mapping step; the others go on.
                if (CsvMappingService.IsCsv(file.Name, content)
                    && !(await Mappings.PreviewAsync(Caller, athleteId, content, null, _disposed.Token)).IsUsable)
                {
                    _pendingCsv.Add(new PendingCsv(athleteId, file.Name, content));
                    _local.Remove(item);
                    continue;
                }

                await Imports.UploadAsync(Caller, athleteId, file.Name, content, _disposed.Token);
                _local.Remove(item);
            }
            catch (DomainException ex)
            {
                item.Error = $"refused: {ex.Message}";
            }
            catch (IOException ex)
            {
                item.Error = $"could not be read: {ex.Message}";
            }

            await RefreshAsync();
        }

        StateHasChanged();
    }

    private async Task MappedAsync(PendingCsv pending, CsvColumnMapping? mapping)
    {
        _pendingCsv.Remove(pending);
        if (mapping is not null)
        {
            await Snackbar.TryAsync(() => Imports.UploadAsync(Caller, pending.AthleteId, pending.Name, pending.Content, mapping, _disposed.Token));
        }

        await RefreshAsync();
    }

    private async Task KeepAsync(int sessionId)
    {
        await Snackbar.TryAsync(() => Imports.KeepDamagedAsync(Caller, sessionId), "Session kept: it now counts in the training load.");
        await RefreshAsync();
    }

    private async Task DiscardAsync(int sessionId)
    {
        await Snackbar.TryAsync(() => Imports.DiscardDamagedAsync(Caller, sessionId), "Session discarded; the original file is kept.");
        await RefreshAsync();
    }

    private async Task RetryAsync(int fileId)
    {
        await Snackbar.TryAsync(() => Imports.RetryAsync(Caller, fileId), "Import queued again.");
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        if (_athleteId == 0 || _disposed.IsCancellationRequested)
        {
            return;
        }

        _uploads = await Imports.ListForAthleteAsync(Caller, _athleteId);
        StateHasChanged();
    }

    private static string StatusText(UploadView u) => u.IsInterrupted ? "interrupted" : u.Status switch
    {
        UploadStatus.Stored => "waiting",
        UploadStatus.Importing => "importing…",
        UploadStatus.Imported when u.AwaitingReviewCount > 0 => "damaged: needs review",
        UploadStatus.Imported => u.SessionCount == 1 ? "1 session" : $"{u.SessionCount} sessions",
        UploadStatus.Duplicate => "already uploaded",
        _ => "failed",
    };

    private static Color StatusColor(UploadStatus s) => s switch
    {
        UploadStatus.Imported => Color.Success,
        UploadStatus.Failed => Color.Error,
        UploadStatus.Duplicate => Color.Warning,
        _ => Color.Default,
    };

    internal static string FormatBytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MB"),
    };

    public void Dispose()
    {
        _disposed.Cancel();
        GC.SuppressFinalize(this);
    }

    private sealed record PendingCsv(int AthleteId, string Name, byte[] Content);

    private sealed class LocalFile(string name, long sizeBytes)
    {
        public string Name { get; } = name;

        public long SizeBytes { get; } = sizeBytes;

        public string? Error { get; set; }
    }
}
