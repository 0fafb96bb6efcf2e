using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using QuoteExtract.Cli;
using QuoteExtract.Cli.Serve;
using QuoteExtract.Tests.Packaging;

namespace QuoteExtract.Tests.Cli;

/// <summary>
/// quote-extract serve over real HTTP on a loopback port: the answers are the --jsonl lines, under load and
/// in batches; bad requests, oversized bodies and overload get their status codes; a client that goes away
/// stops its analysis; SIGTERM lets the request in flight finish.
/// </summary>
public sealed class ServeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The sample articles and generated ones, as --jsonl input lines.</summary>
    private static readonly string[] Documents = MakeDocuments();

    [Fact]
    public async Task Each_document_gets_the_line_jsonl_writes_for_it()
    {
        await using var service = await Service.StartAsync(new CliOptions { Concurrency = 2 });
        string[] expected = JsonLines(Documents);
        for (int i = 0; i < Documents.Length; i++)
        {
            using HttpResponseMessage response = await service.Client.PostAsync("/v1/analyze", Json(Documents[i]));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(expected[i], await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Five_hundred_requests_from_32_clients_are_all_answered_with_the_same_results()
    {
        await using var service = await Service.StartAsync(new CliOptions { Concurrency = 2, QueueLength = 64 });
        string[] expected = JsonLines(Documents);
        var answers = new ConcurrentDictionary<int, string>();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        int next = -1;
        Task[] clients = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            for (int n = Interlocked.Increment(ref next); n < 500; n = Interlocked.Increment(ref next))
            {
                using HttpResponseMessage response = await service.Client.PostAsync("/v1/analyze", Json(Documents[n % Documents.Length]));
                statuses.Add(response.StatusCode);
                answers[n] = await response.Content.ReadAsStringAsync();
            }
        })).ToArray();
        await Task.WhenAll(clients).WaitAsync(Patience * 4);

        Assert.Equal(500, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(500, answers.Count);
        Assert.All(answers, a => Assert.Equal(expected[a.Key % Documents.Length], a.Value));
    }

    [Fact]
    public async Task A_batch_streams_one_line_per_input_line_in_order_with_bad_lines_in_place()
    {
        await using var service = await Service.StartAsync(new CliOptions { Threads = 2 });
        string[] lines = [.. Documents, "{\"id\": \"no text\"}", "not json", .. Documents.Reverse()];
        string[] good = JsonLines(lines.Where(l => l.Contains("\"text\"", StringComparison.Ordinal)).ToArray());

        using var body = new StringContent(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson");
        using HttpResponseMessage response = await service.Client.PostAsync("/v1/analyze/batch", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        string[] output = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(lines.Length, output.Length);
        Assert.Equal(good[..Documents.Length], output[..Documents.Length]);
        Assert.Equal(good[Documents.Length..], output[(Documents.Length + 2)..]);
        using (JsonDocument noText = JsonDocument.Parse(output[Documents.Length]))
        {
            Assert.Equal(Documents.Length + 1, noText.RootElement.GetProperty("line").GetInt64());
            Assert.Contains("no \"text\" string", noText.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        using JsonDocument notJson = JsonDocument.Parse(output[Documents.Length + 1]);
        Assert.Equal(Documents.Length + 2, notJson.RootElement.GetProperty("line").GetInt64());
        Assert.StartsWith("invalid JSON", notJson.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\": 1, \"text\": ", "invalid JSON")]
    [InlineData("{\"id\": 1}", "no \"text\" string")]
    [InlineData("[1, 2]", "invalid JSON")]
    [InlineData("{\"id\": [1], \"text\": \"Hello.\"}", "\"id\" must be a string or a number")]
    public async Task A_malformed_request_gets_400_with_the_reason(string body, string reason)
    {
        await using var service = await Service.StartAsync(new CliOptions());
        using HttpResponseMessage response = await service.Client.PostAsync("/v1/analyze", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await ErrorOf(response), StringComparison.Ordinal);
        await AssertStillAnswers(service);
    }

    [Theory]
    [InlineData("/v1/analyze")]
    [InlineData("/v1/analyze/batch")]
    public async Task A_body_over_the_limit_gets_413(string path)
    {
        await using var service = await Service.StartAsync(new CliOptions { MaxRequestBytes = 4096 });
        string text = string.Concat(Enumerable.Repeat("The council said the pier would reopen. ", 200));
        string line = JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = "big", ["text"] = text });
        using HttpResponseMessage response = await service.Client.PostAsync(path, new StringContent(line, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("4096 bytes", await ErrorOf(response), StringComparison.Ordinal);
        await AssertStillAnswers(service);
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_its_content_type_gets_415()
    {
        await using var service = await Service.StartAsync(new CliOptions());
        using HttpResponseMessage response = await service.Client.PostAsync("/v1/analyze", new StringContent(Documents[0], Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Overload_is_refused_with_503_and_Retry_After_and_the_service_stays_healthy()
    {
        await using var service = await Service.StartAsync(new CliOptions { Concurrency = 1, QueueLength = 0 });
        string big = JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = "big", ["text"] = LongArticle(200_000) });
        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => service.Client.PostAsync("/v1/analyze", Json(big))));
        try
        {
            HttpResponseMessage[] refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToArray();
            Assert.NotEmpty(refused);
            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, r.StatusCode.ToString()));
            Assert.All(refused, r => Assert.Equal(TimeSpan.FromSeconds(1), r.Headers.RetryAfter?.Delta));
            Assert.Contains("busy", await ErrorOf(refused[0]), StringComparison.Ordinal);
        }
        finally
        {
            foreach (HttpResponseMessage response in responses)
            {
                response.Dispose();
            }
        }

        using HttpResponseMessage health = await service.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await AssertStillAnswers(service);
    }

    [Fact]
    public async Task A_client_that_goes_away_stops_its_analysis()
    {
        await using var service = await Service.StartAsync(new CliOptions { Concurrency = 1 });
        string huge = JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = "huge", ["text"] = LongArticle(3_000_000) });
        using var cancel = new CancellationTokenSource();
        Task<HttpResponseMessage> request = service.Client.PostAsync("/v1/analyze", Json(huge), cancel.Token);

        await service.Logs.WaitForAsync(e => e.EventId == 3, Patience); // the analysis has begun
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        // The service says so only when the pipeline stopped on the token, not when the analysis ran to its end.
        await service.Logs.WaitForAsync(e => e.EventId == 4, Patience);
        await AssertStillAnswers(service);
    }

    [Fact]
    public async Task Health_is_ready_once_the_models_are_loaded_and_the_OpenAPI_document_names_the_endpoints()
    {
        await using var service = await Service.StartAsync(new CliOptions());
        using HttpResponseMessage health = await service.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using (JsonDocument body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()))
        {
            Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
        }

        using HttpResponseMessage openApi = await service.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        using JsonDocument document = JsonDocument.Parse(await openApi.Content.ReadAsStringAsync());
        JsonElement paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/v1/analyze").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/v1/analyze/batch").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/health").TryGetProperty("get", out _));
    }

    [Fact]
    public Task SIGTERM_lets_the_request_in_flight_finish_before_the_process_exits() =>
        AssertDrainsOnSigterm(ChildProcess.DotnetExecutable, Path.Combine(AppContext.BaseDirectory, "quote-extract.dll"));

    [NativeToolFact]
    public Task The_native_service_drains_on_SIGTERM_too() => AssertDrainsOnSigterm(NativeToolTests.NativeTool!);

    /// <summary>The service as a child process: a request in flight when SIGTERM comes is answered, then the process exits 0.</summary>
    private static async Task AssertDrainsOnSigterm(string executable, params string[] before)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // SIGTERM is sent with kill(1)
        }

        int port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The service's debug line "analysing a body" says when the request is in flight (configuration from the environment).
        start.Environment["Logging__LogLevel__QuoteExtract.Serve"] = "Debug";
        foreach (string arg in before.Concat(["serve", "--urls", $"http://127.0.0.1:{port}", "--concurrency", "1"]))
        {
            start.ArgumentList.Add(arg);
        }

        using Process server = Process.Start(start)!;
        var log = new StringBuilder();
        server.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.OutputDataReceived += (_, _) => { };
        server.BeginErrorReadLine();
        server.BeginOutputReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Patience * 2 };
            await WaitUntilReady(client);
            string big = JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = "in flight", ["text"] = LongArticle(1_000_000) });
            Task<HttpResponseMessage> inFlight = client.PostAsync("/v1/analyze", Json(big));
            await WaitFor(() => { lock (log) { return log.ToString().Contains("analysing a body", StringComparison.Ordinal); } }, Patience);

            using (Process kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using HttpResponseMessage response = await inFlight;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("{\"id\":\"in flight\",\"quotes\":[", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(server.WaitForExit(Patience), "the service did not exit after SIGTERM");
            Assert.Equal(0, server.ExitCode);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    [Theory]
    [InlineData(new[] { "serve", "FILE.txt" }, "'FILE.txt' (serve reads no files) does not go with serve")]
    [InlineData(new[] { "serve", "--jsonl" }, "serve answers in JSON and JSON Lines")]
    [InlineData(new[] { "serve", "--concurrency", "0" }, "--concurrency must be a whole number of at least 1, not '0'")]
    [InlineData(new[] { "serve", "--queue", "x" }, "--queue must be a whole number of at least 0, not 'x'")]
    [InlineData(new[] { "serve", "--max-request-bytes", "-5" }, "--max-request-bytes must be a whole number of at least 1, not '-5'")]
    [InlineData(new[] { "--urls", "http://127.0.0.1:1", "FILE.txt" }, "go with serve only")]
    [InlineData(new[] { "serve", "--urls", "nonsense" }, "--urls takes http:// addresses such as http://127.0.0.1:8080")]
    [InlineData(new[] { "serve", "--urls", "http://127.0.0.1:8080;https://127.0.0.1:8443" }, "not 'https://127.0.0.1:8443'")]
    public void Serve_command_line_errors_are_usage_errors(string[] args, string message)
    {
        CliResult result = CliHost.Run(args);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Net8BuildFact]
    public void The_net8_build_refuses_serve_as_a_usage_error()
    {
        ChildResult result = ChildProcess.Run(ChildProcess.DotnetExecutable, [Net8BuildFactAttribute.Tool, "serve"], CliHost.RepoRoot, Patience);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("serve needs the .NET 10 build of quote-extract or the native executable", result.Output, StringComparison.Ordinal);
        Assert.Contains("Try 'quote-extract --help'", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_options_are_read()
    {
        CliOptions options = CliOptions.Parse(["serve", "--urls", "http://127.0.0.1:9999", "--max-request-bytes=1000", "--concurrency", "3", "--queue", "0", "--no-entities"], out string? error)!;
        Assert.Null(error);
        Assert.Equal(CliCommand.Serve, options.Command);
        Assert.Equal(("http://127.0.0.1:9999", 1000L, 3, 0, true), (options.Urls, options.MaxRequestBytes, options.ConcurrencyLimit, options.QueueLength, options.NoEntities));
        CliOptions defaults = CliOptions.Parse(["serve"], out _)!;
        Assert.Equal((CliOptions.DefaultUrls, 64L << 20, Environment.ProcessorCount, 16), (defaults.Urls, defaults.MaxRequestBytes, defaults.ConcurrencyLimit, defaults.QueueLength));
    }

    private static async Task AssertStillAnswers(Service service)
    {
        using HttpResponseMessage response = await service.Client.PostAsync("/v1/analyze", Json(Documents[0]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonLines([Documents[0]])[0], await response.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string line) => new(line, Encoding.UTF8, "application/json");

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetString()!;
    }

    /// <summary>What quote-extract --jsonl writes for these lines (in process).</summary>
    private static string[] JsonLines(string[] lines)
    {
        string input = Path.GetTempFileName();
        try
        {
            File.WriteAllText(input, string.Join('\n', lines) + "\n");
            CliResult result = CliHost.Run("--jsonl", input);
            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            return result.Lines;
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string[] MakeDocuments()
    {
        var texts = new List<(string Id, string Text)>();
        foreach (string path in Directory.GetFiles(Path.Combine(CliHost.RepoRoot, "samples"), "*.txt").Order(StringComparer.Ordinal))
        {
            texts.Add((Path.GetFileName(path), File.ReadAllText(path)));
        }

        string[] names = ["Margaret Okafor", "Daniel Reyes", "Priya Nandi", "Tom Whitcombe"];
        string[] claims = ["the repairs were on schedule", "the budget would not stretch to a second ferry", "rents had doubled in five years"];
        for (int i = 0; i < 8; i++)
        {
            string name = names[i % names.Length];
            texts.Add(($"generated-{i}", $"“We are not there yet,” {name} said on Tuesday.\n\n{name.Split(' ')[1]} said {claims[i % claims.Length]}.\n\nShe told reporters: ‘It will take {i + 2} months.’"));
        }

        return texts.Select(t => JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = t.Id, ["text"] = t.Text })).ToArray();
    }

    /// <summary>A long article of news paragraphs, about <paramref name="length"/> characters.</summary>
    private static string LongArticle(int length)
    {
        const string Paragraph = "“The pier will reopen next summer,” council leader Margaret Okafor said. Harbour master Daniel Reyes said the repairs were on schedule and the budget would hold.\n\n";
        return string.Concat(Enumerable.Repeat(Paragraph, (length / Paragraph.Length) + 1));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilReady(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using HttpResponseMessage health = await client.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (clock.Elapsed < Patience)
            {
                // Not listening yet.
            }

            Assert.True(clock.Elapsed < Patience, "the service did not become ready");
            await Task.Delay(50);
        }
    }

    private static async Task WaitFor(Func<bool> condition, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < patience, "the awaited condition did not come");
            await Task.Delay(20);
        }
    }

    /// <summary>One log entry of the service.</summary>
    internal readonly record struct LogEntry(int EventId, LogLevel Level, string Message);

    /// <summary>The service's log entries, kept for the test to wait on.</summary>
    internal sealed class LogCollector : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogEntry> _entries = new();

        public ILogger CreateLogger(string categoryName) => new Logger(_entries);

        public async Task WaitForAsync(Func<LogEntry, bool> match, TimeSpan patience) => await WaitFor(() => _entries.Any(match), patience);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(eventId.Id, logLevel, formatter(state, exception)));
        }
    }

    /// <summary>The service in process on a free loopback port, ready (its models loaded), with a client.</summary>
    private sealed class Service(WebApplication app, HttpClient client, LogCollector logs) : IAsyncDisposable
    {
        public HttpClient Client { get; } = client;

        public LogCollector Logs { get; } = logs;

        public static async Task<Service> StartAsync(CliOptions options)
        {
            options = options with { Command = CliCommand.Serve, Urls = "http://127.0.0.1:0" };
            var logs = new LogCollector();
            WebApplication app = ServeCommand.Build(options, options.CreatePipeline(), logging =>
            {
                logging.SetMinimumLevel(LogLevel.Debug);
                logging.AddProvider(logs);
            });
            await app.StartAsync();
            var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = Patience * 2 };
            await WaitUntilReady(client);
            return new Service(app, client, logs);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

/// <summary>
/// A fact about the net8.0 build of the tool (src/QuoteExtract.Cli/bin/CONFIGURATION/net8.0, made by the
/// solution's build; the tests themselves run on net10.0); skipped, with the reason, when it is not there.
/// </summary>
internal sealed class Net8BuildFactAttribute : FactAttribute
{
    public Net8BuildFactAttribute()
    {
        Skip = File.Exists(Tool) ? null : $"no net8.0 build of the tool at {Tool}: build the solution (dotnet build QuoteExtract.sln) to make it";
    }

    /// <summary>quote-extract.dll of the net8.0 build in this test run's configuration (the folder above net10.0 in the tests' output).</summary>
    public static string Tool { get; } = Path.Combine(
        CliHost.RepoRoot, "src", "QuoteExtract.Cli", "bin", Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!, "net8.0", "quote-extract.dll");
}
