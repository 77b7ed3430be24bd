using System.Security.Cryptography;

namespace CoachPortal.Core.Forecasting.Datasets;

/// <summary>
/// SHA-256 of a dataset, hex, as a version records it (<see cref="ModelVersion.DataHash"/>): the feature tensor's
/// and the mask's bytes as laid out in memory, then each sample's keys in order. Two datasets with the same hash
/// trained on the same numbers.
/// </summary>
public sealed class DatasetHash : IDisposable
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    private DatasetHash()
    {
    }

    /// <summary>Starts a hash with the features and the mask.</summary>
    public static DatasetHash Of(float[,,] features, float[,] mask)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(mask);
        var hash = new DatasetHash();
        hash.AppendArray(features);
        hash.AppendArray(mask);
        return hash;
    }

    /// <summary>Appends one key of a sample (little-endian on every supported machine, as <see cref="BitConverter"/> writes it).</summary>
    public DatasetHash Append(int value)
    {
        _sha.AppendData(BitConverter.GetBytes(value));
        return this;
    }

    /// <inheritdoc cref="Append(int)"/>
    public DatasetHash Append(double value)
    {
        _sha.AppendData(BitConverter.GetBytes(value));
        return this;
    }

    /// <summary>The hash as 64 lower-case hex digits.</summary>
    public string ToHex() => Convert.ToHexStringLower(_sha.GetHashAndReset());

    public void Dispose() => _sha.Dispose();

    private void AppendArray(Array values)
    {
        var bytes = new byte[Buffer.ByteLength(values)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        _sha.AppendData(bytes);
    }
}
