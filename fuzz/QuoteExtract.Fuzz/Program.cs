using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using QuoteExtract.Testing;
using SharpFuzz;

namespace QuoteExtract.Fuzz;

/// <summary>
/// The fuzz target: bytes → text → <see cref="Extractor.Analyze"/> → the invariants of
/// <see cref="AnalysisInvariants"/>, and the same result a second time. A violation throws, which the
/// fuzzer records as a crash. The README's "Fuzzing" section says how to instrument and run it.
/// </summary>
internal static class Program
{
    private const string Usage = """
        QuoteExtract.Fuzz: the fuzz target of QuoteExtract.
          QuoteExtract.Fuzz                 AFL++ fork server (run under afl-fuzz; reads one input otherwise)
          QuoteExtract.Fuzz libfuzzer       libFuzzer driver (run under libfuzzer-dotnet)
          QuoteExtract.Fuzz corpus DIR      write the seed inputs into DIR
          QuoteExtract.Fuzz run PATH...     run the target on files, or on every file of a folder (reproduce findings)
          QuoteExtract.Fuzz random SECONDS [SEED] [FINDINGS_DIR]
                                            no fuzzer at hand: mutate the seeds at random, in process, for SECONDS
          QuoteExtract.Fuzz jsonl FILE SIZE [NAME...]
                                            write the large hostile texts (all, or those NAMEd) with "1m" = SIZE
                                            characters as quote-extract --jsonl input, one malformed line second
        Input format: the first byte chooses the decoding (bit 0: UTF-8, or UTF-16LE, which can hold lone
        surrogates) and the pipeline (bits 1-2); the rest is the text.
        """;

    /// <summary>The pipelines an input can choose, with the options the invariants need.</summary>
    private static readonly (ExtractorOptions Options, ExtractorPipeline Pipeline)[] Pipelines =
    [
        .. new[]
        {
            new ExtractorOptions(),
            new ExtractorOptions { MinimumConfidence = 0 },
            new ExtractorOptions { IncludeIndirect = false, MinimumConfidence = 0.2 },
            new ExtractorOptions { RecognizeEntities = false, Tokenizer = new NewsTokenizerOptions { SplitClitics = false } },
        }.Select(o => (o, ExtractorPipeline.Create(o))),
    ];

    /// <summary>Byte strings that the mutations insert: quote marks in UTF-8, cues, line breaks.</summary>
    private static readonly byte[][] Dictionary =
    [
        .. new[]
        {
            "\u201C", "\u201D", "\u2018", "\u2019", "\"", "'", "''", "\u00AB", "\u00BB", "\u201E", "\u2039", "\u203A",
            " said ", " told ", ", he said.", " according to ", ": ", "\n", "\n\n", "\r\n", "\u2029", " \u2013 ",
            "Mr ", "Jane Smith", " that ", " the spokesman ", "\u200F", "\u202E", "\uFEFF", "\u00AD",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    public static int Main(string[] args)
    {
        try
        {
            switch (args.Length > 0 ? args[0] : "")
            {
                case "":
                    Fuzzer.OutOfProcess.Run(stream =>
                    {
                        using var buffer = new MemoryStream();
                        stream.CopyTo(buffer);
                        Target(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                    });
                    return 0;
                case "libfuzzer":
                    Fuzzer.LibFuzzer.Run(Target);
                    return 0;
                case "corpus" when args.Length == 2:
                    return WriteCorpus(args[1]);
                case "run" when args.Length > 1:
                    return RunFiles(args[1..]);
                case "jsonl" when args.Length >= 3:
                    return WriteJsonLines(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3..]);
                case "random" when args.Length is >= 2 and <= 4:
                    return RandomRun(
                        int.Parse(args[1], CultureInfo.InvariantCulture),
                        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.TickCount,
                        args.Length > 3 ? args[3] : "findings");
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"QuoteExtract.Fuzz: {ex.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    /// <summary>Decodes, analyses and checks one input; throws on a broken invariant.</summary>
    internal static void Target(ReadOnlySpan<byte> data)
    {
        byte mode = data.IsEmpty ? (byte)0 : data[0];
        ReadOnlySpan<byte> rest = data.IsEmpty ? data : data[1..];
        string text = (mode & 1) == 0
            ? Encoding.UTF8.GetString(rest)
            : new string(MemoryMarshal.Cast<byte, char>(rest[..(rest.Length & ~1)]));
        (ExtractorOptions options, ExtractorPipeline pipeline) = Pipelines[(mode >> 1) % Pipelines.Length];
        Analysis analysis = pipeline.Analyze(text);
        AnalysisInvariants.Check(text, analysis, options);
        if (!string.Equals(AnalysisInvariants.Canonical(analysis), AnalysisInvariants.Canonical(pipeline.Analyze(text)), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("two analyses of the same text differ");
        }
    }

    /// <summary>The seed inputs: each news snippet, and a few joined, in both encodings and with each pipeline.</summary>
    private static List<byte[]> Seeds()
    {
        var seeds = new List<byte[]>();
        var random = new Random(1);
        for (int i = 0; i < HostileText.Snippets.Length; i++)
        {
            string text = HostileText.Snippets[i];
            byte mode = (byte)((i % Pipelines.Length) << 1);
            seeds.Add([mode, .. Encoding.UTF8.GetBytes(text)]);
            if (i % 4 == 0)
            {
                seeds.Add([(byte)(mode | 1), .. MemoryMarshal.AsBytes(HostileText.RandomDocument(random, 3).AsSpan())]);
            }
        }

        seeds.Add([0, .. Encoding.UTF8.GetBytes(HostileText.News(2000))]);
        return seeds;
    }

    private static int WriteCorpus(string folder)
    {
        Directory.CreateDirectory(folder);
        List<byte[]> seeds = Seeds();
        for (int i = 0; i < seeds.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"seed-{i:D3}"), seeds[i]);
        }

        Console.WriteLine($"{seeds.Count} seeds written to {folder}");
        return 0;
    }

    private static int WriteJsonLines(string path, int size, string[] names)
    {
        using var output = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        int line = 0;
        foreach (string name in names.Length > 0 ? names : HostileText.LargeNames)
        {
            var document = new Dictionary<string, string> { ["id"] = name, ["text"] = HostileText.Large(name, size) };
            output.Write(System.Text.Json.JsonSerializer.Serialize(document));
            output.Write('\n');
            if (++line == 1)
            {
                output.Write("{\"id\": \"malformed\", \"text\": \"no closing quote}\n");
            }
        }

        return 0;
    }

    private static int RunFiles(string[] paths)
    {
        int failed = 0, count = 0;
        foreach (string path in paths)
        {
            foreach (string file in Directory.Exists(path) ? Directory.GetFiles(path) : [path])
            {
                count++;
                try
                {
                    Target(File.ReadAllBytes(file));
                }
#pragma warning disable CA1031 // Every failure is reported; the exit code counts them.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failed++;
                    Console.WriteLine($"FAIL {file}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        Console.WriteLine($"{count - failed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// Random mutation without coverage feedback, for a machine without AFL++ or libFuzzer: havoc edits
    /// (bit flips, bytes inserted, deleted and overwritten, dictionary words, repeated and spliced
    /// chunks) on the seeds and on earlier inputs. Failing inputs and inputs slower than two seconds are
    /// saved in <paramref name="findings"/>.
    /// </summary>
    private static int RandomRun(int seconds, int seed, string findings)
    {
        var random = new Random(seed);
        List<byte[]> pool = Seeds();
        int seedCount = pool.Count;
        var clock = Stopwatch.StartNew();
        long executions = 0, bytes = 0;
        int failures = 0, slow = 0, longest = 0;
        Console.WriteLine($"random mutation for {seconds} s, seed {seed}");
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            byte[] input = Mutate(random, pool);
            var one = Stopwatch.StartNew();
            try
            {
                Target(input);
            }
#pragma warning disable CA1031 // A failing input is saved and counted, and the run goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                string file = Save(findings, "crash", input);
                Console.WriteLine($"FAIL {file}: {ex.GetType().Name}: {ex.Message}");
            }

            if (one.Elapsed.TotalSeconds > 2)
            {
                slow++;
                Console.WriteLine($"SLOW {Save(findings, "slow", input)}: {input.Length} bytes in {one.Elapsed.TotalSeconds:F1} s");
            }

            executions++;
            bytes += input.Length;
            longest = Math.Max(longest, input.Length);
            // No coverage to tell which inputs are interesting: keep some at random, never losing the seeds.
            if (pool.Count < 4000 && random.Next(4) == 0)
            {
                pool.Add(input);
            }
            else if (pool.Count >= 4000 && random.Next(8) == 0)
            {
                pool[random.Next(seedCount, pool.Count)] = input;
            }

            if (executions % 100_000 == 0)
            {
                Console.WriteLine($"{clock.Elapsed.TotalMinutes:F1} min: {executions:N0} executions, {failures} failing, {slow} slow");
            }
        }

        Console.WriteLine(
            $"{executions:N0} executions in {clock.Elapsed.TotalSeconds:F0} s ({executions / clock.Elapsed.TotalSeconds:F0}/s), " +
            $"mean input {bytes / Math.Max(1, executions)} bytes, longest {longest}; {failures} failing, {slow} slower than 2 s");
        return failures == 0 ? 0 : 1;
    }

    private static byte[] Mutate(Random random, List<byte[]> pool)
    {
        var data = new List<byte>(pool[random.Next(pool.Count)]);
        int edits = 1 << random.Next(4);
        for (int e = 0; e < edits; e++)
        {
            int at = random.Next(data.Count + 1);
            switch (random.Next(9))
            {
                case 0 when at < data.Count:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when at < data.Count:
                    data[at] = (byte)random.Next(256);
                    break;
                case 2:
                    data.Insert(at, (byte)random.Next(256));
                    break;
                case 3 when at < data.Count:
                    data.RemoveRange(at, random.Next(1, Math.Min(16, data.Count - at) + 1));
                    break;
                case 4:
                case 5:
                    data.InsertRange(at, Dictionary[random.Next(Dictionary.Length)]);
                    break;
                case 6 when at < data.Count:
                {
                    // Repeat a chunk: long runs of marks, names and cues.
                    int length = random.Next(1, Math.Min(32, data.Count - at) + 1);
                    byte[] chunk = [.. data.GetRange(at, length)];
                    int times = random.Next(2, 1 << random.Next(2, 11));
                    for (int i = 0; i < times && data.Count < (256 << 10); i++)
                    {
                        data.InsertRange(at, chunk);
                    }

                    break;
                }

                case 7:
                {
                    byte[] other = pool[random.Next(pool.Count)];
                    int from = random.Next(other.Length + 1);
                    data.InsertRange(at, other.AsSpan(from, random.Next(other.Length - from + 1)).ToArray());
                    break;
                }

                default:
                    if (data.Count > 0)
                    {
                        data[0] = (byte)random.Next(256); // another decoding or pipeline
                    }

                    break;
            }
        }

        return data.Count > (256 << 10) ? [.. data.GetRange(0, 256 << 10)] : [.. data];
    }

    private static string Save(string folder, string kind, byte[] input)
    {
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(input))[..16]}");
        File.WriteAllBytes(file, input);
        return file;
    }
}
