namespace CoachPortal.Core.Exports;

/// <summary>What an erasure removed.</summary>
public sealed record ErasureResult(int Sessions, int Files, int CheckIns, bool Account, int ModelsToRetrain, int Media = 0)
{
    public override string ToString() =>
        $"{Sessions} sessions, {Files} files, {Media} photos and clips, {CheckIns} check-ins{(Account ? ", the account" : "")} removed; {ModelsToRetrain} model versions marked for retraining";
}
