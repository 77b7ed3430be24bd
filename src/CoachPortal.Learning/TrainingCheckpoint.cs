using System.Text;

namespace CoachPortal.Learning;

/// <summary>
/// The whole training state after an epoch: parameters, AdamW moments and step, the best weights so far and the
/// early-stopping counters. Resuming from it with the same model and options continues exactly where it stopped.
/// </summary>
public sealed class TrainingCheckpoint
{
    private const int FormatVersion = 1;

    internal TrainingCheckpoint(string signature, int epoch, long steps, int bestEpoch, double bestValidationLoss, double bestTrainingLoss, int epochsWithoutImprovement, IReadOnlyDictionary<string, float[]> state, IReadOnlyDictionary<string, float[]> bestState)
    {
        Signature = signature;
        Epoch = epoch;
        Steps = steps;
        BestEpoch = bestEpoch;
        BestValidationLoss = bestValidationLoss;
        BestTrainingLoss = bestTrainingLoss;
        EpochsWithoutImprovement = epochsWithoutImprovement;
        State = state;
        BestState = bestState;
    }

    /// <summary>Epochs completed.</summary>
    public int Epoch { get; }

    /// <summary>Optimiser steps completed.</summary>
    public long Steps { get; }

    /// <summary>The epoch with the lowest validation loss so far.</summary>
    public int BestEpoch { get; }

    /// <summary>That epoch's validation loss.</summary>
    public double BestValidationLoss { get; }

    internal double BestTrainingLoss { get; }

    internal int EpochsWithoutImprovement { get; }

    internal string Signature { get; }

    internal IReadOnlyDictionary<string, float[]> State { get; }

    internal IReadOnlyDictionary<string, float[]> BestState { get; }

    /// <summary>Serialises the checkpoint (store it as a blob).</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(Signature);
            writer.Write(Epoch);
            writer.Write(Steps);
            writer.Write(BestEpoch);
            writer.Write(BestValidationLoss);
            writer.Write(BestTrainingLoss);
            writer.Write(EpochsWithoutImprovement);
            WriteState(writer, State);
            WriteState(writer, BestState);
        }

        return stream.ToArray();
    }

    /// <summary>Reads a checkpoint written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="LearningException">the bytes are not a checkpoint of this format</exception>
    public static TrainingCheckpoint FromBytes(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            if (reader.ReadInt32() != FormatVersion)
            {
                throw new LearningException("unknown checkpoint format version");
            }

            return new TrainingCheckpoint(reader.ReadString(), reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadInt32(), ReadState(reader), ReadState(reader));
        }
        catch (EndOfStreamException ex)
        {
            throw new LearningException("the checkpoint is truncated", ex);
        }
    }

    private static void WriteState(BinaryWriter writer, IReadOnlyDictionary<string, float[]> state)
    {
        writer.Write(state.Count);
        foreach (var (name, values) in state.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(name);
            writer.Write(values.Length);
            foreach (var v in values)
            {
                writer.Write(v);
            }
        }
    }

    private static Dictionary<string, float[]> ReadState(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        var state = new Dictionary<string, float[]>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            var values = new float[reader.ReadInt32()];
            for (int k = 0; k < values.Length; k++)
            {
                values[k] = reader.ReadSingle();
            }

            state[name] = values;
        }

        return state;
    }
}
