using System;
using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace QuoteExtract.Text;

/// <summary>The classes of characters the tokenizer dispatches on.</summary>
internal enum CharClass : byte
{
    /// <summary>Space, tab, no-break space and the other Unicode spaces.</summary>
    Space,

    /// <summary>LF, CR, U+0085, U+2028, U+2029.</summary>
    LineBreak,

    /// <summary>Control and format characters (zero-width space, byte-order mark, bidi marks): separators.</summary>
    Ignorable,

    /// <summary>Soft hyphen, zero-width (non-)joiner: kept inside a word, a separator elsewhere.</summary>
    Joiner,

    Letter,
    Digit,

    /// <summary>The straight apostrophe '.</summary>
    StraightSingle,

    /// <summary>The straight double quote ".</summary>
    StraightDouble,

    /// <summary>‘ ‛ (left single mark).</summary>
    LeftSingle,

    /// <summary>’ (right single mark, also the typographic apostrophe).</summary>
    RightSingle,

    /// <summary>“ „ « ‚ ‹ ‟: marks that only open.</summary>
    OpenQuote,

    /// <summary>” » ›: marks that normally close.</summary>
    CloseQuote,

    Period,
    Hyphen,

    /// <summary>– — ‒ ―.</summary>
    Dash,

    /// <summary>…</summary>
    Ellipsis,

    /// <summary>( [ {.</summary>
    OpenBracket,

    /// <summary>) ] }.</summary>
    CloseBracket,

    /// <summary>Other punctuation: , ; : ! ? and the rest.</summary>
    Punctuation,
    At,
    Hash,
    Symbol,

    /// <summary>A UTF-16 surrogate: paired or lone, decided where it is met.</summary>
    Surrogate,
}

/// <summary>Character classification: a table for ASCII, Unicode categories for the rest (kept out of line).</summary>
internal static class CharClasses
{
    // One entry per ASCII character; see CharClass. Built by hand so that the hot path is a single load.
    private static ReadOnlySpan<byte> Ascii =>
    [
        // 0x00-0x1F: controls; \t is a space, \n and \r are line breaks.
        2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 1, 2, 2, 1, 2, 2,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
        // ' ' ! " # $ % & ' ( ) * + , - . /
        0, 18, 7, 20, 21, 21, 21, 6, 16, 17, 21, 21, 18, 13, 12, 18,
        // 0-9 : ; < = > ? @
        5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 18, 18, 21, 21, 21, 18,
        19, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
        // P-Z [ \ ] ^ _
        4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 16, 21, 17, 21, 18,
        // ` a-o
        21, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
        // p-z { | } ~ DEL
        4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 16, 21, 17, 21, 2,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CharClass Of(char c) => c < 128 ? (CharClass)Ascii[c] : OfNonAscii(c);

    // The ASCII characters of the classes Letter and Digit in the table above.
    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>The first position at or after <paramref name="i"/> that is not an ASCII letter or digit, or the text's length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SkipAsciiLettersAndDigits(ReadOnlySpan<char> text, int i)
    {
        int found = text[i..].IndexOfAnyExcept(AsciiLettersAndDigits);
        return found < 0 ? text.Length : i + found;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiLetterOrDigit(char c) => c < 128 && (CharClass)Ascii[c] is CharClass.Letter or CharClass.Digit;

    public static bool IsWordChar(char c)
    {
        CharClass k = Of(c);
        return k is CharClass.Letter or CharClass.Digit;
    }

    public static bool IsSeparator(CharClass k) => k <= CharClass.Joiner;

    /// <summary>No lower-case letter, and at least <paramref name="minimumLetters"/> letters (SIU, NEWS; not 4-H at 2).</summary>
    public static bool IsAllCaps(ReadOnlySpan<char> word, int minimumLetters)
    {
        int letters = 0;
        foreach (char c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters >= minimumLetters;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CharClass OfNonAscii(char c)
    {
        switch (c)
        {
            case '\u00A0' or '\u1680' or '\u202F' or '\u205F' or '\u3000' or (>= '\u2000' and <= '\u200A'):
                return CharClass.Space;
            case '\u0085' or '\u2028' or '\u2029':
                return CharClass.LineBreak;
            case '\u00AD' or '\u200C' or '\u200D':
                return CharClass.Joiner;
            case '\u2018' or '\u201B':
                return CharClass.LeftSingle;
            case '\u2019':
                return CharClass.RightSingle;
            case '\u201C' or '\u201E' or '\u201F' or '\u00AB' or '\u201A' or '\u2039':
                return CharClass.OpenQuote;
            case '\u201D' or '\u00BB' or '\u203A':
                return CharClass.CloseQuote;
            case '\u2013' or '\u2014' or '\u2012' or '\u2015':
                return CharClass.Dash;
            case '\u2010' or '\u2011':
                return CharClass.Hyphen;
            case '\u2026':
                return CharClass.Ellipsis;
        }

        if (char.IsSurrogate(c))
        {
            return CharClass.Surrogate;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                return CharClass.Letter;
            case UnicodeCategory.DecimalDigitNumber:
                return CharClass.Digit;
            case UnicodeCategory.SpaceSeparator:
                return CharClass.Space;
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return CharClass.LineBreak;
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
                return CharClass.Ignorable;
            case UnicodeCategory.OpenPunctuation:
                return CharClass.OpenBracket;
            case UnicodeCategory.ClosePunctuation:
                return CharClass.CloseBracket;
            case UnicodeCategory.DashPunctuation:
                return CharClass.Hyphen;
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.OtherPunctuation:
            case UnicodeCategory.InitialQuotePunctuation:
            case UnicodeCategory.FinalQuotePunctuation:
                return CharClass.Punctuation;
            default:
                return CharClass.Symbol;
        }
    }
}
