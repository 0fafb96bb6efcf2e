using System;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace QuoteExtract;

/// <summary>A sentence: a range of the text and of its tokens.</summary>
/// <param name="Start">Offset of the first character of the first token.</param>
/// <param name="Length">Length up to the end of the last token.</param>
/// <param name="FirstToken">Index of the first token.</param>
/// <param name="TokenCount">Number of tokens.</param>
/// <param name="Paragraph">Index of the paragraph that holds the sentence.</param>
public readonly record struct Sentence(int Start, int Length, int FirstToken, int TokenCount, int Paragraph)
{
    /// <summary>Offset just past the sentence (exclusive).</summary>
    public int End => Start + Length;

    /// <summary>The sentence's range in the text.</summary>
    public TextSpan Span => new(Start, Length);

    /// <summary>Index just past the sentence's last token.</summary>
    public int EndToken => FirstToken + TokenCount;
}

/// <summary>A paragraph: a range of the text, of its tokens and of its sentences.</summary>
/// <param name="Start">Offset of the first non-space character.</param>
/// <param name="Length">Length up to the last non-space character.</param>
/// <param name="FirstToken">Index of the first token.</param>
/// <param name="TokenCount">Number of tokens.</param>
/// <param name="FirstSentence">Index of the first sentence.</param>
/// <param name="SentenceCount">Number of sentences.</param>
public readonly record struct Paragraph(int Start, int Length, int FirstToken, int TokenCount, int FirstSentence, int SentenceCount)
{
    /// <summary>Offset just past the paragraph (exclusive).</summary>
    public int End => Start + Length;

    /// <summary>The paragraph's range in the text.</summary>
    public TextSpan Span => new(Start, Length);

    /// <summary>Index just past the paragraph's last token.</summary>
    public int EndToken => FirstToken + TokenCount;
}

/// <summary>A text with its tokens, sentences and paragraphs. Immutable.</summary>
public sealed class SegmentedText
{
    internal SegmentedText(string text, Token[] tokens, Sentence[] sentences, Paragraph[] paragraphs)
    {
        Text = text;
        // The arrays are built for this object and never handed out: wrap them instead of copying them again.
        Tokens = ImmutableCollectionsMarshal.AsImmutableArray(tokens);
        Sentences = ImmutableCollectionsMarshal.AsImmutableArray(sentences);
        Paragraphs = ImmutableCollectionsMarshal.AsImmutableArray(paragraphs);
    }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>The tokens in text order.</summary>
    public ImmutableArray<Token> Tokens { get; }

    /// <summary>The sentences in text order; none crosses a paragraph boundary.</summary>
    public ImmutableArray<Sentence> Sentences { get; }

    /// <summary>The paragraphs in text order.</summary>
    public ImmutableArray<Paragraph> Paragraphs { get; }

    /// <summary>The characters of <paramref name="token"/>.</summary>
    /// <param name="token">A token of this text.</param>
    /// <returns>Its characters.</returns>
    public ReadOnlySpan<char> GetText(Token token) => Text.AsSpan(token.Start, token.Length);
}
