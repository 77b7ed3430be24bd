using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace CoachPortal.Ingest.Fit;

/// <summary>
/// Encodes FIT messages: writes a definition whenever a message's layout differs from the one its local type last
/// had, then the data message, and finally the header and both CRCs (<see cref="ToArray"/>).
/// </summary>
public sealed class FitWriter
{
    private readonly ArrayBufferWriter<byte> _data = new(4096);
    private readonly bool _bigEndian;
    private readonly int _headerSize;
    private readonly ushort _profileVersion;
    private readonly string?[] _layouts = new string?[16];
    private int _nextLocal;

    /// <summary>Creates a writer.</summary>
    /// <param name="bigEndian">Write definitions (and the fields after them) big-endian.</param>
    /// <param name="headerSize">12 (no header CRC) or 14.</param>
    /// <param name="profileVersion">Profile version × 100 written to the header.</param>
    public FitWriter(bool bigEndian = false, int headerSize = 14, ushort profileVersion = 2132)
    {
        if (headerSize is not (12 or 14))
        {
            throw new ArgumentOutOfRangeException(nameof(headerSize), "FIT headers are 12 or 14 bytes");
        }

        _bigEndian = bigEndian;
        _headerSize = headerSize;
        _profileVersion = profileVersion;
    }

    /// <summary>Writes one data message of <paramref name="globalMessage"/> (with a definition when needed).</summary>
    public void Write(ushort globalMessage, IReadOnlyList<FitField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var layout = Layout(globalMessage, fields);
        var local = System.Array.IndexOf(_layouts, layout);
        if (local < 0)
        {
            local = _nextLocal;
            _nextLocal = (_nextLocal + 1) % 16;
            _layouts[local] = layout;
            WriteDefinition((byte)local, globalMessage, fields);
        }

        WriteByte((byte)local);
        WriteFields(fields);
    }

    /// <summary>
    /// Writes a data message with a compressed-timestamp header: <paramref name="timeOffset"/> (0-31) is the low 5 bits
    /// of the message time. The layout must already be defined on local type 0-3 by an earlier <see cref="Write"/>.
    /// </summary>
    public void WriteCompressed(ushort globalMessage, IReadOnlyList<FitField> fields, int timeOffset)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var local = System.Array.IndexOf(_layouts, Layout(globalMessage, fields));
        if (local is < 0 or > 3)
        {
            throw new InvalidOperationException("compressed-timestamp messages need their layout defined on local type 0-3");
        }

        WriteByte((byte)(0x80 | (local << 5) | (timeOffset & 0x1F)));
        WriteFields(fields);
    }

    /// <summary>The complete file: header, data, file CRC.</summary>
    public byte[] ToArray()
    {
        var data = _data.WrittenSpan;
        var file = new byte[_headerSize + data.Length + 2];
        file[0] = (byte)_headerSize;
        file[1] = 0x20; // protocol 2.0
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(2), _profileVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)data.Length);
        ".FIT"u8.CopyTo(file.AsSpan(8));
        if (_headerSize == 14)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(12), FitCrc.Compute(file.AsSpan(0, 12)));
        }

        data.CopyTo(file.AsSpan(_headerSize));
        var crc = FitCrc.Compute(file.AsSpan(0, _headerSize + data.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(_headerSize + data.Length), crc);
        return file;
    }

    private void WriteByte(byte b) => _data.Write([b]);

    private static string Layout(ushort global, IReadOnlyList<FitField> fields)
    {
        var sb = new StringBuilder().Append(global);
        foreach (var f in fields)
        {
            sb.Append(',').Append(f.Number).Append(':').Append((byte)f.Type).Append(':').Append(f.Size);
        }

        return sb.ToString();
    }

    private void WriteDefinition(byte local, ushort global, IReadOnlyList<FitField> fields)
    {
        if (fields.Count > 255)
        {
            throw new ArgumentException("a message has at most 255 fields", nameof(fields));
        }

        Span<byte> head = stackalloc byte[6];
        head[0] = (byte)(0x40 | local);
        head[1] = 0;
        head[2] = _bigEndian ? (byte)1 : (byte)0;
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(head[3..], global);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(head[3..], global);
        }

        head[5] = (byte)fields.Count;
        _data.Write(head);
        foreach (var f in fields)
        {
            WriteByte(f.Number);
            WriteByte((byte)f.Size);
            WriteByte((byte)f.Type);
        }
    }

    private void WriteFields(IReadOnlyList<FitField> fields)
    {
        Span<byte> buffer = stackalloc byte[255];
        foreach (var f in fields)
        {
            var b = buffer[..f.Size];
            b.Clear();
            var t = FitBaseTypes.FromPublic(f.Type);
            var size = FitBaseTypes.Size(t);
            if (f.Text is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(f.Text);
                bytes.AsSpan(0, Math.Min(bytes.Length, f.Size)).CopyTo(b);
            }
            else if (f.Floats is not null)
            {
                WriteFloat(b, t, f.Floats[0]);
            }
            else if (f.Integers is not null)
            {
                for (var i = 0; i < f.Integers.Length; i++)
                {
                    WriteInteger(b.Slice(i * size, size), t, f.Integers[i]);
                }
            }
            else
            {
                WriteInvalid(b, t);
            }

            _data.Write(b);
        }
    }

    private void WriteInteger(Span<byte> b, byte type, long v)
    {
        switch (FitBaseTypes.Size(type))
        {
            case 1:
                b[0] = (byte)v;
                break;
            case 2:
                if (_bigEndian)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v);
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v);
                }

                break;
            case 4:
                if (_bigEndian)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(b, (uint)v);
                }
                else
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)v);
                }

                break;
            default:
                if (_bigEndian)
                {
                    BinaryPrimitives.WriteUInt64BigEndian(b, (ulong)v);
                }
                else
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(b, (ulong)v);
                }

                break;
        }
    }

    private void WriteFloat(Span<byte> b, byte type, double v)
    {
        if (type == FitBaseTypes.Float32Type)
        {
            var bits = BitConverter.SingleToUInt32Bits((float)v);
            WriteInteger(b, FitBaseTypes.UInt32Type, bits);
        }
        else
        {
            WriteInteger(b, FitBaseTypes.UInt64Type, (long)BitConverter.DoubleToUInt64Bits(v));
        }
    }

    private void WriteInvalid(Span<byte> b, byte type)
    {
        switch (type)
        {
            case FitBaseTypes.SInt8Type:
                b.Fill(0x7F);
                break;
            case FitBaseTypes.SInt16Type:
                WriteInteger(b, type, short.MaxValue);
                break;
            case FitBaseTypes.SInt32Type:
                WriteInteger(b, type, int.MaxValue);
                break;
            case FitBaseTypes.SInt64Type:
                WriteInteger(b, type, long.MaxValue);
                break;
            case FitBaseTypes.UInt8zType:
            case FitBaseTypes.UInt16zType:
            case FitBaseTypes.UInt32zType:
            case FitBaseTypes.UInt64zType:
            case FitBaseTypes.StringType:
                b.Clear();
                break;
            default:
                b.Fill(0xFF);
                break;
        }
    }
}
