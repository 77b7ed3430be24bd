using System.Collections.Concurrent;
using CoachPortal.Learning;

namespace CoachPortal.Core.Forecasting.Scoring;

/// <summary>One <see cref="ModelScorer"/> per model version for the life of the process (session creation dominates a small request).</summary>
public sealed class ScorerCache : IDisposable
{
    private readonly ConcurrentDictionary<int, Lazy<ModelScorer>> _scorers = new();

    public ModelScorer Get(int versionId, Func<byte[]> loadBytes)
    {
        ArgumentNullException.ThrowIfNull(loadBytes);
        return _scorers.GetOrAdd(versionId, _ => new Lazy<ModelScorer>(() => new ModelScorer(loadBytes()))).Value;
    }

    public void Dispose()
    {
        foreach (var scorer in _scorers.Values.Where(s => s.IsValueCreated))
        {
            scorer.Value.Dispose();
        }

        _scorers.Clear();
    }
}
