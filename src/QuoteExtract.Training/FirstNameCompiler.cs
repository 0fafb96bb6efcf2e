using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using QuoteExtract.Entities;
using QuoteExtract.Models;
using QuoteExtract.Quotes;

namespace QuoteExtract.Training;

/// <summary>
/// compile-names: models/first-names.bin from the census given-name lists (ranked by frequency). A name on one
/// list takes that list's gender; a name on both takes the one where it ranks in the top quarter while on the
/// other it does not (Erin: female #160 of 4,275, male #802 of 1,219), and is left out otherwise (unknown).
/// </summary>
internal static class FirstNameCompiler
{
    public static int Compile(Dictionary<string, string> options)
    {
        string dir = options.GetValueOrDefault("gazetteers", Path.Combine("..", "shared", "data", "gazetteers"));
        string output = options.GetValueOrDefault("out", Path.Combine("models", "first-names.bin"));
        string[] female = ReadRanked(Path.Combine(dir, "census-first_female.txt"));
        string[] male = ReadRanked(Path.Combine(dir, "census-first_male.txt"));
        var femaleRank = Ranks(female);
        var maleRank = Ranks(male);
        var table = new SortedDictionary<ulong, byte>();
        int both = 0, left = 0;
        foreach (string name in femaleRank.Keys.Union(maleRank.Keys))
        {
            bool f = femaleRank.TryGetValue(name, out double fr);
            bool m = maleRank.TryGetValue(name, out double mr);
            Gender? gender = (f, m) switch
            {
                (true, false) => Gender.Female,
                (false, true) => Gender.Male,
                _ when fr <= 0.25 && mr > 0.25 => Gender.Female,
                _ when mr <= 0.25 && fr > 0.25 => Gender.Male,
                _ => null,
            };
            both += f && m ? 1 : 0;
            if (gender is not Gender g)
            {
                left++;
                continue;
            }

            ulong hash = NerHash.LowerHash(name);
            if (!table.TryAdd(hash, (byte)g))
            {
                table.Remove(hash); // a hash collision between two names: neither is known
                left++;
            }
        }

        using (FileStream stream = File.Create(output))
        {
            FirstNameTable.Write(stream, [.. table.Keys], [.. table.Values]);
        }

        Console.WriteLine($"{table.Count:N0} names ({table.Values.Count(v => v == (byte)Gender.Female):N0} female, {table.Values.Count(v => v == (byte)Gender.Male):N0} male); "
            + $"{both:N0} on both lists, {left:N0} left out as either; {new FileInfo(output).Length:N0} bytes → {output}");
        return 0;
    }

    private static string[] ReadRanked(string path) =>
        [.. File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>Each name's rank as a share of its list (0 the most common, 1 the rarest).</summary>
    private static Dictionary<string, double> Ranks(string[] names)
    {
        var ranks = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names.Length; i++)
        {
            ranks.TryAdd(names[i], i / (double)names.Length);
        }

        return ranks;
    }
}
