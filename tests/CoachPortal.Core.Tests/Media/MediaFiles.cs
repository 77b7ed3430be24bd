using SkiaSharp;

namespace CoachPortal.Core.Tests.Media;

/// <summary>Small files of each accepted kind, made in the test.</summary>
internal static class MediaFiles
{
    public static byte[] Photo(int width = 800, int height = 600, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SkyBlue);
            using var paint = new SKPaint { Color = SKColors.DarkGreen, StrokeWidth = 12, IsAntialias = true };
            canvas.DrawLine(width * 0.5f, height * 0.2f, width * 0.5f, height * 0.8f, paint);
        }

        using var data = bitmap.Encode(format, 85);
        return data.ToArray();
    }

    /// <summary>The start of an MP4 (an ISO base-media "ftyp" box, brand isom) padded to <paramref name="size"/> bytes.</summary>
    public static byte[] Mp4(int size = 4096, string brand = "isom")
    {
        var bytes = new byte[size];
        byte[] head = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', .. System.Text.Encoding.ASCII.GetBytes(brand), 0, 0, 2, 0];
        head.CopyTo(bytes, 0);
        new Random(size).NextBytes(bytes.AsSpan(head.Length));
        return bytes;
    }

    /// <summary>An EBML header with DocType "webm", padded.</summary>
    public static byte[] WebM(int size = 4096)
    {
        var bytes = new byte[size];
        byte[] head = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0xF2, 0x81, 0x04, 0x42, 0xF3, 0x81, 0x08, 0x42, 0x82, 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m'];
        head.CopyTo(bytes, 0);
        new Random(size + 1).NextBytes(bytes.AsSpan(head.Length));
        return bytes;
    }
}
