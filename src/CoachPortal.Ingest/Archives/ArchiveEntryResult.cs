namespace CoachPortal.Ingest.Archives;

/// <summary>The outcome of one archive entry: either a result or the reason it was refused or failed.</summary>
/// <param name="EntryName">The entry's full name inside the archive.</param>
/// <param name="Result">The decoded entry; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the entry was refused or could not be decoded; null on success.</param>
public sealed record ArchiveEntryResult(string EntryName, DecodeResult? Result, ActivityFormatException? Error);
