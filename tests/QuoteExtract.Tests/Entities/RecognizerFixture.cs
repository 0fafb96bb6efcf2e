using System.IO;
using QuoteExtract.Entities;

namespace QuoteExtract.Tests.Entities;

/// <summary>Loads the embedded model once per test class.</summary>
public sealed class RecognizerFixture
{
    public RecognizerFixture()
    {
        Recognizer = EntityRecognizer.Default;
    }

    internal EntityRecognizer Recognizer { get; }

    internal IReadOnlyList<Entity> Find(string text) =>
        Recognizer.Recognize(NewsTokenizer.Default.Segment(text), default);
}

/// <summary>Where the shared, read-only corpora are: ../shared next to the repository root (the folder of QuoteExtract.sln).</summary>
internal static class SharedData
{
    public static string? Root { get; } = FindShared();

    public static string SkipReason =>
        "../shared (next to the repository root) is absent: the seed article and its gold are not part of the repository.";

    private static string? FindShared()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "QuoteExtract.sln")))
            {
                string shared = Path.GetFullPath(Path.Combine(d.FullName, "..", "shared"));
                return Directory.Exists(Path.Combine(shared, "seed")) ? shared : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that is skipped, with the reason, when ../shared is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = SharedData.SkipReason;
        }
    }
}
