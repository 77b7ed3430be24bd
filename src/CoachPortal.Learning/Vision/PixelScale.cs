namespace CoachPortal.Learning.Vision;

/// <summary>How <see cref="ImageTensors"/> scales 8-bit channel values.</summary>
public enum PixelScale
{
    /// <summary>value / 255, in [0, 1] (the image CNN's input, as Keras' Rescaling(1/255)).</summary>
    UnitRange,

    /// <summary>The raw 0–255 values (what ResNet18's preprocessing model takes).</summary>
    Bytes,
}
