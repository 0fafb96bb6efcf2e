using System.Collections.Immutable;
using System.IO;
using System.Threading.Tasks;
using QuoteExtract.Testing;
using QuoteExtract.Tests.Cli;

namespace QuoteExtract.Tests.Syntax;

/// <summary>
/// A syntax model and the pipelines that use it are shared between threads: texts and word lists tagged and parsed
/// on many threads at once, interleaved, and with two models, give what they give on one thread.
/// </summary>
public class SyntaxConcurrencyTests
{
    private const int Copies = 6;

    private static readonly ParallelOptions Threads = new() { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount) };

    /// <summary>The sample articles, the hostile snippets, random documents, and texts whose sentences are of very different lengths.</summary>
    private static readonly string[] Texts =
    [
        .. Directory.GetFiles(Path.Combine(CliHost.RepoRoot, "samples"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText),
        .. HostileText.Snippets,
        .. Enumerable.Range(0, 12).Select(i => HostileText.RandomDocument(new Random(i), i % 4 * 5)),
        HostileText.News(30_000, seed: 3),
        string.Join(" ", Enumerable.Repeat("the minister said that", 1_500)) + ".",
        "Yes.",
    ];

    private static readonly SyntaxModel Tiny = SyntaxTrees.TinyModel(11);

    public static TheoryData<SyntaxScope> Scopes => [SyntaxScope.Attribution, SyntaxScope.All];

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Analyses_on_many_threads_have_the_syntax_of_those_on_one(SyntaxScope scope)
    {
        var pipeline = ExtractorPipeline.Create(new ExtractorOptions { Syntax = scope });
        ImmutableArray<TokenSyntax>[] sequential = [.. Texts.Select(t => pipeline.Analyze(t).Syntax)];
        var parallel = new ImmutableArray<TokenSyntax>[Texts.Length * Copies];
        Parallel.For(0, parallel.Length, Threads, i => parallel[i] = pipeline.Analyze(Texts[Order(i)]).Syntax);
        for (int i = 0; i < parallel.Length; i++)
        {
            Assert.Equal<TokenSyntax>(sequential[Order(i)], parallel[i]);
        }

        Assert.Contains(sequential, s => s.Any(t => t.IsParsed));
    }

    [Fact]
    public void AnalyzeMany_has_the_syntax_of_Analyze()
    {
        var pipeline = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.All });
        string[] texts = [.. Enumerable.Range(0, Texts.Length * Copies).Select(i => Texts[Order(i)])];
        string[] expected = [.. texts.Select(t => AnalysisInvariants.Canonical(pipeline.Analyze(t)))];
        Assert.Equal(expected, pipeline.AnalyzeMany(texts, maxDegreeOfParallelism: 8).Select(AnalysisInvariants.Canonical));
    }

    [Fact]
    public void Parse_on_many_threads_equals_parse_on_one()
    {
        string[][] sentences = [.. Texts.SelectMany(t =>
        {
            Analysis a = ExtractorPipeline.Default.Analyze(t);
            return a.Sentences.Select(s => SyntaxTrees.Words(a, s));
        })];
        Assert.True(sentences.Length > 100, sentences.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (SyntaxModel model in new[] { SyntaxModel.Default, Tiny })
        {
            ImmutableArray<TokenSyntax>[] sequential = [.. sentences.Select(w => model.Parse(w))];
            var parallel = new ImmutableArray<TokenSyntax>[sentences.Length * 3];
            Parallel.For(0, parallel.Length, Threads, i => parallel[i] = model.Parse(sentences[(i * 7919) % sentences.Length]));
            for (int i = 0; i < parallel.Length; i++)
            {
                Assert.Equal<TokenSyntax>(sequential[(i * 7919) % sentences.Length], parallel[i]);
            }
        }
    }

    [Fact]
    public void Two_models_used_on_the_same_threads_at_once_keep_apart()
    {
        var embedded = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.All });
        var tiny = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.All, SyntaxModel = Tiny });
        ImmutableArray<TokenSyntax>[] expectedEmbedded = [.. Texts.Select(t => embedded.Analyze(t).Syntax)];
        ImmutableArray<TokenSyntax>[] expectedTiny = [.. Texts.Select(t => tiny.Analyze(t).Syntax)];
        var actual = new ImmutableArray<TokenSyntax>[Texts.Length * Copies * 2];
        Parallel.For(0, actual.Length, Threads, i => actual[i] = (i % 2 == 0 ? embedded : tiny).Analyze(Texts[Order(i / 2)]).Syntax);
        for (int i = 0; i < actual.Length; i++)
        {
            Assert.Equal<TokenSyntax>((i % 2 == 0 ? expectedEmbedded : expectedTiny)[Order(i / 2)], actual[i]);
        }
    }

    /// <summary>The texts in a scrambled order, so that each thread goes from long sentences to short ones and back.</summary>
    private static int Order(int i) => (i * 31) % Texts.Length;
}
