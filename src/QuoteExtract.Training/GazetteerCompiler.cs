using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using QuoteExtract.Entities;

namespace QuoteExtract.Training;

/// <summary>
/// Compiles the name lists (shared gazetteers: census names, cities, countries) and the library's own
/// lexicons (titles, organisation suffixes, place words, demonyms) into the model's <see cref="Gazetteer"/>.
/// Entries are tokenized with <see cref="NewsTokenizer"/>, as text is at run time.
/// </summary>
internal static class GazetteerCompiler
{
    public const int TopFirstNames = 300;
    public const int TopLastNames = 3000;
    public const int BigCityPopulation = 1_000_000;

    /// <param name="gazetteerDirectory">The shared gazetteers.</param>
    /// <param name="lexiconCorpora">Annotated corpora used only for their names (not as training examples): each entity's text, by its majority type.</param>
    /// <param name="summary">Counts per class.</param>
    /// <param name="clusters">Word clusters (<see cref="WordClusterCompiler.Read"/>) to store beside the names; null for none.</param>
    public static Gazetteer Compile(string gazetteerDirectory, IReadOnlyList<IobDocument> lexiconCorpora, out string summary, IReadOnlyDictionary<string, uint>? clusters = null)
    {
        var entries = new List<KeyValuePair<ulong, uint>>();
        var counts = new Dictionary<GazetteerClass, int>();

        void Add(string name, GazetteerClass c)
        {
            name = name.Trim();
            if (name.Length == 0)
            {
                return;
            }

            IReadOnlyList<Token> tokens = NewsTokenizer.Default.Tokenize(name);
            if (tokens.Count == 0 || tokens.Count > Gazetteer.MaxTokens)
            {
                return;
            }

            ulong key = 0;
            for (int i = 0; i < tokens.Count; i++)
            {
                ulong lower = NerHash.LowerHash(name.AsSpan(tokens[i].Start, tokens[i].Length));
                key = i == 0 ? Gazetteer.SequenceStart(lower) : Gazetteer.SequenceStep(key, lower);
                bool last = i + 1 == tokens.Count;
                entries.Add(new(key, (uint)(last ? c : GazetteerClass.Prefix)));
            }

            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        void AddWithStop(string name, GazetteerClass c)
        {
            Add(name, c);
            if (!name.Contains(' ', StringComparison.Ordinal) && !name.EndsWith('.'))
            {
                Add(name + ".", c);
            }
        }

        int rank = 0;
        foreach (string line in File.ReadLines(Path.Combine(gazetteerDirectory, "census-first_male.txt"), Encoding.UTF8))
        {
            Add(line, rank++ < TopFirstNames ? GazetteerClass.FirstTop : GazetteerClass.First);
        }

        rank = 0;
        foreach (string line in File.ReadLines(Path.Combine(gazetteerDirectory, "census-first_female.txt"), Encoding.UTF8))
        {
            Add(line, rank++ < TopFirstNames ? GazetteerClass.FirstTop : GazetteerClass.First);
        }

        rank = 0;
        foreach (string line in File.ReadLines(Path.Combine(gazetteerDirectory, "census-last.txt"), Encoding.UTF8))
        {
            Add(line, rank++ < TopLastNames ? GazetteerClass.LastTop : GazetteerClass.Last);
        }

        bool header = true;
        foreach (string line in File.ReadLines(Path.Combine(gazetteerDirectory, "cities-15000.tsv"), Encoding.UTF8))
        {
            if (header)
            {
                header = false;
                continue;
            }

            string[] f = line.Split('\t');
            Add(f[0], GazetteerClass.City);
            if (f.Length > 2 && long.TryParse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out long population) && population >= BigCityPopulation)
            {
                Add(f[0], GazetteerClass.BigCity);
            }
        }

        header = true;
        foreach (string line in File.ReadLines(Path.Combine(gazetteerDirectory, "countries.tsv"), Encoding.UTF8))
        {
            if (header)
            {
                header = false;
                continue;
            }

            string[] f = line.Split('\t');
            Add(f[0], GazetteerClass.Country);
            if (f.Length > 1 && f[1] != f[0])
            {
                Add(f[1], GazetteerClass.Country);
            }

            if (f.Length > 2)
            {
                Add(f[2], GazetteerClass.Capital);
                Add(f[2], GazetteerClass.City);
            }
        }

        foreach (string[] row in ReadLexicon("titles.txt"))
        {
            AddWithStop(row[0], GazetteerClass.Title);
        }

        foreach (string[] row in ReadLexicon("org-suffixes.txt"))
        {
            AddWithStop(row[0], GazetteerClass.OrgSuffix);
        }

        foreach (string[] row in ReadLexicon("location-words.txt"))
        {
            AddWithStop(row[0], GazetteerClass.LocationWord);
        }

        foreach (string[] row in ReadLexicon("regions.txt"))
        {
            Add(row[0], GazetteerClass.Region);
        }

        foreach (string[] row in ReadLexicon("demonyms.txt"))
        {
            Add(row[0], GazetteerClass.Demonym);
        }

        var names = new Dictionary<string, Dictionary<EntityType, int>>(StringComparer.Ordinal);
        foreach (IobDocument doc in lexiconCorpora)
        {
            foreach (GoldSpan g in doc.Gold)
            {
                string name = doc.Text[doc.Tokens[g.Start].Start..doc.Tokens[g.End - 1].End];
                if (g.Type == EntityType.Miscellaneous || name.Length < 2 || !char.IsLetter(name[0]))
                {
                    continue;
                }

                if (!names.TryGetValue(name, out Dictionary<EntityType, int>? byType))
                {
                    names[name] = byType = [];
                }

                byType[g.Type] = byType.GetValueOrDefault(g.Type) + 1;
            }
        }

        foreach ((string name, Dictionary<EntityType, int> byType) in names)
        {
            KeyValuePair<EntityType, int> top = byType.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First();
            if (top.Value * 2 <= byType.Values.Sum())
            {
                continue; // no clear majority
            }

            Add(name, top.Key switch
            {
                EntityType.Person => GazetteerClass.CorpusPerson,
                EntityType.Organization => GazetteerClass.CorpusOrganization,
                _ => GazetteerClass.CorpusLocation,
            });
        }

        if (clusters is { Count: > 0 })
        {
            entries.Add(new(Gazetteer.ClusterMarker, (uint)WordClusterCompiler.Branching.Length));
            foreach (KeyValuePair<string, uint> kv in clusters)
            {
                entries.Add(new(Gazetteer.ClusterKey(NerHash.LowerHash(kv.Key)), kv.Value));
            }

        }

        Gazetteer gazetteer = Gazetteer.Build(entries);
        var parts = new List<string>();
        foreach (KeyValuePair<GazetteerClass, int> kv in counts)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value}"));
        }

        parts.Sort(StringComparer.Ordinal);
        if (clusters is { Count: > 0 })
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"word clusters={clusters.Count}"));
        }

        summary = string.Join(", ", parts) + string.Create(CultureInfo.InvariantCulture, $"; {gazetteer.Count} sequences");
        return gazetteer;
    }

    /// <summary>Reads one of the library's entity lexicons from its embedded resources.</summary>
    public static IEnumerable<string[]> ReadLexicon(string name) => QuoteExtract.Text.LexiconResources.ReadLines(name);
}
