using System.Collections.Immutable;
using QuoteExtract.Testing;

namespace QuoteExtract.Tests.Hardening;

/// <summary>The invariant checker itself: it accepts real analyses and names what is wrong with doctored ones.</summary>
public class AnalysisInvariantsTests
{
    private const string Text = "\u201CWe will win,\u201D Jane Smith said.\n\n\u201CWe will.\u201D";

    [Fact]
    public void Accepts_a_real_analysis()
    {
        Analysis analysis = Extractor.Analyze(Text);
        Assert.NotEmpty(analysis.Quotes);
        Assert.Null(AnalysisInvariants.FindViolation(Text, analysis));
    }

    [Theory]
    [InlineData("text", "quote 0 text is not its segments' texts")]
    [InlineData("span", "quote 0 span")]
    [InlineData("segment-outside", "quote 0 segment")]
    [InlineData("segment-order", "quote 0 segment")]
    [InlineData("speaker-text", "quote 0 speaker text is not the text at its span")]
    [InlineData("speaker-name", "quote 0 speaker name is not its names joined")]
    [InlineData("cue", "quote 0 cue text is not the text at its span")]
    [InlineData("confidence", "quote 0 has confidence")]
    [InlineData("quote-order", "quote 1 starts before the quote before it")]
    [InlineData("entity-overlap", "entity 1")]
    [InlineData("entity-text", "entity 0 text is not the text at its span")]
    [InlineData("group-quote", "group 0 quote index")]
    public void Names_the_broken_invariant(string damage, string message)
    {
        Analysis real = Extractor.Analyze(Text);
        Quote q = real.Quotes[0];
        Speaker s = q.Speaker!;
        var entity = new Entity { Span = s.Span, Text = s.Text, Type = EntityType.Person, Name = s.Name, Confidence = 1 };
        ImmutableArray<Quote> quotes = [.. real.Quotes];
        ImmutableArray<Entity> entities = [];
        ImmutableArray<EntityGroup> groups = [.. real.Groups];
        switch (damage)
        {
            case "text": quotes = quotes.SetItem(0, q with { Text = q.Text + " " }); break;
            case "span": quotes = quotes.SetItem(0, q with { Span = new TextSpan(q.Span.Start, q.Span.Length + 1) }); break;
            case "segment-outside": quotes = quotes.SetItem(0, q with { Segments = [new TextSpan(Text.Length - 1, 2)] }); break;
            case "segment-order": quotes = quotes.SetItem(0, q with { Segments = [q.Segments[0], q.Segments[0]] }); break;
            case "speaker-text": quotes = quotes.SetItem(0, q with { Speaker = s with { Text = "Jane" } }); break;
            case "speaker-name": quotes = quotes.SetItem(0, q with { Speaker = s with { Names = ["Jane", "Smith"] } }); break;
            case "cue": quotes = quotes.SetItem(0, q with { Cue = q.Cue!.Value with { Text = "says" } }); break;
            case "confidence": quotes = quotes.SetItem(0, q with { Confidence = 0.1 }); break;
            case "quote-order": quotes = [quotes[^1], quotes[0]]; break;
            case "entity-overlap": entities = [entity, entity]; break;
            case "entity-text": entities = [entity with { Text = "x" }]; break;
            default: groups = [real.Groups[0] with { Quotes = [5] }]; break;
        }

        var doctored = new Analysis(real.Segments, quotes, entities, groups);
        string? violation = AnalysisInvariants.FindViolation(Text, doctored);
        Assert.NotNull(violation);
        Assert.StartsWith(message, violation, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => AnalysisInvariants.Check(Text, doctored));
    }

    [Fact]
    public void Canonical_form_tells_analyses_apart()
    {
        Analysis a = Extractor.Analyze(Text);
        Assert.Equal(AnalysisInvariants.Canonical(a), AnalysisInvariants.Canonical(Extractor.Analyze(Text)));
        Assert.NotEqual(AnalysisInvariants.Canonical(a), AnalysisInvariants.Canonical(ExtractorPipeline.Create(new ExtractorOptions { MinimumConfidence = 1 }).Analyze(Text)));
        var other = new Analysis(a.Segments, [a.Quotes[0] with { Confidence = 0.5 }, .. a.Quotes.Skip(1)], [], [.. a.Groups]);
        Assert.NotEqual(AnalysisInvariants.Canonical(a), AnalysisInvariants.Canonical(other));
    }
}
