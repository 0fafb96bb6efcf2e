using System;
using System.Runtime.CompilerServices;

namespace QuoteExtract.Syntax;

/// <summary>
/// The greedy arc-hybrid dependency parser: at each configuration one linear model picks the action among the valid
/// ones, and a second one labels each arc as it is made. 2n transitions for n words; every result is one tree.
/// </summary>
internal sealed class DependencyParser
{
    public DependencyParser(QuantizedTable actions, QuantizedTable labels, string[] relations)
    {
        if (actions.Classes != 3)
        {
            throw new ArgumentException("The action table has three classes.", nameof(actions));
        }

        if (labels.Classes != relations.Length || relations.Length is < 2 or > 64)
        {
            throw new ArgumentException("The label table has one class per relation (2 to 64, root among them).", nameof(labels));
        }

        RootLabel = Array.IndexOf(relations, "root");
        if (RootLabel < 0)
        {
            throw new ArgumentException("The relations include root.", nameof(relations));
        }

        Actions = actions;
        LabelTable = labels;
        Relations = relations;
    }

    /// <summary>The class of the root relation, which every arc from the root has and no other.</summary>
    public int RootLabel { get; }

    public QuantizedTable Actions { get; }

    public QuantizedTable LabelTable { get; }

    /// <summary>The relation of each label class.</summary>
    public string[] Relations { get; }

    /// <summary>
    /// Parses one sentence. <paramref name="words"/> and <paramref name="tags"/> hold the n words' lower-cased hashes
    /// (and their last three characters' hashes) and UPOS numbers, then the root's (<see cref="ParserFeatures.RootWord"/>, <see cref="ParserFeatures.RootTag"/>).
    /// Afterwards <paramref name="state"/> holds the heads (n for the root) and relation indices.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Parse(ParserState state, ReadOnlySpan<ulong> words, ReadOnlySpan<ulong> suffixes, ReadOnlySpan<byte> tags)
    {
        int n = words.Length - 1;
        state.Reset(n);
        Span<ulong> features = stackalloc ulong[Math.Max(ParserFeatures.ActionCount, ParserFeatures.LabelCount)];
        Span<short> scores = stackalloc short[Math.Max(Actions.Stride, LabelTable.Stride)];
        while (!state.IsTerminal)
        {
            ParserFeatures.Action(state, words, suffixes, tags, features[..ParserFeatures.ActionCount]);
            Actions.Score(features[..ParserFeatures.ActionCount], scores);
            ParserAction action = Best(state, scores);
            int label = 0;
            if (action != ParserAction.Shift)
            {
                (int head, int dependent) = state.ArcOf(action);
                label = head == n ? RootLabel : BestLabel(state, head, dependent, words, suffixes, tags, features[..ParserFeatures.LabelCount], scores);
            }

            state.Apply(action, label);
        }
    }

    /// <summary>The valid action with the highest score (the first of equals).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ParserAction Best(ParserState state, ReadOnlySpan<short> scores)
    {
        ParserAction best = ParserAction.Shift;
        int bestScore = int.MinValue;
        bool found = false;
        for (int a = 0; a < 3; a++)
        {
            var action = (ParserAction)a;
            if (state.IsValid(action) && (!found || scores[a] > bestScore))
            {
                best = action;
                bestScore = scores[a];
                found = true;
            }
        }

        return best;
    }

    /// <summary>The best relation other than root for the arc.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int BestLabel(ParserState state, int head, int dependent, ReadOnlySpan<ulong> words, ReadOnlySpan<ulong> suffixes, ReadOnlySpan<byte> tags, Span<ulong> features, Span<short> scores)
    {
        ParserFeatures.Label(state, head, dependent, words, suffixes, tags, features);
        LabelTable.Score(features, scores);
        return QuantizedTable.ArgMax(scores, Relations.Length, RootLabel);
    }
}
