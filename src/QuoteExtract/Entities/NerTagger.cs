using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Threading;
using QuoteExtract.Models;

namespace QuoteExtract.Entities;

/// <summary>
/// Tags a document's tokens with a <see cref="NerModel"/>: hashed features, linear scores, Viterbi
/// decoding under the scheme's transition constraints (no I- after O), then — for a two-stage model —
/// a second pass that also sees the first pass's labels and its document memory. Thread-safe: the model
/// is read-only and each thread keeps its own scratch buffers.
/// </summary>
internal sealed class NerTagger
{
    /// <summary>Parses a document once stage 1 has labelled it (label 0 = O), its names correcting the parts of speech.</summary>
    internal delegate TokenSyntax[] ParseAfterStageOne(ReadOnlySpan<byte> stageOneLabels);

    /// <summary>
    /// A thread keeps its workspace for the next document only when the document had at most this many tokens (about
    /// 350,000 characters of news): the buffers of one very long document are not left with the thread.
    /// </summary>
    internal const int RetainedTokens = 1 << 16;

    /// <summary>The most stage-1 features kept for stage 2 in one document (32 MB); the features of the tokens past it are computed again.</summary>
    internal const int MaxKeptFeatures = 1 << 22;

    [ThreadStatic]
    private static Workspace? t_workspace;

    public NerTagger(NerModel model)
    {
        Model = model;
    }

    public NerModel Model { get; }

    /// <summary>Tags a document.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="sentences">Its sentences.</param>
    /// <param name="syntax">The document's parts of speech, and how to parse it once stage 1 has found its names.</param>
    /// <param name="labels">Receives a label index per token (0 = O).</param>
    /// <param name="probabilities">Receives the model's probability of each entity token's label (0 for O tokens).</param>
    /// <param name="cancellationToken">Checked between sentences.</param>
    public void Tag(
        ReadOnlySpan<char> text,
        ReadOnlySpan<Token> tokens,
        ReadOnlySpan<Sentence> sentences,
        NerSyntaxInput syntax,
        Span<byte> labels,
        Span<float> probabilities,
        CancellationToken cancellationToken = default) =>
        Tag(text, tokens, sentences, syntax, labels, probabilities, MaxKeptFeatures, cancellationToken);

    /// <summary>Tags a document, keeping at most <paramref name="maxKeptFeatures"/> stage-1 features for stage 2 (tests set it low).</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="sentences">Its sentences.</param>
    /// <param name="syntax">The document's parts of speech, and how to parse it once stage 1 has found its names.</param>
    /// <param name="labels">Receives a label index per token (0 = O).</param>
    /// <param name="probabilities">Receives the model's probability of each entity token's label (0 for O tokens).</param>
    /// <param name="maxKeptFeatures">The budget, up to <see cref="MaxKeptFeatures"/>; the features of tokens past it are computed again.</param>
    /// <param name="cancellationToken">Checked between sentences.</param>
    internal void Tag(
        ReadOnlySpan<char> text,
        ReadOnlySpan<Token> tokens,
        ReadOnlySpan<Sentence> sentences,
        NerSyntaxInput syntax,
        Span<byte> labels,
        Span<float> probabilities,
        int maxKeptFeatures,
        CancellationToken cancellationToken)
    {
        Workspace ws = t_workspace ??= new Workspace();
        int n = tokens.Length;
        int k = Model.Labels.Count;
        int longest = 0;
        foreach (Sentence s in sentences)
        {
            longest = Math.Max(longest, s.TokenCount);
        }

        try
        {
            ws.KeepLimit = Math.Clamp(maxKeptFeatures, 0, MaxKeptFeatures);
            ws.Ensure(n, Math.Min(longest, n), k);
            labels[..n].Clear();
            probabilities[..n].Clear();
            ws.Features.Load(text, tokens, sentences, Model.Gazetteer);
            ws.Features.LoadTags(syntax.Tags);
            NerStage[] stages = Model.Stages;
            Span<byte> first = ws.FirstLabels.AsSpan(0, n);
            RunStage(ws, stages[0], sentences, [], stages.Length == 1 ? labels : first, probabilities, cancellationToken);
            if (stages.Length == 2)
            {
                ws.Features.BuildMemory(first, k);
                ReadOnlySpan<TokenSyntax> parse = syntax.Parse is null ? [] : syntax.Parse(first);
                ws.Features.LoadParse(text, tokens, sentences, parse);
                RunStage(ws, stages[1], sentences, first, labels, probabilities, cancellationToken);
            }
        }
        finally
        {
            if (n > RetainedTokens)
            {
                t_workspace = null; // sized for this long document: let it go
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunStage(
        Workspace ws,
        NerStage stage,
        ReadOnlySpan<Sentence> sentences,
        ReadOnlySpan<byte> previous,
        Span<byte> labels,
        Span<float> probabilities,
        CancellationToken cancellationToken)
    {
        // Stage 1 computes each token's local features and keeps them; stage 2 reuses them and adds its own.
        bool second = !previous.IsEmpty;
        int k = stage.LabelCount;
        Span<ulong> features = ws.FeatureBuffer;
        Span<float> scores = ws.Scores;
        int count = ws.Features.Count;
        if (!second)
        {
            ws.LocalCount = 0;
            ws.KeptBefore = int.MaxValue;
        }

        for (int si = 0; si < sentences.Length; si++)
        {
            if ((si & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int s0 = sentences[si].FirstToken;
            int s1 = Math.Min(sentences[si].EndToken, count);
            if (s1 <= s0)
            {
                continue;
            }

            for (int i = s0; i < s1; i++)
            {
                Span<float> tokenScores = scores.Slice((i - s0) * k, k);
                if (!second)
                {
                    int nf = ws.Features.Extract(i, s0, s1, [], features);
                    ws.Keep(i, features[..nf]);
                    Score(stage, features[..nf], tokenScores);
                }
                else
                {
                    // Stage 2's own features, then stage 1's: kept from stage 1, or computed again the same way.
                    int nf = ws.Features.ExtractStageTwo(i, s0, s1, previous, features);
                    int total;
                    if (i < ws.KeptBefore)
                    {
                        ReadOnlySpan<ulong> local = ws.Local(i);
                        local.CopyTo(features[nf..]);
                        total = nf + local.Length;
                    }
                    else
                    {
                        total = nf + ws.Features.Extract(i, s0, s1, [], features[nf..]);
                    }

                    Score(stage, features[..total], tokenScores);
                }
            }

            Decode(scores[..((s1 - s0) * k)], k, ws, labels[s0..s1], probabilities[s0..s1]);
        }
    }

    /// <summary>Adds the bias and the weight rows of the features into <paramref name="scores"/> (length = labels).</summary>
    /// <remarks>
    /// Sums are 16-bit: at most <see cref="NerFeatures.MaxFeatures"/> weights of at most 128 units each. Most of
    /// the tagger's time is these reads, one cache line per feature in a table of megabytes.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Score(NerStage stage, ReadOnlySpan<ulong> features, Span<float> scores)
    {
        int shift = 64 - stage.Bits;
        int stride = stage.Stride;
        ref sbyte w = ref MemoryMarshal.GetArrayDataReference(stage.Weights);
        Span<short> sums = stackalloc short[Math.Max(16, stride)];
        if (stride == 8)
        {
            Vector128<short> a = default;
            foreach (ulong f in features)
            {
                long row = Unsafe.ReadUnaligned<long>(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref w, (nint)(f >> shift) * 8)));
                a += Vector128.WidenLower(Vector128.CreateScalarUnsafe(row).AsSByte());
            }

            a.CopyTo(sums);
        }
        else if (stride == 16)
        {
            Vector128<short> a0 = default, a1 = default;
            foreach (ulong f in features)
            {
                (Vector128<short> lo, Vector128<short> hi) = Vector128.Widen(Vector128.LoadUnsafe(ref w, (nuint)(f >> shift) * 16));
                a0 += lo;
                a1 += hi;
            }

            a0.CopyTo(sums);
            a1.CopyTo(sums[8..]);
        }
        else
        {
            sums.Clear();
            foreach (ulong f in features)
            {
                int row = (int)(f >> shift) * stride;
                for (int c = 0; c < stride; c++)
                {
                    sums[c] += Unsafe.Add(ref w, row + c);
                }
            }
        }

        float scale = stage.Scale;
        float[] bias = stage.Bias;
        scores[0] = 0;
        for (int c = 1; c < scores.Length; c++)
        {
            scores[c] = (sums[c - 1] * scale) + bias[c];
        }
    }

    /// <summary>Viterbi over one sentence's scores under the allowed transitions; then each token's probability.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Decode(ReadOnlySpan<float> scores, int k, Workspace ws, Span<byte> labels, Span<float> probabilities)
    {
        NerLabels set = Model.Labels;
        int n = labels.Length;
        Span<float> prev = ws.Delta.AsSpan(0, k);
        Span<float> cur = ws.Delta.AsSpan(k, k);
        Span<byte> back = ws.Back.AsSpan(0, n * k);
        for (int j = 0; j < k; j++)
        {
            prev[j] = set.CanStart[j] ? scores[j] : float.NegativeInfinity;
        }

        for (int t = 1; t < n; t++)
        {
            ReadOnlySpan<float> s = scores.Slice(t * k, k);
            for (int j = 0; j < k; j++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                foreach (int p in set.Predecessors(j))
                {
                    if (prev[p] > best)
                    {
                        best = prev[p];
                        arg = p;
                    }
                }

                cur[j] = best + s[j];
                back[t * k + j] = (byte)arg;
            }

            Span<float> swap = prev;
            prev = cur;
            cur = swap;
        }

        int last = 0;
        float top = float.NegativeInfinity;
        for (int j = 0; j < k; j++)
        {
            if (set.CanEnd[j] && prev[j] > top)
            {
                top = prev[j];
                last = j;
            }
        }

        for (int t = n - 1; t >= 0; t--)
        {
            labels[t] = (byte)last;
            last = back[t * k + last];
        }

        for (int t = 0; t < n; t++)
        {
            if (labels[t] == 0)
            {
                probabilities[t] = 0; // only entity tokens need a confidence
                continue;
            }

            ReadOnlySpan<float> s = scores.Slice(t * k, k);
            float max = float.NegativeInfinity;
            foreach (float v in s)
            {
                max = Math.Max(max, v);
            }

            float sum = 0;
            foreach (float v in s)
            {
                sum += MathF.Exp(v - max);
            }

            probabilities[t] = MathF.Exp(s[labels[t]] - max) / sum;
        }
    }

    private sealed class Workspace
    {
        public NerFeatures Features { get; } = new();

        public ulong[] FeatureBuffer { get; } = new ulong[NerFeatures.MaxFeatures];

        public float[] Scores { get; private set; } = new float[4096];

        public byte[] Back { get; private set; } = new byte[4096];

        public float[] Delta { get; private set; } = new float[128];

        public byte[] FirstLabels { get; private set; } = new byte[1024];

        /// <summary>Stage 1's features of every token, for stage 2: token i's are LocalFeatures[LocalStart[i]..LocalStart[i + 1]].</summary>
        public ulong[] LocalFeatures { get; private set; } = new ulong[32 * 1024];

        public int[] LocalStart { get; private set; } = new int[1025];

        public int LocalCount { get; set; }

        /// <summary>The most stage-1 features to keep: <see cref="MaxKeptFeatures"/>, or less in tests.</summary>
        public int KeepLimit { get; set; } = MaxKeptFeatures;

        /// <summary>The first token whose stage-1 features did not fit in <see cref="KeepLimit"/>: none from it on are kept.</summary>
        public int KeptBefore { get; set; } = int.MaxValue;

        public void Keep(int token, ReadOnlySpan<ulong> features)
        {
            if (token >= KeptBefore || LocalCount + features.Length > KeepLimit)
            {
                KeptBefore = Math.Min(KeptBefore, token); // tokens come in order: every later one is past it too
                return;
            }

            if (LocalCount + features.Length > LocalFeatures.Length)
            {
                ulong[] bigger = new ulong[Math.Min(KeepLimit, Math.Max(LocalFeatures.Length * 2, LocalCount + features.Length))];
                LocalFeatures.AsSpan(0, LocalCount).CopyTo(bigger);
                LocalFeatures = bigger;
            }

            LocalStart[token] = LocalCount;
            features.CopyTo(LocalFeatures.AsSpan(LocalCount));
            LocalCount += features.Length;
            LocalStart[token + 1] = LocalCount;
        }

        public ReadOnlySpan<ulong> Local(int token) => LocalFeatures.AsSpan(LocalStart[token], LocalStart[token + 1] - LocalStart[token]);

        public void Ensure(int tokens, int sentenceTokens, int labels)
        {
            // Scores and back-pointers are per sentence.
            if (Scores.Length < sentenceTokens * labels)
            {
                Scores = new float[sentenceTokens * labels];
                Back = new byte[sentenceTokens * labels];
            }

            if (Delta.Length < 2 * labels)
            {
                Delta = new float[2 * labels];
            }

            if (FirstLabels.Length < tokens)
            {
                FirstLabels = new byte[tokens];
            }

            if (LocalStart.Length < tokens + 1)
            {
                LocalStart = new int[tokens + 1];
            }
        }
    }
}

/// <summary>What the tagger reads of the syntax stage: every token's part of speech, and the parse made after stage 1.</summary>
/// <param name="Tags">A part of speech per token (the tagger's, before stage 1's names correct it); empty for none.</param>
/// <param name="Parse">Parses the document from stage 1's labels; null for no parse.</param>
internal readonly record struct NerSyntaxInput(UniversalPos[] Tags, NerTagger.ParseAfterStageOne? Parse);
