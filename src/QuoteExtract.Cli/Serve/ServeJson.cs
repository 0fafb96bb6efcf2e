using System.Text.Json;
using System.Text.Json.Serialization;
using QuoteExtract.Cli.Json;

namespace QuoteExtract.Cli.Serve;

/// <summary>The body of a refused request: what was wrong, for a person to read.</summary>
/// <param name="Error">The reason.</param>
internal sealed record ErrorJson(string Error);

/// <summary>A batch line that gave no analysis: its 1-based line number in the request body, and why.</summary>
/// <param name="Line">The line number.</param>
/// <param name="Error">The reason.</param>
internal sealed record BatchErrorJson(long Line, string Error);

/// <summary>GET /health: "ready" once the models are loaded, else "loading".</summary>
/// <param name="Status">The state.</param>
internal sealed record HealthJson(string Status);

/// <summary>Source-generated serialization for the service's own bodies (no reflection, Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ErrorJson))]
[JsonSerializable(typeof(BatchErrorJson))]
[JsonSerializable(typeof(HealthJson))]
[JsonSerializable(typeof(InputDocument))]
[JsonSerializable(typeof(DocumentJson))]
internal sealed partial class ServeJsonContext : JsonSerializerContext
{
    /// <summary>Compact, non-ASCII text and quote marks as they are (as the --jsonl lines are written).</summary>
    public static ServeJsonContext Compact { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = MinimalJsonEncoder.Instance,
    });
}
