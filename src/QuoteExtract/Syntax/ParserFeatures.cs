using System;
using System.Runtime.CompilerServices;
using QuoteExtract.Entities;

namespace QuoteExtract.Syntax;

/// <summary>
/// The parser's feature templates, shared by training and parsing: for the next action, words and tags of the top
/// three stack words, the first three buffer words and their outermost dependents (after Zhang &amp; Nivre 2011);
/// for the relation of a new arc, the dependent's and the head's words, tags, dependents and distance.
/// </summary>
internal static class ParserFeatures
{
    /// <summary>Features per action decision.</summary>
    public const int ActionCount = 76;

    /// <summary>Features per relation decision.</summary>
    public const int LabelCount = 30;

    /// <summary>Bumped whenever a template changes: a model records it and is refused by another version.</summary>
    public const int Version = 1;

    /// <summary>The tag value of the root word.</summary>
    public const byte RootTag = UniversalPosTags.Count + 1;

    /// <summary>The word hash of the root.</summary>
    public const ulong RootWord = 0x0000_0000_0000_0517UL;

    private const ulong NoWord = 0x0000_0000_0000_0404UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong W(ReadOnlySpan<ulong> words, int i) => i < 0 ? NoWord : words[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong T(ReadOnlySpan<byte> tags, int i) => i < 0 ? 0UL : tags[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Wt(ReadOnlySpan<ulong> words, ReadOnlySpan<byte> tags, int i) => i < 0 ? NoWord : Pair(words[i], tags[i]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong L(ParserState s, int i) => (ulong)(s.LabelOf(i) + 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Tags(ulong a, ulong b) => (a << 8) | b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Tags(ulong a, ulong b, ulong c) => (a << 16) | (b << 8) | c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong F(int template, ulong value) => NerHash.Feature(template, value);

    /// <summary>
    /// Two values in one, cheaply: <see cref="F"/> mixes the result whole, so this needs only to keep the pair apart
    /// from others (one multiply and a rotation, not a second finaliser).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Pair(ulong a, ulong b) => System.Numerics.BitOperations.RotateLeft(a * 0x9E3779B97F4A7C15UL, 31) ^ b;

    /// <summary>The bucket of a distance between two words: 0 when one is missing, 1–4 exact, then 5, 6, 7.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Distance(int a, int b)
    {
        if (a < 0 || b < 0)
        {
            return 0;
        }

        int d = Math.Abs(b - a);
        return d <= 4 ? (ulong)d : d <= 7 ? 5UL : d <= 12 ? 6UL : 7UL;
    }

    /// <summary>Writes the <see cref="ActionCount"/> features of the configuration.</summary>
    /// <param name="s">The configuration.</param>
    /// <param name="words">Lower-cased word hashes, the root's (<see cref="RootWord"/>) last.</param>
    /// <param name="suffixes">Hashes of the words' last three characters, the root's (<see cref="RootWord"/>) last.</param>
    /// <param name="tags">UPOS numbers, the root's (<see cref="RootTag"/>) last.</param>
    /// <param name="f">Receives the features.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Action(ParserState s, ReadOnlySpan<ulong> words, ReadOnlySpan<ulong> suffixes, ReadOnlySpan<byte> tags, Span<ulong> f)
    {
        int s0 = s.Stack(0), s1 = s.Stack(1), s2 = s.Stack(2);
        int b0 = s.BufferAt(0), b1 = s.BufferAt(1), b2 = s.BufferAt(2);
        int s0l1 = s.Left1(s0), s0l2 = s.Left2(s0), s0r1 = s.Right1(s0), s0r2 = s.Right2(s0);
        int s1l1 = s.Left1(s1), s1r1 = s.Right1(s1), s1r2 = s.Right2(s1);
        int b0l1 = s.Left1(b0), b0l2 = s.Left2(b0);

        ulong s0w = W(words, s0), s1w = W(words, s1), b0w = W(words, b0), b1w = W(words, b1), b2w = W(words, b2);
        ulong s0t = T(tags, s0), s1t = T(tags, s1), s2t = T(tags, s2), b0t = T(tags, b0), b1t = T(tags, b1), b2t = T(tags, b2);
        ulong s0wt = Wt(words, tags, s0), s1wt = Wt(words, tags, s1), b0wt = Wt(words, tags, b0), b1wt = Wt(words, tags, b1);
        ulong s0l1t = T(tags, s0l1), s0l2t = T(tags, s0l2), s0r1t = T(tags, s0r1), s0r2t = T(tags, s0r2);
        ulong s1l1t = T(tags, s1l1), s1r1t = T(tags, s1r1), s1r2t = T(tags, s1r2), b0l1t = T(tags, b0l1), b0l2t = T(tags, b0l2);
        ulong d01 = Distance(s0, b0), d10 = Distance(s1, s0);
        ulong s0vl = (ulong)Math.Min(s.LeftCount(s0), 4), s0vr = (ulong)Math.Min(s.RightCount(s0), 4);
        ulong b0vl = (ulong)Math.Min(s.LeftCount(b0), 4), s1vr = (ulong)Math.Min(s.RightCount(s1), 4);
        ulong depth = (ulong)Math.Min(s.StackCount, 5);

        f[0] = F(0, depth);
        f[1] = F(1, s0w);
        f[2] = F(2, s0t);
        f[3] = F(3, s0wt);
        f[4] = F(4, s1w);
        f[5] = F(5, s1t);
        f[6] = F(6, s1wt);
        f[7] = F(7, b0w);
        f[8] = F(8, b0t);
        f[9] = F(9, b0wt);
        f[10] = F(10, b1w);
        f[11] = F(11, b1t);
        f[12] = F(12, b1wt);
        f[13] = F(13, b2w);
        f[14] = F(14, b2t);
        f[15] = F(15, s2t);

        f[16] = F(16, Pair(s0wt, b0wt));
        f[17] = F(17, Pair(s0wt, b0w));
        f[18] = F(18, Pair(s0w, b0wt));
        f[19] = F(19, Pair(s0wt, b0t));
        f[20] = F(20, Pair(s0t, b0wt));
        f[21] = F(21, Pair(s0w, b0w));
        f[22] = F(22, Tags(s0t, b0t));
        f[23] = F(23, Pair(s1wt, s0wt));
        f[24] = F(24, Pair(s1w, s0w));
        f[25] = F(25, Tags(s1t, s0t));
        f[26] = F(26, Pair(s1wt, s0t));
        f[27] = F(27, Pair(s1t, s0wt));

        f[28] = F(28, Tags(b0t, b1t));
        f[29] = F(29, Tags(b0t, b1t, b2t));
        f[30] = F(30, Tags(s0t, b0t, b1t));
        f[31] = F(31, Tags(s1t, s0t, b0t));
        f[32] = F(32, Tags(s2t, s1t, s0t));
        f[33] = F(33, Pair(s0w, Tags(b0t, b1t)));
        f[34] = F(34, Pair(b0w, Tags(s0t, b1t)));

        f[35] = F(35, Pair(s0w, d01));
        f[36] = F(36, Tags(s0t, d01));
        f[37] = F(37, Pair(b0w, d01));
        f[38] = F(38, Tags(b0t, d01));
        f[39] = F(39, Tags(s0t, b0t, d01));
        f[40] = F(40, Tags(s1t, s0t, d10));
        f[41] = F(41, Pair(Pair(s1w, s0w), d10));

        f[42] = F(42, Pair(s0w, s0vl));
        f[43] = F(43, Tags(s0t, s0vl));
        f[44] = F(44, Pair(s0w, s0vr));
        f[45] = F(45, Tags(s0t, s0vr));
        f[46] = F(46, Pair(b0w, b0vl));
        f[47] = F(47, Tags(b0t, b0vl));
        f[48] = F(48, Tags(s1t, s1vr));

        f[49] = F(49, Tags(s0l1t, L(s, s0l1)));
        f[50] = F(50, Tags(s0r1t, L(s, s0r1)));
        f[51] = F(51, Tags(b0l1t, L(s, b0l1)));
        f[52] = F(52, Tags(s1r1t, L(s, s1r1)));
        f[53] = F(53, Tags(s0l2t, L(s, s0l2)));
        f[54] = F(54, Tags(s0r2t, L(s, s0r2)));
        f[55] = F(55, Tags(b0l2t, L(s, b0l2)));
        f[56] = F(56, Tags(s0t, s0l1t, s0l2t));
        f[57] = F(57, Tags(s0t, s0r1t, s0r2t));
        f[58] = F(58, Tags(b0t, b0l1t, b0l2t));
        f[59] = F(59, Pair(Tags(s1t, s1r1t, s1r2t), s0t));

        f[60] = F(60, Pair(s0t, s.LeftLabels(s0)));
        f[61] = F(61, Pair(s0t, s.RightLabels(s0)));
        f[62] = F(62, Pair(b0t, s.LeftLabels(b0)));
        f[63] = F(63, Pair(Tags(s1t, s0t, s1l1t), s.RightLabels(s1)));

        // Surface neighbours, suffixes for rare words, and the s1–b0 pair that LEFT and RIGHT choose between.
        ulong s0next = s0 >= 0 ? tags[s0 + 1] : 0UL;
        ulong s0prev = s0 > 0 ? tags[s0 - 1] : 0UL;
        ulong b0prev = b0 > 0 ? tags[b0 - 1] : 0UL;
        f[64] = F(64, Pair(Suffix(suffixes, s0), s0t));
        f[65] = F(65, Pair(Suffix(suffixes, b0), b0t));
        f[66] = F(66, Tags(s0t, s0next, b0t));
        f[67] = F(67, Tags(s0t, b0prev, b0t));
        f[68] = F(68, Tags(s0prev, s0t, b0t));
        f[69] = F(69, Pair(b0w, b1w));
        f[70] = F(70, Pair(b0wt, b1t));
        f[71] = F(71, Pair(s1w, b0w));
        f[72] = F(72, Tags(s1t, b0t, Distance(s1, b0)));
        f[73] = F(73, Pair(s0w, Tags(L(s, s0l1), L(s, s0r1))));
        f[74] = F(74, Pair(b0w, Tags(L(s, b0l1), L(s, b0l2))));
        f[75] = F(75, Tags(s1t, s0t, (s0l1t << 6) | L(s, s0l1)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Suffix(ReadOnlySpan<ulong> suffixes, int i) => i < 0 ? NoWord : suffixes[i];

    /// <summary>Writes the <see cref="LabelCount"/> features of the arc <paramref name="head"/> → <paramref name="dependent"/> in <paramref name="s"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Label(ParserState s, int head, int dependent, ReadOnlySpan<ulong> words, ReadOnlySpan<ulong> suffixes, ReadOnlySpan<byte> tags, Span<ulong> f)
    {
        ulong dir = dependent < head ? 1UL : 2UL;
        ulong dw = W(words, dependent), hw = W(words, head);
        ulong dt = T(tags, dependent), ht = T(tags, head);
        ulong dwt = Wt(words, tags, dependent), hwt = Wt(words, tags, head);
        ulong dist = Distance(head, dependent);
        int dl1 = s.Left1(dependent), dr1 = s.Right1(dependent), dl2 = s.Left2(dependent), dr2 = s.Right2(dependent);
        ulong dl1t = T(tags, dl1), dr1t = T(tags, dr1);
        ulong prevT = dependent > 0 ? tags[dependent - 1] : 0UL;
        ulong nextT = dependent + 1 < tags.Length ? tags[dependent + 1] : 0UL;
        ulong hPrevT = head > 0 ? tags[head - 1] : 0UL;
        ulong hNextT = head + 1 < tags.Length ? tags[head + 1] : 0UL;
        ulong headSide = dependent < head ? s.LeftLabels(head) : s.RightLabels(head);
        ulong dl1w = W(words, dl1);
        ulong dr1w = W(words, dr1);

        f[0] = F(100, Tags(dt, ht, dir));
        f[1] = F(101, Pair(dw, dir));
        f[2] = F(102, Pair(dwt, dir));
        f[3] = F(103, Pair(hw, dir));
        f[4] = F(104, Pair(hwt, dir));
        f[5] = F(105, Pair(dw, Tags(ht, dir)));
        f[6] = F(106, Pair(hw, Tags(dt, dir)));
        f[7] = F(107, Pair(Pair(dw, hw), dir));
        f[8] = F(108, Tags(dt, ht, (dist << 2) | dir));
        f[9] = F(109, Tags(dt, dl1t, L(s, dl1)));
        f[10] = F(110, Tags(dt, dr1t, L(s, dr1)));
        f[11] = F(111, Pair(Tags(dt, dir), s.LeftLabels(dependent)));
        f[12] = F(112, Pair(Tags(dt, dir), s.RightLabels(dependent)));
        f[13] = F(113, Pair(Tags(ht, dt, dir), headSide));
        f[14] = F(114, Tags(prevT, dt, ht));
        f[15] = F(115, Tags(dt, nextT, ht));
        f[16] = F(116, Tags(ht, hPrevT, (dt << 2) | dir));
        f[17] = F(117, Tags(ht, hNextT, (dt << 2) | dir));
        f[18] = F(118, Pair(dl1w, Tags(dt, ht)));
        f[19] = F(119, Pair(dr1w, Tags(dt, ht)));
        f[20] = F(120, Tags(dt, (ulong)Math.Min(s.LeftCount(dependent), 3), (ulong)Math.Min(s.RightCount(dependent), 3)));
        f[21] = F(121, Pair(hwt, Tags(dt, dir)));
        f[22] = F(122, Pair(dwt, Tags(ht, dir)));
        f[23] = F(123, Tags(dt, T(tags, dl2), T(tags, dr2)));
        f[24] = F(124, Pair(Tags(ht, dir), s.LeftLabels(head)));
        f[25] = F(125, Pair(Tags(ht, dir), s.RightLabels(head)));
        f[26] = F(126, Pair(Pair(dl1w, dw), dir));
        f[27] = F(127, Tags(dt, ht, (ulong)(head == words.Length - 1 ? 1 : 0)));
        f[28] = F(128, Pair(hw, Tags(dt, L(s, dl1))));
        f[29] = F(129, Pair(dw, Tags(dt, L(s, dl1), L(s, dr1))));
    }
}
