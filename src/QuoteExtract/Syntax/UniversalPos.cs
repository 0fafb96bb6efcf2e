using System.Collections.Immutable;

namespace QuoteExtract;

/// <summary>A Universal Dependencies part-of-speech tag (UPOS), or <see cref="None"/> for a token that was not tagged.</summary>
public enum UniversalPos : byte
{
    /// <summary>Not tagged: the pipeline ran without syntax.</summary>
    None = 0,

    /// <summary>ADJ: adjective.</summary>
    Adj,

    /// <summary>ADP: adposition (of, in, to).</summary>
    Adp,

    /// <summary>ADV: adverb.</summary>
    Adv,

    /// <summary>AUX: auxiliary (is, has, will, should).</summary>
    Aux,

    /// <summary>CCONJ: coordinating conjunction (and, or, but).</summary>
    CConj,

    /// <summary>DET: determiner.</summary>
    Det,

    /// <summary>INTJ: interjection.</summary>
    Intj,

    /// <summary>NOUN: noun.</summary>
    Noun,

    /// <summary>NUM: numeral.</summary>
    Num,

    /// <summary>PART: particle (not, to before a verb, 's).</summary>
    Part,

    /// <summary>PRON: pronoun.</summary>
    Pron,

    /// <summary>PROPN: proper noun.</summary>
    PropN,

    /// <summary>PUNCT: punctuation.</summary>
    Punct,

    /// <summary>SCONJ: subordinating conjunction (that, if, because).</summary>
    SConj,

    /// <summary>SYM: symbol.</summary>
    Sym,

    /// <summary>VERB: verb.</summary>
    Verb,

    /// <summary>X: other (foreign words, typos, unanalysable).</summary>
    X,
}

/// <summary>The UPOS tags as CoNLL-U writes them.</summary>
internal static class UniversalPosTags
{
    /// <summary>The tag of each <see cref="UniversalPos"/> value, by its number ("_" for <see cref="UniversalPos.None"/>).</summary>
    public static readonly ImmutableArray<string> Names =
        ["_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"];

    /// <summary>The number of real tags (<see cref="UniversalPos.None"/> excluded).</summary>
    public const int Count = 17;

    /// <summary>The value of a CoNLL-U tag, or <see cref="UniversalPos.None"/> for one that is not a UPOS tag.</summary>
    public static UniversalPos Parse(string tag)
    {
        for (int i = 1; i < Names.Length; i++)
        {
            if (Names[i] == tag)
            {
                return (UniversalPos)i;
            }
        }

        return UniversalPos.None;
    }
}
