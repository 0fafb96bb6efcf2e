using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using QuoteExtract.Entities;
using QuoteExtract.Quotes;
using QuoteExtract.Speakers;

namespace QuoteExtract.Benchmarks;

/// <summary>
/// The whole <see cref="Extractor.Analyze"/> over the articles of <see cref="BenchmarkCorpus"/>, one article after
/// another on one thread, and its stages one by one on the same articles (segmentation, entity recognition, entity
/// grouping, quote attribution with speaker resolution and grouping), so that the table shows where the time and
/// the allocations go. Every benchmark returns the number of tokens of the articles it read, so that the token
/// columns of the stages add up: the stages' times sum to about the pipeline's.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(AnalyzeBenchmarkConfig))]
public class AnalyzeBenchmarks : ICorpusBenchmark
{
    private IReadOnlyList<string> _articles = [];
    private SegmentedText[] _segments = [];
    private ImmutableArray<Entity>[] _entities = [];
    private TokenSyntax[][] _syntax = [];
    private ImmutableArray<TextSpan>[] _boilerplate = [];
    private ExtractorPipeline _pipeline = null!;
    private ExtractorPipeline _withoutEntities = null!;
    private NewsTokenizer _tokenizer = null!;

    /// <inheritdoc/>
    public int CorpusLength { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _articles = BenchmarkCorpus.Articles;
        CorpusLength = _articles.Sum(a => a.Length);
        _pipeline = ExtractorPipeline.Default;
        _withoutEntities = ExtractorPipeline.Create(new ExtractorOptions { RecognizeEntities = false });
        _tokenizer = NewsTokenizer.Default;

        // The stages' inputs, made once: each stage benchmark measures only its own work.
        _segments = [.. _articles.Select(_tokenizer.Segment)];
        var recognized = _segments.Select(s => EntityRecognizer.Default.Recognize(s.Text, s.Tokens, s.Sentences, SyntaxModel.Default.Analyzer, SyntaxScope.Attribution, CancellationToken.None)).ToArray();
        _entities = [.. recognized.Select(r => r.Entities)];
        _syntax = [.. recognized.Select(r => r.Syntax)];
        _boilerplate = [.. _articles.Select(Boilerplate.Find)];
        Console.WriteLine(
            $"// Corpus: {_articles.Count:N0} articles, {CorpusLength:N0} chars, {_segments.Sum(s => s.Tokens.Length):N0} tokens, "
            + $"{_entities.Sum(e => e.Length):N0} entities; {BenchmarkCorpus.Source}");
    }

    [Benchmark(Baseline = true, Description = "Analyze (default pipeline)")]
    public int Analyze()
    {
        int tokens = 0;
        foreach (string article in _articles)
        {
            tokens += _pipeline.Analyze(article).Tokens.Length;
        }

        return tokens;
    }

    [Benchmark(Description = "Analyze, RecognizeEntities = false")]
    public int AnalyzeWithoutEntities()
    {
        int tokens = 0;
        foreach (string article in _articles)
        {
            tokens += _withoutEntities.Analyze(article).Tokens.Length;
        }

        return tokens;
    }

    [Benchmark(Description = "Stage: Segment (tokens, sentences)")]
    public int Segment()
    {
        int tokens = 0;
        foreach (string article in _articles)
        {
            tokens += _tokenizer.Segment(article).Tokens.Length;
        }

        return tokens;
    }

    [Benchmark(Description = "Stages: entities and syntax (tag, tagger stage 1, parse, tagger stage 2)")]
    public int RecognizeEntities()
    {
        int tokens = 0;
        foreach (SegmentedText segments in _segments)
        {
            _ = EntityRecognizer.Default.Recognize(segments.Text, segments.Tokens, segments.Sentences, SyntaxModel.Default.Analyzer, SyntaxScope.Attribution, CancellationToken.None);
            tokens += segments.Tokens.Length;
        }

        return tokens;
    }

    [Benchmark(Description = "Stage: syntax alone, as without entities (tag all, parse attribution's sentences)")]
    public int AnalyzeSyntax()
    {
        int tokens = 0;
        foreach (SegmentedText segments in _segments)
        {
            _ = SyntaxModel.Default.Analyzer.Analyze(segments, SyntaxScope.Attribution, CancellationToken.None);
            tokens += segments.Tokens.Length;
        }

        return tokens;
    }

    [Benchmark(Description = "Stage: attribute quotes (with grouping)")]
    public int AttributeQuotes()
    {
        int tokens = 0;
        for (int i = 0; i < _segments.Length; i++)
        {
            _ = QuoteAttributor.Attribute(_segments[i], _syntax[i], _entities[i], _pipeline.Options, CancellationToken.None);
            tokens += _segments[i].Tokens.Length;
        }

        return tokens;
    }

    [Benchmark(Description = "Part of attribution: group entities")]
    public int GroupEntities()
    {
        int tokens = 0;
        for (int i = 0; i < _segments.Length; i++)
        {
            _ = EntityGrouper.Group(_segments[i], _entities[i], _boilerplate[i]);
            tokens += _segments[i].Tokens.Length;
        }

        return tokens;
    }

    [Benchmark(Description = "Part of attribution: find boilerplate lines")]
    public int FindBoilerplate()
    {
        int tokens = 0;
        for (int i = 0; i < _segments.Length; i++)
        {
            _ = Boilerplate.Find(_articles[i]);
            tokens += _segments[i].Tokens.Length;
        }

        return tokens;
    }
}
