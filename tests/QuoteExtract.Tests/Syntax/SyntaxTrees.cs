using System.Collections.Immutable;
using System.IO;
using QuoteExtract.Models;
using QuoteExtract.Syntax;
using QuoteExtract.Testing;

namespace QuoteExtract.Tests.Syntax;

/// <summary>Checks of dependency trees, and small syntax models with random weights, for the syntax tests.</summary>
internal static class SyntaxTrees
{
    /// <summary>The relations of <see cref="TinyFile"/>: "obj" and "dep" have the same length, for the tests that overwrite one with the other.</summary>
    public static readonly string[] TinyRelations = ["root", "nsubj", "obj", "dep", "punct", "nsubj:pass"];

    /// <summary>
    /// A syntax model of 2^8 rows per table with random 8-bit weights: a model that parses nonsense, but parses it
    /// into trees, in a few kilobytes.
    /// </summary>
    public static SyntaxModelFile TinyFile(int seed = 7, string[]? relations = null, string description = "tiny")
    {
        relations ??= TinyRelations;
        var random = new Random(seed);
        QuantizedTable Table(int classes)
        {
            const int bits = 8;
            int stride = QuantizedTable.StrideFor(classes);
            var weights = new sbyte[(1 << bits) * stride];
            for (int r = 0; r < 1 << bits; r++)
            {
                for (int c = 0; c < classes; c++)
                {
                    weights[(r * stride) + c] = (sbyte)random.Next(-127, 128);
                }
            }

            return new QuantizedTable(bits, classes, 0.01f, weights);
        }

        var tagger = new PosTagger(Table(UniversalPosTags.Count), Table(UniversalPosTags.Count));
        return new SyntaxModelFile(tagger, new DependencyParser(Table(3), Table(relations.Length), relations), description);
    }

    /// <summary>The bytes of a model file.</summary>
    public static byte[] Bytes(SyntaxModelFile file)
    {
        using var stream = new MemoryStream();
        file.Write(stream);
        return stream.ToArray();
    }

    /// <summary><see cref="TinyFile"/> as a <see cref="SyntaxModel"/>, through the public loader.</summary>
    public static SyntaxModel TinyModel(int seed = 7, string[]? relations = null) =>
        SyntaxModel.Load(new MemoryStream(Bytes(TinyFile(seed, relations)), writable: false));

    /// <summary>The words of a sentence of an analysis, as <see cref="SyntaxModel.Parse"/> takes them.</summary>
    public static string[] Words(Analysis analysis, Sentence sentence) =>
        [.. analysis.Tokens.Skip(sentence.FirstToken).Take(sentence.TokenCount).Select(t => t.GetText(analysis.Text).ToString())];

    /// <summary>
    /// What is wrong with <paramref name="syntax"/> as the parse of <paramref name="words"/>, or null: one entry per
    /// word, one projective tree (see <see cref="TreeViolation"/>), relations the model's.
    /// </summary>
    public static string? ParseViolation(SyntaxModel model, IReadOnlyList<string> words, ImmutableArray<TokenSyntax> syntax)
    {
        if (syntax.IsDefault || syntax.Length != words.Count)
        {
            return $"{(syntax.IsDefault ? 0 : syntax.Length)} entries for {words.Count} words";
        }

        return TreeViolation(syntax, 0, syntax.Length, model.Relations);
    }

    /// <summary>
    /// <see cref="AnalysisInvariants.TreeViolation"/>, and more that the arc-hybrid system guarantees: the tree is
    /// projective (every subtree a contiguous run of words); and every relation is one of <paramref name="relations"/>,
    /// its <see cref="TokenSyntax.UniversalRelation"/> the part before the colon, its <see cref="TokenSyntax.PosTag"/> a UPOS tag.
    /// </summary>
    public static string? TreeViolation(IReadOnlyList<TokenSyntax> syntax, int first, int count, ImmutableArray<string> relations)
    {
        if (AnalysisInvariants.TreeViolation(syntax, first, count) is { } bad)
        {
            return bad;
        }

        for (int i = first; i < first + count; i++)
        {
            TokenSyntax t = syntax[i];
            if (!relations.Contains(t.Relation!))
            {
                return $"word {i} has relation {t.Relation}, which the model does not have";
            }

            if (t.UniversalRelation != t.Relation!.Split(':')[0] || !t.IsParsed)
            {
                return $"word {i}: relation {t.Relation}, universal relation {t.UniversalRelation}";
            }

            if (t.PosTag is "_" || t.PosTag != UniversalPosTags.Names[(int)t.Pos])
            {
                return $"word {i} has tag {t.PosTag} for {t.Pos}";
            }
        }

        // Projective: the words of each subtree form one run. Sizes and spans are summed from the deepest words up.
        var depth = new int[count];
        Array.Fill(depth, -1);
        var path = new List<int>();
        for (int i = 0; i < count; i++)
        {
            path.Clear();
            int w = i;
            while (w >= 0 && depth[w] < 0)
            {
                path.Add(w);
                int head = syntax[first + w].Head;
                w = head < 0 ? -1 : head - first;
            }

            int d = w < 0 ? -1 : depth[w];
            for (int k = path.Count - 1; k >= 0; k--)
            {
                depth[path[k]] = ++d;
            }
        }

        var size = new int[count];
        var low = new int[count];
        var high = new int[count];
        for (int i = 0; i < count; i++)
        {
            size[i] = 1;
            low[i] = high[i] = i;
        }

        foreach (int i in Enumerable.Range(0, count).OrderByDescending(i => depth[i]))
        {
            if (high[i] - low[i] + 1 != size[i])
            {
                return $"the subtree of word {first + i} spans words {first + low[i]} to {first + high[i]} but has {size[i]} words: the tree is not projective";
            }

            int head = syntax[first + i].Head;
            if (head >= 0)
            {
                int h = head - first;
                size[h] += size[i];
                low[h] = Math.Min(low[h], low[i]);
                high[h] = Math.Max(high[h], high[i]);
            }
        }

        return null;
    }

    /// <summary>Fails with the violation, if any, and the words.</summary>
    public static void AssertTree(SyntaxModel model, IReadOnlyList<string> words, ImmutableArray<TokenSyntax> syntax)
    {
        if (ParseViolation(model, words, syntax) is { } bad)
        {
            Assert.Fail($"{bad}; words: {Show(words)}");
        }
    }

    /// <summary>Fails unless every parsed sentence of <paramref name="analysis"/> is a projective tree of the model's relations.</summary>
    public static void AssertParsedSentencesAreTrees(Analysis analysis, SyntaxModel model)
    {
        foreach (Sentence s in analysis.Sentences.Where(s => analysis.Syntax[s.FirstToken].IsParsed))
        {
            if (TreeViolation(analysis.Syntax, s.FirstToken, s.TokenCount, model.Relations) is { } bad)
            {
                Assert.Fail($"sentence {s}: {bad}; text: {Show(analysis.Text[s.Start..s.End])}");
            }
        }
    }

    /// <summary>Text for a failure message, with every character visible.</summary>
    public static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text.Length > 2000 ? text[..2000] + "…" : text);

    public static string Show(IReadOnlyList<string> words) => words.Count > 60
        ? $"{words.Count} words: " + Show(string.Join(" ", words.Take(60)))
        : Show(string.Join(" ", words));
}
