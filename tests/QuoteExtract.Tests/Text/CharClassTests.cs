using QuoteExtract.Text;

namespace QuoteExtract.Tests.Text;

public class CharClassTests
{
    [Fact]
    public void Vectorized_skip_agrees_with_the_table_on_every_ascii_character()
    {
        for (char c = '\0'; c < 128; c++)
        {
            bool skipped = CharClasses.SkipAsciiLettersAndDigits(new string(c, 1), 0) == 1;
            Assert.True(skipped == CharClasses.IsAsciiLetterOrDigit(c), $"U+{(int)c:X4}");
        }
    }

    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("abc", 0, 3)]
    [InlineData("abc def", 1, 3)]
    [InlineData("Année", 0, 3)]
    [InlineData("x1990s-era", 0, 6)]
    [InlineData("a’s", 3, 3)]
    public void Skip_stops_at_the_first_other_character(string text, int from, int expected)
    {
        Assert.Equal(expected, CharClasses.SkipAsciiLettersAndDigits(text, from));
    }
}
