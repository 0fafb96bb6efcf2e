using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using QuoteExtract.Models;
using QuoteExtract.Syntax;

namespace QuoteExtract.Entities;

/// <summary>
/// Finds person, organisation, location and other names with the trained tagger embedded in the
/// library (models/ner-en.bin, trained by QuoteExtract.Training). The default instance loads the
/// model once, lazily and thread-safely, from the resources of QuoteExtract.Models. Thread-safe.
/// </summary>
internal sealed class EntityRecognizer
{
    private static readonly Lazy<EntityRecognizer> DefaultRecognizer = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly NerTagger _tagger;

    public EntityRecognizer(NerModel model)
    {
        _tagger = new NerTagger(model);
    }

    /// <summary>Whether <see cref="EntitySpanRules"/> rewrite the tagger's spans (true but in the training tool's measurements).</summary>
    internal bool SpanRules { get; init; } = true;

    /// <summary>The recognizer with the embedded model; loaded on first use.</summary>
    public static EntityRecognizer Default => DefaultRecognizer.Value;

    public NerModel Model => _tagger.Model;

    /// <summary>Loads a model written by the training tool.</summary>
    public static EntityRecognizer Load(Stream stream) => new(NerModel.Read(stream));

    /// <summary>
    /// Finds the entity mentions of a segmented text, in text order, not overlapping, with the syntax of the embedded
    /// syntax model. Each mention's <see cref="Entity.Name"/> is its own text: <see cref="EntityGrouper.Group"/> names
    /// them after their groups.
    /// </summary>
    public ImmutableArray<Entity> Recognize(SegmentedText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Recognize(text.Text, text.Tokens, text.Sentences, SyntaxModel.Default.Analyzer, SyntaxScope.None, cancellationToken).Entities;
    }

    /// <summary>
    /// Finds the entity mentions of a tokenized text and gives the text's syntax too: the tagger reads the parts of
    /// speech, then the parse of the sentences that <see cref="SyntaxScope.Attribution"/> parses, made after its first
    /// stage has found the names (which correct the parts of speech the parser reads). The entities are the same
    /// whatever <paramref name="scope"/> is; the scope says only which syntax is returned (none for
    /// <see cref="SyntaxScope.None"/>, though the attribution sentences are parsed for the tagger all the same).
    /// </summary>
    public (ImmutableArray<Entity> Entities, TokenSyntax[] Syntax) Recognize(
        string text,
        ImmutableArray<Token> tokens,
        ImmutableArray<Sentence> sentences,
        SyntaxAnalyzer syntax,
        SyntaxScope scope,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(syntax);
        int n = tokens.Length;
        if (n == 0)
        {
            return ([], []);
        }

        UniversalPos[] tags = syntax.Tag(text, tokens.AsSpan(), sentences.AsSpan(), cancellationToken);
        var parser = new StageOneParse(text, tokens, sentences, syntax, tags, scope, cancellationToken);
        byte[] labels = ArrayPool<byte>.Shared.Rent(n);
        float[] probabilities = ArrayPool<float>.Shared.Rent(n);
        try
        {
            _tagger.Tag(text, tokens.AsSpan(), sentences.AsSpan(), new NerSyntaxInput(tags, parser.Parse), labels.AsSpan(0, n), probabilities.AsSpan(0, n), cancellationToken);
            ImmutableArray<Entity> entities = ToEntities(text, tokens.AsSpan(), sentences.AsSpan(), labels.AsSpan(0, n), probabilities.AsSpan(0, n));
            if (scope == SyntaxScope.None)
            {
                return (entities, []);
            }

            TokenSyntax[] result = parser.Result ?? parser.Parse(labels.AsSpan(0, n));
            MarkNameWords(tokens.AsSpan(), entities, result);
            return (entities, result);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(labels);
            ArrayPool<float>.Shared.Return(probabilities);
        }
    }

    /// <summary>
    /// A capitalised word of a final entity is a noun in the syntax returned, as it is for a word of stage 1's names
    /// before the parse: stage 2 and the span rules find names after the parse (its trees stand as they were made).
    /// </summary>
    private static void MarkNameWords(ReadOnlySpan<Token> tokens, ImmutableArray<Entity> entities, TokenSyntax[] syntax)
    {
        int t = 0;
        foreach (Entity e in entities)
        {
            while (t < tokens.Length && tokens[t].End <= e.Span.Start)
            {
                t++;
            }

            for (int u = t; u < tokens.Length && tokens[u].Start < e.Span.End; u++)
            {
                if (tokens[u].Kind == TokenKind.Word && (tokens[u].Traits & TokenTraits.Capitalized) != 0
                    && syntax[u].Pos is not (UniversalPos.PropN or UniversalPos.Noun or UniversalPos.Punct))
                {
                    syntax[u] = syntax[u] with { Pos = UniversalPos.PropN };
                }
            }
        }
    }

    /// <summary>Per token, whether it is a capitalised word that <paramref name="labels"/> put inside a name.</summary>
    internal static bool[] CapitalisedNameWords(ReadOnlySpan<Token> tokens, ReadOnlySpan<byte> labels)
    {
        var names = new bool[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            names[i] = labels[i] != 0 && tokens[i].Kind == TokenKind.Word && (tokens[i].Traits & TokenTraits.Capitalized) != 0;
        }

        return names;
    }

    /// <summary>The parse made once stage 1 has labelled the document; kept for the caller.</summary>
    private sealed class StageOneParse(
        string text,
        ImmutableArray<Token> tokens,
        ImmutableArray<Sentence> sentences,
        SyntaxAnalyzer syntax,
        UniversalPos[] tags,
        SyntaxScope scope,
        CancellationToken cancellationToken)
    {
        public TokenSyntax[]? Result { get; private set; }

        public TokenSyntax[] Parse(ReadOnlySpan<byte> stageOneLabels)
        {
            Result = syntax.Parse(text, tokens.AsSpan(), sentences.AsSpan(), tags, scope == SyntaxScope.All ? SyntaxScope.All : SyntaxScope.Attribution, CapitalisedNameWords(tokens.AsSpan(), stageOneLabels), cancellationToken);
            return Result;
        }
    }

    private ImmutableArray<Entity> ToEntities(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, ReadOnlySpan<byte> labels, ReadOnlySpan<float> probabilities)
    {
        NerLabels set = Model.Labels;
        var spans = new List<TokenSpan>();
        int i = 0;
        while (i < labels.Length)
        {
            EntityType? type = set.Types[labels[i]];
            if (type is null)
            {
                i++;
                continue;
            }

            // An entity runs from a B/U (or a stray I/L) while the labels continue it: I or L of the same type.
            int start = i;
            bool closed = set.Positions[labels[i]] == 'U';
            i++;
            while (!closed && i < labels.Length && set.Types[labels[i]] == type && set.Positions[labels[i]] is 'I' or 'L')
            {
                closed = set.Positions[labels[i]] == 'L';
                i++;
            }

            spans.Add(new TokenSpan(start, i, type.Value));
        }

        if (SpanRules)
        {
            EntitySpanRules.Apply(text, tokens, sentences, spans);
        }

        ImmutableArray<Entity>.Builder entities = ImmutableArray.CreateBuilder<Entity>(spans.Count);
        foreach (TokenSpan span in spans)
        {
            // Courtesy titles and roles stay outside a person's span, as in the training data (Mr | Okafor).
            int first = span.First;
            while (span.Type == EntityType.Person && first + 1 < span.End && IsTitleToken(text, tokens[first]))
            {
                first++;
            }

            // The mean probability of the tagger's labels; a token a rule added (an O label) counts as one half.
            double confidence = 0;
            for (int t = first; t < span.End; t++)
            {
                confidence += labels[t] == 0 ? 0.5 : probabilities[t];
            }

            int from = tokens[first].Start;
            int to = tokens[span.End - 1].End;
            string mention = text[from..to];
            entities.Add(new Entity
            {
                Span = TextSpan.FromBounds(from, to),
                Text = mention,
                Type = span.Type,
                Name = mention,
                Confidence = Math.Round(confidence / (span.End - first), 4),
            });
        }

        return entities.ToImmutable();
    }

    private static bool IsTitleToken(string text, Token token) =>
        token.Length <= 16 && char.IsUpper(text[token.Start]) && TitleLexicon.Default.IsOutsideName(text.AsSpan(token.Start, token.Length));

    private static EntityRecognizer LoadEmbedded()
    {
        using Stream stream = ModelResources.Open(ModelResources.EntityModel)
            ?? throw new InvalidOperationException($"The entity model '{ModelResources.EntityModel}' is missing from {typeof(ModelResources).Assembly.GetName().Name}.");
        return Load(stream);
    }
}
