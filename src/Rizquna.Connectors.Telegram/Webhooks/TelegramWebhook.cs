using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.Telegram.BotApi;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Receives Telegram webhook calls: checks <c>X-Telegram-Bot-Api-Secret-Token</c> against
/// <see cref="TelegramOptions.WebhookSecretToken"/> in constant time, and turns the update body into an <see cref="InboxItem"/>.
/// Framework-free: the host reads the header and body and answers 401 or 200.
/// </summary>
public sealed class TelegramWebhook
{
    /// <summary>The header Telegram sends the <c>secret_token</c> of <c>setWebhook</c> in.</summary>
    public const string SecretTokenHeader = "X-Telegram-Bot-Api-Secret-Token";

    private readonly byte[]? _secretHash;
    private readonly TimeProvider _timeProvider;

    internal TelegramWebhook(IOptions<TelegramOptions> options, TimeProvider timeProvider)
    {
        var secret = options.Value.WebhookSecretToken;
        _secretHash = string.IsNullOrEmpty(secret) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// True when <paramref name="secretTokenHeader"/> equals the configured secret. Compared as SHA-256 digests in
    /// constant time, so neither the content nor the length of the secret leaks. Always false when no secret is configured.
    /// </summary>
    public bool IsAuthentic(string? secretTokenHeader)
    {
        if (_secretHash is null || string.IsNullOrEmpty(secretTokenHeader))
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(secretTokenHeader), presented);
        return CryptographicOperations.FixedTimeEquals(presented, _secretHash);
    }

    /// <summary>
    /// Parses one update (the webhook body) into an inbox item of <paramref name="account"/>; null for update types the
    /// connector does not handle (answer 200 anyway, or Telegram retries).
    /// </summary>
    /// <exception cref="FormatException">The body is not a Telegram update.</exception>
    public InboxItem? Parse(AccountRef account, string body)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(body);
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize(body, BotApiJsonContext.Wire.Update);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The webhook body is not a Telegram update.", ex);
        }

        if (update is null || update.UpdateId == 0)
        {
            throw new FormatException("The webhook body is not a Telegram update (no update_id).");
        }

        return UpdateMapper.Map(account, update, body, botId: null, _timeProvider.GetUtcNow());
    }
}
