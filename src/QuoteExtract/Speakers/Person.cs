using System.Collections.Immutable;

namespace QuoteExtract;

/// <summary>A person's gender as the text tells it: from pronouns, titles, gendered words and first names.</summary>
public enum PersonGender
{
    /// <summary>The text does not tell, or tells both ways equally.</summary>
    Unknown,

    /// <summary>She, Ms, Mrs, spokeswoman, a woman's first name.</summary>
    Female,

    /// <summary>He, Mr, Sir, spokesman, a man's first name.</summary>
    Male,
}

/// <summary>What <see cref="Speaker.Name"/> holds.</summary>
public enum SpeakerNameKind
{
    /// <summary>The name of a person or organisation in the text (Helen Marsh), the mention's own or the one it resolves to.</summary>
    Name,

    /// <summary>The article never names the speaker: the role phrase stands for them (a senior official, the ministry).</summary>
    Role,

    /// <summary>A pronoun that resolves to no one; <see cref="Speaker.Name"/> is empty, never the pronoun.</summary>
    Unresolved,
}

/// <summary>A person of the article: their name, gender, mentions and quotes.</summary>
public sealed record Person
{
    /// <summary>The fullest name the article uses for them (Helen Marsh), or the role phrase of an unnamed speaker.</summary>
    public required string Name { get; init; }

    /// <summary>Their gender as the text tells it.</summary>
    public required PersonGender Gender { get; init; }

    /// <summary>Where they are mentioned: names, and the pronouns and roles that resolve to them as speakers.</summary>
    public required ImmutableArray<TextSpan> Mentions { get; init; }

    /// <summary>The indexes in <see cref="Analysis.Quotes"/> of the quotes and reported clauses they are the speaker of.</summary>
    public required ImmutableArray<int> Quotes { get; init; }

    /// <summary>They are the speaker of at least one quote or reported clause.</summary>
    public bool IsQuoted => !Quotes.IsDefaultOrEmpty;
}
