using QuoteExtract.Testing;

namespace QuoteExtract.Tests.Hardening;

/// <summary>
/// What the property tests and the fuzzer found, each kept as a regression test: the input as found
/// (or shrunk), and a short hand-written case of the same fault.
/// </summary>
public class FindingsTests
{
    private static readonly ExtractorOptions[] Options =
    [
        new(),
        new() { MinimumConfidence = 0 },
        new() { IncludeIndirect = false, MinimumConfidence = 0.2 },
        new() { RecognizeEntities = false, Tokenizer = new NewsTokenizerOptions { SplitClitics = false } },
    ];

    [Fact]
    public void Quotes_stay_in_text_order_when_a_quote_opens_at_a_paragraph_end()
    {
        // The open quote of the first paragraph goes on after a caption line that has a quote of its own.
        // Its first segment is empty and left out, so it starts after the caption's quote; it was listed
        // first, as it opened first.
        const string text = "Smith said: \u201C\n\nPictured: a \u201Csmall\u201D boat\n\n\u201CWe will rebuild.\u201D";
        Analysis analysis = ExtractorPipeline.Create(new ExtractorOptions { MinimumConfidence = 0 }).Analyze(text);
        Assert.Equal(new[] { "small", "We will rebuild." }, analysis.Quotes.Select(q => q.Text));
    }

    [Theory]
    // CsCheck, AnalysisPropertyTests (soup): quote 1 started before quote 0.
    [InlineData("(added\u00AB\n\naccording tothe\u0027and\u00ABIt is over\u0022Smith\n\n\ntheythe spokesman\n\n\u00BBwhowhoaccording toofhe\u201Ca former minister according toofJane SmithMs Okoro,\u00BB\u2018It is overJane Smithhe\u201D")]
    // CsCheck, AnalysisPropertyTests (news): quote 5 started before quote 4.
    [InlineData("\u201EDas ist nicht akzeptabel\u201C, sagte Merz. \u201CIt is not acceptable,\u201D he said later in En\u05D0glish.\n\n\u201EDas ist nicht akzeptabel\u201C, sagte Merz. \u201CIt is not acceptable,\u201D he said later\u2014in English.\n\u201C\n\u203A\u201CHe told me \u2018go home\u2019 and I did,\u201De Mr Patel said of the officer.)\n\n\u201CHe told me \u2018go hoe\u2019 and I did,\u201D Mr Patel\u00BB said of the officer.")]
    public void Found_input_gives_a_valid_analysis(string text)
    {
        foreach (ExtractorOptions options in Options)
        {
            AnalysisInvariants.Check(text, ExtractorPipeline.Create(options).Analyze(text), options);
        }
    }
}
