using System.Buffers.Binary;

namespace CoachPortal.Ingest.Fit;

/// <summary>
/// Reads the FIT binary protocol (headers, CRCs, definition and data messages, compressed timestamps, developer
/// fields, chained files) and hands each data message to an <see cref="IFitMessageHandler"/>. Nothing is allocated per
/// message or field.
/// </summary>
public static class FitDecoder
{
    private const int MinHeaderSize = 12;

    /// <summary>True when <paramref name="data"/> starts with a FIT header (".FIT" at byte 8).</summary>
    public static bool IsFit(ReadOnlySpan<byte> data) =>
        data.Length >= MinHeaderSize && data[0] >= MinHeaderSize && data.Slice(8, 4).SequenceEqual(".FIT"u8);

    /// <summary>Decodes <paramref name="data"/> with a class handler.</summary>
    public static FitDecodeSummary Decode(ReadOnlySpan<byte> data, IFitMessageHandler handler, DecodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Decode(data, ref handler, options);
    }

    /// <summary>
    /// Decodes <paramref name="data"/>, calling <paramref name="handler"/> for every data message.
    /// In strict mode any protocol error throws <see cref="FitFormatException"/>; in lenient mode (default) the
    /// decoder keeps every complete message, adds a warning and stops at the first error it cannot step over.
    /// Input that does not start with a FIT header throws in both modes.
    /// </summary>
    public static FitDecodeSummary Decode<THandler>(ReadOnlySpan<byte> data, ref THandler handler, DecodeOptions? options = null)
        where THandler : IFitMessageHandler
    {
        var strict = options?.Strict ?? false;
        var files = new List<FitFileInfo>(1);
        var warnings = new List<DecodeWarning>();
        var definitions = new FitMessageDefinition?[16];
        var pool = new FitMessageDefinition?[16];
        var totalMessages = 0;
        var totalRecords = 0;
        var pos = 0;

        if (data.IsEmpty)
        {
            throw new FitFormatException(0, "empty input");
        }

        while (pos < data.Length)
        {
            var remaining = data.Length - pos;
            var headerSize = data[pos];
            // Without a first valid header there is nothing to keep: not a FIT file, in either mode.
            if (remaining < MinHeaderSize || headerSize < MinHeaderSize || remaining < headerSize)
            {
                Fail(strict || files.Count == 0, warnings, pos, files.Count == 0 ? "truncated or invalid file header" : $"{remaining} trailing bytes after file {files.Count} are not a FIT header");
                break;
            }

            if (!data.Slice(pos + 8, 4).SequenceEqual(".FIT"u8))
            {
                Fail(strict || files.Count == 0, warnings, pos, "file header does not contain the \".FIT\" signature");
                break;
            }

            var protocol = data[pos + 1];
            var profile = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(pos + 2));
            var dataSize = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(pos + 4));
            var headerCrcValid = true;
            if (headerSize >= 14)
            {
                var stored = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(pos + 12));
                if (stored != 0 && stored != FitCrc.Compute(data.Slice(pos, 12)))
                {
                    headerCrcValid = false;
                    Fail(strict, warnings, pos + 12, "file header CRC mismatch");
                }
            }

            var dataStart = pos + headerSize;
            var declaredEnd = dataStart + (long)dataSize;
            var truncated = declaredEnd > data.Length;
            var dataEnd = truncated ? data.Length : (int)declaredEnd;

            Array.Clear(definitions);
            var fileIndex = files.Count;
            var state = new FileState { LastTimestamp = 0 };
            var stop = !ReadMessages(data, dataStart, dataEnd, fileIndex, strict, warnings, definitions, pool, ref handler, ref state);
            totalMessages += state.Messages;
            totalRecords += state.Records;

            if (stop || truncated)
            {
                if (!stop)
                {
                    Fail(strict, warnings, data.Length, $"data section declares {dataSize} bytes but only {data.Length - dataStart} are present");
                }

                files.Add(new FitFileInfo(pos, headerSize, protocol, profile, dataSize, headerCrcValid, false, state.Messages) { DataBytesRead = state.DataBytesRead });
                if (stop && !truncated && state.Overran)
                {
                    // The data section itself is intact in size: check its CRC and go on with the chain.
                    if (declaredEnd + 2 <= data.Length)
                    {
                        CheckFileCrc(data, pos, (int)declaredEnd, strict, warnings);
                        pos = (int)declaredEnd + 2;
                        continue;
                    }
                }

                break;
            }

            if (declaredEnd + 2 > data.Length)
            {
                Fail(strict, warnings, declaredEnd, "file CRC missing");
                files.Add(new FitFileInfo(pos, headerSize, protocol, profile, dataSize, headerCrcValid, false, state.Messages) { DataBytesRead = state.DataBytesRead });
                break;
            }

            var crcValid = CheckFileCrc(data, pos, dataEnd, strict, warnings);
            files.Add(new FitFileInfo(pos, headerSize, protocol, profile, dataSize, headerCrcValid, crcValid, state.Messages) { DataBytesRead = state.DataBytesRead });
            pos = dataEnd + 2;
        }

        return new FitDecodeSummary(files, totalMessages, totalRecords, warnings);
    }

    private static bool CheckFileCrc(ReadOnlySpan<byte> data, int fileStart, int dataEnd, bool strict, List<DecodeWarning> warnings)
    {
        var stored = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(dataEnd));
        var computed = FitCrc.Compute(data[fileStart..dataEnd]);
        if (stored != computed)
        {
            Fail(strict, warnings, dataEnd, $"file CRC mismatch (stored 0x{stored:X4}, computed 0x{computed:X4})");
            return false;
        }

        return true;
    }

    private struct FileState
    {
        public uint LastTimestamp;
        public int Messages;
        public int Records;
        public bool Overran;
        public int DataBytesRead;
    }

    // Returns false when decoding of this file had to stop early (lenient mode).
    private static bool ReadMessages<THandler>(
        ReadOnlySpan<byte> data,
        int start,
        int end,
        int fileIndex,
        bool strict,
        List<DecodeWarning> warnings,
        FitMessageDefinition?[] definitions,
        FitMessageDefinition?[] pool,
        ref THandler handler,
        ref FileState state)
        where THandler : IFitMessageHandler
    {
        var p = start;
        var lastTimestamp = state.LastTimestamp;
        var messages = 0;
        var records = 0;
        try
        {
            while (p < end)
            {
                var header = data[p];
                if ((header & 0x80) != 0)
                {
                    // Compressed timestamp header: local type in bits 5-6, 5-bit time offset in bits 0-4.
                    var local = (header >> 5) & 0x3;
                    var def = definitions[local];
                    if (def is null)
                    {
                        Fail(strict, warnings, p, $"data message uses undefined local message type {local}");
                        return false;
                    }

                    var size = def.MessageSize;
                    if (p + 1 + size > end)
                    {
                        state.Overran = true;
                        Fail(strict, warnings, p, $"message (global {def.GlobalMessageNumber}) overruns the data section");
                        return false;
                    }

                    var offset = (uint)(header & 0x1F);
                    var ts = (lastTimestamp & ~0x1Fu) + offset;
                    if (offset < (lastTimestamp & 0x1Fu))
                    {
                        ts += 0x20;
                    }

                    lastTimestamp = ts;
                    var view = new FitMessageView(data.Slice(p + 1, size), def, ts, p, fileIndex);
                    handler.OnMessage(in view);
                    messages++;
                    if (def.GlobalMessageNumber == FitProfile.Messages.Record)
                    {
                        records++;
                    }

                    p += 1 + size;
                }
                else if ((header & 0x40) != 0)
                {
                    var local = header & 0x0F;
                    var hasDeveloperData = (header & 0x20) != 0;
                    if (p + 6 > end)
                    {
                        state.Overran = true;
                        Fail(strict, warnings, p, "definition message overruns the data section");
                        return false;
                    }

                    var bigEndian = data[p + 2] == 1;
                    var global = bigEndian
                        ? BinaryPrimitives.ReadUInt16BigEndian(data.Slice(p + 3))
                        : BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(p + 3));
                    var fieldCount = data[p + 5];
                    var q = p + 6;
                    if (q + (fieldCount * 3) > end)
                    {
                        state.Overran = true;
                        Fail(strict, warnings, p, "definition message overruns the data section");
                        return false;
                    }

                    var devCount = 0;
                    var devStart = q + (fieldCount * 3);
                    if (hasDeveloperData)
                    {
                        if (devStart + 1 > end)
                        {
                            state.Overran = true;
                            Fail(strict, warnings, p, "definition message overruns the data section");
                            return false;
                        }

                        devCount = data[devStart];
                        if (devStart + 1 + (devCount * 3) > end)
                        {
                            state.Overran = true;
                            Fail(strict, warnings, p, "definition message overruns the data section");
                            return false;
                        }
                    }

                    var def = pool[local] ??= new FitMessageDefinition();
                    def.Reset(fieldCount, devCount);
                    def.GlobalMessageNumber = global;
                    def.BigEndian = bigEndian;
                    for (var f = 0; f < fieldCount; f++, q += 3)
                    {
                        def.AddField(data[q], data[q + 1], data[q + 2]);
                    }

                    if (hasDeveloperData)
                    {
                        q = devStart + 1;
                        for (var f = 0; f < devCount; f++, q += 3)
                        {
                            def.AddDeveloperField(data[q], data[q + 1], data[q + 2]);
                        }
                    }

                    definitions[local] = def;
                    p = q;
                }
                else
                {
                    var local = header & 0x0F;
                    var def = definitions[local];
                    if (def is null)
                    {
                        Fail(strict, warnings, p, $"data message uses undefined local message type {local}");
                        return false;
                    }

                    var size = def.MessageSize;
                    if (p + 1 + size > end)
                    {
                        state.Overran = true;
                        Fail(strict, warnings, p, $"message (global {def.GlobalMessageNumber}) overruns the data section");
                        return false;
                    }

                    var body = data.Slice(p + 1, size);
                    var ts = 0u;
                    if (def.TimestampIndex >= 0)
                    {
                        var o = def.Offsets[def.TimestampIndex];
                        var raw = def.BigEndian
                            ? BinaryPrimitives.ReadUInt32BigEndian(body.Slice(o))
                            : BinaryPrimitives.ReadUInt32LittleEndian(body.Slice(o));
                        if (raw != uint.MaxValue)
                        {
                            ts = raw;
                            lastTimestamp = raw;
                        }
                    }

                    var view = new FitMessageView(body, def, ts, p, fileIndex);
                    handler.OnMessage(in view);
                    messages++;
                    if (def.GlobalMessageNumber == FitProfile.Messages.Record)
                    {
                        records++;
                    }

                    p += 1 + size;
                }
            }

            return true;
        }
        finally
        {
            state.LastTimestamp = lastTimestamp;
            state.Messages = messages;
            state.Records = records;
            // On an early stop p is the start of the message that failed: only complete messages count as read.
            state.DataBytesRead = Math.Max(0, p - start);
        }
    }

    private static void Fail(bool strict, List<DecodeWarning> warnings, long offset, string reason)
    {
        if (strict)
        {
            throw new FitFormatException(offset, reason);
        }

        warnings.Add(new DecodeWarning("FIT: " + reason, null, offset));
    }
}
