namespace CoachPortal.Core.Media;

/// <summary>
/// The moments a clip can be aligned on when compared with another: its first frame, the deepest point of each
/// counted repetition (the smallest angle of the repetition joint between its start and end frames) and each
/// labelled frame.
/// </summary>
public static class ClipAlignment
{
    public const string Start = "start";

    public static IReadOnlyList<AlignmentEvent> Events(MotionAnalysis? analysis, IReadOnlyList<FrameLabelView> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var events = new List<AlignmentEvent> { new(Start, "First frame", 0) };
        if (analysis is not null)
        {
            var angles = analysis.AnglesDegrees[analysis.RepetitionJoint];
            for (var r = 0; r < analysis.Repetitions.Count; r++)
            {
                var rep = analysis.Repetitions[r];
                events.Add(new($"rep{r + 1}", $"Deepest point of repetition {r + 1}", Deepest(angles, rep.StartFrame, rep.EndFrame)));
            }
        }

        events.AddRange(labels.Select(l => new AlignmentEvent($"label{l.Id}", $"Labelled {l.Label} · frame {l.FrameIndex}", l.FrameIndex)));
        return events;
    }

    /// <summary>The event a comparison starts on: the first repetition's deepest point, else the first label, else the start.</summary>
    public static AlignmentEvent Default(IReadOnlyList<AlignmentEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.FirstOrDefault(e => e.Key == "rep1") ?? events.FirstOrDefault(e => e.Key.StartsWith("label", StringComparison.Ordinal)) ?? events[0];
    }

    private static int Deepest(double[] angles, int from, int to)
    {
        var best = from;
        for (var i = Math.Max(0, from); i <= Math.Min(to, angles.Length - 1); i++)
        {
            if (!double.IsNaN(angles[i]) && (double.IsNaN(angles[best]) || angles[i] < angles[best]))
            {
                best = i;
            }
        }

        return best;
    }
}
