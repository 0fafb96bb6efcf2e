using System;
using System.Runtime.CompilerServices;

namespace QuoteExtract.Entities;

/// <summary>
/// The hashing shared by the tagger's training and inference: 64-bit FNV-1a over normalised characters,
/// and a 64-bit finaliser to combine a feature template with its value. Changing anything here changes
/// every feature: bump <see cref="NerFeatures.Version"/> and retrain.
/// </summary>
internal static class NerHash
{
    public const ulong Seed = 0xcbf29ce484222325UL;
    private const ulong Prime = 0x100000001b3UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Step(ulong hash, char c) => (hash ^ c) * Prime;

    /// <summary>The murmur3 64-bit finaliser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    /// <summary>A feature: a template number and a value hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong value) => Mix(value + ((ulong)(uint)template * Golden));

    /// <summary>An ordered pair of hashes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Pair(ulong a, ulong b) => Mix((a * Golden) ^ b ^ 0x632BE59BD9B4E019UL);

    /// <summary>
    /// Normalises a character for word features: ASCII digits become 0; curly quotes, primes and grave
    /// accents become ' or "; dashes become -.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Normalize(char c)
    {
        if (c < 0x80)
        {
            return c is >= '0' and <= '9' ? '0' : c == '`' ? '\'' : c;
        }

        return c switch
        {
            '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' => '\'',
            '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' => '"',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
            _ => char.IsDigit(c) ? '0' : c,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Lower(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        return char.ToLowerInvariant(c);
    }

    /// <summary>The hash of a lower-cased, normalised string, as <see cref="NerToken.Analyze"/> computes it for a token.</summary>
    public static ulong LowerHash(ReadOnlySpan<char> word)
    {
        ulong h = Seed;
        foreach (char c in word)
        {
            h = Step(h, Lower(Normalize(c)));
        }

        return h;
    }

    /// <summary>The hash of a normalised string with its case kept.</summary>
    public static ulong ExactHash(ReadOnlySpan<char> word)
    {
        ulong h = Seed;
        foreach (char c in word)
        {
            h = Step(h, Normalize(c));
        }

        return h;
    }

    /// <summary>The bucket of a feature hash in a table of 2^<paramref name="bits"/> rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bucket(ulong feature, int bits) => (int)(feature >> (64 - bits));
}
