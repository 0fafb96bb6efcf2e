using System.IO;
using QuoteExtract.Entities;
using QuoteExtract.Models;

namespace QuoteExtract.Tests.Entities;

/// <summary>The model format and the decoder, on a tiny hand-made model.</summary>
public class NerModelTests
{
    /// <summary>A two-stage model of 2^8 rows with random weights and a one-entry gazetteer; a few kilobytes.</summary>
    internal static NerModel TinyModel(LabelScheme scheme)
    {
        NerLabels labels = NerLabels.Create(scheme);
        const int bits = 8;
        var random = new Random(7);
        float[][] weights = Enumerable.Range(0, labels.Count)
            .Select(_ => Enumerable.Range(0, 1 << bits).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray())
            .ToArray();
        float[] bias = Enumerable.Range(0, labels.Count).Select(c => c == 0 ? 2f : 0f).ToArray();
        Gazetteer gazetteer = Gazetteer.Build([new(Gazetteer.SequenceStart(NerHash.LowerHash("paris")), (uint)GazetteerClass.City)]);
        return new NerModel(scheme, gazetteer, [NerStage.FromClassWeights(bits, weights, bias), NerStage.FromClassWeights(bits, weights, bias)], "tiny");
    }

    private static byte[] Tag(NerModel model, string text)
    {
        SegmentedText s = NewsTokenizer.Default.Segment(text);
        var labels = new byte[s.Tokens.Length];
        var probabilities = new float[s.Tokens.Length];
        new NerTagger(model).Tag(s.Text, s.Tokens.AsSpan(), s.Sentences.AsSpan(), new NerSyntaxInput([], null), labels, probabilities);
        return labels;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Model_round_trips_through_its_binary_format(bool bilou)
    {
        NerModel model = TinyModel(bilou ? LabelScheme.Bilou : LabelScheme.Bio);
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        NerModel read = NerModel.Read(stream);

        Assert.Equal(model.Labels.Names, read.Labels.Names);
        Assert.Equal("tiny", read.Description);
        Assert.Equal(1, read.Gazetteer.Count);
        for (int s = 0; s < 2; s++)
        {
            Assert.Equal(model.Stages[s].Bias, read.Stages[s].Bias);
            Assert.Equal(model.Stages[s].Weights, read.Stages[s].Weights); // bytes, stored as they are
            Assert.Equal(model.Stages[s].Scale, read.Stages[s].Scale);
        }

        const string text = "Anna Becker flew from Paris to Lagos with Tom Walcott and Nina Roth on Monday.";
        Assert.Equal(Tag(model, text), Tag(read, text));
    }

    /// <summary>The tiny model with a gazetteer that also holds word clusters (Paris and Lagos in one, Monday in another).</summary>
    internal static NerModel WithClusters(NerModel model)
    {
        const uint cities = 1 | (2 << 4) | (3 << 8), days = 4 | (1 << 4) | (1 << 8);
        Gazetteer gazetteer = Gazetteer.Build([
            new(Gazetteer.SequenceStart(NerHash.LowerHash("paris")), (uint)GazetteerClass.City),
            new(Gazetteer.ClusterMarker, 3),
            new(Gazetteer.ClusterKey(NerHash.LowerHash("paris")), cities),
            new(Gazetteer.ClusterKey(NerHash.LowerHash("lagos")), cities),
            new(Gazetteer.ClusterKey(NerHash.LowerHash("monday")), days)]);
        return new NerModel(model.Labels.Scheme, gazetteer, model.Stages, model.Description);
    }

    [Fact]
    public void Word_clusters_share_the_gazetteer_without_touching_its_names()
    {
        Gazetteer plain = TinyModel(LabelScheme.Bilou).Gazetteer;
        Gazetteer clustered = WithClusters(TinyModel(LabelScheme.Bilou)).Gazetteer;
        Assert.False(plain.HasClusters);
        Assert.Equal(0u, plain.Cluster(NerHash.LowerHash("paris")));
        Assert.True(clustered.HasClusters);
        Assert.Equal(1u | (2u << 4) | (3u << 8), clustered.Cluster(NerHash.LowerHash("Paris"))); // the lower-case hash: any case
        Assert.Equal(0u, clustered.Cluster(NerHash.LowerHash("berlin")));
        Assert.Equal(GazetteerClass.City, clustered.Lookup(Gazetteer.SequenceStart(NerHash.LowerHash("paris"))));
        Assert.Equal(GazetteerClass.None, clustered.Lookup(Gazetteer.SequenceStart(NerHash.LowerHash("lagos")))); // a cluster is no name
    }

    [Fact]
    public void A_model_with_word_clusters_round_trips_and_its_features_read_them()
    {
        NerModel plain = TinyModel(LabelScheme.Bilou);
        NerModel clustered = WithClusters(plain);
        using var stream = new MemoryStream();
        clustered.Write(stream);
        stream.Position = 0;
        NerModel read = NerModel.Read(stream);

        Assert.True(read.Gazetteer.HasClusters);
        Assert.Equal(clustered.Gazetteer.Count, read.Gazetteer.Count);
        const string text = "Anna Becker flew from Paris to Lagos with Tom Walcott and Nina Roth on Monday.";
        Assert.Equal(Tag(clustered, text), Tag(read, text));
        Assert.NotEqual(Tag(plain, text), Tag(clustered, text)); // the cluster templates fire only where the gazetteer has clusters
    }

    [Fact]
    public void A_model_of_another_format_version_is_refused()
    {
        using var stream = new MemoryStream();
        TinyModel(LabelScheme.Bio).Write(stream);
        byte[] bytes = stream.ToArray();
        bytes[5] = 99; // format version
        Assert.Throws<InvalidModelException>(() => NerModel.Read(new MemoryStream(bytes)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decoded_labels_obey_the_scheme(bool bilou)
    {
        NerModel model = TinyModel(bilou ? LabelScheme.Bilou : LabelScheme.Bio);
        NerLabels labels = model.Labels;
        // Within a sentence no I- follows O (nor, in BILOU, a B- without its L-).
        SegmentedText s = NewsTokenizer.Default.Segment("Anna Becker flew from Paris to Lagos with Tom Walcott and Nina Roth on Monday.");
        byte[] one = Tag(model, "Anna Becker flew from Paris to Lagos with Tom Walcott and Nina Roth on Monday.");
        Assert.Contains(one, t => t != 0); // the random weights do tag something
        Assert.True(labels.CanStart[one[0]]);
        for (int i = 1; i < one.Length; i++)
        {
            Assert.True(labels.Allowed[one[i - 1] * labels.Count + one[i]], $"{labels.Names[one[i - 1]]} -> {labels.Names[one[i]]}");
        }

        Assert.True(labels.CanEnd[one[^1]]);
        Assert.Single(s.Sentences);
    }

    [Fact]
    public void Bilou_encoding_of_iob2_spans()
    {
        NerLabels labels = NerLabels.Create(LabelScheme.Bilou);
        EntityType?[] types = [EntityType.Person, EntityType.Person, null, EntityType.Location, EntityType.Location, EntityType.Location, EntityType.Location];
        bool[] begins = [true, false, false, true, false, false, true];
        var encoded = new byte[types.Length];
        labels.Encode(types, begins, encoded);
        Assert.Equal(new[] { "B-PER", "L-PER", "O", "B-LOC", "I-LOC", "L-LOC", "U-LOC" }, encoded.Select(e => labels.Names[e]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3_000)]
    public void Stage_one_features_computed_again_give_the_same_tags_as_kept_ones(int kept)
    {
        // The tagger keeps each token's stage-1 features for stage 2 up to a budget, and computes the rest again:
        // here the embedded two-stage model with a budget of none or a few sentences against the full one.
        NerModel model = EntityRecognizer.Default.Model;
        Assert.Equal(2, model.Stages.Length);
        SegmentedText s = NewsTokenizer.Default.Segment(QuoteExtract.Testing.HostileText.News(40_000));
        int n = s.Tokens.Length;
        var tagger = new NerTagger(model);
        QuoteExtract.Syntax.SyntaxAnalyzer syntax = SyntaxModel.Default.Analyzer;
        (byte[] Labels, float[] Probabilities) Run(int budget)
        {
            var labels = new byte[n];
            var probabilities = new float[n];
            UniversalPos[] tags = syntax.Tag(s.Text, s.Tokens.AsSpan(), s.Sentences.AsSpan(), default);
            TokenSyntax[] Parse(ReadOnlySpan<byte> first) => syntax.Parse(
                s.Text, s.Tokens.AsSpan(), s.Sentences.AsSpan(), (UniversalPos[])tags.Clone(), SyntaxScope.Attribution, EntityRecognizer.CapitalisedNameWords(s.Tokens.AsSpan(), first), default);
            tagger.Tag(s.Text, s.Tokens.AsSpan(), s.Sentences.AsSpan(), new NerSyntaxInput(tags, Parse), labels, probabilities, budget, default);
            return (labels, probabilities);
        }

        (byte[] fullLabels, float[] fullProbabilities) = Run(NerTagger.MaxKeptFeatures);
        (byte[] labels, float[] probabilities) = Run(kept);
        Assert.Contains(fullLabels, l => l != 0);
        Assert.Equal(fullLabels, labels);
        Assert.Equal(fullProbabilities, probabilities); // bit for bit: the same features, added in the same order
    }
}
