using System;

namespace QuoteExtract;

/// <summary>A half-open range of UTF-16 code units in a text.</summary>
/// <param name="Start">Offset of the first code unit.</param>
/// <param name="Length">Number of code units.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Offset just past the range (exclusive).</summary>
    public int End => Start + Length;

    /// <summary>Creates a span from a start and an exclusive end.</summary>
    /// <param name="start">First offset.</param>
    /// <param name="end">Offset just past the range.</param>
    /// <returns>The span.</returns>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>True when <paramref name="other"/> shares at least one code unit with this span.</summary>
    /// <param name="other">Another span.</param>
    /// <returns>Whether the two overlap.</returns>
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>True when <paramref name="other"/> lies wholly inside this span.</summary>
    /// <param name="other">Another span.</param>
    /// <returns>Whether this span contains the other.</returns>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>The characters of this span in <paramref name="text"/>.</summary>
    /// <param name="text">The text the span points into.</param>
    /// <returns>A slice of the text.</returns>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}
