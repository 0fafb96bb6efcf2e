using System.Collections.Immutable;
using QuoteExtract.Testing;

namespace QuoteExtract.Tests.Syntax;

/// <summary>
/// The syntax part of the shared invariant checker (<see cref="AnalysisInvariants"/>): it accepts real analyses in
/// every scope and names what is wrong with doctored syntax. The analyses come from the tiny random model, whose
/// trees are as good as any for this.
/// </summary>
public class SyntaxInvariantsTests
{
    /// <summary>A sentence without cues, then one with a quote and "said".</summary>
    private const string Text = "The river rose overnight and the roads were closed. \u201CWe will win,\u201D Jane Smith said.";

    private static readonly SyntaxModel Tiny = SyntaxTrees.TinyModel();
    private static readonly ExtractorOptions AllOptions = new() { Syntax = SyntaxScope.All, SyntaxModel = Tiny };
    private static readonly ExtractorOptions DefaultOptions = new() { SyntaxModel = Tiny };
    private static readonly ExtractorOptions NoneOptions = new() { Syntax = SyntaxScope.None };

    [Fact]
    public void Accepts_real_analyses_in_every_scope()
    {
        foreach (ExtractorOptions options in new[] { AllOptions, DefaultOptions, NoneOptions })
        {
            Analysis analysis = ExtractorPipeline.Create(options).Analyze(Text);
            Assert.Null(AnalysisInvariants.FindViolation(Text, analysis, options));
        }

        Analysis byDefault = ExtractorPipeline.Create(DefaultOptions).Analyze(Text);
        Assert.Equal(2, byDefault.Sentences.Length);
        Assert.False(byDefault.Syntax[0].IsParsed);
        Assert.True(byDefault.Syntax[^1].IsParsed);
    }

    public static TheoryData<string, string> Damages => new()
    {
        { "length", "syntax has " },
        { "none", "syntax has " },
        { "pos", "sentence 0 " },
        { "two-roots", "are both roots" },
        { "no-root", "has no root" },
        { "cycle", "is in a cycle" },
        { "self", "outside its sentence" },
        { "outside", "outside its sentence" },
        { "no-relation", "has no relation" },
        { "root-relation", "root is the relation of the root and of no other word" },
        { "root-without-root-relation", "root is the relation of the root and of no other word" },
        { "unparsed-quote", "sentence 1 " },
        { "unparsed-under-all", "sentence 0 " },
        { "half-parsed", "of unparsed sentence 0" },
        { "untagged", "of unparsed sentence 0" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void Names_the_broken_syntax_invariant(string damage, string message)
    {
        Analysis all = ExtractorPipeline.Create(AllOptions).Analyze(Text);
        Analysis byDefault = ExtractorPipeline.Create(DefaultOptions).Analyze(Text);
        Sentence first = all.Sentences[0], second = all.Sentences[1];
        ImmutableArray<TokenSyntax> syntax = all.Syntax;
        ExtractorOptions options = AllOptions;
        int root = Enumerable.Range(first.FirstToken, first.TokenCount).Single(i => syntax[i].IsRoot);
        int other = Enumerable.Range(first.FirstToken + 1, first.TokenCount - 1).Last(i => i != root); // not the first word, which tells a parsed sentence
        int another = Enumerable.Range(first.FirstToken + 1, first.TokenCount - 1).Last(i => i != root && i != other);
        switch (damage)
        {
            case "length": syntax = syntax.RemoveAt(syntax.Length - 1); break;
            case "none": options = NoneOptions; break;
            case "pos": syntax = syntax.SetItem(other, syntax[other] with { Pos = UniversalPos.None }); break;
            case "two-roots": syntax = syntax.SetItem(other, syntax[other] with { Head = -1, Relation = "root" }); break;
            case "no-root": syntax = syntax.SetItem(root, syntax[root] with { Head = other, Relation = "dep" }); break;
            case "cycle":
                syntax = syntax.SetItem(other, syntax[other] with { Head = another }).SetItem(another, syntax[another] with { Head = other });
                break;
            case "self": syntax = syntax.SetItem(other, syntax[other] with { Head = other }); break;
            case "outside": syntax = syntax.SetItem(other, syntax[other] with { Head = second.FirstToken }); break;
            case "no-relation": syntax = syntax.SetItem(other, syntax[other] with { Relation = null }); break;
            case "root-relation": syntax = syntax.SetItem(other, syntax[other] with { Relation = "root" }); break;
            case "root-without-root-relation": syntax = syntax.SetItem(root, syntax[root] with { Relation = "dep" }); break;
            case "unparsed-quote":
                options = DefaultOptions;
                syntax = byDefault.Syntax;
                for (int i = second.FirstToken; i < second.EndToken; i++)
                {
                    syntax = syntax.SetItem(i, new TokenSyntax(syntax[i].Pos, -1, null));
                }

                break;
            case "unparsed-under-all": syntax = byDefault.Syntax; break;
            case "half-parsed":
                options = DefaultOptions;
                syntax = byDefault.Syntax.SetItem(1, byDefault.Syntax[1] with { Head = 0, Relation = "dep" });
                break;
            default:
                options = DefaultOptions;
                syntax = byDefault.Syntax.SetItem(2, default);
                break;
        }

        var doctored = new Analysis(all.Segments, [.. all.Quotes], [.. all.Entities], [.. all.Groups], syntax);
        string? violation = AnalysisInvariants.FindViolation(Text, doctored, options);
        Assert.NotNull(violation);
        Assert.Contains(message, violation, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => AnalysisInvariants.Check(Text, doctored, options));
    }

    [Fact]
    public void Canonical_form_holds_the_syntax()
    {
        Analysis a = ExtractorPipeline.Create(AllOptions).Analyze(Text);
        Assert.Equal(AnalysisInvariants.Canonical(a), AnalysisInvariants.Canonical(ExtractorPipeline.Create(AllOptions).Analyze(Text)));
        TokenSyntax t = a.Syntax[1];
        var retagged = new Analysis(a.Segments, [.. a.Quotes], [.. a.Entities], [.. a.Groups], a.Syntax.SetItem(1, t with { Pos = t.Pos == UniversalPos.Noun ? UniversalPos.Verb : UniversalPos.Noun }));
        var relabelled = new Analysis(a.Segments, [.. a.Quotes], [.. a.Entities], [.. a.Groups], a.Syntax.SetItem(1, t with { Relation = t.Relation + ":x" }));
        Assert.NotEqual(AnalysisInvariants.Canonical(a), AnalysisInvariants.Canonical(retagged));
        Assert.NotEqual(AnalysisInvariants.Canonical(a), AnalysisInvariants.Canonical(relabelled));
        Assert.NotEqual(AnalysisInvariants.Canonical(a), AnalysisInvariants.Canonical(ExtractorPipeline.Create(DefaultOptions).Analyze(Text)));
    }

    [Fact]
    public void Tree_check_of_a_word_list()
    {
        TokenSyntax[] good = [new(UniversalPos.Pron, 1, "nsubj"), new(UniversalPos.Verb, -1, "root"), new(UniversalPos.Punct, 1, "punct")];
        Assert.Null(AnalysisInvariants.TreeViolation(good, 0, 3));
        Assert.Null(SyntaxTrees.TreeViolation(good, 0, 3, ["root", "nsubj", "punct"]));
        Assert.Contains("does not have", SyntaxTrees.TreeViolation(good, 0, 3, ["root", "nsubj"]), StringComparison.Ordinal);
        Assert.Contains("has no root", AnalysisInvariants.TreeViolation([good[0], good[0] with { Head = 0, Relation = "dep" }], 0, 2), StringComparison.Ordinal);
        // Word 0 hangs on word 2 over word 1, which hangs on the root outside that arc: a tree, but not a projective one.
        TokenSyntax[] crossing = [new(UniversalPos.Pron, 2, "nsubj"), new(UniversalPos.Verb, -1, "root"), new(UniversalPos.Noun, 1, "obj")];
        Assert.Null(AnalysisInvariants.TreeViolation(crossing, 0, 3));
        Assert.Contains("not projective", SyntaxTrees.TreeViolation(crossing, 0, 3, ["root", "nsubj", "obj"]), StringComparison.Ordinal);
    }
}
