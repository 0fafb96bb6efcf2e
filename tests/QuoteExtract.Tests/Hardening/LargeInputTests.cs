using QuoteExtract.Testing;

namespace QuoteExtract.Tests.Hardening;

/// <summary>
/// Megabytes of text through the whole pipeline: valid results, allocations in proportion to the input,
/// and inputs that once took quadratic time. No times are asserted: the work is linear by construction,
/// and a quadratic path shows as a suite that does not finish.
/// </summary>
public class LargeInputTests
{
    [Fact]
    public void Six_million_characters_of_news_give_a_valid_analysis_with_allocations_in_proportion()
    {
        string small = HostileText.News(3 << 19);
        string large = HostileText.News(6 << 20);
        (Analysis smallAnalysis, long smallBytes) = AnalyzeCountingAllocations(small);
        (Analysis largeAnalysis, long largeBytes) = AnalyzeCountingAllocations(large);
        AnalysisInvariants.Check(small, smallAnalysis);
        AnalysisInvariants.Check(large, largeAnalysis);
        Assert.True(largeAnalysis.Quotes.Count > 10_000, largeAnalysis.Quotes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Four times the text allocates about four times the memory (32 bytes a character when this was
        // written); a generous bound, since allocations on this thread do not depend on the machine.
        double smallPerChar = (double)smallBytes / small.Length;
        double largePerChar = (double)largeBytes / large.Length;
        // Buffers grow by doubling, so where a size falls against a power of two moves the figure by up to
        // about 2.5x between two runs; a quadratic path would move it by the size ratio squared (16x).
        Assert.True(largePerChar < 4 * smallPerChar, $"{largePerChar:F1} bytes a character for 6M characters, {smallPerChar:F1} for 1.5M");
        // The entity stage raised this from 32 to about 260 bytes a character (still in proportion); pooled
        // buffers, span look-ups in the grouper and a bounded tagger workspace brought it to about 95 (the tagger's
        // workspace for a document this long is most of it). The bound leaves room for buffer doubling.
        Assert.True(largePerChar < 160, $"{largePerChar:F1} bytes a character");
    }

    [Fact]
    public void Fifty_thousand_reported_clauses_in_one_text_are_each_found_once()
    {
        // The parse's reported clauses are checked against each other and against the surface rules' by sweeps,
        // not pair by pair: a text of many reported clauses stays linear.
        const string unit = "Helen Marsh said the bridge would reopen in May. The ferry will run until then, according to the council. ";
        const int units = 25_000;
        string text = string.Concat(Enumerable.Repeat(unit, units));
        Analysis analysis = Extractor.Analyze(text);
        AnalysisInvariants.Check(text, analysis);
        Assert.Equal(2 * units, analysis.Quotes.Count(q => q.Kind == QuoteKind.Indirect));
    }

    [Fact]
    public void One_sentence_of_forty_thousand_nested_reports_is_read_in_bounded_work_per_cue()
    {
        // Each cue's clause would run to the end of the sentence; clauses are cut to a bounded length, so the
        // rules' work per cue is bounded however long the sentence.
        string text = string.Concat(Enumerable.Repeat("Ann Lee said Tom Hale said ", 20_000)) + "the bridge would reopen.";
        Analysis analysis = Extractor.Analyze(text);
        AnalysisInvariants.Check(text, analysis);
        Assert.NotEmpty(analysis.Quotes);
    }

    [Fact]
    public void One_speaker_quoted_three_hundred_thousand_times_is_one_group()
    {
        // The speaker groups once checked each new mention against a list of the earlier ones: quadratic
        // in the quotes of one speaker, so that these 4 million characters took half a minute, not two seconds.
        const string unit = "\u201CSo,\u201D he said. ";
        const int quotes = 300_000;
        string text = "John Smith spoke. " + string.Concat(Enumerable.Repeat(unit, quotes));
        Analysis analysis = Extractor.Analyze(text);
        AnalysisInvariants.Check(text, analysis);
        Assert.Equal(quotes, analysis.Quotes.Count);
        // Every "he" resolves to John Smith: his group holds his name and the 300,000 pronouns.
        EntityGroup group = Assert.Single(analysis.Groups, g => g.Quotes.Length > 0);
        Assert.Equal("John Smith", group.Name);
        Assert.Equal(quotes + 1, group.Mentions.Length);
        Assert.Equal(Enumerable.Range(0, quotes), group.Quotes);
        Assert.All(analysis.Quotes, q => Assert.Equal("he", text.Substring(q.Speaker!.Span.Start, q.Speaker.Span.Length)));
    }

    private static (Analysis Analysis, long Bytes) AnalyzeCountingAllocations(string text)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Analysis analysis = Extractor.Analyze(text);
        return (analysis, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
