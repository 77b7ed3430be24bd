using System.Collections.Concurrent;
using CoachPortal.Learning;
using CoachPortal.Learning.Forecasting;

namespace CoachPortal.Core.Forecasting.Scoring;

/// <summary>
/// One <see cref="ModelScorer"/> (or <see cref="ReadinessModel"/>) per model version for the life of the process
/// (session creation dominates a small request).
/// </summary>
public sealed class ScorerCache : IDisposable
{
    private readonly ConcurrentDictionary<int, Lazy<ModelScorer>> _scorers = new();
    private readonly ConcurrentDictionary<int, Lazy<ReadinessModel>> _readiness = new();

    public ModelScorer Get(int versionId, Func<byte[]> loadBytes)
    {
        ArgumentNullException.ThrowIfNull(loadBytes);
        return _scorers.GetOrAdd(versionId, _ => new Lazy<ModelScorer>(() => new ModelScorer(loadBytes()))).Value;
    }

    public ReadinessModel GetReadiness(int versionId, Func<byte[]> loadBytes)
    {
        ArgumentNullException.ThrowIfNull(loadBytes);
        return _readiness.GetOrAdd(versionId, _ => new Lazy<ReadinessModel>(() => ReadinessModel.FromBytes(loadBytes()))).Value;
    }

    public void Dispose()
    {
        foreach (var model in _readiness.Values.Where(s => s.IsValueCreated))
        {
            model.Value.Dispose();
        }

        _readiness.Clear();
        foreach (var scorer in _scorers.Values.Where(s => s.IsValueCreated))
        {
            scorer.Value.Dispose();
        }

        _scorers.Clear();
    }
}
