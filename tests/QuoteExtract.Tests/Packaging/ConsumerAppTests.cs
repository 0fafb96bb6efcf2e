using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using QuoteExtract.Models;
using QuoteExtract.Tests.Cli;
using Xunit.Abstractions;

namespace QuoteExtract.Tests.Packaging;

/// <summary>Tests that pack, restore and build: slow and CPU-hungry, so they run alone, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackagingTestGroup
{
    public const string Name = "Packaging (runs alone)";
}

/// <summary>
/// Another .NET app can use the package: the library is packed into a temporary feed with a unique
/// version, a fresh console app references it from there and analyses a short article of its own.
/// Nothing touches the repository's bin/obj or the user's package cache: the pack builds under its own
/// artifacts folder, and the app restores into its own packages folder (the user's cache only serves, read
/// only, the dependencies it already holds).
/// </summary>
[Collection(PackagingTestGroup.Name)]
public sealed class ConsumerAppTests(ITestOutputHelper log)
{
    private const string Article = """
        Pier to reopen next summer

        “We will reopen the pier next summer,” council leader Margaret Okafor said.

        Harbour master Daniel Reyes said the repairs were on schedule.
        """;

    private const string ConsumerProgram = """
        using System.Reflection;
        using QuoteExtract;

        Analysis analysis = Extractor.Analyze(File.ReadAllText(args[0]));
        Assembly library = typeof(Extractor).Assembly;
        Assembly models = Assembly.Load("QuoteExtract.Models");
        Console.WriteLine($"library\t{library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion}\t{library.Location}\t{models.Location}");
        foreach (string resource in library.GetManifestResourceNames().Concat(models.GetManifestResourceNames()).Order(StringComparer.Ordinal))
        {
            Console.WriteLine($"resource\t{resource}");
        }

        foreach (Quote quote in analysis.Quotes)
        {
            Console.WriteLine($"quote\t{quote.Kind}\t{quote.Text}\t{quote.Speaker?.Name}\t{quote.Speaker?.Text}\t{quote.Cue?.Lemma}");
        }

        foreach (Entity entity in analysis.Entities)
        {
            Console.WriteLine($"entity\t{entity.Type.ToLabel()}\t{entity.Text}\t{entity.Name}");
        }

        foreach (EntityGroup group in analysis.Groups)
        {
            Console.WriteLine($"group\t{group.Type.ToLabel()}\t{group.Name}\t{string.Join(',', group.Quotes)}");
        }
        """;

    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void A_console_app_that_references_the_packed_library_finds_the_quote_and_its_speaker()
    {
        string root = Directory.CreateTempSubdirectory("quoteextract-consumer-").FullName;
        try
        {
            string version = $"0.1.0-test.{DateTime.UtcNow.Ticks}";
            string feed = Path.Combine(root, "feed");
            string[] output = PackAndRunConsumer(root, feed, version);

            AssertPackageLayout(feed, version);
            AssertUsesThePackedLibrary(output, Path.Combine(root, "packages"), version);
            AssertQuoteAndSpeaker(output);
            AssertSameAnalysisAsInProcess(output);
            AssertEntitiesWhenTheLibraryEmbedsAModel(output);
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is no failure.
            }
        }
    }

    /// <summary>Packs the library and its models into <paramref name="feed"/>, builds a console app on them and returns its output lines.</summary>
    private string[] PackAndRunConsumer(string root, string feed, string version)
    {
        var total = Stopwatch.StartNew();
        foreach (string project in new[] { "QuoteExtract.Models", "QuoteExtract" })
        {
            string path = Path.Combine(CliHost.RepoRoot, "src", project, project + ".csproj");
            ChildResult pack = ChildProcess.RunDotnet(
                ["pack", path, "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(root, "artifacts"), $"-p:Version={version}", "-nodeReuse:false", "-v", "q"],
                root,
                StepTimeout);
            log.WriteLine($"dotnet pack {project}: {pack.Elapsed.TotalSeconds:0.0} s");
        }

        // The app lives outside the repository: empty Directory.* files stop MSBuild from looking further up.
        string app = Path.Combine(root, "app");
        Directory.CreateDirectory(app);
        foreach (string name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(root, name), "<Project />\n");
        }

        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="QuoteExtract" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerProgram);
        File.WriteAllText(Path.Combine(app, "nuget.config"), NuGetConfig(feed));
        string article = Path.Combine(root, "article.txt");
        File.WriteAllText(article, Article);

        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") };
        ChildResult build = ChildProcess.RunDotnet(["build", "-c", "Release", "-nodeReuse:false", "-v", "q"], app, StepTimeout, isolated);
        log.WriteLine($"dotnet build (restore + build): {build.Elapsed.TotalSeconds:0.0} s");

        string dll = Path.Combine(app, "bin", "Release", "net10.0", "Consumer.dll");
        ChildResult run = ChildProcess.RunDotnet([dll, article], app, StepTimeout, isolated);
        log.WriteLine($"consumer run: {run.Elapsed.TotalSeconds:0.0} s; total {total.Elapsed.TotalSeconds:0.0} s");
        log.WriteLine(run.Output);
        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// The temporary feed first and only for QuoteExtract and its models; the public feed for its dependencies, which the
    /// user's package cache (a read-only fallback folder) usually holds already, so that nothing is downloaded.
    /// </summary>
    private static string NuGetConfig(string feed)
    {
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var fallback = Directory.Exists(cache)
            ? new XElement("fallbackPackageFolders", new XElement("add", new XAttribute("key", "user-cache"), new XAttribute("value", cache)))
            : null;
        var config = new XElement(
            "configuration",
            new XElement(
                "packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", "test-feed"), new XAttribute("value", feed)),
                new XElement("add", new XAttribute("key", "nuget.org"), new XAttribute("value", "https://api.nuget.org/v3/index.json"))),
            new XElement(
                "packageSourceMapping",
                new XElement("packageSource", new XAttribute("key", "test-feed"), new XElement("package", new XAttribute("pattern", "QuoteExtract")), new XElement("package", new XAttribute("pattern", "QuoteExtract.Models"))),
                new XElement("packageSource", new XAttribute("key", "nuget.org"), new XElement("package", new XAttribute("pattern", "*")))),
            fallback);
        return config.ToString();
    }

    /// <summary>
    /// The .nupkg holds both targets with XML docs, the package README and the MIT expression, and depends on
    /// QuoteExtract.Models, the one copy of the models (one netstandard2.0 DLL); the .snupkg the PDBs.
    /// </summary>
    private static void AssertPackageLayout(string feed, string version)
    {
        string modelsPath = Path.Combine(feed, $"QuoteExtract.Models.{version}.nupkg");
        using (ZipArchive models = ZipFile.OpenRead(modelsPath))
        {
            string[] dlls = models.Entries.Select(e => e.FullName).Where(e => e.EndsWith(".dll", StringComparison.Ordinal)).ToArray();
            Assert.Equal(["lib/netstandard2.0/QuoteExtract.Models.dll"], dlls);
            Assert.Contains("PACKAGE.md", models.Entries.Select(e => e.FullName));
        }

        string libraryPath = Path.Combine(feed, $"QuoteExtract.{version}.nupkg");
        using ZipArchive package = ZipFile.OpenRead(libraryPath);
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();
        Assert.DoesNotContain(entries, e => e.EndsWith("QuoteExtract.Models.dll", StringComparison.Ordinal));

        // The speed issue's bar: at most 15 MB for what a user downloads, both packages together.
        Assert.InRange(new FileInfo(libraryPath).Length + new FileInfo(modelsPath).Length, 1, 15_000_000);
        foreach (string expected in new[]
        {
            "PACKAGE.md", "lib/net8.0/QuoteExtract.dll", "lib/net8.0/QuoteExtract.xml", "lib/net10.0/QuoteExtract.dll", "lib/net10.0/QuoteExtract.xml",
        })
        {
            Assert.Contains(expected, entries);
        }

        Assert.DoesNotContain(entries, e => e.StartsWith("content", StringComparison.OrdinalIgnoreCase) || e.EndsWith(".txt", StringComparison.OrdinalIgnoreCase));
        using (Stream nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open())
        {
            XElement metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
            Assert.Equal("MIT", Field("license"));
            Assert.Equal("PACKAGE.md", Field("readme"));
            Assert.Equal(version, Field("version"));
            XElement dependency = Assert.Single(metadata.Descendants().Where(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "QuoteExtract.Models").DistinctBy(e => (string?)e.Attribute("version")));
            Assert.Equal(version, (string?)dependency.Attribute("version"));
        }

        using ZipArchive symbols = ZipFile.OpenRead(Path.Combine(feed, $"QuoteExtract.{version}.snupkg"));
        Assert.Contains("lib/net8.0/QuoteExtract.pdb", symbols.Entries.Select(e => e.FullName));
        Assert.Contains("lib/net10.0/QuoteExtract.pdb", symbols.Entries.Select(e => e.FullName));
    }

    /// <summary>The app ran the packed assemblies, restored into its own packages folder, not some other copy.</summary>
    private static void AssertUsesThePackedLibrary(string[] output, string packages, string version)
    {
        string[] library = Fields(output, "library").Single();
        Assert.StartsWith(version, library[0], StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(packages, "quoteextract", version, "lib", "net10.0", "QuoteExtract.dll")), File.ReadAllBytes(library[1]));
        Assert.Equal(File.ReadAllBytes(Path.Combine(packages, "quoteextract.models", version, "lib", "netstandard2.0", "QuoteExtract.Models.dll")), File.ReadAllBytes(library[2]));
    }

    private static void AssertQuoteAndSpeaker(string[] output)
    {
        string[] quote = Assert.Single(Fields(output, "quote"), q => q[1].StartsWith("We will reopen the pier next summer", StringComparison.Ordinal));
        Assert.Equal("Direct", quote[0]);
        Assert.Equal("Margaret Okafor", quote[2]);
        Assert.Equal("say", quote[4]);
    }

    /// <summary>The packed library gives what the library under test gives, line for line, resources included.</summary>
    private static void AssertSameAnalysisAsInProcess(string[] output)
    {
        Analysis analysis = Extractor.Analyze(Article);
        string[] expected =
        [
            .. typeof(Extractor).Assembly.GetManifestResourceNames().Concat(ModelResources.Names()).Order(StringComparer.Ordinal).Select(r => $"resource\t{r}"),
            .. analysis.Quotes.Select(q => $"quote\t{q.Kind}\t{q.Text}\t{q.Speaker?.Name}\t{q.Speaker?.Text}\t{q.Cue?.Lemma}"),
            .. analysis.Entities.Select(e => $"entity\t{e.Type.ToLabel()}\t{e.Text}\t{e.Name}"),
            .. analysis.Groups.Select(g => $"group\t{g.Type.ToLabel()}\t{g.Name}\t{string.Join(',', g.Quotes)}"),
        ];
        Assert.Equal(expected, output.Where(line => !line.StartsWith("library\t", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Entities come from the tagger's model, embedded in QuoteExtract.Models.dll under QuoteExtract.Models.*.
    /// A build without the model reports none and there is nothing to check; with it, the packed DLL must carry
    /// it and tag the speaker as a person.
    /// </summary>
    private static void AssertEntitiesWhenTheLibraryEmbedsAModel(string[] output)
    {
        bool hasModel = ModelResources.Names().Contains(ModelResources.EntityModel);
        string[] packedModels = Fields(output, "resource").Select(r => r[0]).Where(r => r.StartsWith("QuoteExtract.Models.", StringComparison.Ordinal)).ToArray();
        if (!hasModel)
        {
            Assert.Empty(packedModels);
            Assert.Empty(Fields(output, "entity"));
            return;
        }

        Assert.NotEmpty(packedModels);
        Assert.Contains(Fields(output, "entity"), e => e[0] == "PER" && e[1] == "Margaret Okafor");
    }

    /// <summary>The tab-separated fields after the tag of each output line that starts with <paramref name="tag"/>.</summary>
    private static IEnumerable<string[]> Fields(string[] output, string tag) =>
        output.Select(line => line.Split('\t')).Where(f => f[0] == tag).Select(f => f[1..]);
}
