namespace CoachPortal.Ingest.Tests;

/// <summary>Damages inputs the ways transfers and devices do: bit flips, truncation, inserted, deleted and random bytes.</summary>
internal static class Mutator
{
    public static (byte[] Bytes, string Kind) Mutate(byte[] input, Random random)
    {
        var kind = random.Next(6);
        switch (kind)
        {
            case 0:
                {
                    var b = (byte[])input.Clone();
                    for (var i = random.Next(1, 9); i > 0 && b.Length > 0; i--)
                    {
                        b[random.Next(b.Length)] ^= (byte)(1 << random.Next(8));
                    }

                    return (b, "bit flips");
                }

            case 1:
                return (input[..random.Next(0, input.Length)], "truncation");
            case 2:
                {
                    var at = random.Next(0, input.Length + 1);
                    var extra = new byte[random.Next(1, 17)];
                    random.NextBytes(extra);
                    return ([.. input[..at], .. extra, .. input[at..]], $"insert {extra.Length} at {at}");
                }

            case 3:
                {
                    var at = random.Next(0, input.Length);
                    var n = Math.Min(random.Next(1, 33), input.Length - at);
                    return ([.. input[..at], .. input[(at + n)..]], $"delete {n} at {at}");
                }

            case 4:
                {
                    var b = (byte[])input.Clone();
                    var at = random.Next(0, b.Length);
                    var n = Math.Min(random.Next(1, 65), b.Length - at);
                    random.NextBytes(b.AsSpan(at, n));
                    return (b, $"overwrite {n} at {at}");
                }

            default:
                {
                    var b = new byte[random.Next(0, Math.Max(1, input.Length))];
                    random.NextBytes(b);
                    // Keep the original header half of the time so the decoder gets past format detection.
                    if (random.Next(2) == 0)
                    {
                        input.AsSpan(0, Math.Min(Math.Min(input.Length, b.Length), 64)).CopyTo(b);
                    }

                    return (b, "random bytes");
                }
        }
    }
}
