namespace QuoteExtract.Tests.Text;

public class SegmenterTests
{
    [Fact]
    public void Sentences_split_at_full_stops()
    {
        Assert.Equal(new[] { "He left.", "She stayed." }, TestText.SentenceTexts("He left. She stayed."));
    }

    [Fact]
    public void Titles_and_initials_do_not_end_sentences()
    {
        Assert.Equal(
            new[] { "Mr. Smith met J. K. Rowling and Dr. Jones.", "They talked." },
            TestText.SentenceTexts("Mr. Smith met J. K. Rowling and Dr. Jones. They talked."));
    }

    [Fact]
    public void Decimals_do_not_end_sentences()
    {
        Assert.Single(TestText.SentenceTexts("Growth was 3.5 per cent in 2019."));
    }

    [Fact]
    public void Abbreviation_before_a_name_continues_but_before_an_opener_ends()
    {
        Assert.Single(TestText.SentenceTexts("Troops of the U.S. Army arrived."));
        Assert.Equal(2, TestText.SentenceTexts("They flew to the U.S. The talks began.").Length);
        Assert.Single(TestText.SentenceTexts("There are stranger place names in the U.S for areas than that."));
    }

    [Theory]
    // Canadian provinces as the papers abbreviate them end no sentence before a comma or a dash.
    [InlineData("She lives in Mississauga, Ont., with her two sons. They are twins.", "She lives in Mississauga, Ont., with her two sons.|They are twins.")]
    [InlineData("WINNIPEG, Man. \u2014 The rink will close. It needs repairs.", "WINNIPEG, Man. \u2014 The rink will close.|It needs repairs.")]
    [InlineData("Crews from Red Deer, Alta., and Regina, Sask., arrived. The fire was out.", "Crews from Red Deer, Alta., and Regina, Sask., arrived.|The fire was out.")]
    public void A_province_abbreviation_ends_no_sentence_inside_it(string text, string sentences)
    {
        Assert.Equal(sentences.Split('|'), TestText.SentenceTexts(text));
    }

    [Theory]
    // A party and state after a hyphen, as US papers write them: one token, whose stop ends no sentence.
    [InlineData("Sen. Ada Wells (R-S.C.) told reporters the vote would fail. They left.", "R-S.C.", "Sen. Ada Wells (R-S.C.) told reporters the vote would fail.|They left.")]
    [InlineData("Rep. Tom Hale (D-Calif.) and Sen. Mia Ross (D-Nev.) voted against it. The bill passed.", "D-Nev.", "Rep. Tom Hale (D-Calif.) and Sen. Mia Ross (D-Nev.) voted against it.|The bill passed.")]
    public void A_party_and_state_in_brackets_are_one_token_inside_the_sentence(string text, string token, string sentences)
    {
        Assert.Contains("|(|" + token + "|)|", TestText.Split(text), StringComparison.Ordinal);
        Assert.Equal(sentences.Split('|'), TestText.SentenceTexts(text));
    }

    [Fact]
    public void Sentence_ending_inside_a_quote_ends_after_the_closing_mark()
    {
        Assert.Equal(
            new[] { "‘The warning is given nevertheless!’", "The next day he left." },
            TestText.SentenceTexts("‘The warning is given nevertheless!’ The next day he left."));
    }

    [Fact]
    public void Question_inside_quote_followed_by_attribution_does_not_split()
    {
        Assert.Single(TestText.SentenceTexts("‘Why now?’ he asked."));
    }

    [Fact]
    public void Paragraphs_one_per_line()
    {
        Assert.Equal(new[] { "First para.", "Second para.", "Third." }, TestText.ParagraphTexts("First para.\nSecond para.\r\nThird."));
    }

    [Fact]
    public void Every_line_break_character_separates_paragraphs()
    {
        Assert.Equal(
            new[] { "One.", "Two.", "Three.", "Four.", "Five.", "Six." },
            TestText.ParagraphTexts("One.\u2029Two.\nThree.\u0085Four.\u2028Five.\rSix."));
    }

    [Fact]
    public void Paragraphs_with_blank_lines_between()
    {
        Assert.Equal(new[] { "First para.", "Second para." }, TestText.ParagraphTexts("First para.\n\n  \nSecond para.\n"));
    }

    [Fact]
    public void Hard_wrapped_paragraphs_join_their_lines()
    {
        const string text = "The minister said on Monday that the\nplan would go ahead as it was\nwritten.\n\nOthers disagreed with\nthe plan.";
        string[] paragraphs = TestText.ParagraphTexts(text);
        Assert.Equal(2, paragraphs.Length);
        Assert.StartsWith("The minister", paragraphs[0]);
        Assert.EndsWith("written.", paragraphs[0]);
    }

    [Fact]
    public void Sentences_never_cross_paragraphs()
    {
        SegmentedText s = NewsTokenizer.Default.Segment("A line without a stop\nAnother line");
        Assert.Equal(2, s.Paragraphs.Length);
        Assert.Equal(2, s.Sentences.Length);
        Assert.Equal(0, s.Sentences[0].Paragraph);
        Assert.Equal(1, s.Sentences[1].Paragraph);
    }

    [Fact]
    public void Empty_and_blank_text_have_no_segments()
    {
        Assert.Empty(NewsTokenizer.Default.Segment("").Paragraphs);
        Assert.Empty(NewsTokenizer.Default.Segment(" \n\t \u00A0").Sentences);
    }
}
