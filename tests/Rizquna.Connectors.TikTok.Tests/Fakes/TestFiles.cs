namespace Rizquna.Connectors.TikTok.Tests.Fakes;

/// <summary>Sparse temporary video files: any size, instantly, no disk space.</summary>
internal sealed class TestFiles : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rizquna-tiktok-" + Guid.NewGuid().ToString("N"));

    public TestFiles() => Directory.CreateDirectory(_directory);

    public string Video(long size, string name = "clip.mp4")
    {
        var path = Path.Combine(_directory, name);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.SetLength(size);
        return path;
    }

    public string Write(byte[] content, string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
