namespace Rizquna.Content;

/// <summary>Shortens a link (after UTM tagging). An implementation that cannot shorten returns the link unchanged.</summary>
public interface IUrlShortener
{
    /// <summary>The short link for <paramref name="longUrl"/>, or <paramref name="longUrl"/> itself when shortening is off.</summary>
    /// <exception cref="PlatformException">The shortening service failed.</exception>
    ValueTask<string> ShortenAsync(string longUrl, CancellationToken cancellationToken = default);
}
