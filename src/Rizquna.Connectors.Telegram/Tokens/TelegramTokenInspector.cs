using Rizquna.Connectors.Telegram.BotApi;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Checks a bot token with <c>getMe</c>: valid when Telegram answers, invalid (with a reason an operator can act on)
/// on 401/404. Bot tokens do not expire; the "scopes" are the bot's capabilities (<c>can_join_groups</c> …).
/// </summary>
public sealed class TelegramTokenInspector : ITokenInspector
{
    private readonly BotApiClient _api;

    internal TelegramTokenInspector(BotApiClient api) => _api = api;

    /// <inheritdoc />
    public PlatformId Platform => PlatformId.Telegram;

    /// <inheritdoc />
    public async Task<TokenHealth> InspectAsync(AccountRef account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        User me;
        try
        {
            me = await _api.CallAsync(account, "getMe", new EmptyRequest(), BotApiJsonContext.Wire.EmptyRequest,
                BotApiJsonContext.Wire.ApiResponseUser, createsContent: false, cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException ex) when (ex.Kind is PlatformErrorKind.AuthExpired or PlatformErrorKind.ReauthorizationRequired)
        {
            return new TokenHealth
            {
                IsValid = false,
                Problem = ex.Kind == PlatformErrorKind.AuthExpired
                    ? "Telegram refuses the bot token (revoked or mistyped): issue a new one with @BotFather and store it."
                    : ex.Message,
            };
        }

        var scopes = new List<string>();
        if (me.CanJoinGroups == true)
        {
            scopes.Add("can_join_groups");
        }

        if (me.CanReadAllGroupMessages == true)
        {
            scopes.Add("can_read_all_group_messages");
        }

        if (me.SupportsInlineQueries == true)
        {
            scopes.Add("supports_inline_queries");
        }

        if (!string.IsNullOrEmpty(me.Username))
        {
            scopes.Add("username:" + me.Username);
        }

        return new TokenHealth { IsValid = me.IsBot, Scopes = scopes, Problem = me.IsBot ? null : "The token does not belong to a bot." };
    }
}
