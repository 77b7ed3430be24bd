namespace CoachPortal.Ingest.Fit;

/// <summary>
/// A handler that copies every message into <see cref="FitMessage"/> objects: convenient for inspection, tools and
/// tests; allocates per field, so use <see cref="FitActivityDecoder"/> or your own handler on hot paths.
/// </summary>
public sealed class FitMessageCollector : IFitMessageHandler
{
    private readonly List<FitMessage> _messages = [];

    /// <summary>Messages in file order.</summary>
    public IReadOnlyList<FitMessage> Messages => _messages;

    /// <inheritdoc />
    public void OnMessage(in FitMessageView message)
    {
        var fields = new FitFieldValue[message.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            var number = message.GetFieldNumber(i);
            var type = message.GetFieldBaseType(i);
            var bytes = message.GetFieldBytesAt(i);
            if (type == FitBaseType.String)
            {
                fields[i] = new FitFieldValue(number, type, [], FitMessageView.DecodeString(bytes));
                continue;
            }

            var t = FitBaseTypes.FromPublic(type);
            var size = FitBaseTypes.Size(t);
            var values = new double[bytes.Length / size];
            for (var k = 0; k < values.Length; k++)
            {
                values[k] = FitBaseTypes.ReadDouble(bytes.Slice(k * size, size), t, message.IsBigEndian);
            }

            fields[i] = new FitFieldValue(number, type, values, null);
        }

        var developer = new FitDeveloperFieldValue[message.DeveloperFieldCount];
        for (var i = 0; i < developer.Length; i++)
        {
            var d = message.GetDeveloperField(i);
            developer[i] = new FitDeveloperFieldValue(d.DeveloperDataIndex, d.FieldNumber, d.Bytes.ToArray());
        }

        _messages.Add(new FitMessage(message.GlobalMessageNumber, message.Timestamp, message.ByteOffset, fields, developer));
    }
}
