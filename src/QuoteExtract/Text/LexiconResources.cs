using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace QuoteExtract.Text;

/// <summary>
/// Reads the word lists embedded in the library (folder <c>Lexicons/</c>). Format: one entry per line,
/// optional tab-separated fields after the word, <c>#</c> starts a comment, blank lines are skipped.
/// </summary>
internal static class LexiconResources
{
    public static IEnumerable<string[]> ReadLines(string name)
    {
        string resource = "QuoteExtract.Lexicons." + name;
        using Stream stream = typeof(LexiconResources).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded lexicon '{resource}' is missing from {typeof(LexiconResources).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            int hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows.Add(fields);
        }

        return rows;
    }

    /// <summary>Reads a list whose second field names a value of <typeparamref name="TEnum"/> (the first value when absent).</summary>
    public static SpanLexicon<TEnum> ReadEnumLexicon<TEnum>(string name, bool ignoreCase)
        where TEnum : struct, Enum
    {
        var entries = new List<KeyValuePair<string, TEnum>>();
        foreach (string[] fields in ReadLines(name))
        {
            TEnum value = default;
            if (fields.Length > 1 && !Enum.TryParse(fields[1], ignoreCase: true, out value))
            {
                throw new InvalidOperationException($"Lexicon '{name}': unknown class '{fields[1]}' for '{fields[0]}'.");
            }

            entries.Add(new(fields[0], value));
        }

        return new SpanLexicon<TEnum>(entries, ignoreCase);
    }
}
