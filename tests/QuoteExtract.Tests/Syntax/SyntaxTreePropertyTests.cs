using System.Collections.Immutable;
using System.Threading;
using CsCheck;
using QuoteExtract.Syntax;
using QuoteExtract.Testing;

namespace QuoteExtract.Tests.Syntax;

/// <summary>
/// The syntax stage on random, mutated and hostile text, with the embedded model and with a tiny model of random
/// weights (which parses nonsense, but must still parse it into trees): every sentence of <see cref="SyntaxScope.All"/>
/// one projective tree with one root; under the default scope every token tagged and the parsed sentences trees;
/// nothing under <see cref="SyntaxScope.None"/>; the same on every run. No linguistic judgement of any parse.
/// </summary>
public class SyntaxTreePropertyTests
{
    private const int Iterations = 400;

    private static readonly ExtractorOptions AllOptions = new() { Syntax = SyntaxScope.All };
    private static readonly ExtractorOptions NoneOptions = new() { Syntax = SyntaxScope.None };
    private static readonly ExtractorPipeline All = ExtractorPipeline.Create(AllOptions);
    private static readonly ExtractorPipeline None = ExtractorPipeline.Create(NoneOptions);

    private static readonly SyntaxModel Tiny = SyntaxTrees.TinyModel();
    private static readonly ExtractorOptions TinyAllOptions = new() { Syntax = SyntaxScope.All, SyntaxModel = Tiny };
    private static readonly ExtractorOptions TinyDefaultOptions = new() { SyntaxModel = Tiny };
    private static readonly ExtractorPipeline TinyAll = ExtractorPipeline.Create(TinyAllOptions);
    private static readonly ExtractorPipeline AllWithoutEntities = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.All, RecognizeEntities = false });
    private static readonly ExtractorPipeline TinyAllWithoutEntities = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.All, SyntaxModel = Tiny, RecognizeEntities = false });
    private static readonly ExtractorPipeline TinyDefault = ExtractorPipeline.Create(TinyDefaultOptions);

    /// <summary>One to four news snippets joined by a space or line breaks, after up to 16 hostile character edits.</summary>
    private static readonly Gen<string> MutatedNews = Gen.Select(
        Gen.Int[0, HostileText.Snippets.Length - 1].Array[1, 4],
        Gen.OneOf(" ", "\n", "\n\n", "\r\n", "\u2029"),
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Frequency((5, Gen.Char[HostileText.EditChars]), (1, Gen.Char)), (op, where, c) => new Edit(op, where, c)).Array[0, 16],
        (picks, glue, edits) => HostileText.Apply(string.Join(glue, picks.Select(i => HostileText.Snippets[i])), edits));

    /// <summary>Words, marks and clitics in random order: sentences with and without the cues of the default scope.</summary>
    private static readonly Gen<string> Soup = Gen.OneOf(
            "said", "told", "according to", "the", "river", "rose", "roads", "closed", "and", "He", "Smith", "don't", "Iran's",
            "\u201C", "\u201D", "\"", "'", ",", ".", ".", "?", "!", ":", ";", "\u2013", "(", ")", "-", "3.5", "%",
            " ", " ", " ", " ", "\n", "\n\n", "We will win", "It is over", "A", "a")
        .Array[0, 80]
        .Select(string.Concat);

    private static readonly Gen<string> RandomUtf16 = Gen.Char.Array[0, 160].Select(a => new string(a));

    /// <summary>Words of every kind: plain, punctuation, hostile characters, random UTF-16 (lone surrogates, controls), and very long.</summary>
    private static readonly Gen<string> Word = Gen.Frequency(
        (6, Gen.OneOf("the", "said", "Smith", "n't", "'s", ",", ".", "\u201C", "\u201D", "run", "3", "Ministry", "of", "that", ":", "\u2014")),
        (3, Gen.Char[HostileText.EditChars].Array[1, 6].Select(a => new string(a))),
        (3, Gen.Char.Array[1, 12].Select(a => new string(a))),
        (1, Gen.Select(Gen.Int[1_000, 40_000], Gen.Char, (n, c) => new string(c, n))),
        (1, Gen.Select(Gen.Int[200, 5_000], Gen.OneOf("\uD83D\uDE00", "\uD800", "\u202E", "ab", "\u0301", "\u0000"), (n, unit) => string.Concat(Enumerable.Repeat(unit, n)))));

    public static TheoryData<string> Generators => ["news", "soup", "utf16"];

    private static Gen<string> Named(string name) => name switch
    {
        "news" => MutatedNews,
        "soup" => Soup,
        "utf16" => RandomUtf16,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(Generators))]
    public void With_syntax_All_every_sentence_is_one_tree(string generator) =>
        Named(generator).Sample(
            text =>
            {
                AssertEverySentenceParsed(text, All.Analyze(text), AllOptions, SyntaxModel.Default);
                AssertEverySentenceParsed(text, TinyAll.Analyze(text), TinyAllOptions, Tiny);
            },
            iter: Iterations,
            print: SyntaxTrees.Show);

    [Theory]
    [MemberData(nameof(Generators))]
    public void The_attributions_view_of_the_parse_agrees_with_the_heads(string generator) =>
        Named(generator).Sample(
            text => AssertParseView([.. All.Analyze(text).Syntax]),
            iter: Iterations,
            print: SyntaxTrees.Show);

    /// <summary>
    /// Each token's children are exactly the tokens that name it as their head, in text order; its subtree range
    /// holds it and its children's ranges, and spans exactly its descendants' extent.
    /// </summary>
    private static void AssertParseView(TokenSyntax[] syntax)
    {
        var view = new QuoteExtract.Quotes.ParseView(syntax);
        int linked = 0;
        for (int t = 0; t < syntax.Length; t++)
        {
            if (!syntax[t].IsParsed)
            {
                Assert.False(view.Children(t).MoveNext());
                continue;
            }

            int previous = -1;
            int min = t;
            int max = t + 1;
            foreach (int c in view.Children(t))
            {
                Assert.Equal(t, syntax[c].Head);
                Assert.True(c > previous, "children in text order");
                previous = c;
                linked++;
                Assert.True(view.SubtreeStart(t) <= view.SubtreeStart(c));
                Assert.True(view.SubtreeEnd(c) <= view.SubtreeEnd(t));
                min = Math.Min(min, view.SubtreeStart(c));
                max = Math.Max(max, view.SubtreeEnd(c));
            }

            Assert.Equal((min, max), (view.SubtreeStart(t), view.SubtreeEnd(t)));
        }

        Assert.Equal(syntax.Count(s => s.IsParsed && s.Head >= 0), linked);
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void With_the_default_scope_every_token_is_tagged_and_the_sentences_attribution_reads_are_parsed(string generator) =>
        Named(generator).Sample(
            text =>
            {
                AssertDefaultScope(text, ExtractorPipeline.Default.Analyze(text), null, All.Analyze(text), SyntaxModel.Default);
                AssertDefaultScope(text, TinyDefault.Analyze(text), TinyDefaultOptions, TinyAll.Analyze(text), Tiny);
            },
            iter: Iterations,
            print: SyntaxTrees.Show);

    [Theory]
    [MemberData(nameof(Generators))]
    public void With_syntax_None_there_is_no_syntax(string generator) =>
        Named(generator).Sample(
            text =>
            {
                Analysis analysis = None.Analyze(text);
                AnalysisInvariants.Check(text, analysis, NoneOptions);
                Assert.True(analysis.Syntax.IsEmpty);
                Assert.False(analysis.Syntax.IsDefault);
            },
            iter: Iterations,
            print: SyntaxTrees.Show);

    [Theory]
    [MemberData(nameof(Generators))]
    public void Syntax_is_deterministic(string generator) =>
        Named(generator).Sample(
            text =>
            {
                string copy = new(text.AsSpan()); // an equal text, another object
                Assert.Equal<TokenSyntax>(All.Analyze(text).Syntax, All.Analyze(copy).Syntax);
                Assert.Equal<TokenSyntax>(ExtractorPipeline.Default.Analyze(text).Syntax, ExtractorPipeline.Create(new ExtractorOptions()).Analyze(copy).Syntax);
                Assert.Equal<TokenSyntax>(TinyAll.Analyze(text).Syntax, ExtractorPipeline.Create(TinyAllOptions).Analyze(copy).Syntax);
            },
            iter: Iterations / 2,
            print: SyntaxTrees.Show);

    [Theory]
    [MemberData(nameof(Generators))]
    public void The_pipeline_parses_each_sentence_as_Parse_parses_its_words(string generator) =>
        Named(generator).Sample(
            text =>
            {
                // Without entities: with them, their names correct the tagger before the parse (tested below).
                foreach ((ExtractorPipeline pipeline, SyntaxModel model) in new[] { (AllWithoutEntities, SyntaxModel.Default), (TinyAllWithoutEntities, Tiny) })
                {
                    Analysis analysis = pipeline.Analyze(text);
                    foreach (Sentence s in analysis.Sentences)
                    {
                        ImmutableArray<TokenSyntax> parse = model.Parse(SyntaxTrees.Words(analysis, s));
                        TokenSyntax[] shifted = [.. parse.Select(t => t with { Head = t.Head < 0 ? -1 : t.Head + s.FirstToken })];
                        Assert.Equal(shifted, analysis.Syntax.Skip(s.FirstToken).Take(s.TokenCount));
                    }
                }
            },
            iter: Iterations / 2,
            print: SyntaxTrees.Show);

    [Theory]
    [MemberData(nameof(Generators))]
    public void A_capitalised_word_in_a_name_is_parsed_as_a_noun(string generator) =>
        Named(generator).Sample(
            text =>
            {
                Analysis analysis = All.Analyze(text);
                foreach (Entity e in analysis.Entities)
                {
                    for (int t = 0; t < analysis.Tokens.Length; t++)
                    {
                        Token token = analysis.Tokens[t];
                        if (token.Start >= e.Span.Start && token.End <= e.Span.End && token.Kind == TokenKind.Word && (token.Traits & TokenTraits.Capitalized) != 0)
                        {
                            Assert.Contains(analysis.Syntax[t].Pos, new[] { UniversalPos.PropN, UniversalPos.Noun, UniversalPos.Punct });
                        }
                    }
                }
            },
            iter: Iterations / 4,
            print: SyntaxTrees.Show);

    [Fact]
    public void A_first_name_the_tagger_reads_as_a_verb_is_a_proper_noun_once_the_entity_tagger_names_it()
    {
        const string text = "Helen Marsh's claim that the audit had been rigged was rejected by the board.";
        Analysis analysis = All.Analyze(text);
        Assert.Contains(analysis.Entities, e => e.Text == "Helen Marsh");
        Assert.Equal(UniversalPos.PropN, analysis.Syntax[0].Pos);
    }

    public static TheoryData<int> SnippetIndices => [.. Enumerable.Range(0, HostileText.Snippets.Length)];

    [Theory]
    [MemberData(nameof(SnippetIndices))]
    public void Every_hostile_snippet_gets_valid_syntax_in_every_scope(int index)
    {
        string text = HostileText.Snippets[index];
        AssertEveryScope(text);
        AssertEveryScope(text + "\n\n" + text.ToUpperInvariant() + " " + text.ToLowerInvariant());
    }

    public static TheoryData<string> LargeNames => [.. HostileText.LargeNames];

    /// <summary>Each large hostile input, at 64 K characters (the embedded model parses the full-size ones in the hardening tests).</summary>
    [Theory]
    [MemberData(nameof(LargeNames))]
    public void Every_large_hostile_input_gets_valid_syntax_in_every_scope(string name) =>
        AssertEveryScope(HostileText.Large(name, 1 << 16));

    [Fact]
    public void Random_documents_get_valid_syntax_in_every_scope()
    {
        var random = new Random(2024);
        for (int i = 0; i < 60; i++)
        {
            AssertEveryScope(HostileText.RandomDocument(random, random.Next(0, 40)));
        }

        AssertEveryScope(HostileText.News(200_000, seed: 11));
    }

    [Fact]
    public void Parse_gives_one_tree_for_random_word_lists() =>
        Word.Array[1, 120].Sample(
            words =>
            {
                SyntaxTrees.AssertTree(SyntaxModel.Default, words, SyntaxModel.Default.Parse(words));
                SyntaxTrees.AssertTree(Tiny, words, Tiny.Parse(words));
            },
            iter: Iterations,
            print: SyntaxTrees.Show);

    [Fact]
    public void Parse_gives_one_tree_for_long_random_word_lists() =>
        Word.Array[400, 600].Sample(
            words =>
            {
                SyntaxTrees.AssertTree(SyntaxModel.Default, words, SyntaxModel.Default.Parse(words));
                SyntaxTrees.AssertTree(Tiny, words, Tiny.Parse(words));
            },
            iter: 40,
            print: SyntaxTrees.Show);

    public static TheoryData<string> SingleWords =>
    [
        "said", "\u201C", ".", "\uD800", "\uDC00", "\u0000", "\uFEFF", "\u202E", "\uD83D\uDE00", "a\u0301", "\u0645\u0631\u062D\u0628\u0627", "\u4E2D\u6587",
        new string('x', 100_000), string.Concat(Enumerable.Repeat("\uD83D\uDE00", 20_000)), new string('\u201C', 5_000),
    ];

    [Theory]
    [MemberData(nameof(SingleWords), DisableDiscoveryEnumeration = true)]
    public void One_word_is_the_root(string word)
    {
        foreach (SyntaxModel model in new[] { SyntaxModel.Default, Tiny })
        {
            ImmutableArray<TokenSyntax> parse = model.Parse([word]);
            SyntaxTrees.AssertTree(model, [word], parse);
            TokenSyntax only = Assert.Single(parse);
            Assert.True(only.IsRoot);
            Assert.Equal(-1, only.Head);
            Assert.Equal("root", only.Relation);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(500)]
    [InlineData(4_097)] // longer than a thread keeps its workspace for
    [InlineData(20_000)]
    public void Many_words_give_one_tree(int count)
    {
        string[] vocabulary = ["The", "minister", "said", "that", "the", "plan", ",", "which", "\u201C", "works", "\u201D", "was", "n't", "over", "."];
        string[] words = [.. Enumerable.Range(0, count).Select(i => vocabulary[(i * 7 + i / 3) % vocabulary.Length])];
        foreach (SyntaxModel model in new[] { SyntaxModel.Default, Tiny })
        {
            ImmutableArray<TokenSyntax> parse = model.Parse(words);
            SyntaxTrees.AssertTree(model, words, parse);
            Assert.Equal<TokenSyntax>(parse, model.Parse(words));
        }
    }

    [Fact]
    public void Parse_of_no_words_is_empty()
    {
        Assert.True(SyntaxModel.Default.Parse([]).IsEmpty);
        Assert.True(Tiny.Parse(Array.Empty<string>()).IsEmpty);
    }

    [Fact]
    public void Parse_refuses_null_and_empty_words()
    {
        Assert.Equal("words", Assert.Throws<ArgumentNullException>(() => SyntaxModel.Default.Parse(null!)).ParamName);
        ArgumentNullException nullWord = Assert.Throws<ArgumentNullException>(() => SyntaxModel.Default.Parse(["a", null!, "b"]));
        Assert.Equal("words", nullWord.ParamName);
        Assert.Contains("Word 1", nullWord.Message, StringComparison.Ordinal);
        ArgumentException empty = Assert.Throws<ArgumentException>(() => SyntaxModel.Default.Parse(["a", "b", ""]));
        Assert.Equal("words", empty.ParamName);
        Assert.Contains("Word 2", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_does_not_depend_on_what_the_thread_parsed_before()
    {
        // A thread reuses its buffers from sentence to sentence (and from model to model): nothing of an earlier,
        // longer sentence may show in a later one.
        string[] sentence = ["He", "said", "it", "was", "over", "."];
        ImmutableArray<TokenSyntax> fresh = RunOnNewThread(() => SyntaxModel.Default.Parse(sentence));
        ImmutableArray<TokenSyntax> tinyFresh = RunOnNewThread(() => Tiny.Parse(sentence));
        ImmutableArray<TokenSyntax> afterOthers = RunOnNewThread(() =>
        {
            SyntaxModel.Default.Parse([.. Enumerable.Repeat("word", 3_000)]);
            Tiny.Parse([.. Enumerable.Repeat("\u201C", 100)]);
            All.Analyze(HostileText.News(20_000));
            return SyntaxModel.Default.Parse(sentence);
        });
        ImmutableArray<TokenSyntax> tinyAfterOthers = RunOnNewThread(() =>
        {
            SyntaxModel.Default.Parse([.. Enumerable.Repeat("word", 5_000)]); // more than a thread keeps
            return Tiny.Parse(sentence);
        });
        Assert.Equal<TokenSyntax>(fresh, afterOthers);
        Assert.Equal<TokenSyntax>(tinyFresh, tinyAfterOthers);
        Assert.Equal<TokenSyntax>(fresh, SyntaxModel.Default.Parse(sentence));
    }

    private static ImmutableArray<TokenSyntax> RunOnNewThread(Func<ImmutableArray<TokenSyntax>> work)
    {
        ImmutableArray<TokenSyntax> result = default;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                error = ex;
            }
        });
        thread.Start();
        thread.Join();
        return error is null ? result : throw new InvalidOperationException("The parse on a new thread failed.", error);
    }

    /// <summary>The text in every scope with the embedded model, and with the tiny one.</summary>
    private static void AssertEveryScope(string text)
    {
        Analysis all = All.Analyze(text);
        AssertEverySentenceParsed(text, all, AllOptions, SyntaxModel.Default);
        AssertDefaultScope(text, ExtractorPipeline.Default.Analyze(text), null, all, SyntaxModel.Default);
        Analysis none = None.Analyze(text);
        AnalysisInvariants.Check(text, none, NoneOptions);
        Assert.True(none.Syntax.IsEmpty);
        Analysis tinyAll = TinyAll.Analyze(text);
        AssertEverySentenceParsed(text, tinyAll, TinyAllOptions, Tiny);
        AssertDefaultScope(text, TinyDefault.Analyze(text), TinyDefaultOptions, tinyAll, Tiny);
    }

    private static void AssertEverySentenceParsed(string text, Analysis analysis, ExtractorOptions options, SyntaxModel model)
    {
        AnalysisInvariants.Check(text, analysis, options);
        Assert.Equal(analysis.Tokens.Length, analysis.Syntax.Length);
        Assert.All(analysis.Syntax, t => Assert.True(t.IsParsed && t.Relation is not null && t.Pos != UniversalPos.None));
        Assert.Equal(analysis.Sentences.Length, analysis.Syntax.Count(t => t.IsRoot));
        SyntaxTrees.AssertParsedSentencesAreTrees(analysis, model);
    }

    /// <summary>
    /// The default scope: valid; a sentence parsed exactly when it has a quote mark, a colon, a reporting verb or the
    /// start of a cue phrase; the tags those of <see cref="SyntaxScope.All"/>, and each parsed sentence's parse too.
    /// </summary>
    private static void AssertDefaultScope(string text, Analysis analysis, ExtractorOptions? options, Analysis all, SyntaxModel model)
    {
        AnalysisInvariants.Check(text, analysis, options);
        Assert.Equal(analysis.Tokens.Length, analysis.Syntax.Length);
        Assert.All(analysis.Syntax, t => Assert.NotEqual(UniversalPos.None, t.Pos));
        SyntaxTrees.AssertParsedSentencesAreTrees(analysis, model);
        Assert.Equal(all.Syntax.Select(t => t.Pos), analysis.Syntax.Select(t => t.Pos));
        foreach (Sentence s in analysis.Sentences)
        {
            bool needsParse = SyntaxAnalyzer.NeedsParse(text, analysis.Tokens.AsSpan(s.FirstToken, s.TokenCount));
            IEnumerable<TokenSyntax> syntax = analysis.Syntax.Skip(s.FirstToken).Take(s.TokenCount);
            if (needsParse)
            {
                Assert.Equal(all.Syntax.Skip(s.FirstToken).Take(s.TokenCount), syntax);
            }
            else
            {
                Assert.All(syntax, t => Assert.True(!t.IsParsed && !t.IsRoot && t.Head == -1 && t.Relation is null && t.UniversalRelation is null));
            }
        }
    }
}
