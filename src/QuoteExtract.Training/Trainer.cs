using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using QuoteExtract.Entities;
using QuoteExtract.Models;
using QuoteExtract.Syntax;

namespace QuoteExtract.Training;

/// <summary>Hyper-parameters of a training run.</summary>
internal sealed record TrainOptions
{
    public LabelScheme Scheme { get; init; } = LabelScheme.Bilou;

    public int Stages { get; init; } = 2;

    public int Folds { get; init; } = 4;

    public int Bits { get; init; } = 20;

    public int FoldBits { get; init; } = 18;

    public float L1 { get; init; }

    public float L2 { get; init; } = 1f;

    public int Iterations { get; init; } = 300;

    /// <summary>L-BFGS iterations of the jack-knife fold models (their labels only feed stage 2); <see cref="Iterations"/> when 0.</summary>
    public int FoldIterations { get; init; }

    public float Tolerance { get; init; } = 1e-6f;

    public int Threads { get; init; } = 1;

    public int Seed { get; init; } = 1;

    /// <summary>Example weight per corpus name (1 when absent).</summary>
    public IReadOnlyDictionary<string, float> CorpusWeights { get; init; } = new Dictionary<string, float>();
}

/// <summary>One training example: a label index (0-based) and a sparse hashed feature vector.</summary>
internal sealed class Example
{
    public uint Label { get; set; }

    public float Weight { get; set; }

    public VBuffer<float> Features { get; set; }
}

/// <summary>
/// Trains the tagger with ML.NET's L-BFGS maximum entropy trainer over hashed sparse features computed by
/// the library's <see cref="NerFeatures"/>, then exports the weights into a <see cref="NerModel"/>.
/// Two stages: stage 1 on local features; stage 2 also on stage 1's labels (jack-knifed over folds of
/// the training data so that they are as noisy as at run time) and its document memory.
/// </summary>
internal sealed class Trainer
{
    private readonly TrainOptions _options;
    private readonly NerLabels _labels;
    private readonly Gazetteer _gazetteer;
    private readonly Action<string> _log;

    public Trainer(TrainOptions options, Gazetteer gazetteer, Action<string> log)
    {
        _options = options;
        _labels = NerLabels.Create(options.Scheme);
        _gazetteer = gazetteer;
        _log = log;
    }

    public NerModel Train(IReadOnlyList<IobDocument> docs, string description)
    {
        var clock = Stopwatch.StartNew();
        var gold = docs.Select(d => d.Labels(_labels)).ToArray();

        // The syntax stage as the library runs it: every token tagged for both stages; the parse, for stage 2, after stage 1's names.
        SyntaxAnalyzer syntax = SyntaxModel.Default.Analyzer;
        var tags = docs.Select(d => syntax.Tag(d.Text, d.Tokens, d.Sentences, CancellationToken.None)).ToArray();
        _log(Invariant($"tagged {docs.Sum(d => d.Tokens.Length):N0} tokens ({clock.Elapsed.TotalSeconds:F0} s)"));
        FeatureStore stage1 = FeatureStore.Build(docs, _gazetteer, null, _labels.Count, tags, null);
        _log(Invariant($"stage 1 features: {stage1.TokenCount:N0} tokens, {stage1.FeatureCount:N0} feature occurrences ({clock.Elapsed.TotalSeconds:F0} s)"));

        NerStage first = TrainStage(stage1, gold, _options.Bits, _ => true, "stage 1");
        if (_options.Stages == 1)
        {
            return new NerModel(_options.Scheme, _gazetteer, [first], description);
        }

        // Jack-knifed stage-1 labels: each block of sentences is tagged by a model that did not see it.
        int[][] folds = AssignFolds(docs);
        var predicted = docs.Select(d => new byte[d.Tokens.Length]).ToArray();
        for (int f = 0; f < _options.Folds; f++)
        {
            int fold = f;
            NerStage foldStage = TrainStage(stage1, gold, _options.FoldBits, token => folds[token.Doc][token.Index] != fold, Invariant($"fold {fold + 1}/{_options.Folds}"), _options.FoldIterations > 0 ? _options.FoldIterations : _options.Iterations);
            var tagger = new NerTagger(new NerModel(_options.Scheme, _gazetteer, [foldStage], "fold"));
            for (int d = 0; d < docs.Count; d++)
            {
                if (!folds[d].Contains(fold))
                {
                    continue;
                }

                IobDocument doc = docs[d];
                var labels = new byte[doc.Tokens.Length];
                var probabilities = new float[doc.Tokens.Length];
                tagger.Tag(doc.Text, doc.Tokens, doc.Sentences, new NerSyntaxInput(tags[d], null), labels, probabilities);
                for (int i = 0; i < labels.Length; i++)
                {
                    if (folds[d][i] == fold)
                    {
                        predicted[d][i] = labels[i];
                    }
                }
            }
        }

        long agree = 0, total = 0;
        for (int d = 0; d < docs.Count; d++)
        {
            for (int i = 0; i < gold[d].Length; i++)
            {
                agree += gold[d][i] == predicted[d][i] ? 1 : 0;
                total++;
            }
        }

        _log(Invariant($"jack-knifed stage-1 token accuracy {(double)agree / total:P2} ({clock.Elapsed.TotalSeconds:F0} s)"));
        var parses = new TokenSyntax[docs.Count][];
        for (int d = 0; d < docs.Count; d++)
        {
            IobDocument doc = docs[d];
            parses[d] = syntax.Parse(doc.Text, doc.Tokens, doc.Sentences, (UniversalPos[])tags[d].Clone(), SyntaxScope.Attribution, EntityRecognizer.CapitalisedNameWords(doc.Tokens, predicted[d]), CancellationToken.None);
        }

        _log(Invariant($"parsed after the jack-knifed names ({clock.Elapsed.TotalSeconds:F0} s)"));
        FeatureStore stage2 = FeatureStore.Build(docs, _gazetteer, predicted, _labels.Count, tags, parses);
        NerStage second = TrainStage(stage2, gold, _options.Bits, _ => true, "stage 2");
        return new NerModel(_options.Scheme, _gazetteer, [first, second], description);
    }

    private int[][] AssignFolds(IReadOnlyList<IobDocument> docs)
    {
        // Whole documents rotate through the folds; a long document (a corpus without -DOCSTART-) is cut into blocks of 50 sentences.
        var folds = new int[docs.Count][];
        int next = 0;
        for (int d = 0; d < docs.Count; d++)
        {
            IobDocument doc = docs[d];
            folds[d] = new int[doc.Tokens.Length];
            bool split = doc.Tokens.Length > 3000;
            int fold = next++ % _options.Folds;
            for (int s = 0; s < doc.Sentences.Length; s++)
            {
                if (split && s % 50 == 0)
                {
                    fold = next++ % _options.Folds;
                }

                Sentence sentence = doc.Sentences[s];
                Array.Fill(folds[d], fold, sentence.FirstToken, sentence.TokenCount);
            }
        }

        return folds;
    }

    private NerStage TrainStage(FeatureStore store, byte[][] gold, int bits, Func<(int Doc, int Index), bool> include, string name, int iterations = 0)
    {
        var clock = Stopwatch.StartNew();
        int dimension = 1 << bits;
        int k = _labels.Count;
        var ml = new MLContext(_options.Seed);
        SchemaDefinition schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        schema[nameof(Example.Label)].ColumnType = new KeyDataViewType(typeof(uint), k);
        IDataView data = ml.Data.LoadFromEnumerable(store.Examples(gold, bits, include, _options.CorpusWeights), schema);
        data = ml.Data.Cache(data);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Example.Label),
            FeatureColumnName = nameof(Example.Features),
            ExampleWeightColumnName = nameof(Example.Weight),
            L1Regularization = _options.L1,
            L2Regularization = _options.L2,
            OptimizationTolerance = _options.Tolerance,
            MaximumNumberOfIterations = iterations > 0 ? iterations : _options.Iterations,
            HistorySize = 20,
            NumberOfThreads = _options.Threads,
            ShowTrainingStatistics = false,
        });
        MulticlassPredictionTransformer<MaximumEntropyModelParameters> model = trainer.Fit(data);
        VBuffer<float>[] weights = [];
        model.Model.GetWeights(ref weights, out int classes);
        if (classes != k)
        {
            throw new InvalidOperationException($"{name}: the trainer returned {classes} classes, expected {k}.");
        }

        float[] bias = model.Model.GetBiases().ToArray();
        var dense = new float[k][];
        for (int c = 0; c < k; c++)
        {
            dense[c] = new float[dimension];
            weights[c].CopyTo(dense[c]);
        }

        NerStage stage = NerStage.FromClassWeights(bits, dense, bias);
        _log(Invariant($"{name}: trained 2^{bits} x {k} in {clock.Elapsed.TotalSeconds:F0} s; training token accuracy {store.Accuracy(stage, gold, include):P2}"));
        return stage;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The feature hashes of every token of a corpus, computed once.</summary>
internal sealed class FeatureStore
{
    private readonly List<ulong> _features = [];
    private readonly List<int> _offsets = [0];
    private readonly List<(int Doc, int Index)> _tokens = [];
    private readonly List<string> _corpus = [];

    public int TokenCount => _tokens.Count;

    public long FeatureCount => _features.Count;

    public static FeatureStore Build(IReadOnlyList<IobDocument> docs, Gazetteer gazetteer, byte[][]? previous, int labelCount, UniversalPos[][] tags, TokenSyntax[][]? parses)
    {
        var store = new FeatureStore();
        var features = new NerFeatures();
        var buffer = new ulong[NerFeatures.MaxFeatures];
        for (int d = 0; d < docs.Count; d++)
        {
            IobDocument doc = docs[d];
            store._corpus.Add(doc.Corpus);
            features.Load(doc.Text, doc.Tokens, doc.Sentences, gazetteer);
            features.LoadTags(tags[d]);
            features.LoadParse(doc.Text, doc.Tokens, doc.Sentences, parses is null ? [] : parses[d]);
            ReadOnlySpan<byte> prev = previous is null ? [] : previous[d];
            if (previous is not null)
            {
                features.BuildMemory(prev, labelCount);
            }

            foreach (Sentence s in doc.Sentences)
            {
                for (int i = s.FirstToken; i < s.EndToken; i++)
                {
                    int n = features.Extract(i, s.FirstToken, s.EndToken, prev, buffer);
                    for (int j = 0; j < n; j++)
                    {
                        store._features.Add(buffer[j]);
                    }

                    store._offsets.Add(store._features.Count);
                    store._tokens.Add((d, i));
                }
            }
        }

        return store;
    }

    public IEnumerable<Example> Examples(byte[][] gold, int bits, Func<(int Doc, int Index), bool> include, IReadOnlyDictionary<string, float> corpusWeights)
    {
        int dimension = 1 << bits;
        var indices = new List<int>(NerFeatures.MaxFeatures);
        for (int t = 0; t < _tokens.Count; t++)
        {
            (int doc, int index) = _tokens[t];
            if (!include((doc, index)))
            {
                continue;
            }

            indices.Clear();
            for (int j = _offsets[t]; j < _offsets[t + 1]; j++)
            {
                indices.Add(NerHash.Bucket(_features[j], bits));
            }

            indices.Sort();
            var idx = new List<int>(indices.Count);
            var val = new List<float>(indices.Count);
            foreach (int i in indices)
            {
                if (idx.Count > 0 && idx[^1] == i)
                {
                    val[^1] += 1f; // a collision inside one token counts twice, as at run time
                }
                else
                {
                    idx.Add(i);
                    val.Add(1f);
                }
            }

            yield return new Example
            {
                Label = gold[doc][index], // LoadFromEnumerable reads a key column as a 0-based index
                Weight = corpusWeights.TryGetValue(_corpus[doc], out float w) ? w : 1f,
                Features = new VBuffer<float>(dimension, idx.Count, val.ToArray(), idx.ToArray()),
            };
        }
    }

    /// <summary>Token accuracy of a stage's arg-max (no decoding) on the included tokens: a check of the weight export.</summary>
    public double Accuracy(NerStage stage, byte[][] gold, Func<(int Doc, int Index), bool> include)
    {
        int k = stage.LabelCount;
        var scores = new float[k];
        long right = 0, total = 0;
        for (int t = 0; t < _tokens.Count; t++)
        {
            (int doc, int index) = _tokens[t];
            if (!include((doc, index)))
            {
                continue;
            }

            NerTagger.Score(stage, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_features)[_offsets[t].._offsets[t + 1]], scores);
            int best = 0;
            for (int c = 1; c < k; c++)
            {
                if (scores[c] > scores[best])
                {
                    best = c;
                }
            }

            right += best == gold[doc][index] ? 1 : 0;
            total++;
        }

        return total == 0 ? 0 : (double)right / total;
    }
}
