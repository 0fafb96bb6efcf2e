using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuoteExtract.Cli.Json;

/// <summary>Source-generated serialization for everything the tool reads and writes: no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DocumentJson))]
[JsonSerializable(typeof(AnalysisJson))]
[JsonSerializable(typeof(InputDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>One line per document, non-ASCII text as it is.</summary>
    public static CliJsonContext Compact { get; } = new(CreateOptions(indented: false));

    /// <summary>Indented, for --json.</summary>
    public static CliJsonContext Indented { get; } = new(CreateOptions(indented: true));

    private static JsonSerializerOptions CreateOptions(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        Encoder = MinimalJsonEncoder.Instance,
    };
}
