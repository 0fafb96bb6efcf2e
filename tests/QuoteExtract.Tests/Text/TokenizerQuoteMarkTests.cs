namespace QuoteExtract.Tests.Text;

public class TokenizerQuoteMarkTests
{
    [Fact]
    public void Possessive_apostrophe_is_a_clitic_not_a_quote_mark()
    {
        const string text = "Iran’s stability";
        Assert.Equal("Iran|’s|stability", TestText.Split(text));
        Token clitic = TestText.TokenOf(text, "’s");
        Assert.Equal(TokenKind.Word, clitic.Kind);
        Assert.True(clitic.Traits.HasFlag(TokenTraits.Clitic));
    }

    [Theory]
    [InlineData("B.C.’s minister", "B.C.|’s|minister")]
    [InlineData("the U.S.'s envoy", "the|U.S.|'s|envoy")]
    public void Possessive_after_an_abbreviation_is_a_clitic(string text, string expected)
    {
        Assert.Equal(expected, TestText.Split(text));
        Assert.DoesNotContain(TestText.Tokens(text), t => t.IsQuoteMark);
    }

    [Theory]
    [InlineData("don’t", "do|n’t")]
    [InlineData("who’s", "who|’s")]
    [InlineData("we’re", "we|’re")]
    [InlineData("can't", "ca|n't")]
    [InlineData("they’ll", "they|’ll")]
    [InlineData("I’m", "I|’m")]
    public void Contractions_split_into_word_and_clitic(string text, string expected)
    {
        Assert.Equal(expected, TestText.Split(text));
        Assert.DoesNotContain(TestText.Tokens(text), t => t.IsQuoteMark);
    }

    [Fact]
    public void Clitics_stay_attached_when_splitting_is_off()
    {
        var tokenizer = NewsTokenizer.Create(new NewsTokenizerOptions { SplitClitics = false });
        const string text = "Iran’s don’t";
        var tokens = tokenizer.Tokenize(text);
        Assert.Equal(2, tokens.Count);
        Assert.All(tokens, t => Assert.Equal(TokenKind.Word, t.Kind));
    }

    [Theory]
    [InlineData("the ’90s boom", "’90s", TokenKind.Number)]
    [InlineData("rock ’n’ roll", "’n’", TokenKind.Word)]
    [InlineData("at five o’clock", "o’clock", TokenKind.Word)]
    [InlineData("Mr O’Brien said", "O’Brien", TokenKind.Word)]
    [InlineData("tell ’em now", "’em", TokenKind.Word)]
    // An elided year typed with an opening mark: a decade, or a year after a word that takes one.
    [InlineData("since the ‘90s boom", "‘90s", TokenKind.Number)]
    [InlineData("Johnson said in ‘08 that the vote mattered", "‘08", TokenKind.Number)]
    [InlineData("the class of ‘16 met again", "‘16", TokenKind.Number)]
    public void Elisions_and_inner_apostrophes_are_words(string text, string surface, TokenKind kind)
    {
        Assert.Equal(kind, TestText.KindOf(text, surface));
        Assert.DoesNotContain(TestText.Tokens(text), t => t.IsQuoteMark);
    }

    [Fact]
    public void A_quote_opening_with_a_number_still_opens()
    {
        const string text = "She said: ‘20 people lost their homes,’ and left.";
        Assert.Equal(TokenKind.OpeningQuote, TestText.KindOf(text, "‘"));
        Assert.Equal("20", TestText.Split(text).Split('|')[4]);
    }

    [Fact]
    public void Closing_single_mark_right_after_a_quoted_word()
    {
        const string text = "could ‘pay off’, Jeremy Hunt said";
        Assert.Equal("could|‘|pay|off|’|,|Jeremy|Hunt|said", TestText.Split(text));
        Assert.Equal(TokenKind.OpeningQuote, TestText.KindOf(text, "‘"));
        Assert.Equal(TokenKind.ClosingQuote, TestText.KindOf(text, "’"));
    }

    [Fact]
    public void Opening_mark_typed_the_wrong_way_round_opens()
    {
        const string text = "He also ’stressed the need for calm’ in talks.";
        var marks = TestText.Tokens(text).Where(t => t.IsQuoteMark).ToList();
        Assert.Equal(2, marks.Count);
        Assert.Equal(TokenKind.OpeningQuote, marks[0].Kind);
        Assert.Equal(TokenKind.ClosingQuote, marks[1].Kind);
    }

    [Theory]
    [InlineData("the Jones’ house")]
    [InlineData("‘the players’ union’")]
    public void Word_final_mark_after_s_is_ambiguous(string text)
    {
        Token mark = TestText.Tokens(text).First(t => t.IsQuoteMark && text[t.Start] == '’');
        Assert.Equal(TokenKind.AmbiguousQuote, mark.Kind);
    }

    [Theory]
    [InlineData("“Yes,” she said.", "“", TokenKind.OpeningQuote, "”", TokenKind.ClosingQuote)]
    [InlineData("He said \"no\" twice.", "\"", TokenKind.OpeningQuote, "\"", TokenKind.ClosingQuote)]
    [InlineData("„Ja“, sagte er.", "„", TokenKind.OpeningQuote, "“", TokenKind.AmbiguousQuote)]
    [InlineData("« Non » dit-il.", "«", TokenKind.OpeningQuote, "»", TokenKind.ClosingQuote)]
    [InlineData("He said 'never' again.", "'", TokenKind.OpeningQuote, "'", TokenKind.ClosingQuote)]
    public void Quote_mark_styles(string text, string open, TokenKind openKind, string close, TokenKind closeKind)
    {
        var marks = TestText.Tokens(text).Where(t => t.IsQuoteMark).ToList();
        Assert.Equal(2, marks.Count);
        Assert.Equal(open, text[marks[0].Start..marks[0].End]);
        Assert.Equal(openKind, marks[0].Kind);
        Assert.Equal(close, text[marks[1].Start..marks[1].End]);
        Assert.Equal(closeKind, marks[1].Kind);
    }

    [Fact]
    public void Closing_mark_after_sentence_punctuation_closes()
    {
        const string text = "‘It is given nevertheless!’ The next day";
        Token last = TestText.Tokens(text).Last(t => t.IsQuoteMark);
        Assert.Equal(TokenKind.ClosingQuote, last.Kind);
    }

    [Fact]
    public void Nested_single_inside_double()
    {
        const string text = "“They called it ‘a bold move’ today,” he said.";
        var kinds = TestText.Tokens(text).Where(t => t.IsQuoteMark).Select(t => t.Kind).ToArray();
        Assert.Equal(new[] { TokenKind.OpeningQuote, TokenKind.OpeningQuote, TokenKind.ClosingQuote, TokenKind.ClosingQuote }, kinds);
    }

    [Fact]
    public void Two_apostrophes_are_one_double_quote_mark()
    {
        const string text = "''We will win,'' Mr. Smith said.";
        var marks = TestText.Tokens(text).Where(t => t.IsQuoteMark).ToList();
        Assert.Equal(2, marks.Count);
        Assert.All(marks, m => Assert.Equal(2, m.Length));
        Assert.Equal(TokenKind.OpeningQuote, marks[0].Kind);
        Assert.Equal(TokenKind.ClosingQuote, marks[1].Kind);
    }

    [Fact]
    public void Backticks_open_and_apostrophes_close_in_treebank_style()
    {
        const string text = "He said ``no'' twice.";
        var marks = TestText.Tokens(text).Where(t => t.IsQuoteMark).ToList();
        Assert.Equal(new[] { TokenKind.OpeningQuote, TokenKind.ClosingQuote }, marks.Select(m => m.Kind).ToArray());
    }
}
