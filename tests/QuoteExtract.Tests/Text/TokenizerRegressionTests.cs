namespace QuoteExtract.Tests.Text;

/// <summary>Golden tests for bugs that the property tests found.</summary>
public class TokenizerRegressionTests
{
    [Theory]
    [InlineData("did\u00ADn\u2019t", "did|n\u2019t")]
    [InlineData("x\u200Dn't", "x|n't")]
    [InlineData("did\u200Cn't go", "did|n't|go")]
    [InlineData("did-n't", "did|-|n't")]
    [InlineData("U.S.-n't", "U.S.|-|n't")]
    [InlineData("didn\u2019t", "did|n\u2019t")]
    public void Negation_clitic_after_a_connector_leaves_the_connector_out_of_the_word(string text, string expected)
    {
        // n’t split from a word left the soft hyphen, joiner or hyphen before the n at the end of the word
        // (did\u00AD|n’t): a joiner inside a token must sit between two letters.
        Assert.Equal(expected, TestText.Split(text));
        Token clitic = TestText.Tokens(text).Single(t => text[t.Start..t.End] is "n\u2019t" or "n't");
        Assert.Equal(TokenKind.Word, clitic.Kind);
        Assert.True(clitic.Traits.HasFlag(TokenTraits.Clitic));
    }

    [Fact]
    public void Domain_of_253_characters_is_an_address_and_of_254_is_not()
    {
        // Host names are at most 253 characters; the bound keeps the domain look-ahead from rescanning long dotted runs.
        string longest = new string('a', 63) + "." + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 57) + ".com";
        Assert.Equal(253, longest.Length);
        Token url = Assert.Single(TestText.Tokens(longest));
        Assert.Equal(TokenKind.Url, url.Kind);
        Token email = Assert.Single(TestText.Tokens("press@" + longest));
        Assert.Equal(TokenKind.Email, email.Kind);

        string tooLong = "ee." + longest;
        Assert.Equal("ee|.|" + longest, TestText.Split(tooLong));
        Assert.Equal(TokenKind.Url, TestText.KindOf(tooLong, longest));
        Assert.DoesNotContain(TestText.Tokens("press@" + tooLong), t => t.Kind == TokenKind.Email);
    }

    [Fact]
    public void Every_line_break_character_ends_a_paragraph()
    {
        // The segmenter now finds all five line breaks in one search; each still splits.
        Assert.Equal(
            new[] { "a", "b", "c", "d", "e", "f" },
            TestText.ParagraphTexts("a\u2029b\nc\u0085d\re\u2028f"));
        Assert.Equal(new[] { "a.", "b." }, TestText.ParagraphTexts("a.\r\n\r\nb."));
    }
}
