namespace QuoteExtract.Tests.Hardening;

/// <summary>
/// Megabytes of text through the whole pipeline, and inputs that once took quadratic time. No times are
/// asserted: the work is linear by construction, and a quadratic path shows as a suite that does not finish.
/// </summary>
public class LargeInputTests
{
    [Fact]
    public void One_speaker_quoted_three_hundred_thousand_times_is_one_group()
    {
        // The speaker groups once checked each new mention against a list of the earlier ones: quadratic
        // in the quotes of one speaker, so that these 4 million characters took half a minute, not two seconds.
        const string unit = "\u201CSo,\u201D he said. ";
        const int quotes = 300_000;
        string text = "Jane Smith spoke. " + string.Concat(Enumerable.Repeat(unit, quotes));
        Analysis analysis = Extractor.Analyze(text);
        Assert.Equal(quotes, analysis.Quotes.Count);
        EntityGroup group = Assert.Single(analysis.Groups);
        Assert.Equal(quotes, group.Mentions.Length);
        Assert.Equal(Enumerable.Range(0, quotes), group.Quotes);
        Assert.All(analysis.Quotes, q => Assert.Equal("he", text.Substring(q.Speaker!.Span.Start, q.Speaker.Span.Length)));
    }
}
