using System.Collections.Concurrent;
using Polly;

namespace Rizquna.Http;

/// <summary>
/// The two pipelines of one account: one for requests that may be retried, one for single-attempt requests (content
/// creation). The retrying one runs each attempt through the single-attempt one, which holds the account's circuit
/// breaker, so the circuit sees every call.
/// </summary>
internal sealed record AccountPipelines(
    string Account, ResiliencePipeline<HttpResponseMessage> Retrying, ResiliencePipeline<HttpResponseMessage> SingleAttempt);

/// <summary>
/// Per-account pipelines of one connector client. Shared by every <see cref="ResilienceHandler"/> of that client so
/// circuit state survives <c>IHttpClientFactory</c>'s handler rotations.
/// </summary>
internal sealed class ResiliencePipelineCache
{
    private readonly ConcurrentDictionary<string, AccountPipelines> _byAccount = new(StringComparer.Ordinal);

    internal AccountPipelines GetOrAdd(string account, Func<string, AccountPipelines> build) => _byAccount.GetOrAdd(account, build);
}
