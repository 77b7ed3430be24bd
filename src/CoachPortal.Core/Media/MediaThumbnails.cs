using SkiaSharp;

namespace CoachPortal.Core.Media;

/// <summary>
/// Small JPEG thumbnails drawn with SkiaSharp. Re-encoding also means the gallery never serves bytes a browser sent
/// as a poster frame unchanged.
/// </summary>
public static class MediaThumbnails
{
    public const int MaxSidePixels = 320;

    /// <summary>The image's size and a thumbnail, or null when the bytes do not decode as an image.</summary>
    public static (int Width, int Height, byte[] Jpeg)? Make(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var codec = SKCodec.Create(new SKMemoryStream(image));
        if (codec is null)
        {
            return null;
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        // EXIF orientation matters for phone photos: draw upright.
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)MaxSidePixels / Math.Max(upright.Width, upright.Height));
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(upright.Width * scale)), Math.Max(1, (int)Math.Round(upright.Height * scale)));
        using var small = upright.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var data = small.Encode(SKEncodedImageFormat.Jpeg, 80);
        return (upright.Width, upright.Height, data.ToArray());
    }

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        if (degrees == 0)
        {
            return source.Copy();
        }

        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(result);
        canvas.Translate(result.Width / 2f, result.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }
}
