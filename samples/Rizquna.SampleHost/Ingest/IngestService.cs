using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Autopost;
using Rizquna.SampleHost.Configuration;
using Rizquna.SampleHost.Errors;

namespace Rizquna.SampleHost.Ingest;

/// <summary>
/// Turns an ingest body into a queue item: JSON shape checks here (types, unknown fields, URLs, publish time), then the
/// lanes' <see cref="IAutopostQueue"/> validates channels and writes the item. An <c>Idempotency-Key</c> (scoped to the
/// caller) is written by the queue in the same group-committed transaction as the item, so a key exists exactly when its
/// item does: a repeated key replays the first answer (201 with that item, as it is now), the same key with a different
/// body is a 422, and concurrent requests with one key queue one item (the key's unique constraint decides).
/// </summary>
public sealed class IngestService(
    IAutopostQueue queue,
    IngestValidator validator,
    IOptions<SampleHostOptions> options)
{
    /// <summary>Validates and queues; the result is the HTTP answer and whether an item was accepted.</summary>
    public async Task<IngestResult> IngestAsync(byte[] body, string? idempotencyKey, string client, CancellationToken cancellationToken = default)
    {
        if (idempotencyKey is null)
        {
            return await IngestOnceAsync(body, null, cancellationToken);
        }

        if (idempotencyKey.Length is 0 or > 200 || idempotencyKey.Any(static c => c < 0x21 || c > 0x7e))
        {
            return new IngestResult(false, Problems.Validation(new Dictionary<string, string[]>
            {
                ["Idempotency-Key"] = ["Must be 1 to 200 visible ASCII characters."],
            }));
        }

        var key = new AutopostIdempotency(client + "\n" + idempotencyKey, Convert.ToHexStringLower(SHA256.HashData(body)));
        var result = await IngestOnceAsync(body, key, cancellationToken);
        if (result.Accepted || result.Keyed)
        {
            return result;
        }

        // Rejected input queues nothing and records no key. A key already used still answers as a repeat (replay, or 422
        // for a different body) rather than with this body's validation errors.
        return await queue.FindByIdempotencyKeyAsync(key, cancellationToken) is { } earlier ? Answer(earlier) : result;
    }

    private static IngestResult Answer(AutopostEnqueueResult result)
    {
        var view = QueueItemView.From(result.Item);
        return result.Outcome switch
        {
            AutopostEnqueueOutcome.Created => new IngestResult(true, Created(view), view),
            AutopostEnqueueOutcome.Replayed => new IngestResult(false, new ReplayResult(Created(view)), Keyed: true),
            _ => new IngestResult(false, Problems.Of(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
                "The Idempotency-Key was already used with a different body.",
                "Use a new key for new content."), Keyed: true),
        };
    }

    private static IResult Created(QueueItemView view) => TypedResults.Created($"/api/autopost/queue/{view.Id}", view);

    private async Task<IngestResult> IngestOnceAsync(byte[] body, AutopostIdempotency? key, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            return new IngestResult(false, Problems.MalformedJson(ex.Message));
        }

        using (document)
        {
            var (command, errors) = validator.Validate(document.RootElement, options.Value.MaxPublishAtAge);
            if (errors is not null)
            {
                return new IngestResult(false, Problems.Validation(errors));
            }

            try
            {
                var request = new AutopostEnqueueRequest
                {
                    Title = command!.Title,
                    Summary = command.Summary,
                    Link = command.Link.AbsoluteUri,
                    ImageUrl = command.ImageUrl?.AbsoluteUri,
                    Data = command.Data,
                    Channels = command.Channels.Count > 0 ? command.Channels : null,
                    PublishAt = command.PublishAt,
                };
                if (key is not null)
                {
                    return Answer(await queue.EnqueueAsync(request, key, cancellationToken));
                }

                var view = QueueItemView.From(await queue.EnqueueAsync(request, cancellationToken));
                return new IngestResult(true, Created(view), view);
            }
            catch (AutopostValidationException ex)
            {
                return new IngestResult(false, Problems.Validation(ex.Errors.ToDictionary(static e => e.Key, static e => e.Value)));
            }
        }
    }

    /// <summary>The first answer again, marked as a replay.</summary>
    private sealed class ReplayResult(IResult created) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            return created.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>The answer to an ingest.</summary>
/// <param name="Accepted">Whether an item was queued by this call.</param>
/// <param name="Result">The HTTP answer.</param>
/// <param name="Item">The queued item, when accepted.</param>
/// <param name="Keyed">The answer came from an Idempotency-Key seen before (a replay or a reused key).</param>
public sealed record IngestResult(bool Accepted, IResult Result, QueueItemView? Item = null, bool Keyed = false);
