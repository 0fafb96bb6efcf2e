using System.Collections.Immutable;
using System.IO;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using QuoteExtract.Cli.Html;

namespace QuoteExtract.Tests.Cli;

/// <summary>--html: a well-formed, self-contained page that escapes everything and ties each quote to its speaker.</summary>
public class HtmlViewTests
{
    private static string Sample => CliHost.SampleArticle;

    [Fact]
    public void Sample_page_is_well_formed_html_with_head_article_and_side_list()
    {
        CliResult result = CliHost.Run("--html", Sample);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", result.Stdout, StringComparison.Ordinal);
        XElement html = Parse(result.Stdout);
        Assert.Equal("html", html.Name.LocalName);
        Assert.Equal(["head", "body"], html.Elements().Select(e => e.Name.LocalName));
        XElement head = html.Element("head")!;
        Assert.Equal("utf-8", head.Elements("meta").First().Attribute("charset")?.Value);
        Assert.Equal("article.txt · quote-extract", head.Element("title")!.Value);
        XElement main = html.Element("body")!.Element("main")!;
        Assert.Equal(["article", "aside"], main.Elements().Select(e => e.Name.LocalName));
        Assert.Single(html.Descendants("script"));
        Assert.Single(html.Descendants("style"));
    }

    [Fact]
    public void Page_loads_nothing_from_outside()
    {
        string page = CliHost.Run("--html", Sample).Stdout;
        XElement html = Parse(page);
        Assert.All(html.Descendants(), e => Assert.Null(e.Attribute("src")));
        Assert.Empty(html.Descendants("link"));
        Assert.Empty(html.Descendants("img"));
        Assert.Empty(html.Descendants("iframe"));
        Assert.All(html.Descendants("a"), a => Assert.StartsWith("#", a.Attribute("href")!.Value, StringComparison.Ordinal));
        Assert.DoesNotMatch(@"(?i)https?:|//[a-z0-9.-]+\.[a-z]{2,}/|@import|url\(|@font-face", page);
        Assert.Contains("default-src 'none'", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_quote_is_in_the_article_and_in_its_speakers_side_list_entry()
    {
        string text = File.ReadAllText(Sample);
        Analysis analysis = Extractor.Analyze(text);
        XElement html = Parse(CliHost.Run("--html", Sample).Stdout);
        XElement article = html.Descendants("article").Single();
        XElement aside = html.Descendants("aside").Single();
        Assert.NotEmpty(analysis.Quotes);
        for (int i = 0; i < analysis.Quotes.Count; i++)
        {
            Quote quote = analysis.Quotes[i];
            string id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            XElement[] parts = article.Descendants("span").Where(e => HasClass(e, "q") && e.Attribute("data-q")?.Value == id).ToArray();
            Assert.Single(parts, p => p.Attribute("id")?.Value == "q" + id);
            string shown = string.Join("\n", parts.Select(p => p.Value));
            foreach (TextSpan segment in quote.Segments)
            {
                Assert.Contains(text.Substring(segment.Start, segment.Length), shown, StringComparison.Ordinal);
            }

            string speaker = quote.Speaker?.Name ?? "Unknown speaker";
            XElement entry = aside.Elements("section").Single(s => s.Element("h3")!.Nodes().OfType<XText>().Any(t => t.Value.Trim() == speaker));
            Assert.Contains(id, entry.Attribute("data-q")!.Value.Split(' '));
            Assert.Contains(entry.Descendants("a"), a => a.Attribute("href")!.Value == "#q" + id);

            // Quote, mention and side-list entry share the speaker's colour class.
            string colour = entry.Attribute("class")!.Value.Split(' ')[1];
            Assert.All(parts, p => Assert.True(HasClass(p, colour), $"quote {id} is not in {speaker}'s colour"));
            if (quote.Speaker is { } s)
            {
                XElement mention = article.Descendants("span").Single(e => HasClass(e, "m") && e.Attribute("data-q")!.Value.Split(' ').Contains(id));
                // The mention's own text: entity type labels (ent-l) inside it are decoration.
                string mentionText = string.Concat(mention.DescendantNodes().OfType<XText>()
                    .Where(t => !t.Ancestors("span").Any(a => HasClass(a, "ent-l"))).Select(t => t.Value));
                Assert.Equal(s.Text, mentionText);
                Assert.True(HasClass(mention, colour));
            }
        }
    }

    [Fact]
    public void Speaker_names_label_the_quoted_paragraphs()
    {
        XElement html = Parse(CliHost.Run("--html", Sample).Stdout);
        string[] chips = html.Descendants("span").Where(e => HasClass(e, "chip")).Select(e => e.Value).Distinct().ToArray();
        Assert.Equal(["Margaret Okafor", "Tom Bradshaw", "Priya Nandi", "Environment Agency"], chips);
    }

    [Fact]
    public void Boilerplate_lines_are_marked_with_what_they_hold()
    {
        const string text = "By Kate Ellis\n\nThe bridge will reopen in May, the mayor said.\n\nPhoto: Tom Brown/Reuters";
        XElement html = Parse(CliHost.RunWithInput(text, "--html", "-").Stdout);
        string[] marked = [.. html.Descendants("span").Where(e => HasClass(e, "bp")).Select(e => e.Value)];
        Assert.Equal(2, marked.Length);
        Assert.StartsWith("By Kate Ellis", marked[0], StringComparison.Ordinal);
        Assert.StartsWith("Photo: Tom Brown", marked[1], StringComparison.Ordinal); // entity labels follow the names inside
        Assert.Contains("Reuters", marked[1], StringComparison.Ordinal);
        Assert.Equal(text.Split("\n\n"), ParagraphTexts(html));
    }

    [Fact]
    public void Article_text_is_shown_whole_and_in_order()
    {
        string text = File.ReadAllText(Sample);
        Analysis analysis = Extractor.Analyze(text);
        XElement html = Parse(CliHost.Run("--html", Sample).Stdout);
        Assert.Equal(analysis.Paragraphs.Select(p => text.Substring(p.Start, p.Length)), ParagraphTexts(html));
    }

    [Fact]
    public void Markup_in_the_input_is_escaped_everywhere()
    {
        const string text = "<script>alert('x')</script> & <b>bold</b>\n\n“We will <i>win</i> & \"go on\",” Jane <Smith> said.\n\n<style>body{display:none}</style>";
        CliResult result = CliHost.RunWithInput(text, "--html", "-");
        Assert.Equal(0, result.ExitCode);
        string page = result.Stdout;
        Assert.Equal(1, Regex.Count(page, "<script"));
        Assert.Equal(1, Regex.Count(page, "<style"));
        Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", page, StringComparison.Ordinal);
        Assert.Contains("&#39;x&#39;", page, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.Contains("“We will &lt;i&gt;win&lt;/i&gt; &amp; &quot;go on&quot;,”", page, StringComparison.Ordinal);
        XElement html = Parse(page);
        Assert.Equal("standard input · quote-extract", html.Descendants("title").Single().Value);
        Assert.Equal(text.Split("\n\n"), ParagraphTexts(html));
    }

    [Fact]
    public void File_name_is_escaped_in_the_title()
    {
        string dir = Directory.CreateTempSubdirectory("quoteextract-html-").FullName;
        try
        {
            string path = Path.Combine(dir, "a<b>&\"c\".txt");
            File.WriteAllText(path, "“Yes,” she said.");
            XElement html = Parse(CliHost.Run("--html", path).Stdout);
            Assert.Equal("a<b>&\"c\".txt · quote-extract", html.Descendants("title").Single().Value);
            Assert.Equal("a<b>&\"c\".txt", html.Descendants("h1").Single().Value);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Output_option_writes_the_page_to_a_file()
    {
        string dir = Directory.CreateTempSubdirectory("quoteextract-html-").FullName;
        try
        {
            string output = Path.Combine(dir, "view.html");
            CliResult result = CliHost.Run("--html", Sample, "-o", output);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stdout);
            Assert.Equal(CliHost.Run("--html", Sample).Stdout, File.ReadAllText(output));
            Assert.Equal((byte)'<', File.ReadAllBytes(output)[0]); // UTF-8 without a byte-order mark

            CliResult unwritable = CliHost.Run("--html", Sample, "--output", Path.Combine(dir, "missing", "view.html"));
            Assert.Equal(3, unwritable.ExitCode);
            Assert.Contains("cannot write", unwritable.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("--html")]
    [InlineData("--html", "a.txt", "b.txt")]
    [InlineData("--html", "--json", "a.txt")]
    [InlineData("--html", "--jsonl", "a.txt")]
    [InlineData("-o", "out.html", "a.txt")]
    [InlineData("--json", "-o", "out.html", "a.txt")]
    [InlineData("--html", "a.txt", "-o")]
    [InlineData("eval", "quotes", "g.json", "a.txt", "--html")]
    public void Html_usage_errors_exit_with_2(params string[] args)
    {
        CliResult result = CliHost.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Unreadable_file_exits_with_3()
    {
        CliResult result = CliHost.Run("--html", Path.Combine(CliHost.RepoRoot, "no-such-article.txt"));
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot read", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Entities_are_marked_with_their_type_even_where_marks_cross()
    {
        // Hand-built, as the tagger would give them: an entity inside a speaker phrase, one crossing a
        // quote's edge, one inside a quote; a quote nested in another; a quote without a speaker.
        const string text = "Head of Acme Corp Jane Smith said the “plan, Paris said,” was fine.\n\n“Go to Rome,” he said.";
        TextSpan Find(string part, int from = 0) => new(text.IndexOf(part, from, StringComparison.Ordinal), part.Length);
        TextSpan mention = Find("Head of Acme Corp Jane Smith");
        Quote[] quotes =
        [
            new()
            {
                Text = "the “plan, Paris said,” was fine", Span = Find("the “plan, Paris said,” was fine"), Segments = [Find("the “plan, Paris said,” was fine")],
                Kind = QuoteKind.Indirect, Confidence = 0.7, Cue = new Cue(Find("said the"), "said", "say") with { Span = new TextSpan(Find("said the").Start, 4) },
                Speaker = new Speaker { Span = mention, Text = text.Substring(mention.Start, mention.Length), Name = "Jane Smith", Names = ["Jane Smith"] },
            },
            new() { Text = "plan, Paris said,", Span = Find("plan, Paris said,"), Segments = [Find("plan, Paris said,")], Kind = QuoteKind.Mixed, Confidence = 0.8 },
            new() { Text = "Go to Rome,", Span = Find("Go to Rome,"), Segments = [Find("Go to Rome,")], Kind = QuoteKind.Direct, Confidence = 0.9 },
        ];
        Entity Tag(TextSpan span, EntityType type) => new() { Span = span, Text = text.Substring(span.Start, span.Length), Type = type, Name = text.Substring(span.Start, span.Length), Confidence = 0.9 };
        Entity[] entities =
        [
            Tag(Find("Acme Corp"), EntityType.Organization),
            Tag(Find("Jane Smith"), EntityType.Person),
            Tag(Find("the “plan"), EntityType.Miscellaneous), // crosses the mixed quote's opening mark
            Tag(Find("Paris"), EntityType.Location),
            Tag(Find("Rome"), EntityType.Location),
        ];
        var analysis = new Analysis(NewsTokenizer.Default.Segment(text), [.. quotes], [.. entities], []);
        using var output = new StringWriter();
        HtmlView.Write("t.txt", analysis, output);
        XElement html = Parse(output.ToString());

        Assert.Equal(text.Split("\n\n"), ParagraphTexts(html));
        XElement article = html.Descendants("article").Single();
        XElement[] marks = article.Descendants("mark").ToArray();
        foreach (Entity entity in entities)
        {
            string label = entity.Type.ToLabel();
            XElement[] fragments = marks.Where(m => HasClass(m, "e-" + label.ToLowerInvariant()) && m.Attribute("title")!.Value == $"{label}: {entity.Name}").ToArray();
            Assert.Equal(entity.Text, string.Concat(fragments.Select(TextOf)));
            Assert.Equal(label, Assert.Single(fragments.SelectMany(f => f.Elements("span")), s => HasClass(s, "ent-l")).Value);
        }

        // The mark that starts later is the one split where two cross: the mixed quote, in two pieces, one id.
        XElement[] mixed = article.Descendants("span").Where(e => HasClass(e, "q") && e.Attribute("data-q")!.Value == "1").ToArray();
        Assert.Equal(2, mixed.Length);
        Assert.Equal("“plan, Paris said,”", string.Concat(mixed.Select(TextOf)));
        Assert.Equal(["q0", "q1", "q2"], article.Descendants().Select(e => e.Attribute("id")?.Value).Where(id => id?.StartsWith('q') == true));
        Assert.Contains(html.Descendants("span"), e => HasClass(e, "chip") && HasClass(e, "su") && e.Value == "speaker unknown");
        Assert.Contains(html.Descendants("h3"), h => h.Value.StartsWith("Unknown speaker", StringComparison.Ordinal));
        Assert.Contains(html.Descendants("aside").Single().Descendants("li"), li => li.Value.EndsWith("Paris, Rome", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("one two three four", 15, "one two three…")]
    [InlineData("one two, three four", 12, "one two…")]
    [InlineData("abcdefghijklmnop", 8, "abcdefgh…")]
    [InlineData("abcdefg😀xyz", 8, "abcdefg…")]
    public void Side_list_shortens_long_quotes_at_a_word(string text, int max, string expected) =>
        Assert.Equal(expected, HtmlView.Shorten(text, max));

    /// <summary>Parses the page as XML: the view writes polyglot markup, so any unbalanced or unescaped markup fails here.</summary>
    private static XElement Parse(string page)
    {
        using var reader = XmlReader.Create(new StringReader(page), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader).Root!;
    }

    private static bool HasClass(XElement element, string name) =>
        element.Attribute("class")?.Value.Split(' ').Contains(name) == true;

    /// <summary>An element's text without the margin labels and entity-type labels the view adds.</summary>
    private static string TextOf(XElement element) => string.Concat(
        element.DescendantNodes().OfType<XText>().Where(t => !t.Ancestors().Any(a => HasClass(a, "who") || HasClass(a, "ent-l"))).Select(t => t.Value));

    private static IEnumerable<string> ParagraphTexts(XElement html) => html.Descendants("article").Single().Elements("p").Select(TextOf);
}
