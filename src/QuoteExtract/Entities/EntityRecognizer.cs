using System;
using System.Buffers;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using QuoteExtract.Models;

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

    /// <summary>The recognizer with the embedded model; loaded on first use.</summary>
    public static EntityRecognizer Default => DefaultRecognizer.Value;

    public NerModel Model => _tagger.Model;

    /// <summary>Loads a model written by the training tool.</summary>
    public static EntityRecognizer Load(Stream stream) => new(NerModel.Read(stream));

    /// <summary>
    /// Finds the entity mentions of a segmented text, in text order, not overlapping. Each mention's
    /// <see cref="Entity.Name"/> is its own text: <see cref="EntityGrouper.Group"/> names them after their groups.
    /// </summary>
    public ImmutableArray<Entity> Recognize(SegmentedText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Recognize(text.Text, text.Tokens.AsSpan(), text.Sentences.AsSpan(), cancellationToken);
    }

    /// <summary>Finds the entity mentions of tokenized text; each mention's name is its own text.</summary>
    public ImmutableArray<Entity> Recognize(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, CancellationToken cancellationToken)
    {
        int n = tokens.Length;
        if (n == 0)
        {
            return [];
        }

        byte[] labels = ArrayPool<byte>.Shared.Rent(n);
        float[] probabilities = ArrayPool<float>.Shared.Rent(n);
        try
        {
            _tagger.Tag(text, tokens, sentences, labels.AsSpan(0, n), probabilities.AsSpan(0, n), cancellationToken);
            return ToEntities(text, tokens, labels.AsSpan(0, n), probabilities.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(labels);
            ArrayPool<float>.Shared.Return(probabilities);
        }
    }

    private ImmutableArray<Entity> ToEntities(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<byte> labels, ReadOnlySpan<float> probabilities)
    {
        NerLabels set = Model.Labels;
        ImmutableArray<Entity>.Builder entities = ImmutableArray.CreateBuilder<Entity>();
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
            double confidence = probabilities[i];
            bool closed = set.Positions[labels[i]] == 'U';
            i++;
            while (!closed && i < labels.Length && set.Types[labels[i]] == type && set.Positions[labels[i]] is 'I' or 'L')
            {
                confidence += probabilities[i];
                closed = set.Positions[labels[i]] == 'L';
                i++;
            }

            // Courtesy titles and roles stay outside a person's span, as in the training data (Mr | Okafor).
            int first = start;
            while (type == EntityType.Person && first + 1 < i && IsTitleToken(text, tokens[first]))
            {
                confidence -= probabilities[first];
                first++;
            }

            int from = tokens[first].Start;
            int to = tokens[i - 1].End;
            string mention = text[from..to];
            entities.Add(new Entity
            {
                Span = TextSpan.FromBounds(from, to),
                Text = mention,
                Type = type.Value,
                Name = mention,
                Confidence = Math.Round(confidence / (i - first), 4),
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
