using System.Text;

namespace CoachPortal.Core.Media;

/// <summary>
/// Tells a photo or video by its magic bytes, never by the name or the type the browser sent: JPEG, PNG and WebP
/// photos; MP4, QuickTime and WebM videos. Anything else is refused.
/// </summary>
public static class MediaSniffer
{
    public static SniffedMedia? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return new SniffedMedia(MediaKind.Photo, "image/jpeg");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new SniffedMedia(MediaKind.Photo, "image/png");
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return new SniffedMedia(MediaKind.Photo, "image/webp");
        }

        // ISO base media (ISO/IEC 14496-12): a box of type "ftyp" first, whose major brand tells QuickTime from MP4.
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(head[8..12]);
            return brand == "qt  "
                ? new SniffedMedia(MediaKind.Video, "video/quicktime")
                : new SniffedMedia(MediaKind.Video, "video/mp4");
        }

        // EBML header; WebM is Matroska with DocType "webm", which sits within the first few dozen bytes.
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) && head[..Math.Min(head.Length, 64)].IndexOf("webm"u8) >= 0)
        {
            return new SniffedMedia(MediaKind.Video, "video/webm");
        }

        return null;
    }
}
