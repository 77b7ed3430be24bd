namespace CoachPortal.Learning.Graphs;

/// <summary>Element types the engine uses; the values are ONNX's TensorProto.DataType codes.</summary>
internal enum ElementType
{
    Float = 1,
    Int64 = 7,
    Double = 11,
}
