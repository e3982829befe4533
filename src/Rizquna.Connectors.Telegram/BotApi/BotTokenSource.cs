using Microsoft.Extensions.Options;

namespace Rizquna.Connectors.Telegram.BotApi;

/// <summary>
/// Finds an account's bot token: the credential provider first (tokens rotate there), then <see cref="TelegramOptions.BotToken"/>.
/// A token is checked for its shape (<c>digits:letters</c>) because it becomes part of the URL path.
/// </summary>
internal sealed class BotTokenSource(IOptions<TelegramOptions> options, ICredentialProvider? credentials)
{
    // The last token that passed the shape check: a provider that returns the same instance is not scanned again; a
    // rotated token is a new string and is checked.
    private string? _lastWellFormed;

    public ValueTask<string> GetAsync(AccountRef account, CancellationToken cancellationToken)
    {
        if (credentials is null)
        {
            return ValueTask.FromResult(Checked(null, account));
        }

        ValueTask<PlatformCredential> pending;
        try
        {
            pending = credentials.GetAsync(account, cancellationToken);
        }
        catch (PlatformException) when (!string.IsNullOrEmpty(options.Value.BotToken))
        {
            // No credential stored for this account: the configured fallback token serves it.
            return ValueTask.FromResult(Checked(null, account));
        }

        // An in-memory or cached provider answers at once: no state machine for the usual send.
        return pending.IsCompletedSuccessfully
            ? ValueTask.FromResult(Checked(pending.Result.AccessToken, account))
            : AwaitAsync(pending, account);
    }

    private async ValueTask<string> AwaitAsync(ValueTask<PlatformCredential> pending, AccountRef account)
    {
        string? token = null;
        try
        {
            token = (await pending.ConfigureAwait(false)).AccessToken;
        }
        catch (PlatformException) when (!string.IsNullOrEmpty(options.Value.BotToken))
        {
            // No credential stored for this account: the configured fallback token serves it.
        }

        return Checked(token, account);
    }

    private string Checked(string? token, AccountRef account)
    {
        token ??= options.Value.BotToken;
        if (string.IsNullOrEmpty(token))
        {
            throw new PlatformException(PlatformId.Telegram, PlatformErrorKind.ReauthorizationRequired,
                $"No Telegram bot token for account '{account}': store one in the credential provider or set Rizquna:Telegram:BotToken.");
        }

        if (!ReferenceEquals(token, Volatile.Read(ref _lastWellFormed)))
        {
            CheckShape(token, account);
            Volatile.Write(ref _lastWellFormed, token);
        }

        return token;
    }

    private static void CheckShape(string token, AccountRef account)
    {
        if (!HasTokenShape(token))
        {
            // Never echo the value: it is a secret even when malformed.
            throw new PlatformException(PlatformId.Telegram, PlatformErrorKind.AuthExpired,
                $"The Telegram bot token for account '{account}' is malformed (expected '<bot id>:<secret>' as issued by @BotFather).");
        }
    }

    /// <summary>Bot tokens look like <c>123456:ABC-def_ghi</c>; anything else could escape the URL path segment.</summary>
    internal static bool HasTokenShape(string token)
    {
        var colon = token.IndexOf(':');
        if (colon <= 0 || colon == token.Length - 1)
        {
            return false;
        }

        foreach (var c in token.AsSpan(0, colon))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        foreach (var c in token.AsSpan(colon + 1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The bot's own user id: the part of the token before the colon (public, unlike the rest).</summary>
    internal static long? BotIdOf(string token)
    {
        var colon = token.IndexOf(':');
        return colon > 0 && long.TryParse(token.AsSpan(0, colon), out var id) ? id : null;
    }
}
