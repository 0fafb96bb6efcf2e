using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.Threading;
using QuoteExtract.Entities;
using QuoteExtract.Models;
using QuoteExtract.Quotes;

namespace QuoteExtract.Syntax;

/// <summary>Tags and parses the sentences of a document with one <see cref="SyntaxModelFile"/>. Thread-safe.</summary>
internal sealed class SyntaxAnalyzer
{
    /// <summary>A thread keeps its workspace only after sentences of at most this many words.</summary>
    private const int RetainedWords = 1 << 12;

    [ThreadStatic]
    private static Workspace? t_workspace;

    public SyntaxAnalyzer(SyntaxModelFile model)
    {
        Model = model;
    }

    public SyntaxModelFile Model { get; }

    /// <summary>
    /// The syntax of every token of <paramref name="segments"/>: all tagged, and the sentences that
    /// <paramref name="scope"/> takes parsed (heads as document token indices). Empty for <see cref="SyntaxScope.None"/>.
    /// </summary>
    /// <param name="segments">The text's tokens and sentences.</param>
    /// <param name="scope">Which sentences are parsed.</param>
    /// <param name="cancellationToken">Checked between sentences.</param>
    /// <param name="names">
    /// Per document token, whether the entity tagger put a capitalised word inside a name; empty for none. The
    /// tagger's part of speech for such a word is made PROPN before the parse when it is not a noun already (a
    /// surname it has never seen, at a sentence's start, comes out as a conjunction or a verb).
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TokenSyntax[] Analyze(SegmentedText segments, SyntaxScope scope, CancellationToken cancellationToken, ReadOnlySpan<bool> names = default)
    {
        if (scope == SyntaxScope.None)
        {
            return [];
        }

        ReadOnlySpan<Token> tokens = segments.Tokens.AsSpan();
        ReadOnlySpan<Sentence> sentences = segments.Sentences.AsSpan();
        UniversalPos[] tags = Tag(segments.Text, tokens, sentences, cancellationToken);
        return Parse(segments.Text, tokens, sentences, tags, scope, names, cancellationToken);
    }

    /// <summary>The part of speech of every token of a document (the first half of <see cref="Analyze"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="sentences">Its sentences.</param>
    /// <param name="cancellationToken">Checked between sentences.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public UniversalPos[] Tag(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, CancellationToken cancellationToken)
    {
        var tags = new UniversalPos[tokens.Length];
        Workspace work = TakeWorkspace();
        foreach (Sentence sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadOnlySpan<Token> words = tokens.Slice(sentence.FirstToken, sentence.TokenCount);
            work.Prepare(words.Length);
            for (int i = 0; i < words.Length; i++)
            {
                NerToken.Analyze(words[i].GetText(text), ref work.Words[i]);
            }

            Model.Tagger.Tag(work.Words.AsSpan(0, words.Length), tags.AsSpan(sentence.FirstToken, words.Length));
            if (work.Capacity > RetainedWords)
            {
                work = new Workspace();
            }
        }

        t_workspace = work;
        return tags;
    }

    /// <summary>
    /// The syntax of every token from the tags <see cref="Tag"/> gave (the second half of <see cref="Analyze"/>): the sentences
    /// that <paramref name="scope"/> takes are parsed, the others keep their tags only. Empty for <see cref="SyntaxScope.None"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="sentences">Its sentences.</param>
    /// <param name="tags">A part of speech per token; name words (<paramref name="names"/>) are made PROPN in place.</param>
    /// <param name="scope">Which sentences are parsed.</param>
    /// <param name="names">
    /// Per document token, whether the entity tagger put a capitalised word inside a name; empty for none. The
    /// tagger's part of speech for such a word is made PROPN before the parse when it is not a noun already (a
    /// surname it has never seen, at a sentence's start, comes out as a conjunction or a verb).
    /// </param>
    /// <param name="cancellationToken">Checked between sentences.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TokenSyntax[] Parse(
        ReadOnlySpan<char> text,
        ReadOnlySpan<Token> tokens,
        ReadOnlySpan<Sentence> sentences,
        Span<UniversalPos> tags,
        SyntaxScope scope,
        ReadOnlySpan<bool> names,
        CancellationToken cancellationToken)
    {
        if (scope == SyntaxScope.None)
        {
            return [];
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (names[i] && tags[i] is not (UniversalPos.PropN or UniversalPos.Noun or UniversalPos.Punct))
            {
                tags[i] = UniversalPos.PropN;
            }
        }

        var result = new TokenSyntax[tokens.Length];
        Workspace work = TakeWorkspace();
        foreach (Sentence sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int first = sentence.FirstToken;
            ReadOnlySpan<Token> words = tokens.Slice(first, sentence.TokenCount);
            Span<TokenSyntax> output = result.AsSpan(first, words.Length);
            if (scope != SyntaxScope.All && !NeedsParse(text, words))
            {
                for (int i = 0; i < words.Length; i++)
                {
                    output[i] = new TokenSyntax(tags[first + i], -1, null);
                }

                continue;
            }

            work.Prepare(words.Length);
            for (int i = 0; i < words.Length; i++)
            {
                NerToken.Analyze(words[i].GetText(text), ref work.Words[i]);
            }

            tags.Slice(first, words.Length).CopyTo(work.Tags);
            ParseTagged(work, words.Length);
            Fill(work, output, first);
            if (work.Capacity > RetainedWords)
            {
                work = new Workspace();
            }
        }

        t_workspace = work;
        return result;
    }

    /// <summary>Tags and parses one sentence of words; heads are indices into <paramref name="words"/>.</summary>
    public TokenSyntax[] Parse(IReadOnlyList<string> words)
    {
        Workspace work = TakeWorkspace();
        work.Prepare(words.Count);
        for (int i = 0; i < words.Count; i++)
        {
            NerToken.Analyze(words[i], ref work.Words[i]);
        }

        Model.Tagger.Tag(work.Words.AsSpan(0, words.Count), work.Tags.AsSpan(0, words.Count));
        ParseTagged(work, words.Count);
        var result = new TokenSyntax[words.Count];
        Fill(work, result, 0);
        t_workspace = work.Capacity > RetainedWords ? null : work;
        return result;
    }

    /// <summary>Sentences that attribution reads: a quote mark, a colon, a reporting or attitude verb, a noun of speech or the start of a cue phrase.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool NeedsParse(ReadOnlySpan<char> text, ReadOnlySpan<Token> words)
    {
        foreach (Token t in words)
        {
            if (t.IsQuoteMark)
            {
                return true;
            }

            ReadOnlySpan<char> w = t.GetText(text);
            if (t.Kind == TokenKind.Punctuation ? w is ":" : t.Kind == TokenKind.Word
                && QuoteLexicons.ParseTriggers.Contains(w))
            {
                return true;
            }
        }

        return false;
    }

    private static Workspace TakeWorkspace()
    {
        Workspace? work = t_workspace;
        t_workspace = null;
        return work ?? new Workspace();
    }

    /// <summary>Parses the first <paramref name="n"/> words of the workspace with their tags.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseTagged(Workspace work, int n)
    {
        for (int i = 0; i < n; i++)
        {
            work.Lower[i] = work.Words[i].Lower;
            work.Suffixes[i] = work.Words[i].Suffix3;
            work.TagBytes[i] = (byte)work.Tags[i];
        }

        work.Lower[n] = ParserFeatures.RootWord;
        work.Suffixes[n] = ParserFeatures.RootWord;
        work.TagBytes[n] = ParserFeatures.RootTag;
        Model.Parser.Parse(work.State, work.Lower.AsSpan(0, n + 1), work.Suffixes.AsSpan(0, n + 1), work.TagBytes.AsSpan(0, n + 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill(Workspace work, Span<TokenSyntax> output, int offset)
    {
        int n = output.Length;
        ReadOnlySpan<int> heads = work.State.Heads;
        ReadOnlySpan<int> labels = work.State.Labels;
        string[] relations = Model.Parser.Relations;
        for (int i = 0; i < n; i++)
        {
            int head = heads[i];
            output[i] = new TokenSyntax(work.Tags[i], head == n ? -1 : head + offset, relations[labels[i]]);
        }
    }

    /// <summary>Per-thread buffers, grown to the longest sentence.</summary>
    private sealed class Workspace
    {
        public NerToken[] Words = [];
        public UniversalPos[] Tags = [];
        public ulong[] Lower = [];
        public ulong[] Suffixes = [];
        public byte[] TagBytes = [];
        public readonly ParserState State = new();

        public int Capacity => Words.Length;

        public void Prepare(int n)
        {
            if (Words.Length < n + 1)
            {
                int size = Math.Max(n + 1, Math.Max(64, Words.Length * 2));
                Words = new NerToken[size];
                Tags = new UniversalPos[size];
                Lower = new ulong[size];
                Suffixes = new ulong[size];
                TagBytes = new byte[size];
            }
        }
    }
}
