namespace QuoteExtract;

/// <summary>
/// The syntax of one token: its part of speech and, when its sentence was parsed, its head and dependency relation
/// (Universal Dependencies). <c>default</c> is a token the pipeline did not tag.
/// </summary>
/// <param name="Pos">The part of speech; <see cref="UniversalPos.None"/> when the token was not tagged.</param>
/// <param name="Head">The index of the head token, counted like the indices of <see cref="Analysis.Tokens"/> (or of the words
/// given to <see cref="SyntaxModel.Parse"/>); -1 for the root of its sentence, and for a token whose sentence was not parsed.</param>
/// <param name="Relation">The dependency relation to the head, as Universal Dependencies writes it, with its subtype
/// (nsubj, nsubj:pass, obl:agent, ccomp, root, …); null when the token's sentence was not parsed.</param>
public readonly record struct TokenSyntax(UniversalPos Pos, int Head, string? Relation)
{
    /// <summary>The token's sentence was parsed: <see cref="Head"/> and <see cref="Relation"/> are set.</summary>
    public bool IsParsed => Relation is not null;

    /// <summary>The token is the root of its parsed sentence.</summary>
    public bool IsRoot => Head < 0 && Relation is not null;

    /// <summary>The part of speech as CoNLL-U writes it (NOUN, VERB, PROPN, …; "_" when not tagged).</summary>
    public string PosTag => (uint)Pos < (uint)UniversalPosTags.Names.Length ? UniversalPosTags.Names[(int)Pos] : "_";

    /// <summary>The relation without its subtype (nsubj for nsubj:pass); null when not parsed.</summary>
    public string? UniversalRelation
    {
        get
        {
            if (Relation is null)
            {
                return null;
            }

            int colon = Relation.IndexOf(':', System.StringComparison.Ordinal);
            return colon < 0 ? Relation : Relation[..colon];
        }
    }
}
