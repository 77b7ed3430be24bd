namespace CoachPortal.Ingest.Fit;

/// <summary>
/// Receives each data message as <see cref="FitDecoder"/> reads it. The view is only valid during the call: copy what
/// you need. Implement it on a struct and pass it by <c>ref</c> to avoid interface dispatch in hot loops.
/// </summary>
public interface IFitMessageHandler
{
    /// <summary>Called once per data message, in file order.</summary>
    void OnMessage(in FitMessageView message);
}
