using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace QuoteExtract.Benchmarks;

/// <summary>
/// The text the benchmarks read: real news articles, never repeated. The PolNeAR article texts in
/// <c>../shared/data/quotes/polnear/</c> (dev, then train up to <see cref="TargetChars"/>), joined by
/// blank lines; without <c>../shared</c>, the articles in the repository's <c>samples/</c> folder. The same
/// articles are also kept one by one (<see cref="Articles"/>), for benchmarks that analyse documents.
/// </summary>
public static class BenchmarkCorpus
{
    /// <summary>How many characters to read from the shared corpus (the reference numbers used 3.8M).</summary>
    public const int TargetChars = 3_800_000;

    private static readonly Lazy<(IReadOnlyList<string> Articles, string Text, string Source)> Loaded = new(Load);

    /// <summary>The benchmark text: <see cref="Articles"/> joined by blank lines.</summary>
    public static string Text => Loaded.Value.Text;

    /// <summary>The articles of <see cref="Text"/>, each trimmed, in order.</summary>
    public static IReadOnlyList<string> Articles => Loaded.Value.Articles;

    /// <summary>Where the text came from, for the log.</summary>
    public static string Source => Loaded.Value.Source;

    private static (IReadOnlyList<string> Articles, string Text, string Source) Load()
    {
        string root = FindRepositoryRoot()
            ?? throw new InvalidOperationException($"QuoteExtract.sln not found above {AppContext.BaseDirectory}.");
        string polnear = Path.Combine(Path.GetDirectoryName(root)!, "shared", "data", "quotes", "polnear");
        string[] splits = [Path.Combine(polnear, "dev.jsonl"), Path.Combine(polnear, "train.jsonl")];
        if (File.Exists(splits[0]))
        {
            string[] articles = [.. ReadArticles(splits.Where(File.Exists)).Select(a => a.Trim())];
            return (articles, Join(articles), $"{articles.Length} PolNeAR articles from {polnear}");
        }

        string samples = Path.Combine(root, "samples");
        string[] files = Directory.Exists(samples) ? Directory.GetFiles(samples, "*.txt") : [];
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"Neither {polnear} nor any {samples}/*.txt found.");
        }

        Array.Sort(files, StringComparer.Ordinal);
        string[] samplesText = [.. files.Select(f => File.ReadAllText(f).Trim())];
        return (samplesText, Join(samplesText), $"{files.Length} sample articles from {samples} (small: numbers not comparable)");
    }

    private static List<string> ReadArticles(IEnumerable<string> paths)
    {
        var articles = new List<string>();
        long total = 0;
        foreach (string path in paths)
        {
            foreach (string line in File.ReadLines(path))
            {
                if (total >= TargetChars)
                {
                    return articles;
                }

                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using JsonDocument json = JsonDocument.Parse(line);
                string text = json.RootElement.GetProperty("text").GetString() ?? string.Empty;
                articles.Add(text);
                total += text.Length + 2;
            }
        }

        return articles;
    }

    private static string Join(IEnumerable<string> articles)
    {
        var builder = new StringBuilder();
        foreach (string article in articles)
        {
            if (builder.Length > 0)
            {
                builder.Append("\n\n");
            }

            builder.Append(article.Trim());
        }

        return builder.ToString();
    }

    private static string? FindRepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QuoteExtract.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
