using System.Collections.Immutable;

namespace QuoteExtract;

/// <summary>The type of a named entity, as in CoNLL-2003.</summary>
public enum EntityType
{
    /// <summary>A person (PER).</summary>
    Person,

    /// <summary>An organisation (ORG).</summary>
    Organization,

    /// <summary>A location (LOC).</summary>
    Location,

    /// <summary>Any other name: nationalities, events, works (MISC).</summary>
    Miscellaneous,
}

/// <summary>A named-entity mention in a text.</summary>
public sealed record Entity
{
    /// <summary>Where the mention is.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>The mention as written.</summary>
    public required string Text { get; init; }

    /// <summary>Its type.</summary>
    public required EntityType Type { get; init; }

    /// <summary>The name of the person or organisation it belongs to (Ms Marsh → Helen Marsh); the mention's own text otherwise.</summary>
    public required string Name { get; init; }

    /// <summary>How sure the tagger is, from 0 to 1.</summary>
    public required double Confidence { get; init; }
}

/// <summary>A person or organisation of the text: all its mentions and the quotes attributed to it.</summary>
public sealed record EntityGroup
{
    /// <summary>Its fullest name in the text (Helen Marsh).</summary>
    public required string Name { get; init; }

    /// <summary>Person or organisation (or location, for places that speak: Downing Street, Tehran).</summary>
    public required EntityType Type { get; init; }

    /// <summary>Every mention, in text order.</summary>
    public required ImmutableArray<TextSpan> Mentions { get; init; }

    /// <summary>Indexes into <see cref="Analysis.Quotes"/> of the quotes attributed to it.</summary>
    public required ImmutableArray<int> Quotes { get; init; }
}

/// <summary>Helpers for <see cref="EntityType"/>.</summary>
public static class EntityTypes
{
    /// <summary>The CoNLL label of a type: PER, ORG, LOC or MISC.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Its label.</returns>
    public static string ToLabel(this EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Organization => "ORG",
        EntityType.Location => "LOC",
        _ => "MISC",
    };
}
