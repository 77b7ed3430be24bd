using System.Security.Cryptography;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Datasets;

namespace CoachPortal.Core.Tests.Forecasting;

/// <summary>One dataset hash for every dataset, and it stays the one the registered versions were stamped with.</summary>
public sealed class DatasetHashTests
{
    [Fact]
    public void TheHashIsSha256OfFeaturesMaskAndKeysInThatOrder()
    {
        var features = new float[2, 3, 2];
        var mask = new float[2, 2];
        for (var i = 0; i < features.Length; i++)
        {
            features[i / 6, i / 2 % 3, i % 2] = i * 0.5f;
        }

        mask[1, 0] = 1;

        using var hash = DatasetHash.Of(features, mask);
        var hex = hash.Append(7).Append(2.5).ToHex();

        Assert.Equal(Sha256Hex(Bytes(features), Bytes(mask), BitConverter.GetBytes(7), BitConverter.GetBytes(2.5)), hex);
    }

    [Fact]
    public void AForecastDatasetHashesItsWindowsAndItsSampleKeys()
    {
        var data = ForecastDataset.Build([ModelFeatureTests.AHistory(120, 1), ModelFeatureTests.AHistory(120, 2, athleteId: 2)], ForecastTarget.Readiness, 7);
        var keys = data.Samples.SelectMany(s => new[]
        {
            BitConverter.GetBytes(s.History.AthleteId), BitConverter.GetBytes(s.Date.DayNumber), BitConverter.GetBytes(s.Target),
        });

        Assert.Equal(Sha256Hex([Bytes(data.Features), Bytes(data.Mask), .. keys]), data.Hash());
        Assert.Equal(data.Hash(), ForecastDataset.Build([ModelFeatureTests.AHistory(120, 1), ModelFeatureTests.AHistory(120, 2, athleteId: 2)], ForecastTarget.Readiness, 7).Hash());
        Assert.NotEqual(data.Hash(), ForecastDataset.Build([ModelFeatureTests.AHistory(120, 1), ModelFeatureTests.AHistory(120, 3, athleteId: 2)], ForecastTarget.Readiness, 7).Hash());
    }

    [Fact]
    public void TheSameKeysInAnotherOrderHashDifferently()
    {
        var features = new float[1, 1, 1];
        var mask = new float[1, 1];
        using var first = DatasetHash.Of(features, mask);
        using var second = DatasetHash.Of(features, mask);

        Assert.NotEqual(first.Append(1).Append(2).ToHex(), second.Append(2).Append(1).ToHex());
    }

    private static byte[] Bytes(Array values)
    {
        var bytes = new byte[Buffer.ByteLength(values)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    private static string Sha256Hex(params byte[][] parts) => Convert.ToHexStringLower(SHA256.HashData(parts.SelectMany(p => p).ToArray()));
}
