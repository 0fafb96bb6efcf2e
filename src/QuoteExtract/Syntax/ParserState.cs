using System;
using System.Runtime.CompilerServices;

namespace QuoteExtract.Syntax;

/// <summary>The three transitions of the arc-hybrid system.</summary>
internal enum ParserAction : byte
{
    /// <summary>Push the front of the buffer onto the stack.</summary>
    Shift = 0,

    /// <summary>The top of the stack becomes a dependent of the front of the buffer, and is popped.</summary>
    Left = 1,

    /// <summary>The top of the stack becomes a dependent of the word below it, and is popped.</summary>
    Right = 2,
}

/// <summary>
/// A configuration of the arc-hybrid transition system over one sentence of <c>n</c> words, with the root as an
/// extra word <c>n</c> at the end of the buffer. The root takes exactly one dependent, and only when it is the last
/// word on the stack, so every terminal configuration is one tree. Tracks, per word, its two outermost dependents
/// on each side, their counts and the set of their relations, which the feature templates read.
/// </summary>
internal sealed class ParserState
{
    private int[] _stack = new int[16];
    private int[] _heads = new int[16];
    private int[] _labels = new int[16];
    private int[] _left1 = new int[16];
    private int[] _left2 = new int[16];
    private int[] _right1 = new int[16];
    private int[] _right2 = new int[16];
    private byte[] _leftCount = new byte[16];
    private byte[] _rightCount = new byte[16];
    private ulong[] _leftLabels = new ulong[16];
    private ulong[] _rightLabels = new ulong[16];

    /// <summary>Number of words (the root excluded).</summary>
    public int Length { get; private set; }

    /// <summary>The front of the buffer (<see cref="Length"/> is the root).</summary>
    public int Buffer { get; private set; }

    public int StackCount { get; private set; }

    /// <summary>Per word, the head's index (<see cref="Length"/> for the root; -1 while unattached).</summary>
    public ReadOnlySpan<int> Heads => _heads.AsSpan(0, Length);

    /// <summary>Per word, its relation's index (-1 while unattached).</summary>
    public ReadOnlySpan<int> Labels => _labels.AsSpan(0, Length);

    public bool IsTerminal => Buffer == Length && StackCount == 0;

    public void Reset(int length)
    {
        if (_stack.Length < length + 1)
        {
            int size = Math.Max(length + 1, _stack.Length * 2);
            _stack = new int[size];
            _heads = new int[size];
            _labels = new int[size];
            _left1 = new int[size];
            _left2 = new int[size];
            _right1 = new int[size];
            _right2 = new int[size];
            _leftCount = new byte[size];
            _rightCount = new byte[size];
            _leftLabels = new ulong[size];
            _rightLabels = new ulong[size];
        }

        Length = length;
        Buffer = 0;
        StackCount = 0;
        int n = length + 1;
        _heads.AsSpan(0, n).Fill(-1);
        _labels.AsSpan(0, n).Fill(-1);
        _left1.AsSpan(0, n).Fill(-1);
        _left2.AsSpan(0, n).Fill(-1);
        _right1.AsSpan(0, n).Fill(-1);
        _right2.AsSpan(0, n).Fill(-1);
        _leftCount.AsSpan(0, n).Clear();
        _rightCount.AsSpan(0, n).Clear();
        _leftLabels.AsSpan(0, n).Clear();
        _rightLabels.AsSpan(0, n).Clear();
    }

    /// <summary>The word <paramref name="depth"/> places below the top of the stack, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Stack(int depth) => depth < StackCount ? _stack[StackCount - 1 - depth] : -1;

    /// <summary>The word <paramref name="offset"/> places into the buffer (the root counts), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int BufferAt(int offset) => Buffer + offset <= Length ? Buffer + offset : -1;

    public int Left1(int word) => word < 0 ? -1 : _left1[word];

    public int Left2(int word) => word < 0 ? -1 : _left2[word];

    public int Right1(int word) => word < 0 ? -1 : _right1[word];

    public int Right2(int word) => word < 0 ? -1 : _right2[word];

    public int LeftCount(int word) => word < 0 ? 0 : _leftCount[word];

    public int RightCount(int word) => word < 0 ? 0 : _rightCount[word];

    public ulong LeftLabels(int word) => word < 0 ? 0 : _leftLabels[word];

    public ulong RightLabels(int word) => word < 0 ? 0 : _rightLabels[word];

    /// <summary>The relation index of an attached word, or -1 (also for -1).</summary>
    public int LabelOf(int word) => word < 0 ? -1 : _labels[word];

    public bool CanShift => Buffer < Length;

    /// <summary>Left onto the root only for the last word on the stack: the root gets one dependent.</summary>
    public bool CanLeft => StackCount > 0 && (Buffer < Length || StackCount == 1);

    public bool CanRight => StackCount > 1;

    public bool IsValid(ParserAction action) => action switch
    {
        ParserAction.Shift => CanShift,
        ParserAction.Left => CanLeft,
        _ => CanRight,
    };

    /// <summary>The head and dependent that <paramref name="action"/> (Left or Right) would join.</summary>
    public (int Head, int Dependent) ArcOf(ParserAction action) =>
        action == ParserAction.Left ? (Buffer, Stack(0)) : (Stack(1), Stack(0));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(ParserAction action, int label)
    {
        switch (action)
        {
            case ParserAction.Shift:
                _stack[StackCount++] = Buffer++;
                break;
            case ParserAction.Left:
                Attach(Buffer, _stack[--StackCount], label);
                break;
            default:
                int dependent = _stack[--StackCount];
                Attach(_stack[StackCount - 1], dependent, label);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Attach(int head, int dependent, int label)
    {
        _heads[dependent] = head;
        _labels[dependent] = label;
        ulong bit = 1UL << (label & 63);
        if (dependent < head)
        {
            // Left dependents arrive from the nearest outwards: the newest is the leftmost.
            _left2[head] = _left1[head];
            _left1[head] = dependent;
            _leftCount[head] = (byte)Math.Min(_leftCount[head] + 1, 255);
            _leftLabels[head] |= bit;
        }
        else
        {
            // Right dependents arrive from the nearest outwards too: the newest is the rightmost.
            _right2[head] = _right1[head];
            _right1[head] = dependent;
            _rightCount[head] = (byte)Math.Min(_rightCount[head] + 1, 255);
            _rightLabels[head] |= bit;
        }
    }
}
