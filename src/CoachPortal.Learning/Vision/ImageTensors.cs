using SkiaSharp;

namespace CoachPortal.Learning.Vision;

/// <summary>Decodes images (JPEG, PNG, WebP...) with SkiaSharp and turns them into planar RGB tensors [3, size, size].</summary>
public static class ImageTensors
{
    /// <summary>Decodes, stretches to size × size and scales an encoded image.</summary>
    /// <exception cref="LearningException">the bytes are not an image SkiaSharp can decode</exception>
    public static float[] FromEncoded(byte[] encoded, int size, PixelScale scale)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        // SKBitmap.Decode throws ArgumentNullException on bytes no codec recognises; asking for the codec first does not
        using var stream = new SKMemoryStream(encoded);
        using var codec = SKCodec.Create(stream) ?? throw new LearningException("the image could not be decoded: no codec recognises it");
        using var bitmap = SKBitmap.Decode(codec) ?? throw new LearningException("the image could not be decoded");
        return FromBitmap(bitmap, size, scale);
    }

    /// <summary>Stretches a bitmap to size × size (aspect ratio not kept, as Keras' image loaders) and scales it.</summary>
    public static float[] FromBitmap(SKBitmap bitmap, int size, PixelScale scale)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        if (size < 1)
        {
            throw new LearningException($"the image size must be positive, got {size}");
        }

        var info = new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var resized = bitmap.Width == size && bitmap.Height == size && bitmap.ColorType == SKColorType.Rgba8888
            ? bitmap.Copy()
            : bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (resized is null)
        {
            throw new LearningException("the image could not be resized");
        }

        using var rgba = resized.ColorType == SKColorType.Rgba8888 ? resized.Copy() : resized.Copy(SKColorType.Rgba8888);
        var pixels = rgba.GetPixelSpan();
        float factor = scale == PixelScale.UnitRange ? 1f / 255 : 1f;
        int plane = size * size;
        var result = new float[3 * plane];
        for (int i = 0; i < plane; i++)
        {
            result[i] = pixels[4 * i] * factor;
            result[plane + i] = pixels[(4 * i) + 1] * factor;
            result[(2 * plane) + i] = pixels[(4 * i) + 2] * factor;
        }

        return result;
    }
}
