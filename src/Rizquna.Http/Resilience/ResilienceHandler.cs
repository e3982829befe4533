using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Rizquna.Http;

/// <summary>
/// Runs every request of a connector's <see cref="HttpClient"/> through a Polly pipeline: total timeout, retry (reads and
/// idempotent calls only, honouring a short <c>Retry-After</c>), a circuit breaker per account, and an attempt timeout.
/// A request that creates content gets exactly one attempt: a timeout or 5xx on it is an unknown outcome for the
/// connector to reconcile, never something to repeat blindly.
/// </summary>
public sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<bool> RetryableKey = new("Rizquna.Retryable");

    private static readonly Func<ResilienceContext, (ResilienceHandler Handler, HttpRequestMessage Request), ValueTask<Outcome<HttpResponseMessage>>> SendAttempt =
        static (ctx, state) => state.Handler.SendOneAttempt(state.Request, ctx.CancellationToken);

    private readonly ResilienceSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipelineCache _pipelines;
    private readonly Func<string, AccountPipelines> _buildPipelines;
    private readonly TimeSpan _attemptTimeout;

    // The account of the previous call (usually the same one): a string comparison instead of a dictionary hash. A stale
    // read under concurrency only costs the dictionary lookup; the cache decides which instance is the account's.
    private AccountPipelines? _lastPipelines;

    /// <summary>Creates a handler with its own pipelines (circuit state lives as long as the handler).</summary>
    public ResilienceHandler(ResilienceSettings settings, TimeProvider? timeProvider = null)
        : this(settings, timeProvider, new ResiliencePipelineCache())
    {
    }

    /// <summary>
    /// Creates a handler over pipelines shared by every handler of one client, so a per-account circuit stays open across
    /// the handler rotations of <c>IHttpClientFactory</c>.
    /// </summary>
    internal ResilienceHandler(ResilienceSettings settings, TimeProvider? timeProvider, ResiliencePipelineCache sharedPipelines)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sharedPipelines);
        _settings = settings;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _pipelines = sharedPipelines;
        _buildPipelines = BuildPipelines;
        // Inside the total timeout, bounding an attempt by the shorter of the two is the same as by the attempt timeout;
        // a single-attempt request has no total timeout around it, so the shorter one bounds it alone.
        _attemptTimeout = settings.AttemptTimeout < settings.TotalTimeout ? settings.AttemptTimeout : settings.TotalTimeout;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var account = AccountOf(request);
        var pipelines = _lastPipelines is { } last && string.Equals(last.Account, account, StringComparison.Ordinal)
            ? last
            : _lastPipelines = _pipelines.GetOrAdd(account, _buildPipelines);
        var retryable = request.IsRetryable();
        // A single-attempt request skips the retry and outer-timeout layers entirely: less work on the publish path.
        var pipeline = retryable ? pipelines.Retrying : pipelines.SingleAttempt;

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        if (retryable)
        {
            // Only the retry strategy reads it; a pooled context comes back with empty properties (= not retryable).
            context.Properties.Set(RetryableKey, true);
        }

        var pending = pipeline.ExecuteOutcomeAsync(SendAttempt, context, (Handler: this, Request: request));
        if (pending.IsCompletedSuccessfully)
        {
            // Completed already (a fast or in-process inner handler): no state machine for this layer on success.
            var outcome = pending.Result;
            if (outcome.Exception is null)
            {
                ResilienceContextPool.Shared.Return(context);
                return Task.FromResult(outcome.Result!);
            }

            // Through the async path, so a failure surfaces as the faulted (or cancelled) task it always was.
            return AwaitOutcomeAsync(new ValueTask<Outcome<HttpResponseMessage>>(outcome), context);
        }

        return AwaitOutcomeAsync(pending, context);
    }

    private static async Task<HttpResponseMessage> AwaitOutcomeAsync(ValueTask<Outcome<HttpResponseMessage>> pending, ResilienceContext context)
    {
        try
        {
            var outcome = await pending.ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static string AccountOf(HttpRequestMessage request) =>
        request is RizqunaRequestMessage { Account: { } account } ? account
        : request.Options.TryGetValue(RizqunaHttpRequest.AccountKey, out var key) ? key : string.Empty;

    /// <summary>One attempt under the attempt timeout; completes at once when the inner handler did.</summary>
    private ValueTask<Outcome<HttpResponseMessage>> SendOneAttempt(HttpRequestMessage request, CancellationToken callerToken)
    {
        var timer = AttemptTimer.Start(_attemptTimeout, _timeProvider, callerToken);
        Task<HttpResponseMessage> sending;
        try
        {
            sending = base.SendAsync(request, timer.Token);
        }
        catch (Exception ex)
        {
            var failure = timer.Explain(ex, callerToken);
            timer.Stop();
            return ValueTask.FromResult(Outcome.FromException<HttpResponseMessage>(failure));
        }

        if (sending.IsCompletedSuccessfully)
        {
            timer.Stop();
            return ValueTask.FromResult(Outcome.FromResult(sending.Result));
        }

        return AwaitAttemptAsync(sending, timer, callerToken);
    }

    private static async ValueTask<Outcome<HttpResponseMessage>> AwaitAttemptAsync(
        Task<HttpResponseMessage> sending, AttemptTimer timer, CancellationToken callerToken)
    {
        try
        {
            return Outcome.FromResult(await sending.ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(timer.Explain(ex, callerToken));
        }
        finally
        {
            timer.Stop();
        }
    }

    private AccountPipelines BuildPipelines(string account)
    {
        // The account's circuit breaker is the whole pipeline of a single-attempt (content-creating) call; the retrying
        // pipeline runs each attempt through it, so the circuit sees every call either way. The attempt timeout is not a
        // pipeline strategy but part of the attempt itself (AttemptTimer), inside the circuit, so timeouts count as failures.
        var circuit = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = _settings.CircuitFailureRatio,
                MinimumThroughput = _settings.CircuitMinimumThroughput,
                SamplingDuration = _settings.CircuitSamplingDuration,
                BreakDuration = _settings.CircuitBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
            })
            .Build();

        var retrying = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider }
            .AddTimeout(_settings.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, _settings.MaxRetryAttempts),
                Delay = _settings.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome, args.AttemptNumber)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfterReader.Read(response, _timeProvider.GetUtcNow()) : null),
            })
            .AddPipeline(circuit)
            .Build();

        return new AccountPipelines(account, retrying, circuit);
    }

    private bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, int attemptNumber)
    {
        if (attemptNumber >= _settings.MaxRetryAttempts
            || !context.Properties.TryGetValue(RetryableKey, out var retryable) || !retryable
            || context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result!;
        if (!RetryAfterReader.IsTransientStatus(response.StatusCode))
        {
            return false;
        }

        // A long Retry-After goes back to the caller (the scheduler waits), it is not slept through here.
        var retryAfter = RetryAfterReader.Read(response, _timeProvider.GetUtcNow());
        if (retryAfter is { } wait && wait > _settings.MaxInProcessRetryAfter)
        {
            return false;
        }

        return true; // Polly disposes the response it retries past.
    }

    private static bool IsFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { } response && (int)response.StatusCode >= 500);
}
