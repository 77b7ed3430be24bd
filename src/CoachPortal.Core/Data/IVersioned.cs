namespace CoachPortal.Core.Data;

/// <summary>
/// An entity edited by people who may work on it at the same time. <see cref="Version"/> is a concurrency
/// token renewed on every save, so a save based on a stale copy fails instead of overwriting silently.
/// A GUID rather than rowversion because SQLite has no rowversion.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
