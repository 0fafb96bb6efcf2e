using System;

namespace QuoteExtract.Quotes;

/// <summary>
/// The dependency trees of one document as the attribution rules ask about them: a token's children by relation
/// and the token range its subtree covers. Built once per document in linear time.
/// </summary>
internal sealed class ParseView
{
    private readonly TokenSyntax[] _syntax;
    private readonly int[] _firstChild;
    private readonly int[] _nextSibling;
    private readonly int[] _subtreeStart;
    private readonly int[] _subtreeEnd;

    public ParseView(TokenSyntax[] syntax)
    {
        _syntax = syntax;
        int n = syntax.Length;
        _firstChild = new int[n];
        _nextSibling = new int[n];
        _subtreeStart = new int[n];
        _subtreeEnd = new int[n];
        Array.Fill(_firstChild, -1);
        Array.Fill(_nextSibling, -1);

        // Children in text order: link from the right so that each list reads left to right.
        for (int t = n - 1; t >= 0; t--)
        {
            int h = syntax[t].Head;
            if (syntax[t].IsParsed && (uint)h < (uint)n)
            {
                _nextSibling[t] = _firstChild[h];
                _firstChild[h] = t;
            }
        }

        // Subtree ranges bottom-up: an explicit post-order walk from each root, so deep trees cost no recursion.
        var stack = new int[Math.Max(n, 1)];
        var next = new int[n];
        for (int root = 0; root < n; root++)
        {
            if (!syntax[root].IsParsed || (uint)syntax[root].Head < (uint)n)
            {
                continue;
            }

            int depth = 0;
            stack[depth++] = root;
            next[root] = _firstChild[root];
            _subtreeStart[root] = root;
            _subtreeEnd[root] = root + 1;
            while (depth > 0)
            {
                int top = stack[depth - 1];
                int child = next[top];
                if (child >= 0)
                {
                    next[top] = _nextSibling[child];
                    next[child] = _firstChild[child];
                    _subtreeStart[child] = child;
                    _subtreeEnd[child] = child + 1;
                    stack[depth++] = child;
                    continue;
                }

                depth--;
                if (depth > 0)
                {
                    int parent = stack[depth - 1];
                    _subtreeStart[parent] = Math.Min(_subtreeStart[parent], _subtreeStart[top]);
                    _subtreeEnd[parent] = Math.Max(_subtreeEnd[parent], _subtreeEnd[top]);
                }
            }
        }
    }

    /// <summary>A view of a document that was not parsed at all.</summary>
    public static ParseView Empty { get; } = new([]);

    public int Count => _syntax.Length;

    public bool IsParsed(int t) => (uint)t < (uint)_syntax.Length && _syntax[t].IsParsed;

    public UniversalPos Pos(int t) => (uint)t < (uint)_syntax.Length ? _syntax[t].Pos : UniversalPos.None;

    public int Head(int t) => (uint)t < (uint)_syntax.Length ? _syntax[t].Head : -1;

    public string? Relation(int t) => (uint)t < (uint)_syntax.Length ? _syntax[t].Relation : null;

    /// <summary>The relation without its subtype (nsubj for nsubj:pass).</summary>
    public ReadOnlySpan<char> BaseRelation(int t)
    {
        string? r = Relation(t);
        if (r is null)
        {
            return default;
        }

        int colon = r.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? r : r.AsSpan(0, colon);
    }

    public bool Has(int t, string relation) => string.Equals(Relation(t), relation, StringComparison.Ordinal);

    public bool HasBase(int t, string relation) => BaseRelation(t).Equals(relation, StringComparison.Ordinal);

    /// <summary>The children of <paramref name="t"/> in text order.</summary>
    public ChildEnumerator Children(int t) => new(this, IsParsed(t) ? _firstChild[t] : -1);

    /// <summary>The first child of <paramref name="t"/> with exactly this relation, or -1.</summary>
    public int Child(int t, string relation)
    {
        foreach (int c in Children(t))
        {
            if (Has(c, relation))
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>The first child of <paramref name="t"/> whose relation without subtype is this one, or -1.</summary>
    public int ChildOfBase(int t, string relation)
    {
        foreach (int c in Children(t))
        {
            if (HasBase(c, relation))
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>The first token of <paramref name="t"/>'s subtree.</summary>
    public int SubtreeStart(int t) => _subtreeStart[t];

    /// <summary>One past the last token of <paramref name="t"/>'s subtree.</summary>
    public int SubtreeEnd(int t) => _subtreeEnd[t];

    public struct ChildEnumerator
    {
        private readonly ParseView _view;
        private int _next;

        internal ChildEnumerator(ParseView view, int first)
        {
            _view = view;
            _next = first;
            Current = -1;
        }

        public int Current { get; private set; }

        public readonly ChildEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_next < 0)
            {
                return false;
            }

            Current = _next;
            _next = _view._nextSibling[_next];
            return true;
        }
    }
}
