using System.Threading;

namespace QuoteExtract.Cli.Serve;

/// <summary>Whether the service has loaded its models (one analysis done at start): GET /health reads it.</summary>
internal sealed class ServiceReadiness
{
    private int _ready;

    /// <summary>The models are loaded.</summary>
    public bool IsReady => Volatile.Read(ref _ready) != 0;

    /// <summary>Marks the service ready.</summary>
    public void MarkReady() => Volatile.Write(ref _ready, 1);
}
