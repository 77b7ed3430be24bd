using System.Buffers;

namespace CoachPortal.Ingest.Archives;

/// <summary>Bytes in an array rented from <see cref="ArrayPool{T}.Shared"/>; disposing returns it.</summary>
internal sealed class PooledBytes(byte[] array, int length) : IDisposable
{
    private byte[]? _array = array;

    public int Length { get; } = length;

    public ReadOnlySpan<byte> Span => (_array ?? throw new ObjectDisposedException(nameof(PooledBytes))).AsSpan(0, Length);

    public void Dispose()
    {
        if (_array is { } a)
        {
            _array = null;
            ArrayPool<byte>.Shared.Return(a);
        }
    }
}
