using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Rizquna.Content;
using Rizquna.SampleHost.Configuration;
using Rizquna.Scheduling.Lanes.Publishing;

namespace Rizquna.SampleHost.Clicks;

/// <summary>
/// Shortens published links to <c>{PublicBaseUrl}/go/{id}</c> so clicks are counted here. The queue item and platform
/// are read from the UTM parameters the lanes add (<c>utm_content</c> = item id, <c>utm_source</c> = platform); the
/// account from the channel the lane is composing for (<see cref="ComposingChannel"/>), so clicks are attributed per
/// account even when an item goes to two accounts of one platform.
/// </summary>
internal sealed class SelfHostedShortener(LinkStore links, IOptions<SampleHostOptions> options, IServer server) : IUrlShortener
{
    public async ValueTask<string> ShortenAsync(string longUrl, CancellationToken cancellationToken = default)
    {
        var target = new Uri(longUrl, UriKind.Absolute);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(target.Query);
        var item = query.TryGetValue("utm_content", out var content) ? content.ToString() : null;
        var platform = query.TryGetValue("utm_source", out var source) ? source.ToString() : null;
        string? account = null;
        if (ComposingChannel.Current is { } channel && channel.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash)
        {
            platform = channel[..slash];
            account = channel[(slash + 1)..];
        }

        var id = await links.CreateAsync(target, item, platform, account, cancellationToken);
        return BaseUrl().TrimEnd('/') + "/go/" + id;
    }

    private string BaseUrl() =>
        options.Value.PublicBaseUrl
        ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
        ?? "http://localhost:5000";
}
