using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using QuoteExtract.Entities;
using QuoteExtract.Text;

namespace QuoteExtract.Syntax;

/// <summary>
/// The closed part-of-speech classes (pronouns, determiners, conjunctions, auxiliaries, particles, interjections,
/// prepositions) and the words
/// they hold (<c>Lexicons/closed-class-words.txt</c>): the tagger gives such a class to a capitalised word only when
/// it is listed, so an unknown name is never tagged a conjunction, pronoun, interjection or preposition for its letters (Okafor: -or).
/// </summary>
internal static class ClosedClasses
{
    /// <summary>Bit (tag index - 1) set for each closed class.</summary>
    private static readonly int ClosedMask = Bit(UniversalPos.Pron) | Bit(UniversalPos.Det) | Bit(UniversalPos.CConj) | Bit(UniversalPos.SConj) | Bit(UniversalPos.Aux) | Bit(UniversalPos.Part) | Bit(UniversalPos.Intj) | Bit(UniversalPos.Adp);

    /// <summary>Per lower-cased word hash (<see cref="NerToken.Lower"/>), the closed classes it may take.</summary>
    private static readonly FrozenDictionary<ulong, int> Allowed = Read();

    /// <summary>
    /// The best class for <paramref name="word"/> given the scores of the <paramref name="count"/> classes (tag
    /// index - 1): the best of all, unless it is a closed class the word is not listed for, then the best of the rest.
    /// </summary>
    public static int Best(in NerToken word, ReadOnlySpan<short> scores, int count)
    {
        int best = QuantizedTable.ArgMax(scores, count);
        if ((ClosedMask & (1 << best)) == 0 || (word.Flags & WordFlags.InitCap) == 0)
        {
            return best; // lower-case words keep the model's choice: web text's typos (teh, becuse) are its to read
        }

        int allowed = ~ClosedMask | Allowed.GetValueOrDefault(word.Lower);
        if ((allowed & (1 << best)) != 0)
        {
            return best;
        }

        best = -1;
        for (int c = 0; c < count; c++)
        {
            if ((allowed & (1 << c)) != 0 && (best < 0 || scores[c] > scores[best]))
            {
                best = c;
            }
        }

        return best;
    }

    private static int Bit(UniversalPos tag) => 1 << ((int)tag - 1);

    private static FrozenDictionary<ulong, int> Read()
    {
        var allowed = new Dictionary<ulong, int>();
        foreach (string[] row in LexiconResources.ReadLines("closed-class-words.txt"))
        {
            UniversalPos tag = UniversalPosTags.Parse(row[0]);
            if (tag == UniversalPos.None || (ClosedMask & Bit(tag)) == 0)
            {
                throw new InvalidOperationException($"closed-class-words.txt: '{row[0]}' is not a closed class.");
            }

            foreach (string word in row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var token = default(NerToken);
                NerToken.Analyze(word, ref token);
                allowed[token.Lower] = allowed.GetValueOrDefault(token.Lower) | Bit(tag);
            }
        }

        return allowed.ToFrozenDictionary();
    }
}
