namespace CoachPortal.Ingest.Fit;

/// <summary>One developer field of a <see cref="FitMessage"/>, as raw bytes.</summary>
/// <param name="DeveloperDataIndex">Index of its developer_data_id.</param>
/// <param name="FieldNumber">Developer field number.</param>
/// <param name="Bytes">Raw value.</param>
public sealed record FitDeveloperFieldValue(byte DeveloperDataIndex, byte FieldNumber, IReadOnlyList<byte> Bytes);
