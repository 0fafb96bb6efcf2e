using System.IO;

namespace QuoteExtract.Tests.Quotes;

/// <summary>The sample article that ships in samples/: every quote and its speaker, as a reader would attribute them.</summary>
public class SampleArticleTests
{
    private static string SamplePath()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "QuoteExtract.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return Path.Combine(dir ?? throw new InvalidOperationException("QuoteExtract.sln not found above the test directory."), "samples", "article.txt");
    }

    [Fact]
    public void Every_quote_of_the_sample_has_its_speaker()
    {
        string text = File.ReadAllText(SamplePath());
        Analysis a = Extractor.Analyze(text);
        (QuoteKind Kind, string Start, string Speaker)[] expected =
        [
            (QuoteKind.Indirect, "the decision was", "Margaret Okafor"),
            (QuoteKind.Mixed, "a promise kept", "Margaret Okafor"),
            (QuoteKind.Direct, "We have listened", "Margaret Okafor"),
            (QuoteKind.Direct, "This pier is not a luxury", "Tom Bradshaw"),
            (QuoteKind.Direct, "It is where this town", "Tom Bradshaw"),
            (QuoteKind.Indirect, "volunteers had raised", "Tom Bradshaw"),
            (QuoteKind.Indirect, "the £14million bill", "Priya Nandi"),
            (QuoteKind.Indirect, "the money would be better spent", "Priya Nandi"),
            (QuoteKind.Direct, "We will keep working", "Environment Agency"),
            (QuoteKind.Direct, "I won’t make a promise", "Margaret Okafor"),
        ];
        Assert.Equal(expected.Length, a.Quotes.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Quote q = a.Quotes[i];
            Assert.Equal(expected[i].Kind, q.Kind);
            Assert.StartsWith(expected[i].Start, q.Text, StringComparison.Ordinal);
            Assert.Equal(expected[i].Speaker, q.Speaker?.Name);
        }

        Quote agency = a.Quotes[8];
        Assert.Equal(2, agency.Segments.Length);
    }
}
