using System;
using System.Runtime.CompilerServices;

namespace QuoteExtract.Entities;

/// <summary>Orthographic facts about a token, computed from its characters alone.</summary>
[Flags]
internal enum WordFlags : ushort
{
    None = 0,

    /// <summary>The first character is an upper-case letter.</summary>
    InitCap = 1,

    /// <summary>Has letters, all upper case.</summary>
    AllCaps = 2,

    /// <summary>Has letters, all lower case.</summary>
    AllLower = 4,

    /// <summary>Has a digit.</summary>
    HasDigit = 8,

    /// <summary>Has a letter.</summary>
    HasLetter = 16,

    HasHyphen = 32,
    HasPeriod = 64,
    HasApostrophe = 128,

    /// <summary>An upper-case letter after a lower-case one (McDonald, iPhone).</summary>
    MixedCaps = 256,

    /// <summary>One character.</summary>
    Single = 512,

    /// <summary>Has a letter outside ASCII.</summary>
    NonAscii = 1024,

    /// <summary>Neither letters nor digits.</summary>
    Punctuation = 2048,

    /// <summary>An initial: one upper-case letter and a full stop (J.).</summary>
    Initial = 4096,

    /// <summary>Starts with @ or #, or is a web address.</summary>
    Handle = 8192,
}

/// <summary>The per-token hashes and flags the feature templates read. Filled once per token per document.</summary>
internal struct NerToken
{
    public ulong Exact;
    public ulong Lower;
    public ulong Shape;
    public ulong Prefix1;
    public ulong Prefix2;
    public ulong Prefix3;
    public ulong Prefix4;
    public ulong Suffix1;
    public ulong Suffix2;
    public ulong Suffix3;
    public ulong Suffix4;
    public WordFlags Flags;
    public int Length;

    /// <summary>Fills <paramref name="token"/> from a token's characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Analyze(ReadOnlySpan<char> word, ref NerToken token)
    {
        ulong exact = NerHash.Seed;
        ulong lower = NerHash.Seed;
        ulong shape = NerHash.Seed;
        ulong p1 = 0, p2 = 0, p3 = 0, p4 = 0;
        int upper = 0, lowerCount = 0, digits = 0, letters = 0;
        WordFlags flags = WordFlags.None;
        char lastShape = '\0';
        int run = 0;
        bool sawLower = false;
        for (int i = 0; i < word.Length; i++)
        {
            char c = NerHash.Normalize(word[i]);
            char s;
            if (char.IsLetter(c))
            {
                letters++;
                if (c >= 0x80)
                {
                    flags |= WordFlags.NonAscii;
                }

                if (char.IsUpper(c))
                {
                    upper++;
                    s = 'X';
                    if (sawLower)
                    {
                        flags |= WordFlags.MixedCaps;
                    }
                }
                else
                {
                    lowerCount++;
                    sawLower = true;
                    s = 'x';
                }
            }
            else if (c == '0')
            {
                digits++;
                s = 'd';
            }
            else
            {
                s = c;
                if (c == '-')
                {
                    flags |= WordFlags.HasHyphen;
                }
                else if (c == '.')
                {
                    flags |= WordFlags.HasPeriod;
                }
                else if (c == '\'')
                {
                    flags |= WordFlags.HasApostrophe;
                }
            }

            exact = NerHash.Step(exact, c);
            char l = NerHash.Lower(c);
            lower = NerHash.Step(lower, l);
            switch (i)
            {
                case 0: p1 = lower; break;
                case 1: p2 = lower; break;
                case 2: p3 = lower; break;
                case 3: p4 = lower; break;
                default: break;
            }

            // Shape: character classes with runs longer than two collapsed (Smith → Xxx, USA → XX, 1996 → dd).
            if (s == lastShape)
            {
                run++;
            }
            else
            {
                lastShape = s;
                run = 1;
            }

            if (run <= 2)
            {
                shape = NerHash.Step(shape, s);
            }
        }

        ulong s1 = 0, s2 = 0, s3 = 0, s4 = 0;
        ulong suffix = NerHash.Seed;
        for (int k = 1; k <= 4 && k <= word.Length; k++)
        {
            suffix = NerHash.Step(suffix, NerHash.Lower(NerHash.Normalize(word[^k])));
            switch (k)
            {
                case 1: s1 = suffix; break;
                case 2: s2 = suffix; break;
                case 3: s3 = suffix; break;
                default: s4 = suffix; break;
            }
        }

        if (word.Length > 0 && char.IsUpper(word[0]))
        {
            flags |= WordFlags.InitCap;
        }

        if (letters > 0)
        {
            flags |= WordFlags.HasLetter;
            if (lowerCount == 0)
            {
                flags |= WordFlags.AllCaps;
            }
            else if (upper == 0)
            {
                flags |= WordFlags.AllLower;
            }
        }

        if (digits > 0)
        {
            flags |= WordFlags.HasDigit;
        }

        if (letters == 0 && digits == 0)
        {
            flags |= WordFlags.Punctuation;
        }

        if (word.Length == 1)
        {
            flags |= WordFlags.Single;
        }

        if (word.Length == 2 && upper == 1 && word[1] == '.')
        {
            flags |= WordFlags.Initial;
        }

        if (word.Length > 1 && (word[0] == '@' || word[0] == '#' || word.StartsWith("http", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.Ordinal)))
        {
            flags |= WordFlags.Handle;
        }

        token.Exact = exact;
        token.Lower = lower;
        token.Shape = shape;
        token.Prefix1 = p1;
        token.Prefix2 = p2;
        token.Prefix3 = p3;
        token.Prefix4 = p4;
        token.Suffix1 = s1;
        token.Suffix2 = s2;
        token.Suffix3 = s3;
        token.Suffix4 = s4;
        token.Flags = flags;
        token.Length = word.Length;
    }
}
