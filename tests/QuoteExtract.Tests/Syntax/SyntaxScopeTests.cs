using QuoteExtract.Syntax;
using QuoteExtract.Testing;

namespace QuoteExtract.Tests.Syntax;

/// <summary>
/// Which sentences each <see cref="SyntaxScope"/> parses: the default tags every token but parses only the sentences
/// attribution reads (a quote mark, a reporting verb, the start of a cue phrase, a colon); All parses every one; None nothing.
/// </summary>
public class SyntaxScopeTests
{
    private const string Plain = "The river rose overnight and the roads were closed.";

    private static readonly ExtractorOptions AllOptions = new() { Syntax = SyntaxScope.All };
    private static readonly ExtractorPipeline All = ExtractorPipeline.Create(AllOptions);
    private static readonly ExtractorPipeline None = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.None });

    [Fact]
    public void A_sentence_without_cues_is_tagged_but_not_parsed_by_default()
    {
        Analysis analysis = Extractor.Analyze(Plain);
        Sentence sentence = Assert.Single(analysis.Sentences);
        Assert.False(SyntaxAnalyzer.NeedsParse(Plain, analysis.Tokens.AsSpan())); // the premise: no cue at all
        Assert.Equal(analysis.Tokens.Length, analysis.Syntax.Length);
        Assert.All(analysis.Syntax, t =>
        {
            Assert.NotEqual(UniversalPos.None, t.Pos);
            Assert.NotEqual("_", t.PosTag);
            Assert.False(t.IsParsed);
            Assert.False(t.IsRoot);
            Assert.Equal(-1, t.Head);
            Assert.Null(t.Relation);
            Assert.Null(t.UniversalRelation);
        });
        AnalysisInvariants.Check(Plain, analysis);
        Assert.Equal(sentence.TokenCount, analysis.Syntax.Length);
    }

    [Fact]
    public void A_sentence_without_cues_is_parsed_with_syntax_All()
    {
        Analysis analysis = All.Analyze(Plain);
        Assert.Single(analysis.Sentences);
        Assert.All(analysis.Syntax, t => Assert.True(t.IsParsed));
        Assert.Single(analysis.Syntax, t => t.IsRoot);
        AnalysisInvariants.Check(Plain, analysis, AllOptions);
        Assert.Equal(Extractor.Analyze(Plain).Syntax.Select(t => t.Pos), analysis.Syntax.Select(t => t.Pos)); // the same tags either way
    }

    [Theory]
    [InlineData("The minister said the roads were closed.")]
    [InlineData("The roads were closed, the minister told reporters.")]
    [InlineData("According to the police the roads were closed.")]
    [InlineData("The roads were closed: the river had risen.")]
    [InlineData("The roads were \u201Cclosed for good\u201D last night.")]
    [InlineData("The roads were \"closed for good\" last night.")]
    [InlineData("\u201CThe roads are closed.\u201D")]
    public void A_sentence_with_a_cue_is_parsed_by_default(string text)
    {
        Analysis analysis = Extractor.Analyze(text);
        Assert.Single(analysis.Sentences);
        Assert.True(SyntaxAnalyzer.NeedsParse(text, analysis.Tokens.AsSpan()));
        Assert.All(analysis.Syntax, t => Assert.True(t.IsParsed && t.Pos != UniversalPos.None));
        Assert.Single(analysis.Syntax, t => t.IsRoot);
        AnalysisInvariants.Check(text, analysis);
        Assert.Equal<TokenSyntax>(All.Analyze(text).Syntax, analysis.Syntax);
    }

    [Fact]
    public void Only_the_sentences_with_cues_of_a_text_are_parsed_by_default()
    {
        string text = Plain + " The mayor said the bridge was safe. The water fell by noon. Officials added: \u201CStay home.\u201D\n\nSchools stayed open.";
        Analysis analysis = Extractor.Analyze(text);
        Analysis all = All.Analyze(text);
        bool[] parsed = [.. analysis.Sentences.Select(s => analysis.Syntax[s.FirstToken].IsParsed)];
        Assert.True(parsed.Length >= 5, string.Join(" | ", analysis.Sentences.Select(s => text[s.Start..s.End])));
        Assert.Equal(
            analysis.Sentences.Select(s => SyntaxAnalyzer.NeedsParse(text, analysis.Tokens.AsSpan(s.FirstToken, s.TokenCount))),
            parsed);
        Assert.Equal([false, true, false, true], parsed.Take(4));
        Assert.False(parsed[^1]);
        foreach (Sentence s in analysis.Sentences)
        {
            var tokens = analysis.Syntax.Skip(s.FirstToken).Take(s.TokenCount).ToArray();
            Assert.All(tokens, t => Assert.Equal(tokens[0].IsParsed, t.IsParsed));
            if (tokens[0].IsParsed)
            {
                Assert.Equal(all.Syntax.Skip(s.FirstToken).Take(s.TokenCount), tokens);
                Assert.All(tokens, t => Assert.True(t.IsRoot || (t.Head >= s.FirstToken && t.Head < s.EndToken)));
            }
        }

        AnalysisInvariants.Check(text, analysis);
        Assert.Equal(analysis.Sentences.Length, all.Syntax.Count(t => t.IsRoot));
    }

    [Fact]
    public void Heads_count_from_the_start_of_the_document()
    {
        const string text = "First one here. He said it was over.";
        Analysis analysis = All.Analyze(text);
        Sentence second = analysis.Sentences[1];
        Assert.True(second.FirstToken > 0);
        for (int i = second.FirstToken; i < second.EndToken; i++)
        {
            TokenSyntax t = analysis.Syntax[i];
            Assert.True(t.IsRoot || (t.Head >= second.FirstToken && t.Head < second.EndToken), $"token {i}: {t}");
        }

        Assert.Equal<TokenSyntax>(Extractor.Analyze(text).Syntax.Skip(second.FirstToken), analysis.Syntax.Skip(second.FirstToken)); // "said": parsed by default too
    }

    [Fact]
    public void With_syntax_None_there_is_no_syntax_but_the_rest_of_the_analysis()
    {
        const string text = "\u201CWe will win,\u201D Jane Smith said. The river rose.";
        Analysis analysis = None.Analyze(text);
        Assert.True(analysis.Syntax.IsEmpty);
        Assert.NotEmpty(analysis.Tokens);
        Assert.NotEmpty(analysis.Quotes);
        Assert.Equal("Jane Smith", analysis.Quotes[0].Speaker?.Name);
    }

    [Fact]
    public void No_text_has_no_syntax_in_any_scope()
    {
        foreach (ExtractorPipeline pipeline in new[] { All, ExtractorPipeline.Default, None })
        {
            Assert.True(pipeline.Analyze(string.Empty).Syntax.IsEmpty);
            Assert.True(pipeline.Analyze(" \n\n ").Syntax.IsEmpty);
        }
    }

    [Fact]
    public void Token_syntax_reads_its_parts()
    {
        var untagged = default(TokenSyntax);
        Assert.Equal(UniversalPos.None, untagged.Pos);
        Assert.Equal("_", untagged.PosTag);
        Assert.False(untagged.IsParsed);
        Assert.False(untagged.IsRoot);

        var passive = new TokenSyntax(UniversalPos.PropN, 3, "nsubj:pass");
        Assert.Equal("PROPN", passive.PosTag);
        Assert.Equal("nsubj", passive.UniversalRelation);
        Assert.True(passive.IsParsed);
        Assert.False(passive.IsRoot);

        var root = new TokenSyntax(UniversalPos.Verb, -1, "root");
        Assert.True(root.IsRoot);
        Assert.Equal("root", root.UniversalRelation);
        Assert.Equal("VERB", root.PosTag);
        Assert.Equal("_", new TokenSyntax((UniversalPos)200, -1, null).PosTag);
        Assert.Equal(
            ["_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"],
            Enum.GetValues<UniversalPos>().Select(p => new TokenSyntax(p, -1, null).PosTag));
    }
}
