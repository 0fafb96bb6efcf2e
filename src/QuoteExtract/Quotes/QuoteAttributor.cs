using System.Collections.Immutable;
using System.Threading;

namespace QuoteExtract.Quotes;

/// <summary>The quotes of a text with their speakers, and the entities and groups after speaker resolution.</summary>
internal sealed record QuoteAttribution(ImmutableArray<Quote> Quotes, ImmutableArray<Entity> Entities, ImmutableArray<EntityGroup> Groups);

/// <summary>Finds quotations and attributes them to speakers.</summary>
internal static class QuoteAttributor
{
    public static QuoteAttribution Attribute(SegmentedText text, ImmutableArray<Entity> entities, ExtractorOptions options, CancellationToken cancellationToken)
    {
        _ = text;
        _ = options;
        cancellationToken.ThrowIfCancellationRequested();
        return new QuoteAttribution([], entities, []);
    }
}
