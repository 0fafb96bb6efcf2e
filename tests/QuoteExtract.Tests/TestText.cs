using System.Collections.Generic;
using System.Linq;

namespace QuoteExtract.Tests;

/// <summary>Helpers that render tokenizer output for readable assertions.</summary>
internal static class TestText
{
    public static IReadOnlyList<Token> Tokens(string text) => NewsTokenizer.Default.Tokenize(text);

    /// <summary>Tokens joined by '|'.</summary>
    public static string Split(string text) => string.Join("|", Tokens(text).Select(t => text[t.Start..t.End]));

    /// <summary>The kind of the first token whose text is <paramref name="surface"/>.</summary>
    public static TokenKind KindOf(string text, string surface, int occurrence = 0) =>
        Tokens(text).Where(t => text[t.Start..t.End] == surface).ElementAt(occurrence).Kind;

    public static Token TokenOf(string text, string surface, int occurrence = 0) =>
        Tokens(text).Where(t => text[t.Start..t.End] == surface).ElementAt(occurrence);

    public static string[] SentenceTexts(string text)
    {
        SegmentedText s = NewsTokenizer.Default.Segment(text);
        return s.Sentences.Select(x => text[x.Start..x.End]).ToArray();
    }

    public static string[] ParagraphTexts(string text)
    {
        SegmentedText s = NewsTokenizer.Default.Segment(text);
        return s.Paragraphs.Select(x => text[x.Start..x.End]).ToArray();
    }
}
