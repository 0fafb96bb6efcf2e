using System.Text;
using QuoteExtract.Text;

namespace QuoteExtract.Tests.Text;

/// <summary>
/// Very large inputs: megabytes of unbalanced quote marks, single tokens a megabyte long, and long runs
/// that invite rescanning. No times are asserted; the scanner and segmenter are linear by construction,
/// and a quadratic path would show here as a suite that does not finish.
/// </summary>
public class TokenizerLargeInputTests
{
    private const int OneMegabyte = 1024 * 1024;

    [Theory]
    [InlineData("\u201C\u2018\u2019\"'", 10)]
    [InlineData("\u201D'\u2028\"\u2018\u2029\u2019\u0085\u201C\r\n\u00AB\n", 10)]
    [InlineData("\u201C \u2018\u2019 \"' \u201D\u201E\u00AB\u00BB ", 1)]
    [InlineData("\u00AB \u00BB \u2039 \u203A \u201A \u201B \u201F\n\n", 1)]
    public void Megabytes_of_mixed_unbalanced_quote_marks(string unit, int megabytes)
    {
        string text = Repeat(unit, megabytes * OneMegabyte);
        int repeats = text.Length / unit.Length;
        int expectedTokens = unit.Count(c => !IsSeparator(c)) * repeats;

        Assert.Equal(expectedTokens, NewsTokenizer.Default.CountTokens(text));
        SegmentedText segmented = NewsTokenizer.Default.Segment(text);
        AssertAllSingleQuoteMarks(text, segmented.Tokens);

        // No text is hard-wrapped between blank lines here, so each line with a mark is a paragraph;
        // quote marks never end a sentence, so each paragraph is one sentence.
        int expectedParagraphs = NonBlankLines(text);
        Assert.True(expectedParagraphs >= repeats || !unit.Contains('\n', StringComparison.Ordinal));
        Assert.Equal(expectedParagraphs, segmented.Paragraphs.Length);
        Assert.Equal(expectedParagraphs, segmented.Sentences.Length);
        AssertSentencesPartitionTokens(segmented);
    }

    [Theory]
    [InlineData('\u2019', 10 * OneMegabyte)]
    [InlineData('\u2018', OneMegabyte / 4)]
    [InlineData('\u201C', OneMegabyte / 4)]
    [InlineData('\u201D', OneMegabyte / 4)]
    [InlineData('"', OneMegabyte / 4)]
    [InlineData('\u201E', OneMegabyte / 4)]
    [InlineData('\u00AB', OneMegabyte / 4)]
    [InlineData('\u00BB', OneMegabyte / 4)]
    public void Long_run_of_one_quote_mark(char mark, int length)
    {
        string text = new(mark, length);
        Assert.Equal(length, NewsTokenizer.Default.CountTokens(text));
        SegmentedText segmented = NewsTokenizer.Default.Segment(text);
        AssertAllSingleQuoteMarks(text, segmented.Tokens);
        Assert.Single(segmented.Paragraphs);
        Sentence sentence = Assert.Single(segmented.Sentences);
        Assert.Equal(new Sentence(0, length, 0, length, 0), sentence);
    }

    [Fact]
    public void Long_run_of_straight_apostrophes_pairs_into_double_marks()
    {
        // '' is one double mark (newspaper archives, Penn Treebank): a run of them is half as many tokens.
        string text = new('\'', OneMegabyte / 4);
        IReadOnlyList<Token> tokens = NewsTokenizer.Default.Tokenize(text);
        Assert.Equal(text.Length / 2, tokens.Count);
        Assert.All(tokens, t => Assert.True(t.Length == 2 && t.IsQuoteMark, t.ToString()));
    }

    [Theory]
    [InlineData("", "a", "", TokenKind.Word)]
    [InlineData("", "Qu\u00E9bec", "", TokenKind.Word)]
    [InlineData("", "well-", "known", TokenKind.Word)]
    [InlineData("", "1234567890", "", TokenKind.Number)]
    [InlineData("1", ",000", "", TokenKind.Number)]
    [InlineData("https://www.example.com", "/news/world-middle-east", "/story", TokenKind.Url)]
    [InlineData("www.example.com/", "path(x)/", "end", TokenKind.Url)]
    public void One_megabyte_token_is_one_token(string head, string unit, string tail, TokenKind kind)
    {
        string text = head + Repeat(unit, OneMegabyte) + tail;
        IReadOnlyList<Token> tokens = NewsTokenizer.Default.Tokenize(text);
        Token token = Assert.Single(tokens);
        Assert.Equal(new TextSpan(0, text.Length), token.Span);
        Assert.Equal(kind, token.Kind);
        Assert.Equal(1, NewsTokenizer.Default.CountTokens(text));
        Assert.Single(NewsTokenizer.Default.Segment(text).Sentences);
    }

    [Fact]
    public void Long_run_of_dotted_words_that_are_no_address()
    {
        // Each word once looked ahead over the whole dotted run for a domain ending: quadratic, so that
        // this quarter megabyte took minutes.
        const string unit = "word.";
        string text = Repeat(unit, OneMegabyte / 4);
        int repeats = text.Length / unit.Length;
        Assert.Equal(2 * repeats, NewsTokenizer.Default.CountTokens(text));
        IReadOnlyList<Token> tokens = NewsTokenizer.Default.Tokenize(text);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != (i % 2 == 0 ? TokenKind.Word : TokenKind.Punctuation) || tokens[i].Start != i / 2 * unit.Length + (i % 2 * 4))
            {
                Assert.Fail($"token {i}: {tokens[i]}");
            }
        }
    }

    [Fact]
    public void Megabytes_of_news_lines_tokenize_line_by_line()
    {
        // Many short paragraphs: each line tokenizes as it does alone, and is its own paragraph.
        string[] lines =
        [
            "\u201CWe won\u2019t back down,\u201D Gen. Smith told reporters in Washington.",
            "The U.S.-led talks \u2013 at www.example.org/talks \u2013 had \u2018failed\u2019, he said\u2026",
            "\u2018It\u2019s over, 5,000 troops in the 1990s\u2019 and \"more",
        ];
        int[] counts = lines.Select(l => NewsTokenizer.Default.CountTokens(l)).ToArray();
        // Four megabytes of short lines: the segmenter once searched to the end of the text from each line.
        var sb = new StringBuilder((4 * OneMegabyte) + 200);
        int expected = 0;
        int lineCount = 0;
        while (sb.Length < 4 * OneMegabyte)
        {
            int k = lineCount % lines.Length;
            sb.Append(lines[k]).Append('\n');
            expected += counts[k];
            lineCount++;
        }

        string text = sb.ToString();
        Assert.Equal(expected, NewsTokenizer.Default.CountTokens(text));
        SegmentedText segmented = NewsTokenizer.Default.Segment(text);
        Assert.Equal(expected, segmented.Tokens.Length);
        Assert.Equal(lineCount, segmented.Paragraphs.Length);
        AssertSentencesPartitionTokens(segmented);
    }

    private static string Repeat(string unit, int length)
    {
        var sb = new StringBuilder(length + unit.Length);
        while (sb.Length + unit.Length <= length)
        {
            sb.Append(unit);
        }

        return sb.ToString();
    }

    /// <summary>Lines (split at \r\n, \n, \r, U+0085, U+2028, U+2029) with at least one non-separator.</summary>
    private static int NonBlankLines(string text)
    {
        int count = 0;
        bool blank = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                count += blank ? 0 : 1;
                blank = true;
            }
            else if (!IsSeparator(c))
            {
                blank = false;
            }
        }

        return count + (blank ? 0 : 1);
    }

    private static bool IsSeparator(char c) => CharClasses.IsSeparator(CharClasses.Of(c));

    private static void AssertAllSingleQuoteMarks(string text, System.Collections.Immutable.ImmutableArray<Token> tokens)
    {
        int expected = text.Count(c => !IsSeparator(c));
        Assert.Equal(expected, tokens.Length);
        int previousEnd = 0;
        foreach (Token t in tokens)
        {
            if (t.Length != 1 || !t.IsQuoteMark || t.Start < previousEnd)
            {
                Assert.Fail($"{t} is not one quote mark after {previousEnd}");
            }

            previousEnd = t.End;
        }
    }

    private static void AssertSentencesPartitionTokens(SegmentedText segmented)
    {
        int next = 0;
        foreach (Sentence s in segmented.Sentences)
        {
            if (s.FirstToken != next || s.TokenCount <= 0)
            {
                Assert.Fail($"{s} does not follow token {next}");
            }

            Paragraph p = segmented.Paragraphs[s.Paragraph];
            if (s.FirstToken < p.FirstToken || s.EndToken > p.EndToken)
            {
                Assert.Fail($"{s} crosses {p}");
            }

            next = s.EndToken;
        }

        Assert.Equal(segmented.Tokens.Length, next);
    }
}
