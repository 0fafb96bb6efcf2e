using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.Tokenizers;

namespace QuoteExtract.Benchmarks;

/// <summary>
/// Tokenization throughput on <see cref="BenchmarkCorpus"/>, against Microsoft.ML.Tokenizers' word-or-punctuation
/// pre-tokenizer (the baseline), a plain regex and a bare letter-run scanner. Every benchmark returns its token count.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(TokenBenchmarkConfig))]
public class TokenizationBenchmarks : ICorpusBenchmark
{
    /// <summary>A word or one punctuation character: <c>\w+|[^\w\s]</c>.</summary>
    private static readonly Regex WordOrPunctuation = new(@"\w+|[^\w\s]", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private readonly List<Token> _tokens = [];
    private string _text = string.Empty;
    private PreTokenizer _mlPreTokenizer = null!;
    private PreTokenizer _newsPreTokenizer = null!;

    /// <inheritdoc/>
    public int CorpusLength => _text.Length;

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchmarkCorpus.Text;
        Console.WriteLine($"// Corpus: {_text.Length:N0} chars, {BenchmarkCorpus.Source}");
        _mlPreTokenizer = PreTokenizer.CreateWordOrPunctuation();
        _newsPreTokenizer = NewsTokenizer.Default.CreatePreTokenizer();
        _tokens.Capacity = NewsTokenizer.Default.CountTokens(_text) + 16;
    }

    [Benchmark(Baseline = true, Description = "ML.Tokenizers WordOrPunctuation")]
    public int MLTokenizersPreTokenize()
    {
        int count = 0;
        foreach ((int Offset, int Length) _ in _mlPreTokenizer.PreTokenize(_text))
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "NewsTokenizer EnumerateTokens(span)")]
    public int NewsTokenizerEnumerate()
    {
        int count = 0;
        foreach (Token _ in NewsTokenizer.Default.EnumerateTokens(_text))
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "NewsTokenizer Tokenize(span, list)")]
    public int NewsTokenizerIntoList()
    {
        _tokens.Clear();
        return NewsTokenizer.Default.Tokenize(_text.AsSpan(), _tokens);
    }

    [Benchmark(Description = "NewsTokenizer as ML PreTokenizer")]
    public int NewsPreTokenize()
    {
        int count = 0;
        foreach ((int Offset, int Length) _ in _newsPreTokenizer.PreTokenize(_text))
        {
            count++;
        }

        return count;
    }

    // The description avoids the pattern's '|', which would split a markdown table cell.
    [Benchmark(Description = "Regex word-or-punctuation (Compiled)")]
    public int RegexWordOrPunctuation()
    {
        int count = 0;
        foreach (ValueMatch _ in WordOrPunctuation.EnumerateMatches(_text.AsSpan()))
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "Bare char.IsLetterOrDigit runs")]
    public int LetterRunScanner()
    {
        // Lower bound: letter-or-digit runs and single other non-space characters, with no news rules.
        ReadOnlySpan<char> text = _text;
        int count = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                count++;
                i++;
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                continue;
            }

            if (!char.IsWhiteSpace(c))
            {
                count++;
            }

            i++;
        }

        return count;
    }

    [Benchmark(Description = "NewsTokenizer Segment(text) (sentences)")]
    public int NewsTokenizerSegment() => NewsTokenizer.Default.Segment(_text).Tokens.Length;
}
