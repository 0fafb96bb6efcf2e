using System.Text;
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
    // Review of the dependent-cue rule: a participle cue whose backward scan reached an inverted cue at
    // token 1, after a comma at token 0, read token -1.
    [InlineData(", said Bo Lee, adding \u201Cwe won.\u201D")]
    public void Found_input_gives_a_valid_analysis(string text)
    {
        foreach (ExtractorOptions options in Options)
        {
            AnalysisInvariants.Check(text, ExtractorPipeline.Create(options).Analyze(text), options);
        }
    }

    [Fact]
    public void Afl_crash_000000_gives_a_valid_analysis()
    {
        // AFL++ on fuzz/QuoteExtract.Fuzz, after 394 s: the smallest of its ten crashes, all of them quotes
        // out of text order. The fuzz input's first byte (4) chose UTF-8 and the third pipeline.
        byte[] input = Convert.FromHexString(
            "04C2AB0D0AC4C2AD8092E2800469732727272727273827274227273826FFE5000027776A646E09272727C1AB27272727" +
            "C22727221B7373736510502E73273827274227273827272B272727776A646E0A272727C1AB2727C22727270073737973" +
            "5F73");
        Found_input_gives_a_valid_analysis(Encoding.UTF8.GetString(input.AsSpan(1)));
    }

    // TokenizerPropertyTests at 200,000 iterations: a Word token ended in a hyphen ("10-yeax@y.com-",
    // "2019\u2010ftp://No.\u2012#2019\u2010"), as the address after a number's hyphen was taken into a
    // compound word. The address is now a token of its own.
    public static TheoryData<string, string> AddressesAfterNumbers => new()
    {
        { "The 10-yeax@y.com-\uD83Dold boy", "The|10|-|yeax@y.com-|\uD83D|old|boy" },
        { "2019\u2010ftp://No.\u2012#2019\u2010\"5", "2019|\u2010|ftp://No.\u2012#2019\u2010|\"|5" },
        { "1-x@y.com and 2-www.bbc.co.uk/news", "1|-|x@y.com|and|2|-|www.bbc.co.uk/news" },
        { "a 10-year-old, 3-D.C. and 5-a.m. shows", "a|10-year-old|,|3-D.C.|and|5-a.m.|shows" },
    };

    [Theory]
    [MemberData(nameof(AddressesAfterNumbers), DisableDiscoveryEnumeration = true)] // a lone surrogate: see HostileInputTests
    public void Number_hyphen_address_is_no_compound_word(string text, string tokens)
    {
        Assert.Equal(tokens, TestText.Split(text));
        Assert.DoesNotContain(
            TestText.Tokens(text),
            t => t.Kind is TokenKind.Word or TokenKind.Number && text[t.End - 1] is '-' or '\u2010' or '\u2011' or '\u00AD');
    }
}
