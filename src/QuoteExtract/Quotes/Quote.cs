using System.Collections.Immutable;

namespace QuoteExtract;

/// <summary>How a quotation is given.</summary>
public enum QuoteKind
{
    /// <summary>Words between quote marks, standing on their own: “We will act,” she said.</summary>
    Direct,

    /// <summary>A quoted fragment inside reported speech: he insisted Britain ‘will not lament’ the death.</summary>
    Mixed,

    /// <summary>Reported speech without quote marks: she said that the plan would go ahead.</summary>
    Indirect,
}

/// <summary>A quotation in a text, with its cue and its speaker.</summary>
public sealed record Quote
{
    /// <summary>The quoted words: for a quote in several segments, the segments' texts joined by a line break.</summary>
    public required string Text { get; init; }

    /// <summary>From the start of the first segment to the end of the last.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>
    /// The quoted text without the quote marks: one span per paragraph, and a reported clause its cue interrupts in two
    /// (The museum, the mayor said, would open in May: "The museum" and "would open in May").
    /// </summary>
    public required ImmutableArray<TextSpan> Segments { get; init; }

    /// <summary>Direct, mixed or indirect.</summary>
    public required QuoteKind Kind { get; init; }

    /// <summary>Who said it, when known.</summary>
    public Speaker? Speaker { get; init; }

    /// <summary>The word or phrase that introduces the quote (said, told, according to), when there is one.</summary>
    public Cue? Cue { get; init; }

    /// <summary>How sure the extractor is that this is a quotation of someone, from 0 to 1.</summary>
    public required double Confidence { get; init; }
}

/// <summary>The speaker of a quote: the mention in the text and the name it stands for.</summary>
public sealed record Speaker
{
    /// <summary>Where the speaker is mentioned for this quote (he, the spokesman, Ms Marsh).</summary>
    public required TextSpan Span { get; init; }

    /// <summary>The mention as written.</summary>
    public required string Text { get; init; }

    /// <summary>
    /// The name the mention resolves to (Helen Marsh); for several speakers, their names joined by ", " and " and ";
    /// for a speaker the article never names, the role phrase (a senior official); empty for a pronoun that resolves
    /// to no one. Never a bare pronoun. <see cref="NameKind"/> says which.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>The names of the speakers, one per person or organisation (one entry unless the speaker is plural); empty when unresolved.</summary>
    public required ImmutableArray<string> Names { get; init; }

    /// <summary>What <see cref="Name"/> holds: a name, an unnamed speaker's role phrase, or nothing (an unresolved pronoun).</summary>
    public SpeakerNameKind NameKind { get; init; }

    /// <summary>The speaker's gender as the article tells it (see <see cref="Person.Gender"/>); unknown for several speakers.</summary>
    public PersonGender Gender { get; init; }
}

/// <summary>The cue of a quote: a reporting verb or phrase.</summary>
/// <param name="Span">Where the cue is.</param>
/// <param name="Text">The cue as written (told, according to).</param>
/// <param name="Lemma">Its base form (tell, according to).</param>
public readonly record struct Cue(TextSpan Span, string Text, string Lemma);
