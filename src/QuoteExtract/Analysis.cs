using System.Collections.Generic;
using System.Collections.Immutable;

namespace QuoteExtract;

/// <summary>What <see cref="Extractor"/> found in a text. Immutable.</summary>
public sealed class Analysis
{
    internal Analysis(SegmentedText segments, ImmutableArray<Quote> quotes, ImmutableArray<Entity> entities, ImmutableArray<EntityGroup> groups, ImmutableArray<TokenSyntax> syntax = default, ImmutableArray<Person> people = default, ImmutableArray<TextSpan> boilerplate = default)
    {
        People = people.IsDefault ? [] : people;
        Boilerplate = boilerplate.IsDefault ? [] : boilerplate;
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
    /// The people of the text (the person groups of <see cref="Groups"/>, without bylines and photo credits, and without
    /// speakers the text never names, whose role phrase is their quotes' speaker name: a neighbour, the agency's
    /// director), each with their gender and quotes: who is quoted, and how many of them are women.
    /// </summary>
    public ImmutableArray<Person> People { get; }

    /// <summary>
    /// The parts of the text that are not the story, in text order and not overlapping: bylines (By Jane Smith;
    /// Jane Smith, Political Correspondent), photo credits (Photo: Jane Smith/Reuters, (Getty Images), Image copyright
    /// PA, AP Photo/Evan Vucci), agency tags and datelines (LONDON (Reuters) -, — AP, (AFP)), wire footers (Reporting
    /// by …; Editing by …) and navigation lines (Click here …, Read more: …, Follow … on Twitter).
    /// </summary>
    /// <remarks>
    /// The entities in them stay in <see cref="Entities"/> (they are names, and the tagger is right to find them), but
    /// they are in no group of <see cref="Groups"/>, no one of <see cref="People"/>, and never a quote's speaker. A quote
    /// inside them is still in <see cref="Quotes"/>. To leave them out of the entities too, drop each entity whose
    /// span starts inside one of these spans.
    /// </remarks>
    public ImmutableArray<TextSpan> Boilerplate { get; }
}
