namespace QuoteExtract.Tests.Quotes;

/// <summary>Quotes over several paragraphs, continuation, UK house style, mark oddities.</summary>
public class QuoteStructureTests
{
    [Fact]
    public void Multi_paragraph_quote_has_one_segment_per_paragraph()
    {
        const string text = "The harbour master said: ‘We have dredged the channel twice this year.\n\n" +
            "‘The silt keeps coming back after every storm.\n\n‘We need a permanent solution.’\n\nOther news followed.";
        Analysis a = Extractor.Analyze(text);
        Quote q = Assert.Single(a.Quotes, x => x.Kind == QuoteKind.Direct);
        Assert.Equal(3, q.Segments.Length);
        Assert.Equal("We have dredged the channel twice this year.", text.Substring(q.Segments[0].Start, q.Segments[0].Length));
        Assert.Equal("We need a permanent solution.", text.Substring(q.Segments[2].Start, q.Segments[2].Length));
        Assert.Equal("The harbour master", q.Speaker!.Text);
    }

    [Fact]
    public void Caption_line_interrupting_a_multi_paragraph_quote_is_skipped()
    {
        const string text = "The three leaders said: ‘We condemn the attack on the convoy.\n\n" +
            "‘We call on all sides to show restraint.\n\n" +
            "Pictured: the ministers at the summit in Geneva on Tuesday\n\n" +
            "‘We stand ready to help.’";
        Analysis a = Extractor.Analyze(text);
        Quote q = Assert.Single(a.Quotes, x => x.Kind == QuoteKind.Direct);
        Assert.Equal(3, q.Segments.Length);
        Assert.DoesNotContain(q.Segments, s => text.Substring(s.Start, s.Length).Contains("Pictured", StringComparison.Ordinal));
    }

    [Fact]
    public void Quote_paragraph_without_cue_continues_the_speaker_before()
    {
        const string text = "‘The budget is balanced,’ Chancellor Ruth Ames said.\n\n‘Nobody believed we could do it.’";
        Analysis a = Extractor.Analyze(text);
        Assert.Equal(2, a.Quotes.Count);
        Assert.All(a.Quotes, q => Assert.Equal("Ruth Ames", q.Speaker!.Name));
        Assert.Null(a.Quotes[1].Cue);
    }

    [Fact]
    public void Apostrophes_inside_uk_single_quotes_do_not_end_the_quote()
    {
        const string text = "‘It’s the council’s decision and we don’t agree with it,’ Mr Hughes said.";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes);
        Assert.Equal("It’s the council’s decision and we don’t agree with it,", q.Text);
    }

    [Fact]
    public void Plural_possessive_apostrophe_inside_a_quote_is_not_a_closing_mark()
    {
        const string text = "‘The players’ union backs the deal,’ Ms Duarte said.";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes);
        Assert.Equal("The players’ union backs the deal,", q.Text);
    }

    [Fact]
    public void Opening_mark_typed_the_wrong_way_round_still_opens_a_quote()
    {
        const string text = "She also ’stressed the need for calm’ during the talks, according to her office.";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, x => x.Kind != QuoteKind.Indirect);
        Assert.Equal("stressed the need for calm", q.Text);
    }

    [Fact]
    public void Nested_quote_belongs_to_the_outer_quote()
    {
        const string text = "“They called it ‘a bold move’ at the time,” Mr Lee said.";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes);
        Assert.Equal("They called it ‘a bold move’ at the time,", q.Text);
    }

    [Fact]
    public void Segments_are_the_text_between_the_marks()
    {
        const string text = "Mrs Obi said: “First.”\n\nMr Ray said: ‘Second.’";
        Analysis a = Extractor.Analyze(text);
        Assert.Equal(new[] { "First.", "Second." }, a.Quotes.Select(q => q.Text).ToArray());
        foreach (Quote q in a.Quotes)
        {
            Assert.Equal(q.Text, text.Substring(q.Span.Start, q.Span.Length));
        }
    }
}
