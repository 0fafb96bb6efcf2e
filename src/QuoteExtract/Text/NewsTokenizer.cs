using System;
using System.Buffers;
using System.Collections.Generic;
using Microsoft.ML.Tokenizers;
using QuoteExtract.Text;

namespace QuoteExtract;

/// <summary>
/// Splits English news text into tokens that know about quote marks and apostrophes, abbreviations,
/// numbers and money, hyphenated words, dashes, URLs and handles. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Offsets are UTF-16 code units into the original text, half-open. The text is never copied:
/// <see cref="EnumerateTokens(ReadOnlySpan{char})"/> allocates nothing per token.
/// </remarks>
public sealed class NewsTokenizer
{
    private readonly bool _splitClitics;

    private NewsTokenizer(NewsTokenizerOptions options)
    {
        _splitClitics = options.SplitClitics;
    }

    /// <summary>The tokenizer with default options.</summary>
    public static NewsTokenizer Default { get; } = new(new NewsTokenizerOptions());

    /// <summary>Creates a tokenizer with the given options.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <returns>A thread-safe tokenizer.</returns>
    public static NewsTokenizer Create(NewsTokenizerOptions? options = null) =>
        options is null ? Default : new NewsTokenizer(options);

    /// <summary>The options this tokenizer was created with.</summary>
    public NewsTokenizerOptions Options => new() { SplitClitics = _splitClitics };

    /// <summary>Enumerates the tokens of <paramref name="text"/> without allocating.</summary>
    /// <param name="text">The text.</param>
    /// <returns>A <c>ref struct</c> enumerator for <c>foreach</c>.</returns>
    public TokenEnumerator EnumerateTokens(ReadOnlySpan<char> text) => new(text, _splitClitics);

    /// <summary>Tokenizes <paramref name="text"/> into a new list.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The tokens in text order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5 + 4);
        Tokenize(text.AsSpan(), tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="destination"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="destination">The list the tokens are added to.</param>
    /// <returns>The number of tokens added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public int Tokenize(ReadOnlySpan<char> text, List<Token> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        int before = destination.Count;
        int position = 0;
        while (TokenScanner.TryNext(text, ref position, _splitClitics, out Token token))
        {
            destination.Add(token);
        }

        return destination.Count - before;
    }

    /// <summary>
    /// Writes the tokens of <paramref name="text"/> that start at or after <paramref name="start"/> into
    /// <paramref name="destination"/> until it is full: a streaming API that allocates nothing.
    /// </summary>
    /// <param name="text">The whole text (characters before <paramref name="start"/> decide how a mark right after them reads).</param>
    /// <param name="start">Where to start: 0, or the <paramref name="next"/> of the previous call.</param>
    /// <param name="destination">The buffer.</param>
    /// <param name="next">Where the next call should start; <c>text.Length</c> when all is read.</param>
    /// <returns>The number of tokens written; offsets are into <paramref name="text"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is outside the text.</exception>
    public int Tokenize(ReadOnlySpan<char> text, int start, Span<Token> destination, out int next)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, text.Length);
        int count = 0;
        int position = start;
        while (count < destination.Length && TokenScanner.TryNext(text, ref position, _splitClitics, out Token token))
        {
            destination[count++] = token;
        }

        next = position;
        return count;
    }

    /// <summary>Counts the tokens of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number of tokens.</returns>
    public int CountTokens(ReadOnlySpan<char> text)
    {
        int count = 0;
        int position = 0;
        while (TokenScanner.TryNext(text, ref position, _splitClitics, out _))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// Tokenizes <paramref name="text"/> and splits it into sentences and paragraphs.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The tokens, sentences and paragraphs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public SegmentedText Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Token[] tokenArray = TokenArray(text);
        Paragraph[] paragraphs = TextSegmenter.FindParagraphs(text, tokenArray, out Sentence[] sentences);
        return new SegmentedText(text, tokenArray, sentences, paragraphs);
    }

    /// <summary>The tokens of <paramref name="text"/> in an array of their number: read into a rented buffer, copied once.</summary>
    private Token[] TokenArray(string text)
    {
        ReadOnlySpan<char> chars = text;
        Token[] buffer = ArrayPool<Token>.Shared.Rent((text.Length / 5) + 4); // news has about 5.3 characters a token
        int count = 0;
        int position = 0;
        while (TokenScanner.TryNext(chars, ref position, _splitClitics, out Token token))
        {
            if (count == buffer.Length)
            {
                Token[] bigger = ArrayPool<Token>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan().CopyTo(bigger);
                ArrayPool<Token>.Shared.Return(buffer);
                buffer = bigger;
            }

            buffer[count++] = token;
        }

        Token[] tokens = buffer.AsSpan(0, count).ToArray();
        ArrayPool<Token>.Shared.Return(buffer);
        return tokens;
    }

    /// <summary>
    /// This tokenizer as a <see cref="PreTokenizer"/> of Microsoft.ML.Tokenizers, so that its WordPiece,
    /// BPE and other tokenizers split words where this one does.
    /// </summary>
    /// <returns>A thread-safe pre-tokenizer.</returns>
    public PreTokenizer CreatePreTokenizer() => new NewsPreTokenizer(this);
}

/// <summary>Enumerates tokens without allocating; from <see cref="NewsTokenizer.EnumerateTokens(ReadOnlySpan{char})"/>.</summary>
public ref struct TokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private readonly bool _splitClitics;
    private int _position;
    private Token _current;

    internal TokenEnumerator(ReadOnlySpan<char> text, bool splitClitics)
    {
        _text = text;
        _splitClitics = splitClitics;
        _position = 0;
        _current = default;
    }

    /// <summary>The current token.</summary>
    public readonly Token Current => _current;

    /// <summary>Moves to the next token.</summary>
    /// <returns>False at the end of the text.</returns>
    public bool MoveNext() => TokenScanner.TryNext(_text, ref _position, _splitClitics, out _current);

    /// <summary>Returns this enumerator, for <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly TokenEnumerator GetEnumerator() => this;
}

/// <summary>Options for <see cref="NewsTokenizer.Create(NewsTokenizerOptions?)"/>.</summary>
public sealed class NewsTokenizerOptions
{
    /// <summary>
    /// Split clitics from the word before them, as the Penn Treebank and CoNLL-2003 do: Iran’s becomes
    /// Iran + ’s, don’t becomes do + n’t. Default true (entity spans then stop before the possessive).
    /// </summary>
    public bool SplitClitics { get; init; } = true;
}
