using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.RateLimiting;
using System.IO.Pipelines;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using QuoteExtract.Cli.Json;

namespace QuoteExtract.Cli.Serve;

/// <summary>
/// quote-extract serve: the --jsonl contract over HTTP, on Kestrel. One request analyses one document
/// (POST /v1/analyze) or streams many (POST /v1/analyze/batch); a bounded concurrency limiter refuses what
/// it cannot queue (503 with Retry-After); the body size is capped (413); a client that goes away cancels
/// its analysis; SIGTERM or Ctrl+C drains the requests in flight before the process exits.
/// </summary>
internal static partial class ServeCommand
{
    /// <summary>The rate-limiter policy of the analysis endpoints.</summary>
    private const string AnalysisPolicy = "analysis";

    /// <summary>Seconds a refused client is asked to wait.</summary>
    private const int RetryAfterSeconds = 1;

    /// <summary>How long a stop waits for the requests in flight.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The text analysed at start: it loads every model the pipeline uses before /health says ready.</summary>
    private const string WarmUpText = "“The models are loaded,” Margaret Okafor said on Monday. She said the service was ready.";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs the service until it is stopped; returns the exit code.</summary>
    /// <param name="options">The parsed command line (serve's options and the extraction options).</param>
    /// <param name="stderr">Where the logs go.</param>
    public static int Run(CliOptions options, TextWriter stderr)
    {
        ExtractorPipeline pipeline = options.CreatePipeline();
        using WebApplication app = Build(options, pipeline, logging => logging.AddJsonConsole(console => console.JsonWriterOptions = new JsonWriterOptions { Indented = false }));
        try
        {
            app.Run();
        }
        catch (Exception ex) when (ex is IOException or FormatException or InvalidOperationException)
        {
            // Kestrel reports a port in use as an IOException, an address it cannot parse as a FormatException.
            stderr.WriteLine($"quote-extract: serve: cannot listen on {options.Urls}: {ex.Message}");
            return ExitCodes.InputError;
        }

        return ExitCodes.Ok;
    }

    /// <summary>The service, built and not started: the command runs it, tests start it on a free loopback port.</summary>
    /// <param name="options">Where to listen, the limits and the extraction options.</param>
    /// <param name="pipeline">The pipeline every request uses.</param>
    /// <param name="configureLogging">Adds the log providers (all logs go to standard error with the console one).</param>
    public static WebApplication Build(CliOptions options, ExtractorPipeline pipeline, Action<ILoggingBuilder> configureLogging)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        // One line per request is ours (LogRequest); ASP.NET Core's own per-request lines would double it.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configureLogging(builder.Logging);
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = DrainTimeout);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServeJsonContext.Compact);
            json.SerializerOptions.Encoder = MinimalJsonEncoder.Instance;
        });
        builder.Services.AddSingleton<ServiceReadiness>();
        builder.Services.AddOpenApi();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new ValueTask(WriteErrorAsync(
                    context.HttpContext,
                    StatusCodes.Status503ServiceUnavailable,
                    $"the service is busy ({options.ConcurrencyLimit} requests at once, {options.QueueLength} waiting): retry after {RetryAfterSeconds} s",
                    cancellationToken));
            };
            limiter.AddConcurrencyLimiter(AnalysisPolicy, concurrency =>
            {
                concurrency.PermitLimit = options.ConcurrencyLimit;
                concurrency.QueueLimit = options.QueueLength;
                concurrency.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
        });

        WebApplication app = builder.Build();
        ILogger log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("QuoteExtract.Serve");
        ServiceReadiness readiness = app.Services.GetRequiredService<ServiceReadiness>();
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => WarmUp(pipeline, readiness, log, options)));

        app.Use(async (context, next) =>
        {
            long started = Stopwatch.GetTimestamp();
            await next(context).ConfigureAwait(false);
            if (log.IsEnabled(LogLevel.Information))
            {
                double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                string path = context.Request.Path.Value ?? "";
                LogRequest(log, context.Request.Method, path, context.Response.StatusCode, elapsed, context.RequestAborted.IsCancellationRequested);
            }
        });
        app.UseRateLimiter();

        app.MapPost("/v1/analyze", (Func<HttpContext, Task>)(context => AnalyzeAsync(context, pipeline, log)))
            .Accepts<InputDocument>("application/json")
            .Produces<DocumentJson>(StatusCodes.Status200OK, "application/json")
            .Produces<ErrorJson>(StatusCodes.Status400BadRequest, "application/json")
            .Produces<ErrorJson>(StatusCodes.Status413PayloadTooLarge, "application/json")
            .Produces<ErrorJson>(StatusCodes.Status503ServiceUnavailable, "application/json")
            .WithSummary("Analyse one document: the --jsonl output line for {\"id\", \"text\"}.")
            .RequireRateLimiting(AnalysisPolicy);
        app.MapPost("/v1/analyze/batch", (Func<HttpContext, Task>)(context => AnalyzeBatchAsync(context, pipeline, options.DegreeOfParallelism)))
            .Accepts<InputDocument>("application/x-ndjson", "application/jsonl", "application/json", "text/plain")
            .Produces<DocumentJson>(StatusCodes.Status200OK, "application/x-ndjson")
            .Produces<ErrorJson>(StatusCodes.Status413PayloadTooLarge, "application/json")
            .Produces<ErrorJson>(StatusCodes.Status503ServiceUnavailable, "application/json")
            .WithSummary("Analyse JSON Lines: one output line per input line, streamed, in input order; a bad line gives {\"line\", \"error\"}.")
            .RequireRateLimiting(AnalysisPolicy);
        app.MapGet("/health", (Func<HttpContext, Task>)(context => HealthAsync(context, readiness)))
            .Produces<HealthJson>(StatusCodes.Status200OK, "application/json")
            .Produces<HealthJson>(StatusCodes.Status503ServiceUnavailable, "application/json")
            .WithSummary("200 once the models are loaded, 503 before.");
        app.MapOpenApi();
        return app;
    }

    /// <summary>POST /v1/analyze: one JSON object in, the --jsonl line out.</summary>
    private static async Task AnalyzeAsync(HttpContext context, ExtractorPipeline pipeline, ILogger log)
    {
        CancellationToken aborted = context.RequestAborted;
        string body;
        try
        {
            using var reader = new StreamReader(context.Request.Body, Utf8, detectEncodingFromByteOrderMarks: true);
            body = await reader.ReadToEndAsync(aborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            await WriteErrorAsync(context, ex.StatusCode, BodyError(context, ex), aborted).ConfigureAwait(false);
            return;
        }

        JsonLinesCommand.LineResult result;
        try
        {
            // The analysis is processor work: it runs on the request's pool thread, bounded by the limiter.
            LogAnalysisStarted(log, context.TraceIdentifier, body.Length);
            result = JsonLinesCommand.Process((1, body), pipeline, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            LogAnalysisCancelled(log, context.TraceIdentifier);
            return; // the client has gone: nobody reads an answer
        }

        if (result.Json is null)
        {
            int status = result.ExtractorFailed ? StatusCodes.Status500InternalServerError : StatusCodes.Status400BadRequest;
            await WriteErrorAsync(context, status, result.Error ?? "no analysis", aborted).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(result.Json, Utf8, aborted).ConfigureAwait(false);
    }

    /// <summary>POST /v1/analyze/batch: JSON Lines in, JSON Lines out, streamed in input order.</summary>
    private static async Task AnalyzeBatchAsync(HttpContext context, ExtractorPipeline pipeline, int degree)
    {
        CancellationToken aborted = context.RequestAborted;
        try
        {
            // Refuse a declared length over the limit before anything is read or written.
            ReadResult first = await context.Request.BodyReader.ReadAsync(aborted).ConfigureAwait(false);
            context.Request.BodyReader.AdvanceTo(first.Buffer.Start);
        }
        catch (BadHttpRequestException ex)
        {
            await WriteErrorAsync(context, ex.StatusCode, BodyError(context, ex), aborted).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return;
        }

        context.Response.ContentType = "application/x-ndjson; charset=utf-8";

        // OrderedParallel reads and writes on one thread, synchronously: that thread is a pool thread of its own
        // here, so the request's I/O may block it.
        context.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;
        try
        {
            await Task.Run(
                () =>
                {
                    using var reader = new StreamReader(context.Request.Body, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
                    using var writer = new StreamWriter(context.Response.Body, Utf8, bufferSize: 1 << 16);
                    OrderedParallel.ForEach(
                        JsonLinesCommand.ReadDocuments(reader),
                        line => JsonLinesCommand.Process(line, pipeline, aborted),
                        result => writer.WriteLine(result.Json ?? JsonSerializer.Serialize(new BatchErrorJson(result.LineNumber, result.Error ?? "no analysis"), ServeJsonContext.Compact.BatchErrorJson)),
                        degree,
                        whenIdle: writer.Flush);
                },
                aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client has gone.
        }
        catch (BadHttpRequestException)
        {
            // The body grew past the limit after the answer had begun: the status is sent, so the connection is cut.
            context.Abort();
        }
    }

    /// <summary>GET /health.</summary>
    private static Task HealthAsync(HttpContext context, ServiceReadiness readiness)
    {
        bool ready = readiness.IsReady;
        context.Response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        return context.Response.WriteAsJsonAsync(new HealthJson(ready ? "ready" : "loading"), ServeJsonContext.Compact.HealthJson, contentType: null, context.RequestAborted);
    }

    private static void WarmUp(ExtractorPipeline pipeline, ServiceReadiness readiness, ILogger log, CliOptions options)
    {
        long started = Stopwatch.GetTimestamp();
        _ = pipeline.Analyze(WarmUpText);
        readiness.MarkReady();
        if (log.IsEnabled(LogLevel.Information))
        {
            double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogReady(log, options.Urls, options.ConcurrencyLimit, options.QueueLength, options.MaxRequestBytes, elapsed);
        }
    }

    /// <summary>What a refused body is told: the limit for one too large, Kestrel's reason for anything else.</summary>
    private static string BodyError(HttpContext context, BadHttpRequestException ex) =>
        ex.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? $"the request body is larger than the service's limit of {context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize} bytes (--max-request-bytes)"
            : ex.Message;

    private static async Task WriteErrorAsync(HttpContext context, int status, string message, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new ErrorJson(message), ServeJsonContext.Compact.ErrorJson, contentType: null, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {StatusCode} in {ElapsedMs:0.0} ms (client gone: {Aborted})")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs, bool aborted);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "request {TraceId}: analysing a body of {Length} characters")]
    private static partial void LogAnalysisStarted(ILogger logger, string traceId, int length);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "request {TraceId}: the client went away; its analysis stopped")]
    private static partial void LogAnalysisCancelled(ILogger logger, string traceId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "ready on {Urls}: {Concurrency} requests at once, {Queue} waiting, bodies up to {MaxRequestBytes} bytes; models loaded in {ElapsedMs:0} ms")]
    private static partial void LogReady(ILogger logger, string urls, int concurrency, int queue, long maxRequestBytes, double elapsedMs);
}
