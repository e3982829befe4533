using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Autopost;
using Rizquna.SampleHost.Configuration;
using Rizquna.SampleHost.Errors;

namespace Rizquna.SampleHost.Ingest;

/// <summary>
/// Turns an ingest body into a queue item: JSON shape checks here (types, unknown fields, URLs, publish time), then the
/// lanes' <see cref="IAutopostQueue"/> validates channels and writes the item. An <c>Idempotency-Key</c> replays the
/// first response; the same key with a different body is a 422.
/// </summary>
public sealed class IngestService(
    IAutopostQueue queue,
    IngestValidator validator,
    IdempotencyStore idempotency,
    IOptions<SampleHostOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _keyLocks = new(StringComparer.Ordinal);

    /// <summary>Validates and queues; the result is the HTTP answer and whether an item was accepted.</summary>
    public async Task<IngestResult> IngestAsync(byte[] body, string? idempotencyKey, string client, CancellationToken cancellationToken = default)
    {
        if (idempotencyKey is null)
        {
            return await IngestOnceAsync(body, cancellationToken);
        }

        if (idempotencyKey.Length is 0 or > 200 || idempotencyKey.Any(static c => c < 0x21 || c > 0x7e))
        {
            return new IngestResult(false, Problems.Validation(new Dictionary<string, string[]>
            {
                ["Idempotency-Key"] = ["Must be 1 to 200 visible ASCII characters."],
            }));
        }

        var key = client + "\n" + idempotencyKey;
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        // One in-flight request per key: the second waits and then replays the first's answer.
        var gate = _keyLocks.GetOrAdd(key, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Reserving first means a new key costs one write and a repeated key one write plus one read.
            if (!await idempotency.ReserveAsync(key, hash, cancellationToken)
                && await idempotency.GetAsync(key, cancellationToken) is { } stored)
            {
                return Replay(stored, hash);
            }

            IngestResult result;
            try
            {
                result = await IngestOnceAsync(body, CancellationToken.None);
            }
            catch
            {
                // The queue's write failed, so nothing was queued: the key stays usable.
                await idempotency.ReleaseAsync(key, CancellationToken.None);
                throw;
            }

            if (result.Accepted && result.Item is not null)
            {
                await idempotency.CompleteAsync(key, new StoredResponse(hash, StatusCodes.Status201Created,
                    JsonSerializer.Serialize(result.Item, HostJson.Options)), CancellationToken.None);
            }
            else
            {
                await idempotency.ReleaseAsync(key, CancellationToken.None);
            }

            return result;
        }
        finally
        {
            gate.Release();
            if (gate.CurrentCount == 1)
            {
                _keyLocks.TryRemove(new KeyValuePair<string, SemaphoreSlim>(key, gate));
            }
        }
    }

    private static IngestResult Replay(StoredResponse stored, string hash)
    {
        if (stored.RequestHash != hash)
        {
            return new IngestResult(false, Problems.Of(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
                "The Idempotency-Key was already used with a different body.",
                "Use a new key for new content."));
        }

        // Reserved but never completed: the host stopped mid-ingest, so the item may or may not be queued. Answering
        // 409 (rather than queueing again) keeps the no-duplicate promise; the caller checks the queue.
        return stored.Status == IdempotencyStore.Unresolved
            ? new IngestResult(false, Problems.Of(StatusCodes.Status409Conflict, "idempotency-key-unresolved",
                "An earlier request with this Idempotency-Key was interrupted before its outcome was recorded.",
                "Check GET /api/autopost/queue for the item; send new content with a new key."))
            : new IngestResult(false, new ReplayResult(stored.Status, stored.Body));
    }

    private async Task<IngestResult> IngestOnceAsync(byte[] body, CancellationToken cancellationToken)
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
                var item = await queue.EnqueueAsync(new AutopostEnqueueRequest
                {
                    Title = command!.Title,
                    Summary = command.Summary,
                    Link = command.Link.AbsoluteUri,
                    ImageUrl = command.ImageUrl?.AbsoluteUri,
                    Data = command.Data,
                    Channels = command.Channels.Count > 0 ? command.Channels : null,
                    PublishAt = command.PublishAt,
                }, cancellationToken);
                var view = QueueItemView.From(item);
                return new IngestResult(true, TypedResults.Created($"/api/autopost/queue/{item.Id}", view), view);
            }
            catch (AutopostValidationException ex)
            {
                return new IngestResult(false, Problems.Validation(ex.Errors.ToDictionary(static e => e.Key, static e => e.Value)));
            }
        }
    }

    private sealed class ReplayResult(int status, string body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            return httpContext.Response.WriteAsync(body);
        }
    }
}

/// <summary>The answer to an ingest.</summary>
/// <param name="Accepted">Whether an item was queued by this call.</param>
/// <param name="Result">The HTTP answer.</param>
/// <param name="Item">The queued item, when accepted.</param>
public sealed record IngestResult(bool Accepted, IResult Result, QueueItemView? Item = null);
