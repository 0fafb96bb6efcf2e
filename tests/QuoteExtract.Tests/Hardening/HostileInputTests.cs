using System.Threading;
using QuoteExtract.Testing;

namespace QuoteExtract.Tests.Hardening;

/// <summary>
/// The library on input nobody should send it: null, nothing, too much, binary garbage, broken UTF-16,
/// controls, bidirectional marks, megabyte tokens, a million unbalanced quote marks, quotes nested
/// 20,000 deep. Every result must be a valid analysis (<see cref="AnalysisInvariants"/>). No times are
/// asserted: the work is linear by construction, and a quadratic path shows as a suite that does not finish.
/// </summary>
public class HostileInputTests
{
    private static readonly ExtractorOptions KeepEverything = new() { MinimumConfidence = 0 };
    private static readonly ExtractorPipeline KeepEverythingPipeline = ExtractorPipeline.Create(KeepEverything);

    [Fact]
    public void Null_text_throws_ArgumentNullException()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => Extractor.Analyze(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => ExtractorPipeline.Default.Analyze(null!)).ParamName);
        Assert.Throws<ArgumentNullException>(() => KeepEverythingPipeline.Analyze(null!, new CancellationToken(canceled: true)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\n\r\n")]
    [InlineData("\t \u00A0\u2028\u2029\u3000\u0085\u000B\u000C\u1680\u202F\u205F")]
    public void Empty_or_white_space_text_gives_an_empty_analysis(string text)
    {
        AssertEmpty(text, Extractor.Analyze(text));
        AssertEmpty(text, KeepEverythingPipeline.Analyze(text));
    }

    [Fact]
    public void Every_white_space_character_together_gives_an_empty_analysis()
    {
        string text = new([.. Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(char.IsWhiteSpace)]);
        Assert.True(text.Length > 20, text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AssertEmpty(text, Extractor.Analyze(text));
        AssertEmpty(text + text, Extractor.Analyze(text + text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u201CWe will win,\u201D Jane Smith said.")]
    public void Pre_cancelled_token_throws_OperationCanceledException(string text)
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        OperationCanceledException ex = Assert.ThrowsAny<OperationCanceledException>(() => Extractor.Analyze(text, null, cts.Token));
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.ThrowsAny<OperationCanceledException>(() => KeepEverythingPipeline.Analyze(text, cts.Token));
    }

    [Fact]
    public void Token_cancelled_during_the_analysis_of_a_large_text_throws()
    {
        // The analysis runs on a thread of its own and the token is cancelled as soon as it has started:
        // four million characters take hundreds of milliseconds, waking this thread microseconds. (A
        // timer would not do: with the thread pool busy running tests, its callback may come too late.)
        string text = HostileText.News(4 << 20);
        using var cts = new CancellationTokenSource();
        using var started = new ManualResetEventSlim();
        Exception? thrown = null;
        var worker = new Thread(() =>
        {
            started.Set();
            try
            {
                Extractor.Analyze(text, KeepEverythingPipeline, cts.Token);
            }
            catch (OperationCanceledException ex)
            {
                thrown = ex;
            }
        });
        worker.Start();
        started.Wait();
        cts.Cancel();
        worker.Join();
        OperationCanceledException canceled = Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.Equal(cts.Token, canceled.CancellationToken);
    }

    public static TheoryData<string> LargeNames => [.. HostileText.LargeNames];

    [Theory]
    [MemberData(nameof(LargeNames))]
    public void Large_hostile_input_gives_a_valid_analysis(string name)
    {
        string text = HostileText.Large(name);
        Analysis analysis = Extractor.Analyze(text);
        AnalysisInvariants.Check(text, analysis);
        Analysis everything = KeepEverythingPipeline.Analyze(text);
        AnalysisInvariants.Check(text, everything, KeepEverything);
        Assert.True(everything.Quotes.Count >= analysis.Quotes.Count);
    }

    /// <summary>Short texts at the edges; lone surrogates among them, so no InlineData: xunit would turn them into U+FFFD when it serialises the data for discovery.</summary>
    public static TheoryData<string> ShortHostileTexts =>
    [
        "\uD800",
        "\uDC00\u201C\uD800\u201D",
        "\u201C\uDBFF,\u201D \uDFFF said.",
        "\u0000\u201C\u0000\u201D\u0000 said \u0000",
        "\u202E\u201Cti od lliw eW,\u201D \u202Cshe said.",
        "\u200F\u2018\u200F\u2019\u200F",
        "\uFEFF\u201CBOM,\u201D he said.\uFEFF",
        "\u201C",
        "\u201D\u201C",
        "''''",
        "\"\u201C\u2018'",
        "\u201C\n\n\u201C\n\n\u201C\n\n\u201C",
        "said: \u201C",
        "\u201C\u201D said Smith.",
        "\u201C \u201D, he said.",
        "He said that",
        "according to",
        "according to Smith,",
        ", said",
        "\u2014 Smith",
    ];

    [Theory]
    [MemberData(nameof(ShortHostileTexts), DisableDiscoveryEnumeration = true)]
    public void Short_hostile_text_gives_a_valid_and_repeatable_analysis(string text)
    {
        Assert.DoesNotContain("\uFFFD", text, StringComparison.Ordinal); // the lone surrogates arrive as written
        Analysis first = Extractor.Analyze(text);
        AnalysisInvariants.Check(text, first);
        Assert.Equal(AnalysisInvariants.Canonical(first), AnalysisInvariants.Canonical(Extractor.Analyze(new string(text.AsSpan()))));
        AnalysisInvariants.Check(text, KeepEverythingPipeline.Analyze(text), KeepEverything);
    }

    private static void AssertEmpty(string text, Analysis analysis)
    {
        Assert.Equal(text, analysis.Text);
        Assert.Empty(analysis.Tokens);
        Assert.Empty(analysis.Sentences);
        Assert.Empty(analysis.Paragraphs);
        Assert.Empty(analysis.Quotes);
        Assert.Empty(analysis.Entities);
        Assert.Empty(analysis.Groups);
    }
}
