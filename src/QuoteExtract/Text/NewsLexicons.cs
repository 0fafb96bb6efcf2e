using System;
using System.Collections.Generic;
using System.Linq;

namespace QuoteExtract.Text;

/// <summary>What an abbreviation's full stop means for sentence splitting.</summary>
internal enum AbbreviationClass : byte
{
    /// <summary>Ends a sentence only before a typical sentence opener.</summary>
    Common,

    /// <summary>A title or honorific: never ends a sentence.</summary>
    Title,

    /// <summary>An abbreviation only before a number (No. 10).</summary>
    BeforeNumber,
}

/// <summary>The tokenizer's and segmenter's word lists, read once from the embedded lexicons.</summary>
internal static class NewsLexicons
{
    public static readonly SpanLexicon<AbbreviationClass> Abbreviations =
        LexiconResources.ReadEnumLexicon<AbbreviationClass>("abbreviations.txt", ignoreCase: false);

    public static readonly SpanLexicon<bool> SentenceOpeners = ReadSet("sentence-openers.txt");

    public static readonly SpanLexicon<bool> Elisions = ReadSet("elisions.txt");

    public static readonly SpanLexicon<bool> TopLevelDomains = ReadSet("top-level-domains.txt");

    private static readonly SpanLexicon<bool> Clitics = ReadSet("clitics.txt");

    public static bool IsClitic(ReadOnlySpan<char> letters) => letters.Length is > 0 and <= 3 && Clitics.Contains(letters);

    private static SpanLexicon<bool> ReadSet(string name) =>
        new(LexiconResources.ReadLines(name).Select(f => new KeyValuePair<string, bool>(f[0], true)), ignoreCase: true);
}
