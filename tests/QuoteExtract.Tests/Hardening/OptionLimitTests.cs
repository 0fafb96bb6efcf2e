using System.Threading;

namespace QuoteExtract.Tests.Hardening;

/// <summary>The limits a pipeline's options set, and options out of range.</summary>
public class OptionLimitTests
{
    [Fact]
    public void Text_longer_than_MaxTextLength_is_refused_with_a_clear_message()
    {
        ExtractorPipeline pipeline = ExtractorPipeline.Create(new ExtractorOptions { MaxTextLength = 100 });
        string atLimit = string.Concat(Enumerable.Repeat("\u201CYes,\u201D he said. ", 20))[..100];
        Assert.Equal(atLimit, pipeline.Analyze(atLimit).Text);

        ArgumentException ex = Assert.Throws<ArgumentException>(() => pipeline.Analyze(atLimit + "!"));
        Assert.Equal("text", ex.ParamName);
        Assert.Contains("101", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxTextLength of 100", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Extractor.Analyze(new string(' ', 101), pipeline)); // white space counts too
        Assert.Throws<ArgumentException>(() => pipeline.Analyze(new string('x', 1 << 20), new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Default_MaxTextLength_admits_large_texts()
    {
        Assert.Equal(64 * 1024 * 1024, new ExtractorOptions().MaxTextLength);
        Assert.Equal(64 * 1024 * 1024, ExtractorPipeline.Default.Options.MaxTextLength);
    }

    [Theory]
    [InlineData(-0.01, 1)]
    [InlineData(1.01, 1)]
    [InlineData(double.NaN, 1)]
    [InlineData(double.NegativeInfinity, 1)]
    [InlineData(double.PositiveInfinity, 1)]
    [InlineData(0.5, 0)]
    [InlineData(0.5, -1)]
    [InlineData(0.5, int.MinValue)]
    public void Out_of_range_options_are_refused(double minimumConfidence, int maxTextLength)
    {
        var options = new ExtractorOptions { MinimumConfidence = minimumConfidence, MaxTextLength = maxTextLength };
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => ExtractorPipeline.Create(options));
        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void Not_a_number_is_refused_whatever_its_sign_bit()
    {
        // double.NaN has its sign bit set, so a negativity check alone catches it; 0.0 / 0.0 computed at
        // run time, or a NaN read from a file, may not.
        foreach (double nan in new[] { double.NaN, BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000), -double.NaN })
        {
            Assert.True(double.IsNaN(nan));
            Assert.Throws<ArgumentOutOfRangeException>(() => ExtractorPipeline.Create(new ExtractorOptions { MinimumConfidence = nan }));
        }
    }
}
