using System.Collections.Immutable;
using System.Threading;

namespace QuoteExtract.Entities;

/// <summary>Finds named entities. Placeholder until the ML.NET tagger lands: it finds none.</summary>
internal sealed class EntityRecognizer
{
    public static EntityRecognizer Default { get; } = new();

#pragma warning disable CA1822 // Instance member: the trained tagger will hold its model here.
    public ImmutableArray<Entity> Recognize(SegmentedText text, CancellationToken cancellationToken)
#pragma warning restore CA1822
    {
        _ = text;
        _ = cancellationToken;
        return [];
    }
}
