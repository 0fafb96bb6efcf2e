using System.Collections.Immutable;
using System.Linq;
using CsCheck;
using QuoteExtract.Speakers;

namespace QuoteExtract.Tests.Speakers;

/// <summary>
/// Bylines, photo credits, agency tags and datelines, wire footers and navigation lines in short articles written for
/// these tests: their names are in <see cref="Analysis.Boilerplate"/>, in no group, no person, and speak no quote.
/// </summary>
public class BoilerplateTests
{
    private const string Story = "The council met on Monday. Helen Marsh said the pier would reopen in May.";

    private static string Covered(Analysis a) => string.Join(" | ", a.Boilerplate.Select(s => a.Text.Substring(s.Start, s.Length)));

    private static bool InGroups(Analysis a, string word) =>
        a.Groups.Any(g => g.Name.Contains(word, System.StringComparison.Ordinal)
            || g.Mentions.Any(m => a.Text.Substring(m.Start, m.Length).Contains(word, System.StringComparison.Ordinal)));

    [Theory]
    [InlineData("By Kate Ellis\n\n" + Story, "Kate Ellis")]
    [InlineData("By Kate Ellis and Tom Brown, BBC News\n\n" + Story, "Kate Ellis and Tom Brown, BBC News")]
    [InlineData("Kate Ellis, Political Correspondent\n\n" + Story, "Kate Ellis, Political Correspondent")]
    [InlineData("By Kate Ellis, with additional reporting from the coast\n\n" + Story, "By Kate Ellis,")]
    // Parts of a byline a separator divides, with or without "By".
    [InlineData("By Kate Ellis \u00B7 The Canadian Press\n\n" + Story, "By Kate Ellis \u00B7 The Canadian Press")]
    [InlineData("Kate Ellis \u00B7 CBC News \u00B7 Posted: Feb 11, 2026 4:15 PM CT\n\n" + Story, "Kate Ellis \u00B7 CBC News \u00B7 Posted: Feb 11, 2026 4:15 PM CT")]
    [InlineData(Story + "\n\nPhoto: Kate Ellis/Reuters", "Photo: Kate Ellis/Reuters")]
    [InlineData(Story + "\n\nPicture: Kate Ellis / PA Wire", "Picture: Kate Ellis / PA Wire")]
    [InlineData(Story + "\n\nCredit: AP Photo/Kate Ellis", "Credit: AP Photo/Kate Ellis")]
    [InlineData(Story + "\n\nThe pier in 1950 (AP Photo/Kate Ellis)", "(AP Photo/Kate Ellis)")]
    [InlineData(Story + "\n\nAP Photo/Kate Ellis", "AP Photo/Kate Ellis")]
    [InlineData(Story + "\n\nTHE CANADIAN PRESS/Kate Ellis", "THE CANADIAN PRESS/Kate Ellis")]
    [InlineData("Image copyright Kate Ellis Image caption Helen Marsh at the pier\n\n" + Story, "Image copyright Kate Ellis")]
    [InlineData(Story + "\n\nReporting by Kate Ellis; Editing by Tom Brown", "Reporting by Kate Ellis; Editing by Tom Brown")]
    [InlineData(Story + "\n\nAdditional reporting by Kate Ellis in Leeds", "Additional reporting by Kate Ellis in Leeds")]
    [InlineData(Story + "\n\nFollow Kate Ellis on Twitter", "Follow Kate Ellis on Twitter")]
    [InlineData(Story + "\n\nRead more: Kate Ellis on the pier's history", "Read more: Kate Ellis on the pier's history")]
    [InlineData(Story + "\n\nClick here to read Kate Ellis's guide", "Click here to read Kate Ellis's guide")]
    public void A_credited_name_is_no_group_and_no_person(string text, string boilerplate)
    {
        Analysis a = Extractor.Analyze(text);
        Assert.Contains(boilerplate, Covered(a), System.StringComparison.Ordinal);
        Assert.False(InGroups(a, "Ellis"), $"a group holds Ellis: {string.Join(", ", a.Groups.Select(g => g.Name))}");
        Assert.DoesNotContain(a.People, p => p.Name.Contains("Ellis", System.StringComparison.Ordinal));
        Assert.Contains(a.People, p => p.Name == "Helen Marsh" && p.IsQuoted); // the story's person is still there
    }

    [Theory]
    [InlineData(Story + "\n\nPhoto: Kate Ellis/Reuters")]
    [InlineData("By Kate Ellis\n\n" + Story)]
    public void A_credited_name_stays_an_entity(string text)
    {
        // The tagger is right that it is a name: the entities keep it, the boilerplate tells where it is.
        Analysis a = Extractor.Analyze(text);
        Entity ellis = Assert.Single(a.Entities, e => e.Text.Contains("Ellis", System.StringComparison.Ordinal));
        Assert.Contains(a.Boilerplate, s => s.Contains(ellis.Span));
    }

    [Theory]
    [InlineData("LONDON (Reuters) - " + Story, "LONDON (Reuters) -", "Reuters")]
    [InlineData("WASHINGTON, Dec 3 (AP) \u2014 " + Story, "WASHINGTON, Dec 3 (AP) \u2014", "AP")]
    [InlineData("TAMPA, Fla. (AP) \u2014 " + Story, "TAMPA, Fla. (AP) \u2014", "AP")]
    [InlineData(Story + " \u2014 AFP", "\u2014 AFP", "AFP")]
    [InlineData(Story + "\n\n(Getty Images)", "(Getty Images)", "Getty")]
    public void An_agency_tag_or_dateline_is_no_group(string text, string boilerplate, string agency)
    {
        Analysis a = Extractor.Analyze(text);
        Assert.Contains(boilerplate, Covered(a), System.StringComparison.Ordinal);
        Assert.False(InGroups(a, agency), $"a group holds {agency}: {string.Join(", ", a.Groups.Select(g => g.Name))}");
    }

    [Theory]
    // Story lines that only look like it: a date after By, an imperative, a poll's name, a dash inside a sentence.
    [InlineData("By Tuesday, Kate Ellis had agreed the plan with the council.")]
    [InlineData("Follow the money, Kate Ellis said on Monday.")]
    [InlineData("Picture the scene, Kate Ellis said: the pier in flames.")]
    [InlineData("A Reuters/Ipsos poll showed Kate Ellis ahead in Leeds.")]
    [InlineData("Kate Ellis \u2014 the council's leader \u2014 said the pier would reopen.")]
    [InlineData("Kate Ellis, the council's leader, said the pier would reopen.")]
    public void A_story_line_is_not_boilerplate(string text)
    {
        Analysis a = Extractor.Analyze(text);
        Assert.Empty(a.Boilerplate);
        Assert.Contains(a.People, p => p.Name == "Kate Ellis");
    }

    [Theory]
    // A pronoun with no one before it but the byline's author is unresolved, not the author.
    [InlineData("By Kate Ellis\n\n\u201CWe will reopen the pier in May,\u201D she said.", "reopen the pier")]
    [InlineData("By Kate Ellis \u00B7 Global News\n\n\u201CWe will reopen the pier in May,\u201D she said.", "reopen the pier")]
    [InlineData("Kate Ellis, Political Correspondent\n\n\u201CWe will reopen the pier in May,\u201D she said.", "reopen the pier")]
    // A signature-style dash line under a quote that is an agency tag.
    [InlineData("The pier will reopen.\n\n\u201CWe are ready for the summer.\u201D\n\n\u2014 AP", "ready for the summer")]
    public void A_credited_name_never_speaks(string text, string quote)
    {
        Analysis a = Extractor.Analyze(text);
        Quote q = Assert.Single(a.Quotes, q => q.Text.Contains(quote, System.StringComparison.Ordinal));
        Assert.True(q.Speaker is null || q.Speaker.Names.IsEmpty, $"speaker {q.Speaker?.Name}");
        Assert.DoesNotContain(a.People, p => p.IsQuoted);
    }

    [Fact]
    public void A_speaker_after_the_dateline_that_opens_its_sentence_still_speaks()
    {
        // The parse's subject took in the dateline: the speaker is what follows it, not no one.
        const string text = "Hospital waits grow\n\nSASKATOON \u2014 Emergency physicians at the city hospital say patients are routinely spending more than a day on stretchers.";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, q => q.Text.Contains("stretchers", System.StringComparison.Ordinal));
        Assert.Equal("Emergency physicians at the city hospital", q.Speaker?.Text);
    }

    [Fact]
    public void A_quote_inside_a_navigation_line_is_kept_without_its_speaker()
    {
        const string text = Story + "\n\nRead more: \u2018We will fight on,\u2019 says Kate Ellis";
        Analysis a = Extractor.Analyze(text);
        Quote q = Assert.Single(a.Quotes, q => q.Text.Contains("We will fight on", System.StringComparison.Ordinal));
        Assert.Null(q.Speaker);
        Assert.DoesNotContain(a.People, p => p.Name.Contains("Ellis", System.StringComparison.Ordinal));
        Assert.Contains(a.People, p => p.Name == "Helen Marsh" && p.IsQuoted);
    }

    [Fact]
    public void Boilerplate_spans_are_ordered_disjoint_and_inside_the_text()
    {
        Gen<string> lines = Gen.OneOf(
                "By Kate Ellis", "Photo: Kate Ellis/Reuters", "(AFP)", "LONDON (Reuters) -", "\u2014 AP", "Reporting by Tom Brown;",
                "Read more:", "Follow", "on Twitter", "Image copyright", "Image caption", "Kate Ellis,", "Political Correspondent",
                "Helen Marsh said", "the pier", "(", ")", "/", "\u2018", "\u201C", "\u2014", ":", ",", ".", " ", "\n", "\n\n", "\r\n")
            .Array[0, 40]
            .Select(a => string.Join(" ", a));
        lines.Sample(text =>
        {
            var spans = Boilerplate.Find(text);
            int end = 0;
            foreach (TextSpan s in spans)
            {
                Assert.True(s.Length > 0 && s.Start >= end && s.End <= text.Length, $"span {s} after {end} in {text.Length}");
                Assert.False(char.IsWhiteSpace(text[s.Start]) || char.IsWhiteSpace(text[s.End - 1]), $"span {s} has outer spaces");
                end = s.End;
            }
        }, iter: 3000);
    }

    [Fact]
    public void Lines_made_only_of_cue_words_give_ordered_spans_inside_the_text()
    {
        // Lines of cue words that a backtracking rule would try again and again (2 MB; no timing asserted, the test run's
        // own time limit catches a blow-up).
        string line = string.Concat(Enumerable.Repeat("(Photo: By Read more: Kate/Reuters Image copyright ", 2000));
        string text = string.Join("\n", Enumerable.Repeat(line, 20));
        ImmutableArray<TextSpan> spans = Boilerplate.Find(text);
        Assert.NotEmpty(spans);
        int end = 0;
        foreach (TextSpan s in spans)
        {
            Assert.True(s.Start >= end && s.End <= text.Length && s.Length > 0);
            end = s.End;
        }
    }
}
