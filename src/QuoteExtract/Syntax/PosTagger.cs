using System;
using System.Runtime.CompilerServices;
using QuoteExtract.Entities;

namespace QuoteExtract.Syntax;

/// <summary>
/// The part-of-speech tagger: two greedy passes, left to right, of a linear model over the word's characters, its
/// neighbours and the tags before it; the second pass also reads the first pass's tags of the two words after it.
/// Training (src/QuoteExtract.Training) and tagging share <see cref="Features"/>.
/// </summary>
internal sealed class PosTagger
{
    /// <summary>Bumped whenever a template changes: a model records it and is refused by another version.</summary>
    public const int FeatureVersion = 1;

    /// <summary>How many of the first pass's features read no tag.</summary>
    public const int StaticCount = 22;

    /// <summary>How many features the first pass reads.</summary>
    public const int FeatureCount = 27;

    /// <summary>How many features the second pass reads.</summary>
    public const int SecondFeatureCount = FeatureCount + 6;

    /// <summary>The "tag" of a position before or after the sentence.</summary>
    public const int Outside = UniversalPosTags.Count + 1;

    private const ulong OutsideWord = 0x5EED_0F_B0B_D00DUL;

    public PosTagger(QuantizedTable first, QuantizedTable second)
    {
        if (first.Classes != UniversalPosTags.Count || second.Classes != UniversalPosTags.Count)
        {
            throw new ArgumentException($"A tagger table has {UniversalPosTags.Count} classes.", nameof(first));
        }

        First = first;
        Second = second;
    }

    public QuantizedTable First { get; }

    public QuantizedTable Second { get; }

    /// <summary>Tags one sentence: <paramref name="tags"/>[i] receives the UPOS of word i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Tag(ReadOnlySpan<NerToken> words, Span<UniversalPos> tags)
    {
        // The features that do not depend on tags are hashed once for both passes.
        int n = words.Length;
        Span<ulong> fixedFeatures = n <= 128 ? stackalloc ulong[n * StaticCount] : new ulong[n * StaticCount];
        for (int i = 0; i < n; i++)
        {
            StaticFeatures(words, i, fixedFeatures.Slice(i * StaticCount, StaticCount));
        }

        Span<ulong> features = stackalloc ulong[SecondFeatureCount];
        Span<short> scores = stackalloc short[Math.Max(First.Stride, Second.Stride)];
        Span<UniversalPos> first = n <= 256 ? stackalloc UniversalPos[n] : new UniversalPos[n];
        for (int pass = 0; pass < 2; pass++)
        {
            QuantizedTable table = pass == 0 ? First : Second;
            Span<ulong> used = pass == 0 ? features[..FeatureCount] : features;
            int prev1 = Outside, prev2 = Outside;
            for (int i = 0; i < n; i++)
            {
                fixedFeatures.Slice(i * StaticCount, StaticCount).CopyTo(features);
                DynamicFeatures(words, i, prev1, prev2, features);
                if (pass == 1)
                {
                    RightFeatures(words, first, i, prev1, features);
                }

                table.Score(used, scores);
                int best = ClosedClasses.Best(words[i], scores, UniversalPosTags.Count);
                tags[i] = (UniversalPos)(best + 1);
                prev2 = prev1;
                prev1 = best + 1;
            }

            if (pass == 0)
            {
                tags[..n].CopyTo(first);
            }
        }
    }

    /// <summary>One pass; the second (<paramref name="first"/> not empty) reads the first pass's tags to the right.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Pass(QuantizedTable table, ReadOnlySpan<NerToken> words, Span<UniversalPos> tags, ReadOnlySpan<UniversalPos> first, Span<ulong> features, Span<short> scores)
    {
        int prev1 = Outside, prev2 = Outside;
        for (int i = 0; i < words.Length; i++)
        {
            Features(words, i, prev1, prev2, features);
            if (!first.IsEmpty)
            {
                RightFeatures(words, first, i, prev1, features);
            }

            table.Score(features, scores);
            int best = ClosedClasses.Best(words[i], scores, UniversalPosTags.Count);
            tags[i] = (UniversalPos)(best + 1);
            prev2 = prev1;
            prev1 = best + 1;
        }
    }

    /// <summary>The second pass's extra features: the first pass's tags of the next two words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RightFeatures(ReadOnlySpan<NerToken> words, ReadOnlySpan<UniversalPos> first, int i, int prev1, Span<ulong> f)
    {
        ulong next1 = i + 1 < first.Length ? (ulong)first[i + 1] : Outside;
        ulong next2 = i + 2 < first.Length ? (ulong)first[i + 2] : Outside;
        ulong own = (ulong)first[i];
        f[FeatureCount] = NerHash.Feature(40, next1);
        f[FeatureCount + 1] = NerHash.Feature(41, (next1 << 8) | next2);
        f[FeatureCount + 2] = NerHash.Feature(42, ((ulong)(uint)prev1 << 8) | next1);
        f[FeatureCount + 3] = NerHash.Feature(43, ParserFeatures.Pair(words[i].Lower, next1));
        f[FeatureCount + 4] = NerHash.Feature(44, ParserFeatures.Pair(words[i].Suffix3, next1));
        f[FeatureCount + 5] = NerHash.Feature(45, (((ulong)(uint)prev1 << 8) | own) << 8 | next1);
    }

    /// <summary>The features of word <paramref name="i"/> given the tags (1-based UPOS numbers) of the two words before it.</summary>
    public static void Features(ReadOnlySpan<NerToken> words, int i, int prev1, int prev2, Span<ulong> f)
    {
        StaticFeatures(words, i, f);
        DynamicFeatures(words, i, prev1, prev2, f);
    }

    /// <summary>The features that read the tags before word <paramref name="i"/>: entries <see cref="StaticCount"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DynamicFeatures(ReadOnlySpan<NerToken> words, int i, int prev1, int prev2, Span<ulong> f)
    {
        ref readonly NerToken w = ref words[i];
        ulong lp1 = i + 1 < words.Length ? words[i + 1].Lower : OutsideWord;
        f[StaticCount] = NerHash.Feature(17, (ulong)prev1);
        f[StaticCount + 1] = NerHash.Feature(18, ((ulong)prev2 << 8) | (uint)prev1);
        f[StaticCount + 2] = NerHash.Feature(19, ParserFeatures.Pair((ulong)prev1, w.Lower));
        f[StaticCount + 3] = NerHash.Feature(24, ParserFeatures.Pair((ulong)prev1, w.Suffix3));
        f[StaticCount + 4] = NerHash.Feature(26, ParserFeatures.Pair((ulong)prev1, lp1));
    }

    /// <summary>The features of word <paramref name="i"/> that read no tag: entries 0 to <see cref="StaticCount"/> - 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void StaticFeatures(ReadOnlySpan<NerToken> words, int i, Span<ulong> f)
    {
        ref readonly NerToken w = ref words[i];
        ulong lm1 = i > 0 ? words[i - 1].Lower : OutsideWord;
        ulong lm2 = i > 1 ? words[i - 2].Lower : OutsideWord;
        ulong lp1 = i + 1 < words.Length ? words[i + 1].Lower : OutsideWord;
        ulong lp2 = i + 2 < words.Length ? words[i + 2].Lower : OutsideWord;
        ulong sm1 = i > 0 ? words[i - 1].Suffix3 : OutsideWord;
        ulong sp1 = i + 1 < words.Length ? words[i + 1].Suffix3 : OutsideWord;
        ulong shp1 = i + 1 < words.Length ? words[i + 1].Shape : OutsideWord;
        ulong flags = (ulong)w.Flags;
        f[0] = NerHash.Feature(0, 1);
        f[1] = NerHash.Feature(1, w.Lower);
        f[2] = NerHash.Feature(2, w.Exact);
        f[3] = NerHash.Feature(3, w.Suffix1);
        f[4] = NerHash.Feature(4, w.Suffix2);
        f[5] = NerHash.Feature(5, w.Suffix3);
        f[6] = NerHash.Feature(6, w.Suffix4);
        f[7] = NerHash.Feature(7, w.Prefix1);
        f[8] = NerHash.Feature(8, w.Prefix2);
        f[9] = NerHash.Feature(9, w.Prefix3);
        f[10] = NerHash.Feature(10, w.Shape);
        f[11] = NerHash.Feature(11, lm1);
        f[12] = NerHash.Feature(12, lm2);
        f[13] = NerHash.Feature(13, lp1);
        f[14] = NerHash.Feature(14, lp2);
        f[15] = NerHash.Feature(15, sm1);
        f[16] = NerHash.Feature(16, sp1);
        f[17] = NerHash.Feature(20, ParserFeatures.Pair(lm1, w.Lower));
        f[18] = NerHash.Feature(21, ParserFeatures.Pair(w.Lower, lp1));
        f[19] = NerHash.Feature(22, ParserFeatures.Pair(w.Shape, shp1));
        f[20] = NerHash.Feature(23, ParserFeatures.Pair((ulong)(i == 0 ? 1 : 0), flags));
        f[21] = NerHash.Feature(25, ParserFeatures.Pair(w.Suffix3, lp1));
    }
}
