using Microsoft.Extensions.Options;
using Rizquna.Connectors.Meta.Webhooks;
using Rizquna.Connectors.Telegram;
using Rizquna.Connectors.Waha;
using Rizquna.Scheduling.Lanes.Inbox;
using Rizquna.SampleHost.Configuration;
using Rizquna.SampleHost.Errors;
using Rizquna.SampleHost.Security;

namespace Rizquna.SampleHost.Webhooks;

/// <summary>
/// Platform callbacks → the lanes' inbox store (lane A replies on its next tick). Verification and parsing are the
/// connectors' helpers: Meta's handshake and <c>X-Hub-Signature-256</c>, Telegram's secret-token header, WAHA's
/// HMAC-SHA512. Every delivery is written to the webhook log; bad signatures are 401 problems. A platform running dry
/// still verifies and stores its webhooks (<see cref="DryRunWebhooks"/>); only the replies are recorded instead of sent.
/// </summary>
internal static class PlatformWebhookEndpoints
{
    public static void MapPlatformWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks").WithTags("webhooks");
        group.MapGet("/meta", (HttpRequest request, IConfiguration configuration) =>
        {
            var challenge = MetaWebhookVerifier.VerifyHandshake(request.Query["hub.mode"], request.Query["hub.verify_token"],
                request.Query["hub.challenge"], configuration["Rizquna:Meta:WebhookVerifyToken"]);
            return challenge is null
                ? Problems.Of(StatusCodes.Status403Forbidden, "bad-verify-token", "The verify token does not match.")
                : Results.Text(challenge, "text/plain");
        }).WithName("MetaWebhookHandshake");

        group.MapPost("/meta", async (HttpContext context, IConfiguration configuration, IOptions<ApiOptions> api, WebhookLog log,
            IInboxStore inbox, CancellationToken cancellationToken) =>
        {
            var (read, problem) = await RequestBody.ReadBytesAsync(context, api.Value.MaxRequestBodyBytes, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            var body = read!;

            if (!MetaWebhookVerifier.VerifySignature(body, context.Request.Headers[MetaWebhookVerifier.SignatureHeader], configuration["Rizquna:Meta:AppSecret"]))
            {
                await log.RecordAsync("meta", "bad_signature", null, body, keepBody: false, cancellationToken);
                return Problems.BadSignature("X-Hub-Signature-256 must be sha256=hex(HMAC-SHA256(app secret, raw body)).");
            }

            IReadOnlyList<InboxItem> items;
            try
            {
                items = new MetaWebhookParser().Parse(body);
            }
            catch (FormatException ex)
            {
                await log.RecordAsync("meta", "rejected", ex.Message, body, keepBody: false, cancellationToken);
                return Problems.Of(StatusCodes.Status400BadRequest, "bad-payload", "Not a Meta webhook payload.", ex.Message);
            }

            return await StoreAsync("meta", items, body, inbox, log, cancellationToken);
        }).WithName("MetaWebhook");

        group.MapPost("/telegram", async (HttpContext context, string? account, IConfiguration configuration, IOptions<ApiOptions> api,
            WebhookLog log, IInboxStore inbox, IServiceProvider services, CancellationToken cancellationToken) =>
        {
            var (read, problem) = await RequestBody.ReadBytesAsync(context, api.Value.MaxRequestBodyBytes, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            var body = read!;

            var header = context.Request.Headers[TelegramWebhook.SecretTokenHeader].ToString();
            // Dry run (no bot token): the connector's own check and parser still run, so the update lands like a live one.
            var webhook = services.GetService<TelegramWebhook>() ?? services.GetRequiredService<DryRunWebhooks>().Telegram;
            if (webhook is null || !webhook.IsAuthentic(header))
            {
                await log.RecordAsync("telegram", "bad_signature", null, body, keepBody: false, cancellationToken);
                return Problems.BadSignature($"{TelegramWebhook.SecretTokenHeader} must equal Rizquna:Telegram:WebhookSecretToken.");
            }

            InboxItem? item;
            try
            {
                var key = string.IsNullOrEmpty(account) ? "001" : account;
                item = webhook.Parse(new AccountRef(PlatformId.Telegram, key, configuration["Rizquna:Telegram:ChatId"] ?? key),
                    System.Text.Encoding.UTF8.GetString(body));
            }
            catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
            {
                await log.RecordAsync("telegram", "rejected", ex.Message, body, keepBody: false, cancellationToken);
                return Problems.Of(StatusCodes.Status400BadRequest, "bad-payload", "Not a Telegram update.", ex.Message);
            }

            return await StoreAsync("telegram", item is null ? [] : [item], body, inbox, log, cancellationToken);
        }).WithName("TelegramWebhook");

        group.MapPost("/waha", async (HttpContext context, IConfiguration configuration, IOptions<ApiOptions> api, WebhookLog log,
            IInboxStore inbox, IServiceProvider services, CancellationToken cancellationToken) =>
        {
            var (read, problem) = await RequestBody.ReadBytesAsync(context, api.Value.MaxRequestBodyBytes, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            var body = read!;

            var signature = context.Request.Headers[WahaWebhookSignature.SignatureHeader].ToString();
            var algorithm = context.Request.Headers[WahaWebhookSignature.AlgorithmHeader].ToString();
            // Dry run (no WAHA address): the connector's own HMAC check and parser still run, so messages land like live ones.
            var handler = services.GetService<WahaWebhookHandler>() ?? services.GetRequiredService<DryRunWebhooks>().Waha;
            if (handler is null)
            {
                await log.RecordAsync("waha", "bad_signature", "dry-run: Rizquna:Waha settings are invalid", body, keepBody: false, cancellationToken);
                return Problems.BadSignature("X-Webhook-Hmac must be hex(HMAC-SHA512(Rizquna:Waha:WebhookHmacKey, raw body)).");
            }

            var result = await handler.HandleAsync(body, signature, algorithm, cancellationToken: cancellationToken);
            switch (result.Status)
            {
                case WahaWebhookStatus.Unauthorized:
                    await log.RecordAsync("waha", "bad_signature", result.Reason, body, keepBody: false, cancellationToken);
                    return Problems.BadSignature(result.Reason ?? "Bad X-Webhook-Hmac.");
                case WahaWebhookStatus.BadRequest:
                    await log.RecordAsync("waha", "rejected", result.Reason, body, keepBody: false, cancellationToken);
                    return Problems.Of(StatusCodes.Status400BadRequest, "bad-payload", "Not a WAHA webhook.", result.Reason);
                default:
                    return await StoreAsync("waha", result.Items, body, inbox, log, cancellationToken);
            }
        }).WithName("WahaWebhook");
    }

    private static async Task<IResult> StoreAsync(string source, IReadOnlyList<InboxItem> items, byte[] body, IInboxStore inbox, WebhookLog log, CancellationToken cancellationToken)
    {
        var stored = 0;
        foreach (var item in items)
        {
            if (await inbox.AddAsync(item, cancellationToken))
            {
                stored++;
            }
        }

        await log.RecordAsync(source, "accepted", $"{items.Count} items, {stored} new", body, keepBody: true, cancellationToken);
        return Results.Ok(new { received = items.Count, stored });
    }
}
