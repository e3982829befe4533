using Rizquna.Connectors.TikTok.Tests.Fakes;

namespace Rizquna.Connectors.TikTok.Tests.Upload;

public sealed class Mp4DurationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Reads_the_duration_from_mvhd(int version)
    {
        using var stream = new MemoryStream(Mp4Fixtures.WithDuration(61.5, version, timescale: 600));

        Assert.Equal(61.5, Mp4Duration.TryRead(stream));
        Assert.Equal(0, stream.Position); // left where it was, ready for the upload
    }

    [Fact]
    public void Returns_null_for_what_is_not_an_mp4()
    {
        Assert.Null(Mp4Duration.TryRead(new MemoryStream(new byte[100])));
        Assert.Null(Mp4Duration.TryRead(new MemoryStream("not a video at all"u8.ToArray())));
        Assert.Null(Mp4Duration.TryRead(new PatternStream(100)));
    }
}
