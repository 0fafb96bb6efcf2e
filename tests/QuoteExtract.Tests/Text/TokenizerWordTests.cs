namespace QuoteExtract.Tests.Text;

public class TokenizerWordTests
{
    [Theory]
    [InlineData("Mr Johnson", "Mr|Johnson")]
    [InlineData("Mrs. Smith and Ms. Jones", "Mrs.|Smith|and|Ms.|Jones")]
    [InlineData("Dr. Who", "Dr.|Who")]
    [InlineData("St. Paul", "St.|Paul")]
    [InlineData("Gen. Lee and Lt. Dan", "Gen.|Lee|and|Lt.|Dan")]
    [InlineData("on Jan. 3", "on|Jan.|3")]
    [InlineData("the U.S. and the U.K.", "the|U.S.|and|the|U.K.")]
    [InlineData("e.g. this", "e.g.|this")]
    [InlineData("names in the U.S for areas", "names|in|the|U.S|for|areas")]
    [InlineData("delivery in the U.S.", "delivery|in|the|U.S.")]
    [InlineData("a U.K-based firm", "a|U.K-based|firm")]
    [InlineData("it.Then they left", "it|.|Then|they|left")]
    [InlineData("the a.m shift", "the|a|.|m|shift")]
    [InlineData("at No10 today", "at|No10|today")]
    [InlineData("at No 10 today", "at|No|10|today")]
    [InlineData("at No. 10 today", "at|No.|10|today")]
    [InlineData("He said no.", "He|said|no|.")]
    public void Abbreviations_and_titles(string text, string expected)
    {
        Assert.Equal(expected, TestText.Split(text));
    }

    [Fact]
    public void Title_abbreviations_carry_the_title_trait()
    {
        Token mr = TestText.TokenOf("Mr. Smith", "Mr.");
        Assert.True(mr.Traits.HasFlag(TokenTraits.Abbreviation));
        Assert.True(mr.Traits.HasFlag(TokenTraits.Title));
        Token us = TestText.TokenOf("the U.S. army", "U.S.");
        Assert.True(us.Traits.HasFlag(TokenTraits.Abbreviation));
        Assert.False(us.Traits.HasFlag(TokenTraits.Title));
    }

    [Theory]
    [InlineData("$80million deal", "$|80million|deal")]
    [InlineData("5,000 troops", "5,000|troops")]
    [InlineData("up 3.5% today", "up|3.5|%|today")]
    [InlineData("£1.2bn spent", "£|1.2bn|spent")]
    [InlineData("in the 1990s", "in|the|1990s")]
    [InlineData("won 2-1 away", "won|2-1|away")]
    [InlineData("on 1996-08-22 at 10:30", "on|1996-08-22|at|10:30")]
    [InlineData("a 10-year-old boy", "a|10-year-old|boy")]
    public void Numbers_and_money(string text, string expected)
    {
        Assert.Equal(expected, TestText.Split(text));
    }

    [Fact]
    public void Number_kinds()
    {
        const string text = "$80million and 5,000 and 1996-08-22";
        Assert.Equal(TokenKind.Symbol, TestText.KindOf(text, "$"));
        Assert.Equal(TokenKind.Number, TestText.KindOf(text, "80million"));
        Assert.Equal(TokenKind.Number, TestText.KindOf(text, "5,000"));
        Assert.Equal(TokenKind.Number, TestText.KindOf(text, "1996-08-22"));
    }

    [Theory]
    [InlineData("US-led coalition", "US-led|coalition")]
    [InlineData("calls for de-escalation", "calls|for|de-escalation")]
    [InlineData("the Al-Quds force", "the|Al-Quds|force")]
    [InlineData("anti-IS fighters", "anti-IS|fighters")]
    [InlineData("an all-out war", "an|all-out|war")]
    [InlineData("the U.S.-led strike", "the|U.S.-led|strike")]
    public void Hyphenated_words_are_one_token(string text, string expected)
    {
        Assert.Equal(expected, TestText.Split(text));
    }

    [Theory]
    [InlineData("sites – an idea – could", "–")]
    [InlineData("sites — an idea — could", "—")]
    [InlineData("sites - an idea - could", "-")]
    [InlineData("sites -- an idea -- could", "--")]
    public void Dashes(string text, string dash)
    {
        Assert.Equal(TokenKind.Dash, TestText.KindOf(text, dash));
        Assert.Equal(6, TestText.Tokens(text).Count);
    }

    [Theory]
    [InlineData("and so… on", "…")]
    [InlineData("and so... on", "...")]
    public void Ellipses(string text, string ellipsis)
    {
        Assert.Equal(TokenKind.Ellipsis, TestText.KindOf(text, ellipsis));
    }

    [Fact]
    public void No_break_spaces_separate_tokens()
    {
        const string text = "Boris\u00A0Johnson said\u00A0‘no’";
        Assert.Equal("Boris|Johnson|said|‘|no|’", TestText.Split(text));
    }

    [Fact]
    public void Zero_width_and_control_characters_separate_tokens()
    {
        const string text = "one\u200Btwo\u0001three\uFEFFfour";
        Assert.Equal("one|two|three|four", TestText.Split(text));
    }

    [Fact]
    public void Soft_hyphen_inside_a_word_keeps_the_word_whole()
    {
        const string text = "de\u00ADescalation now";
        Assert.Equal("de\u00ADescalation|now", TestText.Split(text));
    }

    [Fact]
    public void Line_endings_tabs_and_lone_cr()
    {
        const string text = "one\r\ntwo\rthree\tfour\nfive";
        Assert.Equal("one|two|three|four|five", TestText.Split(text));
    }

    [Theory]
    [InlineData("see https://example.com/a?b=1. Then", "https://example.com/a?b=1", TokenKind.Url)]
    [InlineData("see www.example.org, then", "www.example.org", TokenKind.Url)]
    [InlineData("visit bbc.co.uk/news today", "bbc.co.uk/news", TokenKind.Url)]
    [InlineData("mail jane.doe@example.com.", "jane.doe@example.com", TokenKind.Email)]
    [InlineData("follow @jane_doe now", "@jane_doe", TokenKind.Mention)]
    [InlineData("tagged #Brexit2020 here", "#Brexit2020", TokenKind.Hashtag)]
    public void Urls_emails_handles_and_tags(string text, string surface, TokenKind kind)
    {
        Assert.Equal(kind, TestText.KindOf(text, surface));
    }

    [Fact]
    public void Emoji_is_one_symbol_and_lone_surrogate_is_kept()
    {
        const string text = "hi 😀 \uD800 there";
        Assert.Equal("hi|😀|\uD800|there", TestText.Split(text));
        Assert.Equal(TokenKind.Symbol, TestText.KindOf(text, "😀"));
    }

    [Fact]
    public void Capitalized_and_space_before_traits()
    {
        var tokens = TestText.Tokens("He said,no");
        Assert.True(tokens[0].Traits.HasFlag(TokenTraits.Capitalized));
        Assert.True(tokens[0].Traits.HasFlag(TokenTraits.SpaceBefore));
        Assert.False(tokens[2].Traits.HasFlag(TokenTraits.SpaceBefore));
        Assert.False(tokens[3].Traits.HasFlag(TokenTraits.SpaceBefore));
    }
}
