using SkiaSharp;

namespace CoachPortal.Learning.Tests.Support;

/// <summary>
/// Renders stick figures with SkiaSharp for image tests: arms raised overhead (the positive class) or arms down by
/// the sides, with random position, size, stroke, colours and background clutter, so that only the pose separates
/// the classes.
/// </summary>
internal static class FigureRenderer
{
    public static SKBitmap Render(bool armsUp, int size, Random random)
    {
        var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using var canvas = new SKCanvas(bitmap);
        byte shade = (byte)random.Next(150, 240);
        canvas.Clear(new SKColor(shade, (byte)(shade - random.Next(0, 30)), (byte)random.Next(120, 240)));
        using var clutter = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        for (int i = 0; i < 6; i++)
        {
            clutter.Color = new SKColor((byte)random.Next(80, 255), (byte)random.Next(80, 255), (byte)random.Next(80, 255), 120);
            canvas.DrawCircle((float)(random.NextDouble() * size), (float)(random.NextDouble() * size), (float)(random.NextDouble() * size / 12), clutter);
        }

        float unit = size * (0.075f + (0.02f * (float)random.NextDouble()));
        float cx = (size / 2f) + ((float)(random.NextDouble() - 0.5) * size * 0.2f);
        float cy = (size / 2f) + ((float)(random.NextDouble() - 0.5) * size * 0.15f);
        using var body = new SKPaint
        {
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = Math.Max(1.5f, unit * 0.45f),
            StrokeCap = SKStrokeCap.Round,
            Color = new SKColor((byte)random.Next(0, 70), (byte)random.Next(0, 70), (byte)random.Next(0, 90)),
        };
        var neck = new SKPoint(cx, cy - (1.6f * unit));
        var hip = new SKPoint(cx, cy + (1.2f * unit));
        canvas.DrawCircle(cx, cy - (2.4f * unit), 0.7f * unit, body);
        canvas.DrawLine(neck, hip, body);
        canvas.DrawLine(hip, new SKPoint(cx - (0.9f * unit), cy + (3.2f * unit)), body);
        canvas.DrawLine(hip, new SKPoint(cx + (0.9f * unit), cy + (3.2f * unit)), body);
        var shoulder = new SKPoint(cx, cy - (1.2f * unit));
        float handY = armsUp ? cy - (3.6f * unit) : cy + (0.8f * unit);
        float spread = (0.9f + (0.5f * (float)random.NextDouble())) * unit;
        canvas.DrawLine(shoulder, new SKPoint(cx - spread, handY), body);
        canvas.DrawLine(shoulder, new SKPoint(cx + spread, handY), body);
        return bitmap;
    }

    public static byte[] Png(bool armsUp, int size, Random random)
    {
        using var bitmap = Render(armsUp, size, random);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
