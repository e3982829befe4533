namespace Rizquna.Scheduling.Autopost;

/// <summary>Channel names: <c>platform/account</c>, lower-case platform, as <see cref="AccountRef.ToString"/> writes them.</summary>
public static class AutopostChannels
{
    /// <summary>The normalized channel name, or null when <paramref name="channel"/> is not <c>platform/account</c>.</summary>
    public static string? Normalize(string? channel)
    {
        if (string.IsNullOrWhiteSpace(channel))
        {
            return null;
        }

        var trimmed = channel.Trim();
        var slash = trimmed.IndexOf('/');
        if (slash <= 0 || slash == trimmed.Length - 1 || !PlatformId.TryParse(trimmed[..slash], out var platform))
        {
            return null;
        }

        var key = trimmed[(slash + 1)..];
        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return null;
            }
        }

        return $"{platform}/{key}";
    }

    /// <summary>The account of a configured channel.</summary>
    /// <exception cref="ArgumentException">The channel is malformed.</exception>
    public static AccountRef ToAccount(string channel, string platformAccountId)
    {
        var normalized = Normalize(channel) ?? throw new ArgumentException($"'{channel}' is not a channel: use platform/account.", nameof(channel));
        var slash = normalized.IndexOf('/');
        return new AccountRef(PlatformId.Parse(normalized[..slash]), normalized[(slash + 1)..], platformAccountId);
    }
}
