using System.IO;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace QuoteExtract.Tests.Text;

/// <summary>
/// The news tokenizer as the pre-tokenizer of a Microsoft.ML.Tokenizers WordPiece model: the model's word
/// pieces fall inside the news tokens, so U.S.-led and Iran’s split where the news tokenizer splits them and
/// not at every punctuation mark as the library's own word-or-punctuation pre-tokenizer does.
/// </summary>
public class PreTokenizerInteropTests
{
    private const string Sentence = "Iran\u2019s U.S.-led talks";

    /// <summary>A small vocabulary written for these tests, one entry a line; the line number is the id.</summary>
    private static readonly string[] Vocabulary =
    [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]",
        "Iran", "\u2019s", "\u2019", "s", "U.S.", "U", ".", "S", "-", "led", "talks", "talk",
        "##-", "##led", "##s", "##ed", "##\u2019", "##t",
        "\u201C", "\u201D", ",", "We", "won", "wo", "n\u2019t", "Gen.", "Gen", "said", "back", "down",
    ];

    private static WordPieceTokenizer CreateWordPiece(PreTokenizer preTokenizer)
    {
        using var vocab = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", Vocabulary) + "\n"));
        return WordPieceTokenizer.Create(vocab, new WordPieceOptions { PreTokenizer = preTokenizer });
    }

    [Fact]
    public void WordPiece_with_the_news_pre_tokenizer_splits_where_the_news_tokenizer_does()
    {
        WordPieceTokenizer wordPiece = CreateWordPiece(NewsTokenizer.Default.CreatePreTokenizer());
        IReadOnlyList<EncodedToken> encoded = wordPiece.EncodeToTokens(Sentence, out string? normalized);
        Assert.Null(normalized); // no normaliser: offsets are into the sentence itself

        // ’s is its own pre-token; U.S.-led is one pre-token, then word-pieced after the abbreviation.
        Assert.Equal(["Iran", "\u2019s", "U.S.", "##-", "##led", "talks"], encoded.Select(t => t.Value));
        Assert.Equal([(0, 4), (4, 6), (7, 11), (11, 12), (12, 15), (16, 21)], encoded.Select(t => Bounds(t, Sentence)));
        Assert.Equal(encoded.Select(t => Array.IndexOf(Vocabulary, t.Value)), encoded.Select(t => t.Id));
        AssertOffsetsMapBack(Sentence, encoded, wordPiece);

        Assert.Equal(
            NewsTokenizer.Default.Tokenize(Sentence).Select(t => (t.Start, t.Length)),
            wordPiece.PreTokenizer!.PreTokenize(Sentence));
    }

    [Fact]
    public void Word_or_punctuation_pre_tokenizer_breaks_abbreviations_and_clitics_apart()
    {
        WordPieceTokenizer wordPiece = CreateWordPiece(PreTokenizer.CreateWordOrPunctuation());
        IReadOnlyList<EncodedToken> encoded = wordPiece.EncodeToTokens(Sentence, out _);

        Assert.Equal(["Iran", "\u2019", "s", "U", ".", "S", ".", "-", "led", "talks"], encoded.Select(t => t.Value));
        AssertOffsetsMapBack(Sentence, encoded, wordPiece);

        // The difference, pre-token by pre-token: ours keeps U.S. whole and ’s together.
        var ours = NewsTokenizer.Default.CreatePreTokenizer().PreTokenize(Sentence).Select(p => Sentence.Substring(p.Offset, p.Length)).ToList();
        var theirs = PreTokenizer.CreateWordOrPunctuation().PreTokenize(Sentence).Select(p => Sentence.Substring(p.Offset, p.Length)).ToList();
        Assert.Equal(["Iran", "\u2019s", "U.S.-led", "talks"], ours);
        Assert.Equal(["Iran", "\u2019", "s", "U", ".", "S", ".", "-", "led", "talks"], theirs);
    }

    [Theory]
    [InlineData("\u201CWe won\u2019t back down,\u201D Gen. Smith said.")]
    [InlineData("Iran\u2019s U.S.-led talks\u2019 end: \u201Ctalked\u201D")]
    [InlineData("  U.S.\u00A0talks\n\nIran\u2019s  ")]
    public void Word_pieces_fall_inside_news_tokens_and_tile_them(string text)
    {
        WordPieceTokenizer wordPiece = CreateWordPiece(NewsTokenizer.Default.CreatePreTokenizer());
        IReadOnlyList<EncodedToken> encoded = wordPiece.EncodeToTokens(text, out string? normalized);
        Assert.Null(normalized);
        AssertOffsetsMapBack(text, encoded, wordPiece);

        // Each news token is tiled by its pieces (or is one [UNK]), in order, with nothing left over.
        IReadOnlyList<Token> tokens = NewsTokenizer.Default.Tokenize(text);
        int piece = 0;
        foreach (Token token in tokens)
        {
            int position = token.Start;
            while (piece < encoded.Count && Bounds(encoded[piece], text).Start < token.End)
            {
                (int start, int end) = Bounds(encoded[piece], text);
                Assert.True(start == position && end <= token.End, $"piece {encoded[piece].Value} at {start} in token {token}");
                position = end;
                piece++;
            }

            Assert.Equal(token.End, position);
        }

        Assert.Equal(encoded.Count, piece);
    }

    [Fact]
    public void Unknown_words_become_one_unknown_token_over_the_whole_news_token()
    {
        const string text = "Gen. Smith said";
        WordPieceTokenizer wordPiece = CreateWordPiece(NewsTokenizer.Default.CreatePreTokenizer());
        IReadOnlyList<EncodedToken> encoded = wordPiece.EncodeToTokens(text, out _);
        Assert.Equal(["Gen.", "[UNK]", "said"], encoded.Select(t => t.Value));
        Assert.Equal((5, 10), Bounds(encoded[1], text));
        Assert.Equal(wordPiece.UnknownTokenId, encoded[1].Id);
    }

    private static (int Start, int End) Bounds(EncodedToken token, string text)
    {
        (int offset, int length) = token.Offset.GetOffsetAndLength(text.Length);
        return (offset, offset + length);
    }

    /// <summary>Every piece's offsets select its own characters in the text (the ## prefix aside), or an [UNK].</summary>
    private static void AssertOffsetsMapBack(string text, IReadOnlyList<EncodedToken> encoded, WordPieceTokenizer wordPiece)
    {
        int previousEnd = 0;
        foreach (EncodedToken t in encoded)
        {
            (int start, int end) = Bounds(t, text);
            Assert.True(start >= previousEnd && end > start && end <= text.Length, $"{t.Value} at [{start},{end})");
            if (t.Id != wordPiece.UnknownTokenId)
            {
                string surface = t.Value.StartsWith("##", StringComparison.Ordinal) ? t.Value[2..] : t.Value;
                Assert.Equal(surface, text[start..end]);
            }

            previousEnd = end;
        }
    }
}
