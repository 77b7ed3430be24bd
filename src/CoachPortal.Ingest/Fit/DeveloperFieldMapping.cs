namespace CoachPortal.Ingest.Fit;

/// <summary>
/// A developer field whose field_description says it stands for a record field (native_mesg_num 20): Stryd power,
/// Concept2 heart rate and stroke rate, and the like. Used when the record lacks the profile field itself.
/// </summary>
internal readonly record struct DeveloperFieldMapping(byte BaseType, double Scale, double Offset, int Column);
