using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using QuoteExtract.Entities;

namespace QuoteExtract.Training;

/// <summary>
/// A linear multiclass model over hashed features with float weights, laid out like the library's
/// <see cref="QuoteExtract.Syntax.QuantizedTable"/>: what training scores with, before the weights are quantized.
/// </summary>
internal sealed class WeightTable
{
    public WeightTable(int bits, int classes, float[] weights)
    {
        if (bits is < MinBits or > MaxBits)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"Hash bits must be from {MinBits} to {MaxBits}.");
        }

        Bits = bits;
        Classes = classes;
        Stride = StrideFor(classes);
        if (weights.Length != (1 << bits) * Stride)
        {
            throw new ArgumentException("Weight table size does not match its shape.", nameof(weights));
        }

        Weights = weights;
    }

    public const int MinBits = QuoteExtract.Syntax.QuantizedTable.MinBits;
    public const int MaxBits = QuoteExtract.Syntax.QuantizedTable.MaxBits;

    public int Bits { get; }

    public int Classes { get; }

    /// <summary>Floats per row: the classes, padded to a multiple of 4 (a row never straddles a 16-byte boundary).</summary>
    public int Stride { get; }

    public float[] Weights { get; }

    /// <summary>The table with 8-bit weights, as the library scores it.</summary>
    public QuoteExtract.Syntax.QuantizedTable Quantize(float clip = 1f) =>
        QuoteExtract.Syntax.QuantizedTable.From(Bits, Classes, Stride, Weights, clip);

    public static int StrideFor(int classes) => (classes + 3) / 4 * 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Row(ulong feature) => NerHash.Bucket(feature, Bits) * Stride;

    /// <summary>Sets <paramref name="scores"/> (at least <see cref="Stride"/> long) to the sum of the features' rows.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        int stride = Stride;
        Span<float> sums = scores[..stride];
        sums.Clear();
        ref float w0 = ref MemoryMarshal.GetArrayDataReference(Weights);
        ref float s0 = ref MemoryMarshal.GetReference(sums);
        if (Vector128.IsHardwareAccelerated)
        {
            foreach (ulong f in features)
            {
                ref float row = ref Unsafe.Add(ref w0, Row(f));
                for (int c = 0; c < stride; c += 4)
                {
                    Vector128<float> v = Vector128.LoadUnsafe(ref row, (nuint)c) + Vector128.LoadUnsafe(ref s0, (nuint)c);
                    v.StoreUnsafe(ref s0, (nuint)c);
                }
            }
        }
        else
        {
            foreach (ulong f in features)
            {
                ref float row = ref Unsafe.Add(ref w0, Row(f));
                for (int c = 0; c < stride; c++)
                {
                    Unsafe.Add(ref s0, c) += Unsafe.Add(ref row, c);
                }
            }
        }
    }
}
