using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using QuoteExtract.Entities;

namespace QuoteExtract.Syntax;

/// <summary>
/// A linear multiclass model over hashed features with 8-bit weights: 2^<see cref="Bits"/> rows of <see cref="Stride"/>
/// signed bytes, one row per hash bucket, so a feature costs one read of a few bytes (a quarter of a cache line for
/// the tagger, four bytes for the parser's actions) and a whole table stays in the processor's cache. Scores are sums
/// of small integers: the argmax needs no scale, and no float is touched on the hot path.
/// </summary>
internal sealed class QuantizedTable
{
    public const int MinBits = 8;
    public const int MaxBits = 24;

    /// <summary>The most features one score may sum: with weights in ±127 the sums fit a 16-bit integer.</summary>
    public const int MaxFeatures = 256;

    public QuantizedTable(int bits, int classes, float scale, sbyte[] weights)
    {
        if (bits is < MinBits or > MaxBits)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"Hash bits must be from {MinBits} to {MaxBits}.");
        }

        if (classes is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "A table has 1 to 64 classes.");
        }

        Bits = bits;
        Classes = classes;
        Stride = StrideFor(classes);
        Scale = scale;
        if (weights.Length != (1 << bits) * Stride)
        {
            throw new ArgumentException("Weight table size does not match its shape.", nameof(weights));
        }

        Weights = weights;
    }

    public int Bits { get; }

    public int Classes { get; }

    /// <summary>Bytes per row: 4 for up to four classes, else the classes rounded up to 16 (whole vector loads).</summary>
    public int Stride { get; }

    /// <summary>What one unit of weight was worth before quantization (for reports; scoring does not need it).</summary>
    public float Scale { get; }

    public sbyte[] Weights { get; }

    public static int StrideFor(int classes) => classes <= 4 ? 4 : (classes + 15) / 16 * 16;

    /// <summary>
    /// Quantizes float weights: one unit is <paramref name="clip"/> of the largest weight magnitude divided by 127,
    /// larger magnitudes are clipped to ±127, and a weight that rounds to 0 is dropped.
    /// </summary>
    public static QuantizedTable From(int bits, int classes, int floatStride, float[] weights, float clip = 1f)
    {
        float max = 0;
        foreach (float w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        float scale = max == 0 ? 1 : max * clip / 127f;
        int stride = StrideFor(classes);
        var q = new sbyte[(1 << bits) * stride];
        for (int r = 0; r < 1 << bits; r++)
        {
            for (int c = 0; c < classes; c++)
            {
                float v = MathF.Round(weights[(r * floatStride) + c] / scale);
                q[(r * stride) + c] = (sbyte)Math.Clamp(v, -127f, 127f);
            }
        }

        return new QuantizedTable(bits, classes, scale, q);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Row(ulong feature) => NerHash.Bucket(feature, Bits) * Stride;

    /// <summary>Sets the first <see cref="Stride"/> entries of <paramref name="scores"/> to the sums of the features' rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Score(ReadOnlySpan<ulong> features, Span<short> scores)
    {
        int stride = Stride;
        Span<short> sums = scores[..stride];
        sums.Clear();
        ref sbyte w0 = ref MemoryMarshal.GetArrayDataReference(Weights);
        if (stride == 4)
        {
            // The parser's actions: one 4-byte read per feature, widened to four 16-bit lanes.
            Vector128<short> a = default;
            foreach (ulong f in features)
            {
                int row = Unsafe.ReadUnaligned<int>(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref w0, Row(f))));
                a += Vector128.WidenLower(Vector128.CreateScalarUnsafe(row).AsSByte());
            }

            sums[0] = a.GetElement(0);
            sums[1] = a.GetElement(1);
            sums[2] = a.GetElement(2);
            sums[3] = a.GetElement(3);
            return;
        }

        ref short s0 = ref MemoryMarshal.GetReference(sums);
        if (stride == 32)
        {
            // The tagger's rows: four 8-lane accumulators kept in registers.
            Vector128<short> a0 = default, a1 = default, a2 = default, a3 = default;
            foreach (ulong f in features)
            {
                ref sbyte row = ref Unsafe.Add(ref w0, Row(f));
                (Vector128<short> lo, Vector128<short> hi) = Vector128.Widen(Vector128.LoadUnsafe(ref row));
                a0 += lo;
                a1 += hi;
                (lo, hi) = Vector128.Widen(Vector128.LoadUnsafe(ref row, 16));
                a2 += lo;
                a3 += hi;
            }

            a0.StoreUnsafe(ref s0);
            a1.StoreUnsafe(ref s0, 8);
            a2.StoreUnsafe(ref s0, 16);
            a3.StoreUnsafe(ref s0, 24);
            return;
        }

        if (stride == 64)
        {
            // The parser's relations: eight 8-lane accumulators kept in registers.
            Vector128<short> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
            foreach (ulong f in features)
            {
                ref sbyte row = ref Unsafe.Add(ref w0, Row(f));
                (Vector128<short> lo, Vector128<short> hi) = Vector128.Widen(Vector128.LoadUnsafe(ref row));
                a0 += lo;
                a1 += hi;
                (lo, hi) = Vector128.Widen(Vector128.LoadUnsafe(ref row, 16));
                a2 += lo;
                a3 += hi;
                (lo, hi) = Vector128.Widen(Vector128.LoadUnsafe(ref row, 32));
                a4 += lo;
                a5 += hi;
                (lo, hi) = Vector128.Widen(Vector128.LoadUnsafe(ref row, 48));
                a6 += lo;
                a7 += hi;
            }

            a0.StoreUnsafe(ref s0);
            a1.StoreUnsafe(ref s0, 8);
            a2.StoreUnsafe(ref s0, 16);
            a3.StoreUnsafe(ref s0, 24);
            a4.StoreUnsafe(ref s0, 32);
            a5.StoreUnsafe(ref s0, 40);
            a6.StoreUnsafe(ref s0, 48);
            a7.StoreUnsafe(ref s0, 56);
            return;
        }

        foreach (ulong f in features)
        {
            ref sbyte row = ref Unsafe.Add(ref w0, Row(f));
            for (int c = 0; c < stride; c += 16)
            {
                (Vector128<short> lo, Vector128<short> hi) = Vector128.Widen(Vector128.LoadUnsafe(ref row, (nuint)c));
                (Vector128.LoadUnsafe(ref s0, (nuint)c) + lo).StoreUnsafe(ref s0, (nuint)c);
                (Vector128.LoadUnsafe(ref s0, (nuint)(c + 8)) + hi).StoreUnsafe(ref s0, (nuint)(c + 8));
            }
        }
    }

    /// <summary>The class with the highest score among the first <paramref name="count"/> (the first of equals), skipping <paramref name="skip"/>.</summary>
    public static int ArgMax(ReadOnlySpan<short> scores, int count, int skip = -1)
    {
        int best = skip == 0 ? 1 : 0;
        for (int c = best + 1; c < count; c++)
        {
            if (c != skip && scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }
}
