using System.Collections.Generic;
using System.Collections.Immutable;

namespace QuoteExtract;

/// <summary>What <see cref="Extractor"/> found in a text. Immutable.</summary>
public sealed class Analysis
{
    internal Analysis(SegmentedText segments, ImmutableArray<Quote> quotes, ImmutableArray<Entity> entities, ImmutableArray<EntityGroup> groups, ImmutableArray<TokenSyntax> syntax = default, ImmutableArray<Person> people = default)
    {
        People = people.IsDefault ? [] : people;
        Segments = segments;
        Syntax = syntax.IsDefault ? [] : syntax;
        Quotes = quotes;
        Entities = entities;
        Groups = groups;
    }

    /// <summary>The analysed text.</summary>
    public string Text => Segments.Text;

    /// <summary>The tokens, sentences and paragraphs.</summary>
    public SegmentedText Segments { get; }

    /// <summary>The tokens in text order.</summary>
    public ImmutableArray<Token> Tokens => Segments.Tokens;

    /// <summary>The sentences in text order.</summary>
    public ImmutableArray<Sentence> Sentences => Segments.Sentences;

    /// <summary>The paragraphs in text order.</summary>
    public ImmutableArray<Paragraph> Paragraphs => Segments.Paragraphs;

    /// <summary>
    /// The syntax of each token, one entry per entry of <see cref="Tokens"/>: its part of speech, and in the sentences
    /// that were parsed (see <see cref="ExtractorOptions.Syntax"/>) its head, a token of the same sentence, and its
    /// dependency relation. Empty when the pipeline runs without syntax (<see cref="SyntaxScope.None"/>).
    /// </summary>
    public ImmutableArray<TokenSyntax> Syntax { get; }

    /// <summary>The quotations in text order of their first segment.</summary>
    public IReadOnlyList<Quote> Quotes { get; }

    /// <summary>The named-entity mentions in text order; they do not overlap.</summary>
    public IReadOnlyList<Entity> Entities { get; }

    /// <summary>The people, organisations and places of the text that have mentions, with their quotes.</summary>
    public IReadOnlyList<EntityGroup> Groups { get; }

    /// <summary>
    /// The people of the text (the person groups of <see cref="Groups"/>, without bylines and photo credits), each
    /// with their gender and quotes: who is quoted, and how many of them are women.
    /// </summary>
    public ImmutableArray<Person> People { get; }
}
