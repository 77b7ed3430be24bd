using CoachPortal.Analytics.Workouts;
using Microsoft.AspNetCore.Components;

namespace CoachPortal.Web.Features.Plans.Workouts;

/// <summary>
/// Edits a workout as a list of steps and repeat groups. It starts from <see cref="Text"/> and reports every change as
/// text written by <see cref="WorkoutFormatter"/>, so the text stays the one stored form.
/// </summary>
public partial class WorkoutStepEditor
{
    private List<EditSegment>? _segments;
    private string? _problem;

    /// <summary>The text the editor starts from; later changes of it are not read back (re-create the editor with a new key).</summary>
    [Parameter]
    public string? Text { get; set; }

    [Parameter]
    public EventCallback<string> TextChanged { get; set; }

    protected override void OnInitialized()
    {
        if (WorkoutParser.TryParse(Text ?? "", out var workout, out _))
        {
            _segments = workout!.Segments.Select(EditSegment.From).ToList();
        }
    }

    private async Task ChangeAsync(Action change)
    {
        change();
        await EmitAsync();
    }

    private async Task EmitAsync()
    {
        if (_segments is null)
        {
            return;
        }

        var segments = new List<WorkoutSegment>();
        foreach (var (segment, i) in _segments.Select((s, i) => (s, i)))
        {
            var steps = new List<WorkoutStepSpec>();
            foreach (var step in segment.Steps)
            {
                if (step.ToSpec() is not { } spec)
                {
                    _problem = $"Step {i + 1}: {step.Problem}";
                    return;
                }

                steps.Add(spec);
            }

            segments.Add(new WorkoutSegment(segment.IsRepeat ? segment.Repeat : 1, segment.IsRepeat, steps));
        }

        _problem = null;
        await TextChanged.InvokeAsync(WorkoutFormatter.Format(new StructuredWorkout(segments)));
    }

    private static void Swap<T>(List<T> list, int a, int b) => (list[a], list[b]) = (list[b], list[a]);

    /// <summary>One step or a repeat group as the editor holds it.</summary>
    internal sealed class EditSegment
    {
        public int Repeat { get; set; } = 1;

        public bool IsRepeat { get; init; }

        public List<WorkoutStepDraft> Steps { get; init; } = [];

        public static EditSegment Single(WorkoutStepDraft step) => new() { Steps = [step] };

        public static EditSegment RepeatOf(int count, params WorkoutStepDraft[] steps) => new() { Repeat = count, IsRepeat = true, Steps = [.. steps] };

        public static EditSegment From(WorkoutSegment segment) => new()
        {
            Repeat = segment.Repeat,
            IsRepeat = segment.IsRepeat,
            Steps = segment.Steps.Select(WorkoutStepDraft.From).ToList(),
        };
    }
}
