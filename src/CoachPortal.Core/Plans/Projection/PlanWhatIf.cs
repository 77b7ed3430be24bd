using CoachPortal.Analytics.Workouts;
using CoachPortal.Core.Plans.Calendar;

namespace CoachPortal.Core.Plans.Projection;

/// <summary>
/// A scratch copy of changes to an athlete's planned sessions: at most one <see cref="PlanEdit"/> per session, nothing
/// stored until the coach applies them. Not thread-safe; one per page.
/// </summary>
public sealed class PlanWhatIf
{
    private readonly Dictionary<int, PlanEdit> _edits = [];

    /// <summary>The edits in the order the sessions were first touched.</summary>
    public IReadOnlyList<PlanEdit> Edits => [.. _edits.Values];

    public bool HasEdits => _edits.Count > 0;

    public PlanEdit? EditOf(int plannedSessionId) => _edits.GetValueOrDefault(plannedSessionId);

    public void Move(PlannedSessionView session, DateOnly newDate)
    {
        ArgumentNullException.ThrowIfNull(session);
        Put(session, Current(session) with { NewDate = newDate == session.Date ? null : newDate });
    }

    public void Drop(PlannedSessionView session, bool drop = true)
    {
        ArgumentNullException.ThrowIfNull(session);
        Put(session, Current(session) with { Drop = drop });
    }

    /// <summary>Scales every step's duration or distance of the session's stored workout; 1 restores it.</summary>
    public void ScaleDuration(PlannedSessionView session, double factor)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (factor is <= 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be above 0 and at most 3.");
        }

        var text = Math.Abs(factor - 1) < 1e-9 ? null : WorkoutFormatter.Format(WorkoutParser.Parse(session.Text).Scale(_ => factor));
        Put(session, Current(session) with { NewText = text });
    }

    public void Reset(int? plannedSessionId = null)
    {
        if (plannedSessionId is { } id)
        {
            _edits.Remove(id);
        }
        else
        {
            _edits.Clear();
        }
    }

    private PlanEdit Current(PlannedSessionView session) => _edits.GetValueOrDefault(session.Id) ?? new PlanEdit(session.Id);

    private void Put(PlannedSessionView session, PlanEdit edit)
    {
        if (edit is { NewDate: null, Drop: false, NewText: null })
        {
            _edits.Remove(session.Id);
        }
        else
        {
            _edits[session.Id] = edit;
        }
    }
}
