namespace Rizquna.Content;

/// <summary>An <see cref="IUrlShortener"/> that keeps every link as it is.</summary>
public sealed class PassThroughUrlShortener : IUrlShortener
{
    /// <summary>The shared instance.</summary>
    public static PassThroughUrlShortener Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask<string> ShortenAsync(string longUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(longUrl);
        return ValueTask.FromResult(longUrl);
    }
}
