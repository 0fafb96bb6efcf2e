using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace QuoteExtract.Entities;

/// <summary>
/// The tagger's features, shared by training and inference so that both hash the same things the same
/// way. A feature is a 64-bit hash of a template number and a value; a model stage keeps its top bits as
/// the row of its weight table. Load a document once (<see cref="Load"/>), then ask for each token's
/// features: no allocation per token.
/// </summary>
/// <remarks>
/// Stage 1 sees the token's own characters, a ±2 window of words, shapes, affixes, gazetteer matches,
/// document-level case evidence, the parts of speech around it (<see cref="LoadTags"/>) and, in a model whose gazetteer
/// holds them, the word clusters of the token and its neighbours. Stage 2 adds stage
/// 1's labels around the token, what stage 1 said about the same word elsewhere in the document (two-pass
/// stacking with document memory) and, in the sentences that the attribution scope parses, the token's
/// relation, its head, its preposition and whether it is the subject of a cue verb (<see cref="LoadParse"/>):
/// the parse is made after stage 1, whose names correct the part of speech it reads.
/// </remarks>
internal sealed class NerFeatures
{
    /// <summary>
    /// The version of the feature set. A model records it; a model of another version is refused. Version 6 adds the
    /// word-cluster templates, which fire only with a gazetteer that holds clusters: a version-5 model (none) gets the
    /// features it was trained with.
    /// </summary>
    public const int Version = 6;

    /// <summary>The version before the word clusters, still read.</summary>
    public const int VersionWithoutClusters = 5;

    /// <summary>The most features one token can have.</summary>
    public const int MaxFeatures = 160;

    private const ulong Before1 = 0x1111_1111_1111_1111UL;
    private const ulong Before2 = 0x2222_2222_2222_2222UL;
    private const ulong After1 = 0x3333_3333_3333_3333UL;
    private const ulong After2 = 0x4444_4444_4444_4444UL;
    private const ulong NoLabel = 0xFFUL;

    // Context bits per token.
    private const byte SentenceInitial = 1;
    private const byte Headline = 2;

    // Document case bits per lower-cased word.
    private const byte SeenLower = 1;
    private const byte SeenCapitalisedInside = 2;

    private const WordFlags CaseFlags = WordFlags.InitCap | WordFlags.AllCaps | WordFlags.AllLower | WordFlags.MixedCaps;

    private readonly Dictionary<ulong, byte> _caseTable = [];
    private readonly Dictionary<ulong, int> _memoryIndex = [];
    private NerToken[] _tokens = new NerToken[256];
    private byte[] _context = new byte[256];
    private byte[] _run = new byte[256];
    private ulong[] _runFirst = new ulong[256];
    private ulong[] _runLast = new ulong[256];
    private ulong[] _gazetteer = new ulong[256];
    private uint[] _gazetteerLower = new uint[256];
    private int[] _memorySlot = new int[256];
    private int[] _memoryCounts = new int[1024];
    private byte[] _pos = new byte[256];
    private ulong[] _relation = new ulong[256]; // 0: the sentence was not parsed for the tagger
    private ulong[] _headWord = new ulong[256];
    private byte[] _headPos = new byte[256];
    private int[] _head = new int[256];
    private ulong[] _caseWord = new ulong[256];
    private bool[] _cueSubject = new bool[256];
    private uint[] _cluster = new uint[256];
    private bool _clusters;
    private int _memoryLabels;
    private int _count;

    /// <summary>Number of tokens loaded.</summary>
    public int Count => _count;

    /// <summary>Analyses a document's tokens: per-token hashes, sentence context, gazetteer matches and case evidence.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="sentences">Its sentences; every token should be in one.</param>
    /// <param name="gazetteer">The model's gazetteer.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Load(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, Gazetteer gazetteer)
    {
        _count = tokens.Length;
        if (_tokens.Length < _count)
        {
            int size = (int)BitOperations.RoundUpToPowerOf2((uint)_count);
            _tokens = new NerToken[size];
            _context = new byte[size];
            _run = new byte[size];
            _runFirst = new ulong[size];
            _runLast = new ulong[size];
            _gazetteer = new ulong[size];
            _gazetteerLower = new uint[size];
            _memorySlot = new int[size];
            _pos = new byte[size];
            _relation = new ulong[size];
            _headWord = new ulong[size];
            _headPos = new byte[size];
            _head = new int[size];
            _caseWord = new ulong[size];
            _cueSubject = new bool[size];
            _cluster = new uint[size];
        }

        _clusters = gazetteer.HasClusters;
        _caseTable.Clear();
        _memoryIndex.Clear();
        for (int i = 0; i < _count; i++)
        {
            Token t = tokens[i];
            NerToken.Analyze(text.Slice(t.Start, t.Length), ref _tokens[i]);
            _context[i] = 0;
            _gazetteer[i] = 0;
            _gazetteerLower[i] = 0;
            _pos[i] = 0;
            _relation[i] = 0;
            _caseWord[i] = 0;
            _cueSubject[i] = false;
            _cluster[i] = gazetteer.Cluster(_tokens[i].Lower); // (0 for every word of a model without clusters)
        }

        foreach (Sentence s in sentences)
        {
            int s0 = s.FirstToken;
            int s1 = Math.Min(s.EndToken, _count);
            MarkSentence(s0, s1);
            MarkCapitalisedRuns(s0, s1);
            MatchGazetteer(s0, s1, gazetteer);
        }
    }

    /// <summary>Gives the loaded document's parts of speech (one per token), read by both stages.</summary>
    /// <param name="tags">The syntax stage's tags, before the names of stage 1 correct them.</param>
    public void LoadTags(ReadOnlySpan<UniversalPos> tags)
    {
        for (int i = 0; i < _count && i < tags.Length; i++)
        {
            _pos[i] = (byte)tags[i];
        }
    }

    /// <summary>
    /// Gives the loaded document's parse, read by stage 2: only the sentences that the attribution scope parses
    /// (<see cref="Syntax.SyntaxAnalyzer.NeedsParse"/>) are read, whatever else was parsed, so that the features are
    /// those the model was trained with.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="sentences">Its sentences.</param>
    /// <param name="syntax">The syntax of every token; empty for none.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void LoadParse(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, ReadOnlySpan<TokenSyntax> syntax)
    {
        for (int i = 0; i < _count; i++)
        {
            _relation[i] = 0;
            _caseWord[i] = 0;
            _cueSubject[i] = false;
        }

        if (syntax.Length < _count)
        {
            return;
        }

        foreach (Sentence s in sentences)
        {
            int s0 = s.FirstToken;
            int s1 = Math.Min(s.EndToken, _count);
            if (s1 <= s0 || !syntax[s0].IsParsed || !Syntax.SyntaxAnalyzer.NeedsParse(text, tokens[s0..s1]))
            {
                continue;
            }

            for (int i = s0; i < s1; i++)
            {
                TokenSyntax t = syntax[i];
                string relation = t.Relation ?? "";
                _relation[i] = NerHash.ExactHash(relation) | 1; // never 0
                int head = t.Head;
                _head[i] = head;
                if (head < s0 || head >= s1)
                {
                    _headWord[i] = RootWord;
                    _headPos[i] = 0xFF;
                    continue;
                }

                _headWord[i] = _tokens[head].Lower;
                _headPos[i] = (byte)syntax[head].Pos;
                if (relation is "case")
                {
                    _caseWord[head] = _tokens[i].Lower;
                }
                else if (relation.StartsWith("nsubj", StringComparison.Ordinal)
                    && QuoteExtract.Quotes.QuoteLexicons.CueVerbs.Contains(tokens[head].GetText(text)))
                {
                    _cueSubject[i] = true;
                }
            }
        }
    }

    /// <summary>Writes the features of token <paramref name="i"/> of the sentence [<paramref name="s0"/>, <paramref name="s1"/>).</summary>
    /// <param name="i">The token.</param>
    /// <param name="s0">First token of its sentence.</param>
    /// <param name="s1">End of its sentence (exclusive).</param>
    /// <param name="previousStage">Stage 1's labels for the document, for stage 2; empty for stage 1.</param>
    /// <param name="features">At least <see cref="MaxFeatures"/> long.</param>
    /// <returns>The number of features written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Extract(int i, int s0, int s1, ReadOnlySpan<byte> previousStage, Span<ulong> features)
    {
        ref NerToken t = ref _tokens[i];
        int n = 0;
        ulong lowerM1 = i - 1 >= s0 ? _tokens[i - 1].Lower : Before1;
        ulong lowerM2 = i - 2 >= s0 ? _tokens[i - 2].Lower : i - 1 >= s0 ? Before1 : Before2;
        ulong lowerP1 = i + 1 < s1 ? _tokens[i + 1].Lower : After1;
        ulong lowerP2 = i + 2 < s1 ? _tokens[i + 2].Lower : i + 1 < s1 ? After1 : After2;
        ulong shapeM1 = i - 1 >= s0 ? _tokens[i - 1].Shape : Before1;
        ulong shapeM2 = i - 2 >= s0 ? _tokens[i - 2].Shape : i - 1 >= s0 ? Before1 : Before2;
        ulong shapeP1 = i + 1 < s1 ? _tokens[i + 1].Shape : After1;
        ulong shapeP2 = i + 2 < s1 ? _tokens[i + 2].Shape : i + 1 < s1 ? After1 : After2;
        ulong exactM1 = i - 1 >= s0 ? _tokens[i - 1].Exact : Before1;
        ulong exactP1 = i + 1 < s1 ? _tokens[i + 1].Exact : After1;
        ulong flagsM1 = i - 1 >= s0 ? (ulong)_tokens[i - 1].Flags : Before1;
        ulong flagsP1 = i + 1 < s1 ? (ulong)_tokens[i + 1].Flags : After1;
        byte context = _context[i];

        features[n++] = NerHash.Feature(1, t.Exact);
        features[n++] = NerHash.Feature(2, t.Lower);
        features[n++] = NerHash.Feature(3, lowerM1);
        features[n++] = NerHash.Feature(4, lowerP1);
        features[n++] = NerHash.Feature(5, lowerM2);
        features[n++] = NerHash.Feature(6, lowerP2);
        features[n++] = NerHash.Feature(7, t.Shape);
        features[n++] = NerHash.Feature(8, shapeM1);
        features[n++] = NerHash.Feature(9, shapeP1);
        features[n++] = NerHash.Feature(10, shapeM2);
        features[n++] = NerHash.Feature(11, shapeP2);
        features[n++] = NerHash.Feature(12, NerHash.Pair(shapeM1, t.Shape));
        features[n++] = NerHash.Feature(13, NerHash.Pair(t.Shape, shapeP1));
        features[n++] = NerHash.Feature(14, NerHash.Pair(NerHash.Pair(shapeM1, t.Shape), shapeP1));
        if (t.Length > 1)
        {
            features[n++] = NerHash.Feature(15, t.Prefix1);
            features[n++] = NerHash.Feature(19, t.Suffix1);
        }

        if (t.Length > 2)
        {
            features[n++] = NerHash.Feature(16, t.Prefix2);
            features[n++] = NerHash.Feature(20, t.Suffix2);
        }

        if (t.Length > 3)
        {
            features[n++] = NerHash.Feature(17, t.Prefix3);
            features[n++] = NerHash.Feature(21, t.Suffix3);
        }

        if (t.Length > 4)
        {
            features[n++] = NerHash.Feature(18, t.Prefix4);
            features[n++] = NerHash.Feature(22, t.Suffix4);
        }

        features[n++] = NerHash.Feature(23, NerHash.Pair(lowerM1, t.Lower));
        features[n++] = NerHash.Feature(24, NerHash.Pair(t.Lower, lowerP1));
        features[n++] = NerHash.Feature(25, (ulong)t.Flags);
        features[n++] = NerHash.Feature(26, flagsM1);
        features[n++] = NerHash.Feature(27, flagsP1);
        features[n++] = NerHash.Feature(28, ((ulong)context << 16) | (ulong)(t.Flags & CaseFlags));
        if ((context & Headline) != 0)
        {
            features[n++] = NerHash.Feature(29, t.Lower);
        }

        // The run of capitalised words the token is in (Housing Authority of New Orleans): position, length, first and last word.
        byte run = _run[i];
        if (run != 0)
        {
            features[n++] = NerHash.Feature(50, run);
            if ((run & 3) != 0)
            {
                features[n++] = NerHash.Feature(51, _runLast[i]);
                features[n++] = NerHash.Feature(52, _runFirst[i]);
            }
        }

        features[n++] = NerHash.Feature(35, exactM1);
        features[n++] = NerHash.Feature(36, exactP1);
        features[n++] = NerHash.Feature(37, NerHash.Pair(lowerM1, (ulong)(t.Flags & CaseFlags)));

        // Parts of speech around the token (template 60 on).
        ulong pos = _pos[i];
        ulong posM1 = i - 1 >= s0 ? _pos[i - 1] : 0xF1UL;
        ulong posP1 = i + 1 < s1 ? _pos[i + 1] : 0xF2UL;
        ulong posM2 = i - 2 >= s0 ? _pos[i - 2] : 0xF1UL;
        ulong posP2 = i + 2 < s1 ? _pos[i + 2] : 0xF2UL;
        features[n++] = NerHash.Feature(60, pos);
        features[n++] = NerHash.Feature(61, posM1);
        features[n++] = NerHash.Feature(62, posP1);
        features[n++] = NerHash.Feature(63, (posM1 << 8) | pos);
        features[n++] = NerHash.Feature(64, (pos << 8) | posP1);
        features[n++] = NerHash.Feature(65, (posM2 << 16) | (posM1 << 8) | pos);
        features[n++] = NerHash.Feature(66, (pos << 16) | (posP1 << 8) | posP2);
        features[n++] = NerHash.Feature(67, NerHash.Pair(pos, t.Shape));
        features[n++] = NerHash.Feature(68, NerHash.Pair(pos, lowerM1));

        // Word clusters (template 80 on): the whole path and its two coarser levels for the token, the middle level around it.
        if (_clusters)
        {
            uint path = _cluster[i];
            features[n++] = NerHash.Feature(80, path);
            features[n++] = NerHash.Feature(81, path & 0xFF);
            features[n++] = NerHash.Feature(82, path & 0xF);
            features[n++] = NerHash.Feature(83, i - 1 >= s0 ? _cluster[i - 1] & 0xFF : Before1);
            features[n++] = NerHash.Feature(84, i + 1 < s1 ? _cluster[i + 1] & 0xFF : After1);
            features[n++] = NerHash.Feature(85, ((ulong)(path & 0xFF) << 16) | (ulong)(t.Flags & CaseFlags));
        }

        // Gazetteer: class and position for this token; classes for its neighbours.
        ulong gaz = _gazetteer[i];
        while (gaz != 0)
        {
            int bit = BitOperations.TrailingZeroCount(gaz);
            gaz &= gaz - 1;
            features[n++] = NerHash.Feature(30, (ulong)bit);
        }

        uint lowerPlaces = _gazetteerLower[i]; // class bits for the match's last token; shifted by 16 for the others
        while (lowerPlaces != 0)
        {
            int bit = BitOperations.TrailingZeroCount(lowerPlaces);
            lowerPlaces &= lowerPlaces - 1;
            features[n++] = NerHash.Feature(34, (ulong)bit);
        }

        if (i - 1 >= s0)
        {
            n = AddGazetteerClasses(31, _gazetteer[i - 1], features, n);
        }

        if (i + 1 < s1)
        {
            n = AddGazetteerClasses(32, _gazetteer[i + 1], features, n);
        }

        // Document case evidence for capitalised words: is the word seen in lower case, or capitalised mid-sentence?
        if ((t.Flags & (WordFlags.InitCap | WordFlags.AllCaps)) != 0 && (t.Flags & WordFlags.HasLetter) != 0)
        {
            byte seen = _caseTable.GetValueOrDefault(t.Lower);
            ulong value = (ulong)seen | ((ulong)context << 4) | ((t.Flags & WordFlags.AllCaps) != 0 ? 0x100UL : 0UL);
            features[n++] = NerHash.Feature(33, value);
        }

        if (!previousStage.IsEmpty)
        {
            n = AddStageTwo(i, s0, s1, previousStage, features, n, ref t);
        }

        return n;
    }

    /// <summary>Writes only the stage-2 features of a token (stage 1's labels and document memory).</summary>
    /// <returns>The number of features written.</returns>
    public int ExtractStageTwo(int i, int s0, int s1, ReadOnlySpan<byte> previousStage, Span<ulong> features) =>
        AddStageTwo(i, s0, s1, previousStage, features, 0, ref _tokens[i]);

    /// <summary>Records stage 1's labels of the words that can be names, for the document memory of stage 2.</summary>
    /// <param name="labels">Stage 1's label for every token of the document.</param>
    /// <param name="labelCount">The number of labels.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void BuildMemory(ReadOnlySpan<byte> labels, int labelCount)
    {
        _memoryIndex.Clear();
        _memoryLabels = labelCount;
        int slots = 0;
        for (int i = 0; i < _count; i++)
        {
            WordFlags f = _tokens[i].Flags;
            if ((f & WordFlags.HasLetter) == 0 || (f & (WordFlags.InitCap | WordFlags.AllCaps)) == 0)
            {
                _memorySlot[i] = -1;
                continue;
            }

            if (!_memoryIndex.TryGetValue(_tokens[i].Lower, out int slot))
            {
                slot = slots++;
                _memoryIndex.Add(_tokens[i].Lower, slot);
                if ((slot + 1) * labelCount > _memoryCounts.Length)
                {
                    Array.Resize(ref _memoryCounts, Math.Max(_memoryCounts.Length * 2, (slot + 1) * labelCount));
                }

                Array.Clear(_memoryCounts, slot * labelCount, labelCount);
            }

            _memorySlot[i] = slot;
            _memoryCounts[slot * labelCount + labels[i]]++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int AddStageTwo(int i, int s0, int s1, ReadOnlySpan<byte> previous, Span<ulong> features, int n, ref NerToken t)
    {
        ulong own = previous[i];
        ulong m1 = i - 1 >= s0 ? previous[i - 1] : NoLabel;
        ulong m2 = i - 2 >= s0 ? previous[i - 2] : NoLabel;
        ulong p1 = i + 1 < s1 ? previous[i + 1] : NoLabel;
        ulong p2 = i + 2 < s1 ? previous[i + 2] : NoLabel;
        features[n++] = NerHash.Feature(40, m1);
        features[n++] = NerHash.Feature(41, m2);
        features[n++] = NerHash.Feature(42, p1);
        features[n++] = NerHash.Feature(43, p2);
        features[n++] = NerHash.Feature(44, NerHash.Pair(m1, t.Shape));
        features[n++] = NerHash.Feature(45, (m1 << 8) | p1);
        features[n++] = NerHash.Feature(48, own);

        // The parse (template 70 on), in the sentences read by LoadParse.
        ulong relation = _relation[i];
        if (relation != 0)
        {
            int head = _head[i];
            features[n++] = NerHash.Feature(70, relation);
            features[n++] = NerHash.Feature(71, NerHash.Pair(relation, _headWord[i]));
            features[n++] = NerHash.Feature(72, NerHash.Pair(relation, _headPos[i]));
            features[n++] = NerHash.Feature(73, NerHash.Pair(relation, head >= s0 && head < s1 ? previous[head] : NoLabel));
            if (_cueSubject[i])
            {
                features[n++] = NerHash.Feature(74, (ulong)(t.Flags & CaseFlags));
            }

            if (_caseWord[i] != 0)
            {
                features[n++] = NerHash.Feature(75, _caseWord[i]);
            }
            else if (head >= s0 && head < s1 && _caseWord[head] != 0 && (relation == Compound || relation == Flat))
            {
                features[n++] = NerHash.Feature(76, _caseWord[head]);
            }
        }

        int slot = _memorySlot[i];
        if (slot >= 0 && _memoryLabels > 0)
        {
            int k = _memoryLabels;
            int others = 0;
            int bestLabel = -1;
            int bestCount = 0;
            for (int l = 0; l < k; l++)
            {
                int c = _memoryCounts[slot * k + l] - (l == (int)own ? 1 : 0);
                if (c > 0)
                {
                    others += c;
                    features[n++] = NerHash.Feature(46, (ulong)l);
                    if (c > bestCount)
                    {
                        bestCount = c;
                        bestLabel = l;
                    }
                }
            }

            if (others > 0)
            {
                features[n++] = NerHash.Feature(47, (ulong)bestLabel);
            }
        }

        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AddGazetteerClasses(int template, ulong positions, Span<ulong> features, int n)
    {
        // Four position bits per class: fold them into one bit per class.
        ulong classes = positions | (positions >> 1) | (positions >> 2) | (positions >> 3);
        classes &= 0x1111_1111_1111_1111UL;
        while (classes != 0)
        {
            int bit = BitOperations.TrailingZeroCount(classes);
            classes &= classes - 1;
            features[n++] = NerHash.Feature(template, (ulong)(bit >> 2));
        }

        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MarkSentence(int s0, int s1)
    {
        int letterTokens = 0;
        int capsTokens = 0;
        for (int i = s0; i < s1; i++)
        {
            WordFlags f = _tokens[i].Flags;
            if ((f & WordFlags.HasLetter) != 0)
            {
                letterTokens++;
                if ((f & WordFlags.AllCaps) != 0)
                {
                    capsTokens++;
                }
            }
        }

        bool headline = letterTokens >= 2 && capsTokens * 5 >= letterTokens * 4;
        bool initial = true;
        for (int i = s0; i < s1; i++)
        {
            WordFlags f = _tokens[i].Flags;
            byte c = headline ? Headline : (byte)0;
            bool word = (f & (WordFlags.HasLetter | WordFlags.HasDigit)) != 0;
            if (initial && word)
            {
                c |= SentenceInitial;
            }

            _context[i] = c;
            if ((f & WordFlags.HasLetter) != 0)
            {
                byte seen = (f & WordFlags.AllLower) != 0 ? SeenLower
                    : !initial && !headline && (f & WordFlags.InitCap) != 0 && (f & WordFlags.AllCaps) == 0 ? SeenCapitalisedInside
                    : (byte)0;
                if (seen != 0)
                {
                    ref byte slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_caseTable, _tokens[i].Lower, out _);
                    slot |= seen;
                }
            }

            if (word)
            {
                initial = false;
            }
        }
    }

    /// <summary>
    /// Finds runs of capitalised words, joined by lower-case connectors between capitalised words
    /// (of, and, for, the, de, &amp;), outside all-caps headlines. Per token: position (B/I/L/U) and
    /// length bucket, and the run's first and last words.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MarkCapitalisedRuns(int s0, int s1)
    {
        for (int i = s0; i < s1; i++)
        {
            _run[i] = 0;
        }

        if (s1 > s0 && (_context[s0] & Headline) != 0)
        {
            return;
        }

        int start = -1;
        for (int i = s0; i <= s1; i++)
        {
            bool cap = i < s1 && IsCapitalised(i);
            bool connector = !cap && i < s1 && start >= 0 && i + 1 < s1 && IsCapitalised(i + 1) && IsConnector(i);
            if (cap || connector)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                int length = i - start;
                int bucket = Math.Min(length, 4) - 1; // 0..3
                for (int j = start; j < i; j++)
                {
                    int position = length == 1 ? 0 : j == start ? 1 : j == i - 1 ? 3 : 2; // U, B, I, L
                    _run[j] = (byte)(0x80 | (position << 2) | bucket);
                    _runFirst[j] = _tokens[start].Lower;
                    _runLast[j] = _tokens[i - 1].Lower;
                }

                start = -1;
            }
        }
    }

    private bool IsCapitalised(int i)
    {
        WordFlags f = _tokens[i].Flags;
        return (f & WordFlags.HasLetter) != 0 && (f & (WordFlags.InitCap | WordFlags.AllCaps)) != 0;
    }

    private bool IsConnector(int i)
    {
        ref NerToken t = ref _tokens[i];
        return t.Length <= 3 && (t.Lower == Of || t.Lower == And || t.Lower == For || t.Lower == The || t.Lower == De || t.Lower == Ampersand);
    }

    private static readonly ulong RootWord = NerHash.LowerHash("<root>");
    private static readonly ulong Compound = NerHash.ExactHash("compound") | 1;
    private static readonly ulong Flat = NerHash.ExactHash("flat") | 1;
    private static readonly ulong Of = NerHash.LowerHash("of");
    private static readonly ulong And = NerHash.LowerHash("and");
    private static readonly ulong For = NerHash.LowerHash("for");
    private static readonly ulong The = NerHash.LowerHash("the");
    private static readonly ulong De = NerHash.LowerHash("de");
    private static readonly ulong Ampersand = NerHash.LowerHash("&");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MatchGazetteer(int s0, int s1, Gazetteer gazetteer)
    {
        for (int i = s0; i < s1; i++)
        {
            if ((_tokens[i].Flags & WordFlags.Punctuation) != 0)
            {
                continue;
            }

            bool lowerStart = (_tokens[i].Flags & WordFlags.AllLower) != 0;
            ulong key = Gazetteer.SequenceStart(_tokens[i].Lower);
            for (int len = 1; len <= Gazetteer.MaxTokens && i + len <= s1; len++)
            {
                if (len > 1)
                {
                    key = Gazetteer.SequenceStep(key, _tokens[i + len - 1].Lower);
                }

                GazetteerClass found = gazetteer.Lookup(key);
                if (found == GazetteerClass.None)
                {
                    break;
                }

                GazetteerClass classes = found & ~GazetteerClass.Prefix;
                if (lowerStart)
                {
                    // Lower-case text matches places only, and as a feature of its own.
                    uint places = (uint)(classes & Gazetteer.LowerCasePlaces);
                    for (int j = i; j < i + len && places != 0; j++)
                    {
                        _gazetteerLower[j] |= j == i + len - 1 ? places : places << 16;
                    }

                    classes &= ~Gazetteer.CapitalOnly;
                }

                uint bits = (uint)classes;
                while (bits != 0)
                {
                    int c = BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (len == 1)
                    {
                        _gazetteer[i] |= 1UL << (c * 4 + 3);
                    }
                    else
                    {
                        _gazetteer[i] |= 1UL << (c * 4);
                        for (int j = i + 1; j < i + len - 1; j++)
                        {
                            _gazetteer[j] |= 1UL << (c * 4 + 1);
                        }

                        _gazetteer[i + len - 1] |= 1UL << (c * 4 + 2);
                    }
                }

                if ((found & GazetteerClass.Prefix) == 0)
                {
                    break;
                }
            }
        }
    }
}
