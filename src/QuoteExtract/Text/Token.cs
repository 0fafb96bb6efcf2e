using System;

namespace QuoteExtract;

/// <summary>
/// One token of a text: a half-open range of UTF-16 code units into the original text, never a copy.
/// </summary>
/// <param name="Start">Offset of the first character in the text.</param>
/// <param name="Length">Number of UTF-16 code units.</param>
/// <param name="Kind">What the token is.</param>
/// <param name="Traits">Further facts about the token.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind, TokenTraits Traits = TokenTraits.None)
{
    /// <summary>Offset just past the last character (exclusive).</summary>
    public int End => Start + Length;

    /// <summary>The token's range in the text.</summary>
    public TextSpan Span => new(Start, Length);

    /// <summary>The token's characters in <paramref name="text"/>, which must be the tokenized text.</summary>
    /// <param name="text">The text the token was produced from.</param>
    /// <returns>A slice of <paramref name="text"/>.</returns>
    public ReadOnlySpan<char> GetText(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <summary>True for the three quote-mark kinds.</summary>
    public bool IsQuoteMark => Kind is TokenKind.OpeningQuote or TokenKind.ClosingQuote or TokenKind.AmbiguousQuote;
}

/// <summary>The kind of a <see cref="Token"/>.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters, possibly with inner hyphens, apostrophes or digits (US-led, o’clock, No10), or a clitic (’s, n’t).</summary>
    Word,

    /// <summary>A number, date, time, score or ordinal, with an optional unit suffix (5,000, 3.5, 1996-08-22, 10:30, 2-1, 1990s, 80million).</summary>
    Number,

    /// <summary>Punctuation other than quote marks, dashes and ellipses: . , ; : ! ? ( ) [ ] and the like.</summary>
    Punctuation,

    /// <summary>A quote mark that opens a quotation (“ ‘ „ « and straight marks in opening position).</summary>
    OpeningQuote,

    /// <summary>A quote mark that closes a quotation (” ’ » and straight marks in closing position).</summary>
    ClosingQuote,

    /// <summary>
    /// A quote mark whose role the characters alone cannot tell: a word-final ’ after s (Jones’ or ‘…the Joneses’),
    /// or a straight mark between two spaces. The quote finder decides by pairing marks.
    /// </summary>
    AmbiguousQuote,

    /// <summary>An en or em dash, a spaced hyphen or a double hyphen used as a dash.</summary>
    Dash,

    /// <summary>An ellipsis: … or three or more full stops.</summary>
    Ellipsis,

    /// <summary>A symbol: currency, percent, ampersand, mathematical sign, emoji or any other character.</summary>
    Symbol,

    /// <summary>A web address (http://…, https://…, www.…).</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A social-media @handle.</summary>
    Mention,

    /// <summary>A social-media #tag.</summary>
    Hashtag,
}

/// <summary>Further facts about a <see cref="Token"/>.</summary>
[Flags]
public enum TokenTraits : byte
{
    /// <summary>Nothing further.</summary>
    None = 0,

    /// <summary>A word that ends with its abbreviating full stop (Dr., U.S., e.g., Jan.).</summary>
    Abbreviation = 1,

    /// <summary>An abbreviation that is a title or an initial (Mr., Gen., J.): it never ends a sentence.</summary>
    Title = 2,

    /// <summary>A clitic split from the word before it (’s, ’re, n’t).</summary>
    Clitic = 4,

    /// <summary>The first letter is upper case.</summary>
    Capitalized = 8,

    /// <summary>The token is preceded by white space or the start of the text.</summary>
    SpaceBefore = 16,
}
