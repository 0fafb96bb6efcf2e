using System;
using System.Buffers;
using System.Collections.Generic;

namespace QuoteExtract.Text;

/// <summary>Splits tokenized text into paragraphs and sentences. Linear in the number of characters.</summary>
internal static class TextSegmenter
{
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\u2028\u2029\u0085");

    /// <summary>Finds paragraphs and the sentences inside them.</summary>
    public static Paragraph[] FindParagraphs(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, out Sentence[] sentences)
    {
        List<(int Start, int End)> ranges = ParagraphRanges(text);
        var paragraphs = new Paragraph[ranges.Count];
        var sentenceList = new List<Sentence>(tokens.Length / 20 + 1);
        int t = 0;
        for (int p = 0; p < ranges.Count; p++)
        {
            (int start, int end) = ranges[p];
            while (t < tokens.Length && tokens[t].Start < start)
            {
                t++; // cannot happen for well-formed ranges; kept so a token is never counted twice
            }

            int first = t;
            while (t < tokens.Length && tokens[t].Start < end)
            {
                t++;
            }

            int firstSentence = sentenceList.Count;
            SplitSentences(text, tokens, first, t, p, sentenceList);
            paragraphs[p] = new Paragraph(start, end - start, first, t - first, firstSentence, sentenceList.Count - firstSentence);
        }

        sentences = sentenceList.ToArray();
        return paragraphs;
    }

    /// <summary>
    /// Paragraph ranges from line breaks. News text comes one paragraph per line, or with blank lines
    /// between paragraphs whose lines may be hard-wrapped: when the text has blank lines and most single
    /// line breaks fall mid-sentence, only blank lines separate paragraphs.
    /// </summary>
    internal static List<(int Start, int End)> ParagraphRanges(ReadOnlySpan<char> text)
    {
        var lines = new List<(int Start, int End, bool Blank)>();
        int lineStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            // One search for all five breaks: a separate search for the rare ones would rescan the rest of the
            // text at every line when they do not occur, quadratic in the length of the text.
            int rel = text[i..].IndexOfAny(LineBreaks);
            if (rel < 0)
            {
                break;
            }

            int brk = i + rel;
            lines.Add((lineStart, brk, IsBlank(text[lineStart..brk])));
            i = brk + 1;
            if (text[brk] == '\r' && i < text.Length && text[i] == '\n')
            {
                i++;
            }

            lineStart = i;
        }

        lines.Add((lineStart, text.Length, IsBlank(text[lineStart..])));

        bool anyBlank = false;
        int singleBreaks = 0;
        int midSentenceBreaks = 0;
        for (int l = 0; l + 1 < lines.Count; l++)
        {
            if (lines[l].Blank)
            {
                anyBlank = true;
                continue;
            }

            if (!lines[l + 1].Blank)
            {
                singleBreaks++;
                if (!EndsLikeParagraph(text[lines[l].Start..lines[l].End]))
                {
                    midSentenceBreaks++;
                }
            }
        }

        bool wrapped = anyBlank && singleBreaks > 0 && midSentenceBreaks * 2 > singleBreaks;
        var ranges = new List<(int Start, int End)>();
        int curStart = -1;
        int curEnd = -1;
        foreach (var line in lines)
        {
            if (line.Blank || !wrapped)
            {
                if (curStart >= 0)
                {
                    ranges.Add((curStart, curEnd));
                    curStart = -1;
                }

                if (line.Blank)
                {
                    continue;
                }
            }

            (int s, int e) = Trim(text, line.Start, line.End);
            if (s >= e)
            {
                continue;
            }

            if (curStart < 0)
            {
                curStart = s;
            }

            curEnd = e;
        }

        if (curStart >= 0)
        {
            ranges.Add((curStart, curEnd));
        }

        return ranges;
    }

    private static bool IsBlank(ReadOnlySpan<char> line)
    {
        foreach (char c in line)
        {
            if (!CharClasses.IsSeparator(CharClasses.Of(c)))
            {
                return false;
            }
        }

        return true;
    }

    private static (int Start, int End) Trim(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && CharClasses.IsSeparator(CharClasses.Of(text[start])))
        {
            start++;
        }

        while (end > start && CharClasses.IsSeparator(CharClasses.Of(text[end - 1])))
        {
            end--;
        }

        return (start, end);
    }

    private static bool EndsLikeParagraph(ReadOnlySpan<char> line)
    {
        (int s, int e) = Trim(line, 0, line.Length);
        if (e <= s)
        {
            return true;
        }

        CharClass k = CharClasses.Of(line[e - 1]);
        return k is CharClass.Period or CharClass.CloseQuote or CharClass.RightSingle or CharClass.StraightDouble
            or CharClass.Ellipsis or CharClass.CloseBracket
            || line[e - 1] is '!' or '?' or ':';
    }

    /// <summary>Splits tokens [first, end) of one paragraph into sentences.</summary>
    internal static void SplitSentences(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int first, int end, int paragraph, List<Sentence> output)
    {
        int sentenceStart = first;
        int t = first;
        while (t < end)
        {
            if (!IsTerminal(text, tokens[t], out bool weak))
            {
                t++;
                continue;
            }

            // Take in further terminals, closing quote marks and closing brackets: …nevertheless!’
            int last = t;
            while (last + 1 < end && AttachesToTerminal(text, tokens[last + 1]))
            {
                last++;
            }

            int next = last + 1;
            if (next >= end)
            {
                break;
            }

            if (StartsSentence(text, tokens[next], weak))
            {
                Add(tokens, sentenceStart, next, paragraph, output);
                sentenceStart = next;
            }

            t = next;
        }

        if (sentenceStart < end)
        {
            Add(tokens, sentenceStart, end, paragraph, output);
        }
    }

    private static void Add(ReadOnlySpan<Token> tokens, int first, int end, int paragraph, List<Sentence> output)
    {
        int start = tokens[first].Start;
        output.Add(new Sentence(start, tokens[end - 1].End - start, first, end - first, paragraph));
    }

    /// <summary>
    /// Full stop, ! ?, ellipsis, or an abbreviation that may end a sentence (weak: only before a typical
    /// sentence opener). Titles and initials never end one.
    /// </summary>
    private static bool IsTerminal(ReadOnlySpan<char> text, Token token, out bool weak)
    {
        weak = false;
        switch (token.Kind)
        {
            case TokenKind.Punctuation:
                char c = text[token.Start];
                return c is '.' or '!' or '?' or '\u203C' or '\u2047' or '\u2048' or '\u2049';
            case TokenKind.Ellipsis:
                weak = true;
                return true;
            case TokenKind.Word when (token.Traits & (TokenTraits.Abbreviation | TokenTraits.Title)) == TokenTraits.Abbreviation:
                weak = true;
                return true;
            default:
                return false;
        }
    }

    private static bool AttachesToTerminal(ReadOnlySpan<char> text, Token token)
    {
        switch (token.Kind)
        {
            case TokenKind.ClosingQuote or TokenKind.AmbiguousQuote:
                return (token.Traits & TokenTraits.SpaceBefore) == 0;
            case TokenKind.Punctuation:
                char c = text[token.Start];
                return c is '.' or '!' or '?' or ')' or ']' or '}';
            default:
                return false;
        }
    }

    private static bool StartsSentence(ReadOnlySpan<char> text, Token next, bool weak)
    {
        switch (next.Kind)
        {
            case TokenKind.Word:
                if ((next.Traits & TokenTraits.Capitalized) == 0)
                {
                    return false;
                }

                if (!weak)
                {
                    return true;
                }

                ReadOnlySpan<char> word = next.GetText(text);
                if (word.Length > 0 && word[^1] == '.')
                {
                    word = word[..^1];
                }

                return NewsLexicons.SentenceOpeners.Contains(word);
            case TokenKind.Number or TokenKind.OpeningQuote or TokenKind.Dash or TokenKind.Mention or TokenKind.Hashtag:
                return !weak;
            case TokenKind.AmbiguousQuote:
                return !weak && (next.Traits & TokenTraits.SpaceBefore) != 0;
            case TokenKind.Punctuation:
                return !weak && text[next.Start] is '(' or '[';
            default:
                return false;
        }
    }
}
