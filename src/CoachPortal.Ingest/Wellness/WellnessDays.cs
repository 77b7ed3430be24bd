namespace CoachPortal.Ingest.Wellness;

/// <summary>
/// Turns one participant's reports into consecutive <see cref="WellnessDay"/> rows on the portal's scales. PMSys's
/// 1–5 scales all have 5 at the good end (each one correlates positively with readiness in PMData), so fatigue,
/// soreness and stress are reversed onto the portal's "10 is bad" scales, and sleep quality and mood keep their
/// direction; 1–5 maps linearly onto 1–10.
/// </summary>
public static class WellnessDays
{
    /// <summary>
    /// Days from the first to the last report of any kind, in the athlete's local time (<paramref name="utcOffset"/>;
    /// PMData's participants lived in Norway, UTC+1 in winter). The last report of a day wins.
    /// </summary>
    public static IReadOnlyList<WellnessDay> Build(PmDataParticipant participant, TimeSpan utcOffset)
    {
        ArgumentNullException.ThrowIfNull(participant);
        DateOnly Local(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(utcOffset).DateTime);
        var wellness = new Dictionary<DateOnly, WellnessReport>();
        foreach (var w in participant.Wellness)
        {
            wellness[Local(w.Time)] = w;
        }

        var sessions = participant.Sessions.GroupBy(s => Local(s.EndTime)).ToDictionary(g => g.Key, g => (Load: g.Sum(s => s.Load), Count: g.Count()));
        var injuries = new Dictionary<DateOnly, bool>();
        foreach (var i in participant.Injuries)
        {
            var day = Local(i.Time);
            injuries[day] = (injuries.TryGetValue(day, out var any) && any) || i.Injuries.Count > 0;
        }

        // A sleep score is stamped the morning after the night, which is the day it describes for a morning report.
        var sleep = new Dictionary<DateOnly, SleepScore>();
        foreach (var s in participant.SleepScores)
        {
            sleep[Local(s.Time)] = s;
        }

        var rhr = participant.RestingHeartRates.GroupBy(r => r.Date).ToDictionary(g => g.Key, g => g.Last().Bpm);
        var dates = wellness.Keys.Concat(sessions.Keys).Concat(injuries.Keys).ToList();
        if (dates.Count == 0)
        {
            return [];
        }

        var result = new List<WellnessDay>();
        for (var d = dates.Min(); d <= dates.Max(); d = d.AddDays(1))
        {
            var w = wellness.GetValueOrDefault(d);
            var s = sessions.TryGetValue(d, out var x) ? x : (Load: 0.0, Count: 0);
            var night = sleep.GetValueOrDefault(d);
            result.Add(new WellnessDay(
                d,
                w?.Readiness,
                Reversed(w?.Fatigue),
                Reversed(w?.Soreness),
                Reversed(w?.Stress),
                Same(w?.SleepQuality),
                Same(w?.Mood),
                w?.SleepHours,
                rhr.TryGetValue(d, out var bpm) ? bpm : night?.RestingHeartRateBpm,
                night?.OverallScore,
                s.Load,
                s.Count,
                injuries.TryGetValue(d, out var injured) ? injured : null));
        }

        return result;
    }

    /// <summary>A PMSys 1–5 value (5 good) on a portal 1–10 scale with 10 good.</summary>
    public static double? Same(int? value) => value is { } v ? 1 + ((v - 1) * 9 / 4.0) : null;

    /// <summary>A PMSys 1–5 value (5 good) on a portal 1–10 scale with 10 bad.</summary>
    public static double? Reversed(int? value) => value is { } v ? 1 + ((5 - v) * 9 / 4.0) : null;
}
