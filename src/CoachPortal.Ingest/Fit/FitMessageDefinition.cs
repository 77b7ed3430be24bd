namespace CoachPortal.Ingest.Fit;

/// <summary>
/// A decoded definition message: where each field of the data messages that follow it lies, and how to read it.
/// Instances are reused per local message type so that redefinitions do not allocate.
/// </summary>
internal sealed class FitMessageDefinition
{
    public ushort GlobalMessageNumber;
    public bool BigEndian;
    public int FieldCount;
    public int DeveloperFieldCount;
    public int MessageSize;

    // Index + 1 of each field number in the arrays below; 0 = absent. A definition has at most 255 fields.
    public readonly byte[] IndexByNumber = new byte[256];
    public byte[] Numbers = new byte[16];
    public byte[] Sizes = new byte[16];
    public byte[] Types = new byte[16];
    public byte[] DeclaredTypes = new byte[16];
    public int[] Offsets = new int[16];

    public byte[] DevNumbers = [];
    public byte[] DevSizes = [];
    public byte[] DevIndexes = [];
    public int[] DevOffsets = [];

    public int TimestampIndex = -1;

    // Changes on every redefinition, so handlers can cache per-layout lookups keyed by (instance, version).
    public int Version;

    public void Reset(int fieldCount, int developerFieldCount)
    {
        Version++;
        for (var i = 0; i < FieldCount; i++)
        {
            IndexByNumber[Numbers[i]] = 0;
        }

        if (Numbers.Length < fieldCount)
        {
            var n = Math.Max(fieldCount, Numbers.Length * 2);
            Numbers = new byte[n];
            Sizes = new byte[n];
            Types = new byte[n];
            DeclaredTypes = new byte[n];
            Offsets = new int[n];
        }

        if (DevNumbers.Length < developerFieldCount)
        {
            DevNumbers = new byte[developerFieldCount];
            DevSizes = new byte[developerFieldCount];
            DevIndexes = new byte[developerFieldCount];
            DevOffsets = new int[developerFieldCount];
        }

        FieldCount = 0;
        DeveloperFieldCount = 0;
        MessageSize = 0;
        TimestampIndex = -1;
    }

    public void AddField(byte number, byte size, byte declaredType)
    {
        var i = FieldCount++;
        Numbers[i] = number;
        Sizes[i] = size;
        DeclaredTypes[i] = declaredType;
        var type = FitBaseTypes.Normalise(declaredType);
        // A size that is not a multiple of the type's size cannot be read as that type (COROS writes such fields):
        // fall back to bytes, as python-fitparse does.
        if (size % FitBaseTypes.Size(type) != 0 || size == 0)
        {
            type = FitBaseTypes.ByteType;
        }

        Types[i] = type;
        Offsets[i] = MessageSize;
        MessageSize += size;
        if (IndexByNumber[number] == 0)
        {
            IndexByNumber[number] = (byte)(i + 1);
            if (number == FitProfile.TimestampField && type == FitBaseTypes.UInt32Type)
            {
                TimestampIndex = i;
            }
        }
    }

    public void AddDeveloperField(byte number, byte size, byte developerIndex)
    {
        var i = DeveloperFieldCount++;
        DevNumbers[i] = number;
        DevSizes[i] = size;
        DevIndexes[i] = developerIndex;
        DevOffsets[i] = MessageSize;
        MessageSize += size;
    }
}
