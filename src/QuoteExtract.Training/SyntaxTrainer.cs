using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using QuoteExtract.Entities;
using QuoteExtract.Models;
using QuoteExtract.Syntax;

namespace QuoteExtract.Training;

/// <summary>One CoNLL-U sentence: its words with gold UPOS, heads (0-based, -1 for the root) and relations.</summary>
internal sealed record ConlluSentence(string[] Forms, byte[] Tags, int[] Heads, string[] Relations);

/// <summary>
/// Trains the syntax model: an averaged-perceptron tagger, then an arc-hybrid parser with a dynamic oracle
/// (Goldberg &amp; Nivre 2013) on jackknifed tags, each over the library's own feature templates.
/// </summary>
internal static class SyntaxTrainer
{
    public static int Train(Dictionary<string, string> options)
    {
        string root = Program.FindRepoRoot();
        string dataDir = options.GetValueOrDefault("data") ?? Path.Combine(root, "..", "shared", "data");
        string output = options.GetValueOrDefault("out") ?? Path.Combine(root, "models", "syntax-en");
        int tagBits = Program.Int(options, "tag-bits", 18);
        int actionBits = Program.Int(options, "action-bits", 20);
        int labelBits = Program.Int(options, "label-bits", 17);
        int tagEpochs = Program.Int(options, "tag-epochs", 10);
        int parseEpochs = Program.Int(options, "parse-epochs", 15);
        int folds = Program.Int(options, "folds", 5);
        int seed = Program.Int(options, "seed", 1);
        float explore = Program.Float(options, "explore", 0.9f);
        string trainPath = Path.Combine(dataDir, "ud", "en_ewt-train.conllu");
        string devPath = Path.Combine(dataDir, "ud", "en_ewt-dev.conllu");
        List<ConlluSentence> train = ReadConllu(trainPath);
        List<ConlluSentence> dev = ReadConllu(devPath);
        int inverted = 0;
        if (Program.Int(options, "invert", 1) != 0)
        {
            // News writes "…, said X" far more often than web text: add the inverted copy of each "…, X said." sentence.
            List<ConlluSentence> copies = [.. train.Select(Invert).OfType<ConlluSentence>()];
            inverted = copies.Count;
            train.AddRange(copies);
        }

        int dropped = 0;
        int dropThat = Program.Int(options, "drop-that", 0);
        if (dropThat > 0)
        {
            // News drops the complementizer after a verb of saying or knowing far more often than web text does
            // (said the plan had failed; told council rents have risen): add the copy of each "V that S" sentence without it.
            List<ConlluSentence> copies = [.. train.Select(DropThat).OfType<ConlluSentence>()];
            dropped = copies.Count;
            for (int k = 0; k < dropThat; k++)
            {
                train.AddRange(copies);
            }
        }

        Program.Log($"train {train.Count} sentences ({inverted} inverted copies, {dropped} without 'that'), {train.Sum(s => s.Forms.Length)} words; dev {dev.Count}");
        var clock = Stopwatch.StartNew();

        string[] relations = [.. train.SelectMany(s => s.Relations).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (relations.Length > 64)
        {
            throw new InvalidDataException($"{relations.Length} relations; the parser takes at most 64");
        }

        // The parser learns from tags like those it will see: each fold tagged by a tagger that did not see it.
        (PosTagger tagger, List<ConlluSentence> parserTrain) = TrainTagger(train, tagBits, tagEpochs, Math.Max(2, folds), seed, Program.Int(options, "tag-mix", 1));
        Program.Log($"tagger trained ({clock.Elapsed.TotalSeconds:F0} s); dev UPOS {TagAccuracy(tagger, dev):F4}");
        var devTagged = TagWith(tagger, dev);
        // An ensemble of linear models is one linear model: the parsers of several shuffles, summed, cost one to run.
        int mix = Program.Int(options, "mix", 1);
        (WeightTable actions, WeightTable labels) = TrainParser(parserTrain, relations, actionBits, labelBits, parseEpochs, seed, explore, devTagged, dev);
        for (int m = 1; m < mix; m++)
        {
            (WeightTable a, WeightTable l) = TrainParser(parserTrain, relations, actionBits, labelBits, parseEpochs, seed + (100 * m), explore, devTagged, dev);
            Add(actions, a);
            Add(labels, l);
            Scores mixed = ScorePretagged(new DependencyParser(actions.Quantize(), labels.Quantize(), relations), devTagged, dev);
            Program.Log($"  {m + 1} parsers summed: dev UAS {mixed.Uas:F4} LAS {mixed.Las:F4}");
        }

        Program.Log($"parser trained ({clock.Elapsed.TotalSeconds:F0} s)");
        float clip = Program.Float(options, "clip", 1f);
        var model = new SyntaxModelFile(tagger, new DependencyParser(actions.Quantize(clip), labels.Quantize(clip), relations), "");
        var analyzer = new SyntaxAnalyzer(model);
        Scores devScores = Score(analyzer, dev);
        string description = Program.Invariant($"UD English-EWT train (CC BY-SA 4.0), trained {DateTime.UtcNow:yyyy-MM-dd}; dev (gold words) UPOS {devScores.Upos:F4}, UAS {devScores.Uas:F4}, LAS {devScores.Las:F4}");
        model = new SyntaxModelFile(model.Tagger, model.Parser, description);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        string binPath = output + ".bin";
        using (FileStream file = File.Create(binPath))
        {
            model.Write(file);
        }

        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(binPath)));
        long size = new FileInfo(binPath).Length;
        string json = Program.Invariant($$"""
            {
              "file": "{{Path.GetFileName(binPath)}}",
              "sha256": "{{sha}}",
              "bytes": {{size}},
              "data": "UD English-EWT train ({{train.Count}} sentences), CC BY-SA 4.0",
              "licence": "CC BY-SA 4.0 (the model is trained on UD English-EWT)",
              "options": {"tag-bits": {{tagBits}}, "action-bits": {{actionBits}}, "label-bits": {{labelBits}}, "tag-epochs": {{tagEpochs}}, "parse-epochs": {{parseEpochs}}, "folds": {{folds}}, "mix": {{mix}}, "tag-mix": {{Program.Int(options, "tag-mix", 1)}}, "explore": {{explore}}, "clip": {{clip}}, "seed": {{seed}}},
              "dev": {"upos": {{devScores.Upos:F4}}, "uas": {{devScores.Uas:F4}}, "las": {{devScores.Las:F4}}},
              "seconds": {{clock.Elapsed.TotalSeconds:F0}}
            }

            """);
        File.WriteAllText(output + ".json", json);
        Console.WriteLine(devScores.ToJson());
        Program.Log($"wrote {binPath} ({size / 1048576.0:F2} MB)");
        return 0;
    }

    public static int Eval(List<string> positional, Dictionary<string, string> options)
    {
        if (positional.Count != 1)
        {
            Console.Error.WriteLine("usage: eval-syntax GOLD.conllu [--model FILE.bin] [--pred OUT.conllu]");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        long before = GC.GetTotalMemory(true);
        SyntaxModel model = options.TryGetValue("model", out string? path) ? SyntaxModel.Load(path) : SyntaxModel.Default;
        Program.Log($"model loaded in {clock.Elapsed.TotalSeconds:F3} s (first load in the process, JIT included); managed heap +{(GC.GetTotalMemory(true) - before) / 1048576.0:F0} MB");
        if (path is not null)
        {
            clock.Restart();
            _ = SyntaxModel.Load(path);
            Program.Log($"loaded again in {clock.Elapsed.TotalSeconds:F3} s");
        }
        List<ConlluSentence> gold = ReadConllu(positional[0]);
        clock.Restart();
        Scores scores = Score(model.Analyzer, gold, options.GetValueOrDefault("pred"));
        Program.Log($"{gold.Count} sentences in {clock.Elapsed.TotalSeconds:F2} s");
        for (int r = 0, repeat = Program.Int(options, "repeat", 0); r < repeat; r++)
        {
            // Steady state, one thread: the words' hashes, then tagging alone, then tagging and parsing.
            int words = gold.Sum(s => s.Forms.Length);
            NerToken[][] analyzed = [.. gold.Select(s => Words(s.Forms))];
            var tags = new UniversalPos[gold.Max(s => s.Forms.Length)];
            clock.Restart();
            foreach (NerToken[] w in analyzed)
            {
                model.Analyzer.Model.Tagger.Tag(w, tags);
            }

            double tagSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            foreach (ConlluSentence s in gold)
            {
                model.Analyzer.Parse(s.Forms);
            }

            double allSeconds = clock.Elapsed.TotalSeconds;
            Program.Log($"tagger {words / tagSeconds / 1e6:F2} M words/s; hashes + tagger + parser {words / allSeconds / 1e3:F0} k words/s");
        }
        if (Program.Int(options, "repeat", 0) > 0)
        {
            // The parser alone, steady state, one thread: dev tagged by the model's tagger and hashed beforehand.
            DependencyParser parser = model.Analyzer.Model.Parser;
            var relationIndex = parser.Relations.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i, StringComparer.Ordinal);
            var prepared = TagWith(model.Analyzer.Model.Tagger, gold).Select(s => Prepare(s, relationIndex)).ToArray();
            int words = gold.Sum(s => s.Forms.Length);
            var state = new ParserState();
            var rates = new List<double>();
            for (int r = 0, repeat = Math.Max(3, Program.Int(options, "repeat", 0)); r <= repeat; r++)
            {
                clock.Restart();
                foreach ((ulong[] w, ulong[] suffixes, byte[] tags, _, _) in prepared)
                {
                    parser.Parse(state, w, suffixes, tags);
                }

                if (r > 0)
                {
                    rates.Add(words / clock.Elapsed.TotalSeconds);
                }
            }

            rates.Sort();
            Program.Log($"parser alone: median {rates[rates.Count / 2] / 1e3:F0} k words/s, best {rates[^1] / 1e3:F0}, worst {rates[0] / 1e3:F0} ({rates.Count} passes of {words} words after a warm-up pass)");
        }

        Console.WriteLine(scores.ToJson());
        return 0;
    }

    /// <summary>Prints the parse of each line of a text file (or standard input for "-"), one token a line.</summary>
    public static int ParseText(List<string> positional, Dictionary<string, string> options)
    {
        SyntaxModel model = options.TryGetValue("model", out string? path) ? SyntaxModel.Load(path) : SyntaxModel.Default;
        var pipeline = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.All, SyntaxModel = model, RecognizeEntities = false });
        string text = positional.Count == 0 || positional[0] == "-" ? Console.In.ReadToEnd() : File.ReadAllText(positional[0]);
        Analysis analysis = pipeline.Analyze(text);
        foreach (Sentence sentence in analysis.Sentences)
        {
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                TokenSyntax s = analysis.Syntax[t];
                string head = s.Head < 0 ? "ROOT" : analysis.Segments.GetText(analysis.Tokens[s.Head]).ToString();
                Console.WriteLine(Program.Invariant($"{t - sentence.FirstToken + 1,3} {analysis.Segments.GetText(analysis.Tokens[t]).ToString(),-16} {s.PosTag,-6} {(s.Head < 0 ? 0 : s.Head - sentence.FirstToken + 1),3} {s.Relation,-12} {head}"));
            }

            Console.WriteLine();
        }

        return 0;
    }

    /// <summary>The sentences of a CoNLL-U file (multi-word token ranges and empty nodes left out).</summary>
    public static List<ConlluSentence> ReadConllu(string path)
    {
        var sentences = new List<ConlluSentence>();
        var forms = new List<string>();
        var tags = new List<byte>();
        var heads = new List<int>();
        var rels = new List<string>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                if (forms.Count > 0)
                {
                    sentences.Add(new ConlluSentence([.. forms], [.. tags], [.. heads], [.. rels]));
                    forms.Clear();
                    tags.Clear();
                    heads.Clear();
                    rels.Clear();
                }

                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            string[] c = line.Split('\t');
            if (c.Length != 10)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not a CoNLL-U word line");
            }

            if (c[0].Contains('-', StringComparison.Ordinal) || c[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            forms.Add(c[1]);
            UniversalPos pos = UniversalPosTags.Parse(c[3]);
            tags.Add((byte)(pos == UniversalPos.None ? UniversalPos.X : pos));
            heads.Add(int.Parse(c[6], System.Globalization.CultureInfo.InvariantCulture) - 1);
            rels.Add(c[7]);
        }

        if (forms.Count > 0)
        {
            sentences.Add(new ConlluSentence([.. forms], [.. tags], [.. heads], [.. rels]));
        }

        return sentences;
    }

    private static readonly HashSet<string> ReportingVerbs = new(
        ["said", "says", "say", "told", "added", "wrote", "writes", "asked", "explained", "stated", "noted", "argued", "claimed", "insisted", "warned"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// "S, X said." as "S, said X.": the reporting verb moved before its subject, every arc kept. Null unless the
    /// sentence has a reporting verb whose subject's words stand right before it, after a comma or closing quote,
    /// and the verb is followed by the end, a comma or a full stop.
    /// </summary>
    internal static ConlluSentence? Invert(ConlluSentence s)
    {
        int n = s.Forms.Length;
        for (int v = 1; v < n; v++)
        {
            if (!ReportingVerbs.Contains(s.Forms[v]) || (v + 1 < n && s.Forms[v + 1] is not ("." or ",")))
            {
                continue;
            }

            int subject = Array.FindIndex(s.Heads, h => h == v);
            while (subject >= 0 && !(s.Heads[subject] == v && s.Relations[subject].StartsWith("nsubj", StringComparison.Ordinal)))
            {
                subject = Array.FindIndex(s.Heads, subject + 1, h => h == v);
            }

            if (subject < 0 || subject > v)
            {
                continue;
            }

            // The subject's subtree must be the words just before the verb.
            int start = subject, end = subject;
            for (int k = 0; k < n; k++)
            {
                if (Dominates(s.Heads, subject, k))
                {
                    start = Math.Min(start, k);
                    end = Math.Max(end, k);
                }
            }

            if (end != v - 1 || start == 0 || s.Forms[start - 1] is not ("," or "''" or "\"" or "”" or "’"))
            {
                continue;
            }

            int[] position = new int[n];
            for (int k = 0; k < n; k++)
            {
                position[k] = k < start || k > v ? k : k == v ? start : k + 1;
            }

            return Moved(s, position, n);
        }

        return null;
    }

    /// <summary>
    /// The sentence without each "that" that marks a verb's clausal complement (said that S → said S), every other
    /// arc kept; null when it has none.
    /// </summary>
    internal static ConlluSentence? DropThat(ConlluSentence s)
    {
        int n = s.Forms.Length;
        var drop = new bool[n];
        bool any = false;
        for (int k = 0; k < n; k++)
        {
            int h = s.Heads[k];
            if (!s.Forms[k].Equals("that", StringComparison.OrdinalIgnoreCase) || s.Relations[k] != "mark" || h < 0
                || s.Relations[h] != "ccomp" || s.Heads[h] < 0 || s.Tags[s.Heads[h]] != (byte)UniversalPos.Verb
                || Array.IndexOf(s.Heads, k) >= 0)
            {
                continue;
            }

            drop[k] = true;
            any = true;
        }

        if (!any)
        {
            return null;
        }

        int[] position = new int[n];
        int m = 0;
        for (int k = 0; k < n; k++)
        {
            position[k] = drop[k] ? -1 : m++;
        }

        return Moved(s, position, m);
    }

    /// <summary>The sentence with each word k at <paramref name="position"/>[k] (-1: left out) of <paramref name="length"/>, its arcs kept.</summary>
    private static ConlluSentence Moved(ConlluSentence s, int[] position, int length)
    {
        var forms = new string[length];
        var tags = new byte[length];
        var heads = new int[length];
        var relations = new string[length];
        for (int k = 0; k < s.Forms.Length; k++)
        {
            int p = position[k];
            if (p < 0)
            {
                continue;
            }

            forms[p] = s.Forms[k];
            tags[p] = s.Tags[k];
            heads[p] = s.Heads[k] < 0 ? -1 : position[s.Heads[k]];
            relations[p] = s.Relations[k];
        }

        return new ConlluSentence(forms, tags, heads, relations);
    }

    private static bool Dominates(int[] heads, int ancestor, int word)
    {
        for (int k = word, steps = 0; k >= 0 && steps <= heads.Length; k = heads[k], steps++)
        {
            if (k == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static NerToken[] Words(string[] forms)
    {
        var words = new NerToken[forms.Length];
        for (int i = 0; i < forms.Length; i++)
        {
            NerToken.Analyze(forms[i], ref words[i]);
        }

        return words;
    }

    /// <summary>
    /// Trains one tagger pass on <paramref name="train"/>; the second pass (<paramref name="firstTags"/> given) reads the
    /// first pass's tags of each sentence, which must come from taggers that did not see it.
    /// </summary>
    private static WeightTable TrainPass(List<ConlluSentence> train, NerToken[][] words, byte[][]? firstTags, int bits, int epochs, int seed)
    {
        var table = new AveragedTable(bits, UniversalPosTags.Count);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed);
        Span<ulong> features = stackalloc ulong[PosTagger.SecondFeatureCount];
        Span<ulong> used = firstTags is null ? features[..PosTagger.FeatureCount] : features;
        Span<float> scores = stackalloc float[table.Stride];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (int si in order)
            {
                ConlluSentence s = train[si];
                NerToken[] w = words[si];
                ReadOnlySpan<UniversalPos> first = firstTags is null ? default : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, UniversalPos>(firstTags[si]);
                int prev1 = PosTagger.Outside, prev2 = prev1;
                for (int i = 0; i < w.Length; i++)
                {
                    PosTagger.Features(w, i, prev1, prev2, features);
                    if (firstTags is not null)
                    {
                        PosTagger.RightFeatures(w, first, i, prev1, features);
                    }

                    table.Score(used, scores);
                    int best = ArgMax(scores[..UniversalPosTags.Count]);
                    int gold = s.Tags[i] - 1;
                    table.Tick();
                    if (best != gold)
                    {
                        table.Update(used, gold, 1f);
                        table.Update(used, best, -1f);
                    }

                    prev2 = prev1;
                    prev1 = best + 1;
                }
            }
        }

        return table.Averaged();
    }

    /// <summary>First-pass tags of every sentence from a tagger that did not see it, and the fold's first-pass tables.</summary>
    private static (byte[][] Tags, QuantizedTable[] Tables) JackknifeFirstPass(List<ConlluSentence> train, NerToken[][] words, int folds, int bits, int epochs, int seed)
    {
        var tags = new byte[train.Count][];
        var tables = new QuantizedTable[folds];
        Span<ulong> features = stackalloc ulong[PosTagger.FeatureCount];
        var scores = new short[QuantizedTable.StrideFor(UniversalPosTags.Count)];
        for (int f = 0; f < folds; f++)
        {
            int[] rest = [.. Enumerable.Range(0, train.Count).Where(i => i % folds != f)];
            tables[f] = TrainPass([.. rest.Select(i => train[i])], [.. rest.Select(i => words[i])], null, bits, epochs, seed + f + 1).Quantize();
            for (int i = f; i < train.Count; i += folds)
            {
                var t = new UniversalPos[words[i].Length];
                PosTagger.Pass(tables[f], words[i], t, default, features, scores);
                tags[i] = [.. t.Select(x => (byte)x)];
            }
        }

        return (tags, tables);
    }

    /// <summary>
    /// Trains the two-pass tagger (each pass the sum of <paramref name="mix"/> shuffles' models); with <paramref name="jackknifed"/>, also returns the training sentences with tags from
    /// two-pass taggers that did not see them, for the parser.
    /// </summary>
    private static (PosTagger Tagger, List<ConlluSentence> Jackknifed) TrainTagger(List<ConlluSentence> train, int bits, int epochs, int folds, int seed, int mix)
    {
        NerToken[][] words = [.. train.Select(s => Words(s.Forms))];
        (byte[][] firstTags, QuantizedTable[] foldFirst) = JackknifeFirstPass(train, words, folds, bits, epochs, seed);
        WeightTable first = TrainPass(train, words, null, bits, epochs, seed);
        WeightTable second = TrainPass(train, words, firstTags, bits, epochs, seed);
        for (int m = 1; m < mix; m++)
        {
            Add(first, TrainPass(train, words, null, bits, epochs, seed + (100 * m)));
            Add(second, TrainPass(train, words, firstTags, bits, epochs, seed + (100 * m)));
        }

        var tagger = new PosTagger(first.Quantize(), second.Quantize());
        var jackknifed = new ConlluSentence[train.Count];
        for (int f = 0; f < folds; f++)
        {
            int[] rest = [.. Enumerable.Range(0, train.Count).Where(i => i % folds != f)];
            WeightTable foldSecond = TrainPass([.. rest.Select(i => train[i])], [.. rest.Select(i => words[i])], [.. rest.Select(i => firstTags[i])], bits, epochs, seed + f + 1);
            var foldTagger = new PosTagger(foldFirst[f], foldSecond.Quantize());
            for (int i = f; i < train.Count; i += folds)
            {
                jackknifed[i] = train[i] with { Tags = Tag(foldTagger, train[i].Forms) };
            }
        }

        return (tagger, [.. jackknifed]);
    }

    private static byte[] Tag(PosTagger tagger, string[] forms)
    {
        var tags = new UniversalPos[forms.Length];
        tagger.Tag(Words(forms), tags);
        return [.. tags.Select(t => (byte)t)];
    }

    private static List<ConlluSentence> TagWith(PosTagger tagger, List<ConlluSentence> sentences) =>
        [.. sentences.Select(s => s with { Tags = Tag(tagger, s.Forms) })];

    private static double TagAccuracy(PosTagger tagger, List<ConlluSentence> gold)
    {
        long right = 0, total = 0;
        foreach (ConlluSentence s in gold)
        {
            byte[] tags = Tag(tagger, s.Forms);
            for (int i = 0; i < tags.Length; i++)
            {
                right += tags[i] == s.Tags[i] ? 1 : 0;
                total++;
            }
        }

        return right / (double)total;
    }

    private static (WeightTable Actions, WeightTable Labels) TrainParser(
        List<ConlluSentence> train, string[] relations, int actionBits, int labelBits, int epochs, int seed, float explore, List<ConlluSentence> devTagged, List<ConlluSentence> devGold)
    {
        var actions = new AveragedTable(actionBits, 3);
        var labels = new AveragedTable(labelBits, relations.Length);
        var relationIndex = relations.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i, StringComparer.Ordinal);
        int rootLabel = relationIndex["root"];
        var prepared = train.Select(s => Prepare(s, relationIndex)).ToArray();
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed);
        var state = new ParserState();
        Span<ulong> af = stackalloc ulong[ParserFeatures.ActionCount];
        Span<ulong> lf = stackalloc ulong[ParserFeatures.LabelCount];
        Span<float> scores = stackalloc float[Math.Max(actions.Stride, labels.Stride)];
        Span<int> costs = stackalloc int[3];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            long steps = 0, actionErrors = 0, arcs = 0, labelErrors = 0;
            foreach (int si in order)
            {
                (ulong[] words, ulong[] suffixes, byte[] tags, int[] goldHeads, int[] goldLabels) = prepared[si];
                int n = goldHeads.Length;
                state.Reset(n);
                while (!state.IsTerminal)
                {
                    ParserFeatures.Action(state, words, suffixes, tags, af);
                    actions.Score(af, scores);
                    Costs(state, goldHeads, costs);
                    ParserAction predicted = Best(state, scores);
                    int minCost = int.MaxValue;
                    for (int a = 0; a < 3; a++)
                    {
                        if (state.IsValid((ParserAction)a))
                        {
                            minCost = Math.Min(minCost, costs[a]);
                        }
                    }

                    ParserAction gold = predicted;
                    float goldScore = float.NegativeInfinity;
                    for (int a = 0; a < 3; a++)
                    {
                        if (state.IsValid((ParserAction)a) && costs[a] == minCost && scores[a] > goldScore)
                        {
                            gold = (ParserAction)a;
                            goldScore = scores[a];
                        }
                    }

                    actions.Tick();
                    steps++;
                    if (costs[(int)predicted] != minCost)
                    {
                        actions.Update(af, (int)gold, 1f);
                        actions.Update(af, (int)predicted, -1f);
                        actionErrors++;
                    }

                    // Explore: from the second epoch on, follow the model's own choice (by default 90% of the time).
                    ParserAction next = epoch > 0 && random.NextDouble() < explore ? predicted : gold;
                    int label = 0;
                    if (next != ParserAction.Shift)
                    {
                        (int head, int dependent) = state.ArcOf(next);
                        if (head == n)
                        {
                            label = rootLabel;
                        }
                        else
                        {
                            ParserFeatures.Label(state, head, dependent, words, suffixes, tags, lf);
                            labels.Score(lf, scores);
                            label = BestLabel(scores, relations.Length, rootLabel);
                            if (goldHeads[dependent] == head)
                            {
                                labels.Tick();
                                arcs++;
                                if (label != goldLabels[dependent])
                                {
                                    labels.Update(lf, goldLabels[dependent], 1f);
                                    labels.Update(lf, label, -1f);
                                    labelErrors++;
                                    label = goldLabels[dependent];
                                }
                            }
                        }
                    }

                    state.Apply(next, label);
                }
            }

            var parser = new DependencyParser(actions.Averaged().Quantize(), labels.Averaged().Quantize(), relations);
            Scores dev = ScorePretagged(parser, devTagged, devGold);
            Scores devGoldTags = ScorePretagged(parser, devGold, devGold);
            Program.Log($"  parser epoch {epoch + 1}: action errors {actionErrors / (double)steps:F4}, label errors {labelErrors / (double)Math.Max(1, arcs):F4}; dev UAS {dev.Uas:F4} LAS {dev.Las:F4} (gold tags: UAS {devGoldTags.Uas:F4} LAS {devGoldTags.Las:F4})");
        }

        return (actions.Averaged(), labels.Averaged());
    }

    /// <summary>The valid action with the highest float score, as <see cref="DependencyParser.Best"/> picks it.</summary>
    private static ParserAction Best(ParserState state, ReadOnlySpan<float> scores)
    {
        ParserAction best = ParserAction.Shift;
        float bestScore = float.NegativeInfinity;
        bool found = false;
        for (int a = 0; a < 3; a++)
        {
            if (state.IsValid((ParserAction)a) && (!found || scores[a] > bestScore))
            {
                best = (ParserAction)a;
                bestScore = scores[a];
                found = true;
            }
        }

        return best;
    }

    private static int BestLabel(ReadOnlySpan<float> scores, int count, int rootLabel)
    {
        int best = rootLabel == 0 ? 1 : 0;
        for (int c = best + 1; c < count; c++)
        {
            if (c != rootLabel && scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }

    private static (ulong[] Words, ulong[] Suffixes, byte[] Tags, int[] Heads, int[] Labels) Prepare(ConlluSentence s, Dictionary<string, int> relationIndex)
    {
        int n = s.Forms.Length;
        var words = new ulong[n + 1];
        var suffixes = new ulong[n + 1];
        var tags = new byte[n + 1];
        NerToken[] analyzed = Words(s.Forms);
        for (int i = 0; i < n; i++)
        {
            words[i] = analyzed[i].Lower;
            suffixes[i] = analyzed[i].Suffix3;
            tags[i] = s.Tags[i];
        }

        words[n] = ParserFeatures.RootWord;
        suffixes[n] = ParserFeatures.RootWord;
        tags[n] = ParserFeatures.RootTag;
        int[] heads = [.. s.Heads.Select(h => h < 0 ? n : h)];
        int[] labels = [.. s.Relations.Select(r => relationIndex.GetValueOrDefault(r))];
        return (words, suffixes, tags, heads, labels);
    }

    /// <summary>
    /// The arc-hybrid dynamic oracle: how many gold arcs each action makes unreachable (Goldberg &amp; Nivre 2013),
    /// with the root as the last buffer word. Gold heads are word indices, n for the root.
    /// </summary>
    private static void Costs(ParserState state, int[] gold, Span<int> costs)
    {
        int s0 = state.Stack(0), s1 = state.Stack(1), b0 = state.Buffer;
        int n = state.Length;
        costs.Clear();
        if (state.CanShift)
        {
            // b0 pushed: it can no longer take a head or dependents from the stack below s0.
            int c = 0;
            for (int d = 0; d < state.StackCount; d++)
            {
                int k = state.Stack(d);
                if (gold[k] == b0)
                {
                    c++;
                }

                if (d > 0 && gold[b0] == k)
                {
                    c++;
                }
            }

            costs[0] = c;
        }

        if (s0 >= 0)
        {
            // s0 popped: its dependents still in the buffer are lost.
            int lostChildren = 0;
            for (int k = b0; k < n; k++)
            {
                if (gold[k] == s0)
                {
                    lostChildren++;
                }
            }

            int h = gold[s0];
            costs[1] = lostChildren + (h != b0 && (h == s1 || h > b0) ? 1 : 0);
            costs[2] = lostChildren + (h >= b0 ? 1 : 0);
        }
    }

    private static void Add(WeightTable sum, WeightTable other)
    {
        for (int i = 0; i < sum.Weights.Length; i++)
        {
            sum.Weights[i] += other.Weights[i];
        }
    }

    private static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>Parser accuracy on sentences whose tags are given (the tagger's), against the gold trees.</summary>
    private static Scores ScorePretagged(DependencyParser parser, List<ConlluSentence> tagged, List<ConlluSentence> gold)
    {
        var relationIndex = parser.Relations.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i, StringComparer.Ordinal);
        var scores = new Scores();
        var state = new ParserState();
        for (int i = 0; i < tagged.Count; i++)
        {
            ConlluSentence t = tagged[i];
            int n = t.Forms.Length;
            (ulong[] words, ulong[] suffixes, byte[] tags, _, _) = Prepare(t, relationIndex);
            parser.Parse(state, words, suffixes, tags);
            for (int k = 0; k < n; k++)
            {
                int head = state.Heads[k] == n ? -1 : state.Heads[k];
                scores.Add(gold[i], k, t.Tags[k], head, parser.Relations[state.Labels[k]]);
            }
        }

        return scores;
    }

    /// <summary>The whole model on gold words, as score_conllu.py scores it; writes the prediction when <paramref name="predPath"/> is given.</summary>
    private static Scores Score(SyntaxAnalyzer analyzer, List<ConlluSentence> gold, string? predPath = null)
    {
        var scores = new Scores();
        StreamWriter? writer = predPath is null ? null : new StreamWriter(predPath, false, new UTF8Encoding(false));
        try
        {
            foreach (ConlluSentence s in gold)
            {
                TokenSyntax[] parse = analyzer.Parse(s.Forms);
                for (int k = 0; k < parse.Length; k++)
                {
                    scores.Add(s, k, (byte)parse[k].Pos, parse[k].Head, parse[k].Relation!);
                    writer?.Write(Program.Invariant($"{k + 1}\t{s.Forms[k]}\t_\t{parse[k].PosTag}\t_\t_\t{parse[k].Head + 1}\t{parse[k].Relation}\t_\t_\n"));
                }

                writer?.Write('\n');
            }
        }
        finally
        {
            writer?.Dispose();
        }

        return scores;
    }

    /// <summary>UPOS, UAS, LAS (universal relation) and LAS with subtypes, and recall per universal relation.</summary>
    private sealed class Scores
    {
        private readonly SortedDictionary<string, (int Gold, int Right)> _relations = new(StringComparer.Ordinal);
        private long _words, _upos, _uas, _las, _lasFull;

        public double Upos => _upos / (double)_words;

        public double Uas => _uas / (double)_words;

        public double Las => _las / (double)_words;

        public void Add(ConlluSentence gold, int k, byte tag, int head, string relation)
        {
            _words++;
            _upos += tag == gold.Tags[k] ? 1 : 0;
            bool headOk = head == gold.Heads[k];
            string g = Universal(gold.Relations[k]);
            bool labelOk = headOk && g == Universal(relation);
            _uas += headOk ? 1 : 0;
            _las += labelOk ? 1 : 0;
            _lasFull += headOk && gold.Relations[k] == relation ? 1 : 0;
            (int Gold, int Right) r = _relations.GetValueOrDefault(g);
            _relations[g] = (r.Gold + 1, r.Right + (labelOk ? 1 : 0));
        }

        private static string Universal(string relation)
        {
            int colon = relation.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? relation : relation[..colon];
        }

        public string ToJson()
        {
            string[] keep = ["nsubj", "obj", "iobj", "ccomp", "xcomp", "parataxis", "appos", "conj", "obl", "nmod", "flat", "compound", "root"];
            string rel = string.Join(", ", keep.Where(_relations.ContainsKey).Select(k => Program.Invariant($"\"{k}\": {_relations[k].Right / (double)_relations[k].Gold:F4}")));
            return Program.Invariant($"{{\"words\": {_words}, \"upos\": {Upos:F4}, \"uas\": {Uas:F4}, \"las\": {Las:F4}, \"las_full\": {_lasFull / (double)_words:F4}, \"per_relation\": {{{rel}}}}}");
        }
    }
}

/// <summary>
/// An averaged perceptron's weights over hashed features, laid out like <see cref="WeightTable"/>, averaged lazily:
/// each weight keeps the step it last changed at and the sum of its past values.
/// </summary>
internal sealed class AveragedTable
{
    private readonly float[] _weights;
    private readonly double[] _totals;
    private readonly int[] _stamps;
    private int _time;

    public AveragedTable(int bits, int classes)
    {
        Bits = bits;
        Classes = classes;
        Stride = WeightTable.StrideFor(classes);
        int size = (1 << bits) * Stride;
        _weights = new float[size];
        _totals = new double[size];
        _stamps = new int[size];
        Current = new WeightTable(bits, classes, _weights);
    }

    public int Bits { get; }

    public int Classes { get; }

    public int Stride { get; }

    /// <summary>The current (not averaged) weights, for scoring during training.</summary>
    public WeightTable Current { get; }

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores) => Current.Score(features, scores);

    /// <summary>One training example has been seen.</summary>
    public void Tick() => _time++;

    public void Update(ReadOnlySpan<ulong> features, int cls, float delta)
    {
        foreach (ulong f in features)
        {
            int i = Current.Row(f) + cls;
            _totals[i] += (double)(_time - _stamps[i]) * _weights[i];
            _stamps[i] = _time;
            _weights[i] += delta;
        }
    }

    public WeightTable Averaged()
    {
        var averaged = new float[_weights.Length];
        double time = Math.Max(1, _time);
        for (int i = 0; i < averaged.Length; i++)
        {
            averaged[i] = (float)((_totals[i] + ((time - _stamps[i]) * _weights[i])) / time);
        }

        return new WeightTable(Bits, Classes, averaged);
    }
}
