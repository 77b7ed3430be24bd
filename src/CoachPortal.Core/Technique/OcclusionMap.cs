namespace CoachPortal.Core.Technique;

/// <summary>
/// Which parts of an input drove a prediction (Zeiler and Fergus, 2014): the drop in the model's probability when each
/// cell is covered (an image patch in grey, a window of frames by the clip's mean pose). Positive cells supported the
/// prediction. For a clip, <see cref="Rows"/> is 1 and each column is a frame.
/// </summary>
/// <param name="Rows">cells down</param>
/// <param name="Columns">cells across (frames for a clip)</param>
/// <param name="Drops">row-major drops in probability, Rows × Columns</param>
/// <param name="Probability">the probability of the uncovered input</param>
/// <param name="Athlete">whose sample the map explains</param>
public sealed record OcclusionMap(int Rows, int Columns, IReadOnlyList<float> Drops, float Probability, string Athlete);
