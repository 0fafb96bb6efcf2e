using System.Text;
using CsCheck;
using Microsoft.ML.Tokenizers;
using QuoteExtract.Text;

namespace QuoteExtract.Tests.Text;

/// <summary>
/// Properties of the tokenizer and segmenter that hold for any input: random UTF-16, adversarial mixes of
/// quote marks, apostrophes, dashes, URL pieces, invisible characters and broken surrogates, and news sentences
/// with random edits. Iteration counts are sized so that the whole class runs in a few seconds.
/// </summary>
public class TokenizerPropertyTests
{
    private const int Iterations = 1500;

    private static readonly NewsTokenizer SplitTokenizer = NewsTokenizer.Default;
    private static readonly NewsTokenizer JoinTokenizer = NewsTokenizer.Create(new NewsTokenizerOptions { SplitClitics = false });

    /// <summary>Pieces that sit on the tokenizer's decision points.</summary>
    private static readonly string[] AdversarialPieces =
    [
        // Quote marks and apostrophes, single and in clusters.
        "\u2018", "\u2019", "\u201C", "\u201D", "\"", "'", "\u201E", "\u00AB", "\u00BB", "\u201A", "\u2039", "\u203A", "\u201B", "\u201F",
        "\u2019s", "n\u2019t", "n't", "'s", "\u2019re", "\u201990s", "'90s", "\u2019em", "'til", " \u2019n\u2019 ", "O\u2019", "\u2019\u2019", "\"'", "\u201C\u2018",
        // Dashes and hyphens.
        "-", "--", "---", "\u2013", "\u2014", "\u2012", "\u2015", "\u2010", "\u2011", " - ",
        // Stops, abbreviations, numbers.
        ".", "..", "...", "\u2026", "U.S.", "U.K.", "e.g.", "a.m.", "Ph.D.", "Mr.", "Dr.", "No.", "No. ", "Jan.", "J.", "etc.",
        "1", "42", "2019", "3.5", "5,000", "10:30", "2-1", "1996-08-22", "1990s", "80million", "3rd", "10-year-old", "\u0663",
        // Handles, tags, e-mail and URL fragments.
        "@", "#", "@bbc", "#tag", "#2019", "x@y.com", "a.b@c.co.uk", "@@", "##",
        "http://", "https://", "ftp://", "http:", "//", "www.", "www", ".com", ".co.uk", "bbc.co.uk", "Amazon.com", "/path", "?q=1&r=2",
        "(", ")", "[", "]", "{", "}", "<", ">", ":", ";", ",", "!", "?", "%", "$", "\u00A3", "&", "/", "\\", "_", "~", "`", "^", "|",
        // Spaces, invisible characters and line breaks.
        " ", "  ", "\t", "\u00A0", "\u2009", "\u202F", "\u3000", "\u1680",
        "\u200B", "\u200C", "\u200D", "\u00AD", "\uFEFF", "\u2060", "\u200E", "\u202E",
        "\n", "\r", "\r\n", "\n\n", "\r\n\r\n", "\u2028", "\u2029", "\u0085", "\u000B", "\u000C",
        // Controls, broken and whole surrogate pairs, emoji sequences, combining marks, other scripts.
        "\u0000", "\u0001", "\u0008", "\u001F", "\u007F", "\u009F",
        "\uD83D", "\uDE00", "\uDE00\uD83D", "\U0001F600", "\U0001F44D\U0001F3FD", "\U0001F1EC\U0001F1E7", "\U0001F468\u200D\U0001F469\u200D\U0001F467",
        "e\u0301", "\u0301", "\u00E9", "\u00DF", "\u0141", "\u03A3", "\u4E2D\u6587", "\u216B", "\u0627\u0644", "\uFB01",
    ];

    /// <summary>Sentences written for these tests in the style of wire copy.</summary>
    private static readonly string[] NewsSamples =
    [
        "Iran\u2019s foreign minister said on Tuesday that U.S.-led talks had \u201Cfailed\u201D.",
        "\u201CWe won\u2019t back down,\u201D Gen. Smith told reporters in Washington. \u2018It\u2019s over,\u2019 he added.",
        "The 10-year-old boy\u2019s family paid $80million \u2013 about \u00A362m \u2013 in the 1990s, according to Dr. Jones.",
        "Prices rose 3.5% to 5,000 at 10:30 a.m. on 1996-08-22; see www.bbc.co.uk/news or mail press@example.org.",
        "He said: \"I don't know...\" Then he left.\n\nShe stayed. 'Rock 'n' roll,' she said \u2014 and smiled\u2026",
        "\u00ABC\u2019est fini\u00BB, a-t-il dit. Follow @Reuters and #Iran2020 on https://twitter.com/Reuters?lang=en (sic).",
        "Mr. O\u2019Brien, 45, of St. Paul\u2019s, didn\u2019t reply.\r\nThe U.K. and the U.S. declined to comment on the \u201990s deal.",
    ];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (8, Gen.OneOf(AdversarialPieces)),
        (4, Gen.Char['a', 'z'].Array[1, 7].Select(a => new string(a))),
        (1, Gen.Char['A', 'Z'].Array[1, 3].Select(a => new string(a))),
        (1, Gen.Char['0', '9'].Array[1, 4].Select(a => new string(a))),
        (1, Gen.Char.Select(c => c.ToString())));

    /// <summary>Adversarial text: up to 40 pieces glued together with no separators of their own.</summary>
    private static readonly Gen<string> AdversarialText = Piece.Array[0, 40].Select(string.Concat);

    /// <summary>Random UTF-16 code units, any of the 65,536 (lone surrogates included).</summary>
    private static readonly Gen<string> RandomUtf16 = Gen.Char.Array[0, 60].Select(a => new string(a));

    /// <summary>Random printable ASCII with spaces and line breaks: more collisions between letters, marks and stops.</summary>
    private static readonly Gen<string> RandomAscii = Gen.Char[" \n\t.,;:!?'\"-@#/()0123456789abcdefghijklmnopqrstuvwxyzAEIOUSX$%&_"]
        .Array[0, 80].Select(a => new string(a));

    /// <summary>One of the news samples after 1 to 12 random inserts, deletes and replacements.</summary>
    private static readonly Gen<string> MutatedNews = Gen.Select(
        Gen.Int[0, NewsSamples.Length - 1],
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1 << 20], Gen.Int[1, 6], Piece).Array[1, 12],
        (sample, edits) =>
        {
            var text = new StringBuilder(NewsSamples[sample]);
            foreach ((int op, int where, int length, string piece) in edits)
            {
                int at = where % (text.Length + 1);
                switch (op)
                {
                    case 0:
                        text.Insert(at, piece);
                        break;
                    case 1:
                        text.Remove(at, Math.Min(length, text.Length - at));
                        break;
                    default:
                        text.Remove(at, Math.Min(1, text.Length - at)).Insert(at, piece);
                        break;
                }
            }

            return text.ToString();
        });

    /// <summary>Streaming buffer sizes, used in turn; small so that tokens straddle buffer refills.</summary>
    private static readonly Gen<int[]> BufferSizes = Gen.Int[1, 9].Array[1, 6];

    public static TheoryData<string> Generators => ["adversarial", "utf16", "ascii", "news"];

    private static Gen<string> GeneratorNamed(string name) => name switch
    {
        "adversarial" => AdversarialText,
        "utf16" => RandomUtf16,
        "ascii" => RandomAscii,
        "news" => MutatedNews,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(Generators))]
    public void Tokens_are_ordered_disjoint_nonempty_and_cover_every_non_separator(string generator) =>
        SampleWithBothTokenizers(generator, AssertWellFormed);

    [Theory]
    [MemberData(nameof(Generators))]
    public void Kinds_and_traits_agree_with_the_characters(string generator) =>
        SampleWithBothTokenizers(generator, AssertKindsAndTraits);

    /// <summary>Checks the tokens of each sample, with clitics split (the default) and kept.</summary>
    private static void SampleWithBothTokenizers(string generator, Action<string, IReadOnlyList<Token>> check) =>
        GeneratorNamed(generator).Sample(
            text =>
            {
                check(text, SplitTokenizer.Tokenize(text));
                check(text, JoinTokenizer.Tokenize(text));
            },
            iter: Iterations,
            print: Show);

    [Theory]
    [MemberData(nameof(Generators))]
    public void Tokenizing_is_deterministic(string generator)
    {
        GeneratorNamed(generator).Sample(
            text =>
            {
                string copy = new(text.AsSpan()); // equal text, different object
                Assert.Equal(SplitTokenizer.Tokenize(text), SplitTokenizer.Tokenize(copy));
                Assert.Equal(NewsTokenizer.Create().Tokenize(text), SplitTokenizer.Tokenize(text));
                Assert.Equal(JoinTokenizer.Tokenize(text), NewsTokenizer.Create(new NewsTokenizerOptions { SplitClitics = false }).Tokenize(copy));
                SegmentedText a = SplitTokenizer.Segment(text);
                SegmentedText b = SplitTokenizer.Segment(copy);
                // ImmutableArray's own Equals compares references: compare the elements.
                Assert.Equal(a.Tokens.ToArray(), b.Tokens.ToArray());
                Assert.Equal(a.Sentences.ToArray(), b.Sentences.ToArray());
                Assert.Equal(a.Paragraphs.ToArray(), b.Paragraphs.ToArray());
            },
            iter: Iterations / 2,
            print: Show);
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void All_api_paths_agree(string generator)
    {
        Gen.Select(GeneratorNamed(generator), BufferSizes).Sample(
            (text, sizes) =>
            {
                AssertApiPathsAgree(SplitTokenizer, text, sizes);
                AssertApiPathsAgree(JoinTokenizer, text, sizes);
            },
            iter: Iterations,
            print: t => Show(t.Item1) + " buffers " + string.Join(",", t.Item2));
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Sentences_and_paragraphs_partition_the_tokens(string generator)
    {
        GeneratorNamed(generator).Sample(
            text => AssertSegmentation(text, SplitTokenizer.Segment(text)),
            iter: Iterations,
            print: Show);
    }

    [Fact]
    public void Multi_paragraph_news_segments_consistently()
    {
        // Several mutated samples joined by single or blank lines, so that the paragraph heuristics
        // (one paragraph per line, or hard-wrapped lines between blank lines) both come into play.
        Gen.Select(MutatedNews.Array[1, 6], Gen.OneOf("\n", "\n\n", "\r\n", " \n \n", "\u2029"))
            .Sample(
                (parts, glue) =>
                {
                    string text = string.Join(glue, parts);
                    AssertSegmentation(text, SplitTokenizer.Segment(text));
                },
                iter: Iterations / 2,
                print: t => Show(string.Join(t.Item2, t.Item1)));
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void A_line_break_is_a_hard_boundary(string generator)
    {
        // No look-ahead or look-behind crosses a line break: the two halves tokenize as if alone.
        Gen.Select(GeneratorNamed(generator), GeneratorNamed(generator)).Sample(
            (a, b) =>
            {
                string text = a + "\n" + b;
                var expected = SplitTokenizer.Tokenize(a)
                    .Concat(SplitTokenizer.Tokenize(b).Select(t => t with { Start = t.Start + a.Length + 1 }));
                Assert.Equal(expected, SplitTokenizer.Tokenize(text));
            },
            iter: Iterations / 2,
            print: t => Show(t.Item1 + "\n" + t.Item2));
    }

    /// <summary>Order, bounds, coverage, and which separators may sit inside a token.</summary>
    internal static void AssertWellFormed(string text, IReadOnlyList<Token> tokens)
    {
        int previousEnd = 0;
        for (int k = 0; k < tokens.Count; k++)
        {
            Token t = tokens[k];
            if (t.Length <= 0 || t.Start < previousEnd || t.End > text.Length)
            {
                throw new InvalidOperationException($"token {k} [{t.Start},{t.End}) after end {previousEnd} in length {text.Length}");
            }

            // The gap before the token: separators only, so every other character is in a token.
            for (int i = previousEnd; i < t.Start; i++)
            {
                if (!IsSeparator(text[i]))
                {
                    throw new InvalidOperationException($"character {Show(text[i].ToString())} at {i} is in no token");
                }
            }

            // Inside: no space, line break or ignorable character; a joiner (soft hyphen, ZWJ, ZWNJ)
            // only between two letters or digits of the same token.
            for (int i = t.Start; i < t.End; i++)
            {
                CharClass k2 = CharClasses.Of(text[i]);
                bool allowedJoiner = k2 == CharClass.Joiner && i > t.Start && i + 1 < t.End
                    && CharClasses.IsWordChar(text[i - 1]) && CharClasses.IsWordChar(text[i + 1]);
                if (CharClasses.IsSeparator(k2) && !allowedJoiner)
                {
                    throw new InvalidOperationException(
                        $"token {k} {Show(text[t.Start..t.End])} holds separator {Show(text[i].ToString())} ({k2}) at {i}");
                }
            }

            previousEnd = t.End;
        }

        for (int i = previousEnd; i < text.Length; i++)
        {
            if (!IsSeparator(text[i]))
            {
                throw new InvalidOperationException($"character {Show(text[i].ToString())} at {i} is in no token");
            }
        }
    }

    private static void AssertKindsAndTraits(string text, IReadOnlyList<Token> tokens)
    {
        foreach (Token t in tokens)
        {
            string s = text[t.Start..t.End];
            CharClass first = CharClasses.Of(s[0]);
            bool mark = first is CharClass.StraightSingle or CharClass.LeftSingle or CharClass.RightSingle;
            bool ok = t.Kind switch
            {
                TokenKind.Word => first is CharClass.Letter or CharClass.Digit || mark,
                TokenKind.Number => first == CharClass.Digit || mark,
                TokenKind.OpeningQuote or TokenKind.ClosingQuote or TokenKind.AmbiguousQuote =>
                    (s.Length == 1 && first is >= CharClass.StraightSingle and <= CharClass.CloseQuote) || s is "''" or "``",
                TokenKind.Ellipsis => s == "\u2026" || (s.Length >= 3 && s.All(c => c == '.')),
                TokenKind.Dash => s.All(c => CharClasses.Of(c) is CharClass.Dash or CharClass.Hyphen),
                TokenKind.Mention => s[0] == '@' && s.Length > 1,
                TokenKind.Hashtag => s[0] == '#' && s.Skip(1).Any(c => CharClasses.Of(c) == CharClass.Letter),
                TokenKind.Email => s.Contains('@', StringComparison.Ordinal),
                TokenKind.Url => first == CharClass.Letter,
                TokenKind.Punctuation => s.Length == 1,
                TokenKind.Symbol => s.Length == 1 || (s.Length == 2 && char.IsSurrogatePair(s[0], s[1])),
                _ => false,
            };
            Assert.True(ok, $"{t.Kind} token {Show(s)} at {t.Start}");

            // Hyphens and joiners connect inside words and numbers; they never end one.
            if (t.Kind is TokenKind.Word or TokenKind.Number)
            {
                Assert.False(CharClasses.Of(s[^1]) is CharClass.Hyphen or CharClass.Joiner, $"{t.Kind} token {Show(s)} at {t.Start} ends in a connector");
            }

            bool spaceBefore = t.Start == 0 || IsSeparator(text[t.Start - 1]);
            Assert.True(spaceBefore == t.Traits.HasFlag(TokenTraits.SpaceBefore), $"SpaceBefore of {Show(s)} at {t.Start}");
            if (t.Traits.HasFlag(TokenTraits.Abbreviation))
            {
                Assert.True(t.Kind == TokenKind.Word && s[^1] == '.', $"abbreviation {Show(s)} at {t.Start}");
            }

            if (t.Traits.HasFlag(TokenTraits.Title))
            {
                Assert.True(t.Traits.HasFlag(TokenTraits.Abbreviation), $"title {Show(s)} at {t.Start}");
            }

            if (t.Traits.HasFlag(TokenTraits.Clitic))
            {
                Assert.True(t.Kind == TokenKind.Word, $"clitic {Show(s)} at {t.Start}");
            }

            if (t.Traits.HasFlag(TokenTraits.Capitalized))
            {
                Assert.True(t.Kind == TokenKind.Word && char.IsUpper(s[0]), $"capitalized {Show(s)} at {t.Start}");
            }
        }
    }

    private static void AssertApiPathsAgree(NewsTokenizer tokenizer, string text, int[] sizes)
    {
        List<Token> expected = [.. tokenizer.Tokenize(text)];

        var enumerated = new List<Token>();
        foreach (Token t in tokenizer.EnumerateTokens(text))
        {
            enumerated.Add(t);
        }

        Assert.Equal(expected, enumerated);

        // The list overload appends and returns how many it added.
        var sentinel = new Token(-1, 1, TokenKind.Symbol);
        var appended = new List<Token> { sentinel };
        Assert.Equal(expected.Count, tokenizer.Tokenize(text.AsSpan(), appended));
        Assert.Equal(sentinel, appended[0]);
        Assert.Equal(expected, appended.Skip(1));

        Assert.Equal(expected.Count, tokenizer.CountTokens(text));

        // Streaming through small buffers of changing sizes.
        var streamed = new List<Token>();
        var buffer = new Token[10];
        int position = 0;
        for (int call = 0; ; call++)
        {
            int size = sizes[call % sizes.Length];
            int count = tokenizer.Tokenize(text, position, buffer.AsSpan(0, size), out int next);
            Assert.InRange(count, 0, size);
            streamed.AddRange(buffer.Take(count));
            if (count < size)
            {
                Assert.Equal(text.Length, next);
                break;
            }

            Assert.Equal(buffer[count - 1].End, next);
            position = next;
            Assert.True(call <= text.Length, "streaming does not terminate");
        }

        Assert.Equal(expected, streamed);

        PreTokenizer pre = tokenizer.CreatePreTokenizer();
        var pairs = expected.Select(t => (t.Start, t.Length)).ToList();
        Assert.Equal(pairs, pre.PreTokenize(text).ToList());
        Assert.Equal(pairs, pre.PreTokenize(text.AsSpan()).ToList());
    }

    internal static void AssertSegmentation(string text, SegmentedText segmented)
    {
        Assert.Same(text, segmented.Text);
        IReadOnlyList<Token> tokens = SplitTokenizer.Tokenize(text);
        Assert.Equal(tokens, segmented.Tokens.ToArray());
        var paragraphs = segmented.Paragraphs;
        var sentences = segmented.Sentences;
        if (tokens.Count == 0)
        {
            Assert.Empty(paragraphs);
            Assert.Empty(sentences);
            return;
        }

        // Paragraphs: in order, disjoint, separated by a line break, together holding every token once,
        // each trimmed to its first and last token.
        Assert.NotEmpty(paragraphs);
        int nextToken = 0;
        int nextSentence = 0;
        for (int p = 0; p < paragraphs.Length; p++)
        {
            Paragraph para = paragraphs[p];
            string where = $"paragraph {p} {para}";
            Assert.True(para.TokenCount > 0, where);
            Assert.True(para.FirstToken == nextToken, where);
            Assert.True(para.Start == tokens[para.FirstToken].Start && para.End == tokens[para.EndToken - 1].End, where);
            if (p > 0)
            {
                Paragraph before = paragraphs[p - 1];
                Assert.True(before.End < para.Start, where);
                Assert.True(text[before.End..para.Start].Any(c => CharClasses.Of(c) == CharClass.LineBreak), where + ": no line break before it");
            }

            Assert.True(para.SentenceCount > 0 && para.FirstSentence == nextSentence, where);
            nextToken = para.EndToken;
            nextSentence = para.FirstSentence + para.SentenceCount;
        }

        Assert.Equal(tokens.Count, nextToken);
        Assert.Equal(sentences.Length, nextSentence);

        // Sentences: in order, each a non-empty run of tokens inside one paragraph, together holding every token once.
        nextToken = 0;
        for (int s = 0; s < sentences.Length; s++)
        {
            Sentence sentence = sentences[s];
            string where = $"sentence {s} {sentence}";
            Assert.True(sentence.TokenCount > 0 && sentence.FirstToken == nextToken, where);
            Assert.True(sentence.Start == tokens[sentence.FirstToken].Start && sentence.End == tokens[sentence.EndToken - 1].End, where);
            Assert.InRange(sentence.Paragraph, 0, paragraphs.Length - 1);
            Paragraph para = paragraphs[sentence.Paragraph];
            Assert.True(s >= para.FirstSentence && s < para.FirstSentence + para.SentenceCount, where);
            Assert.True(sentence.FirstToken >= para.FirstToken && sentence.EndToken <= para.EndToken, where);
            Assert.True(sentence.Start >= para.Start && sentence.End <= para.End, where);
            nextToken = sentence.EndToken;
        }

        Assert.Equal(tokens.Count, nextToken);
    }

    private static bool IsSeparator(char c) => CharClasses.IsSeparator(CharClasses.Of(c));

    /// <summary>The text with everything outside printable ASCII escaped, for failure messages.</summary>
    internal static string Show(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in text)
        {
            sb.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return sb.Append('"').ToString();
    }
}
