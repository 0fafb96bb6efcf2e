using System.Threading.Tasks;
using CsCheck;
using QuoteExtract.Testing;

namespace QuoteExtract.Tests.Hardening;

/// <summary>
/// Properties of the whole analysis on random and mutated news: every result valid
/// (<see cref="AnalysisInvariants"/>), the same on every run, and the same on one thread or many. Sized
/// so that the class runs in a few seconds.
/// </summary>
public class AnalysisPropertyTests
{
    private const int Iterations = 2000;

    /// <summary>The pipelines every sample goes through: the default, and ones that keep all quotes, leave out reported speech or entities.</summary>
    private static readonly (ExtractorOptions? Options, ExtractorPipeline Pipeline)[] Pipelines =
    [
        (null, ExtractorPipeline.Default),
        .. new[]
        {
            new ExtractorOptions { MinimumConfidence = 0 },
            new ExtractorOptions { MinimumConfidence = 1 },
            new ExtractorOptions { IncludeIndirect = false, MinimumConfidence = 0.2 },
            new ExtractorOptions { RecognizeEntities = false, Tokenizer = new NewsTokenizerOptions { SplitClitics = false } },
        }.Select(o => ((ExtractorOptions?)o, ExtractorPipeline.Create(o))),
    ];

    private static readonly Gen<Edit> Edits = Gen.Select(
        Gen.Int[0, 2],
        Gen.Int[0, int.MaxValue],
        Gen.Frequency((5, Gen.Char[HostileText.EditChars]), (1, Gen.Char)),
        (op, where, c) => new Edit(op, where, c));

    /// <summary>One to four snippets joined by a space or line breaks.</summary>
    private static readonly Gen<string> Snippets = Gen.Select(
        Gen.Int[0, HostileText.Snippets.Length - 1].Array[1, 4],
        Gen.OneOf(" ", "\n", "\n\n", "\r\n", "\u2029"),
        (picks, glue) => string.Join(glue, picks.Select(i => HostileText.Snippets[i])));

    /// <summary>Snippets after up to 16 character edits (quote marks, line breaks, bidi marks, surrogate halves, controls).</summary>
    private static readonly Gen<string> MutatedNews = Gen.Select(Snippets, Edits.Array[0, 16], HostileText.Apply);

    /// <summary>The words and marks attribution turns on, in random order.</summary>
    private static readonly Gen<string> AttributionSoup = Gen.OneOf(
            "said", "told", "says", "added", "according to", "in a statement", "warned that", "that", "he", "she", "they", "who",
            "Smith", "Jane Smith", "Mr", "Ms Okoro", "the spokesman", "a former minister", "BBC", "and", "the", "of",
            "\u201C", "\u201D", "\u2018", "\u2019", "\"", "'", "''", "\u00AB", "\u00BB", ",", ".", ":", ";", "?", "\u2013", "(", ")",
            " ", " ", " ", "\n", "\n\n", "We will win", "It is over")
        .Array[0, 60]
        .Select(string.Concat);

    private static readonly Gen<string> RandomUtf16 = Gen.Char.Array[0, 120].Select(a => new string(a));

    public static TheoryData<string> Generators => ["news", "soup", "utf16"];

    private static Gen<string> Named(string name) => name switch
    {
        "news" => MutatedNews,
        "soup" => AttributionSoup,
        "utf16" => RandomUtf16,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(Generators))]
    public void Every_analysis_is_valid(string generator) =>
        Named(generator).Sample(
            text =>
            {
                foreach ((ExtractorOptions? options, ExtractorPipeline pipeline) in Pipelines)
                {
                    if (AnalysisInvariants.FindViolation(text, pipeline.Analyze(text), options) is { } violation)
                    {
                        Assert.Fail(violation);
                    }
                }
            },
            iter: Iterations,
            print: Show);

    [Theory]
    [MemberData(nameof(Generators))]
    public void Analysis_is_deterministic(string generator) =>
        Named(generator).Sample(
            text =>
            {
                string copy = new(text.AsSpan()); // equal text, another object
                Assert.Equal(AnalysisInvariants.Canonical(Extractor.Analyze(text)), AnalysisInvariants.Canonical(Extractor.Analyze(copy)));
                var options = new ExtractorOptions { MinimumConfidence = 0 };
                Assert.Equal(
                    AnalysisInvariants.Canonical(Pipelines[1].Pipeline.Analyze(text)),
                    AnalysisInvariants.Canonical(ExtractorPipeline.Create(options).Analyze(copy)));
            },
            iter: Iterations / 2,
            print: Show);

    [Fact]
    public void Analyses_on_many_threads_equal_those_on_one()
    {
        ExtractorPipeline pipeline = Pipelines[1].Pipeline;
        Gen.OneOf(MutatedNews, AttributionSoup).Array[16, 48].Sample(
            texts =>
            {
                string[] sequential = [.. texts.Select(t => AnalysisInvariants.Canonical(pipeline.Analyze(t)))];
                string[] parallel = new string[texts.Length];
                Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = AnalysisInvariants.Canonical(pipeline.Analyze(texts[i])));
                Assert.Equal(sequential, parallel);
            },
            iter: 40,
            threads: 1,
            print: texts => string.Join(" | ", texts.Select(Show)));
    }

    [Fact]
    public void Edits_apply_as_described()
    {
        Assert.Equal("xabc", HostileText.Apply("abc", [new Edit(0, 0, 'x')]));
        Assert.Equal("abcx", HostileText.Apply("abc", [new Edit(0, 3, 'x')]));
        Assert.Equal("ac", HostileText.Apply("abc", [new Edit(1, 4, '?')]));
        Assert.Equal("axc", HostileText.Apply("abc", [new Edit(2, -1, 'x')]));
        Assert.Equal("y", HostileText.Apply("", [new Edit(1, 5, 'y')]));
    }

    private static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
