using Polly.Timeout;

namespace Rizquna.Http;

/// <summary>
/// Bounds one attempt: a token that is cancelled when the attempt timeout passes or the caller cancels.
/// </summary>
/// <remarks>
/// Polly's timeout strategy does the same around an async frame, a timeout generator and telemetry hooks, which cost about
/// as much as the rest of the handler together on a call that completes at once (issue 6's publish benchmarks). This keeps
/// its observable behaviour: an expired attempt fails with <see cref="TimeoutRejectedException"/> (what the circuit
/// breaker, the retry rule and <see cref="TransportFailure"/> read), the caller's own cancellation propagates as is, and a
/// non-system <see cref="TimeProvider"/> drives the timeout (tests use a fake clock). With the system clock the token
/// source is reused: one spare per thread, reset after an attempt that did not time out.
/// </remarks>
internal struct AttemptTimer
{
    [ThreadStatic]
    private static CancellationTokenSource? t_spare;

    private readonly TimeSpan _timeout;
    private readonly bool _reusable;
    private CancellationTokenSource? _source;
    private CancellationTokenRegistration _callerLink;

    private AttemptTimer(CancellationTokenSource source, bool reusable, TimeSpan timeout, CancellationToken callerToken)
    {
        _source = source;
        _reusable = reusable;
        _timeout = timeout;
        if (callerToken.CanBeCanceled)
        {
            // No execution context to flow: the callback only cancels our source.
            _callerLink = callerToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source);
        }
    }

    /// <summary>The token the attempt runs under.</summary>
    public readonly CancellationToken Token => _source!.Token;

    /// <summary>Starts the clock of one attempt.</summary>
    public static AttemptTimer Start(TimeSpan timeout, TimeProvider timeProvider, CancellationToken callerToken)
    {
        if (ReferenceEquals(timeProvider, TimeProvider.System))
        {
            var source = t_spare ?? new CancellationTokenSource();
            t_spare = null;
            source.CancelAfter(timeout);
            return new AttemptTimer(source, reusable: true, timeout, callerToken);
        }

        return new AttemptTimer(new CancellationTokenSource(timeout, timeProvider), reusable: false, timeout, callerToken);
    }

    /// <summary>
    /// What the attempt's failure means: a <see cref="TimeoutRejectedException"/> when the timeout (not the caller)
    /// cancelled it, otherwise the failure itself.
    /// </summary>
    public readonly Exception Explain(Exception failure, CancellationToken callerToken) =>
        failure is OperationCanceledException && _source!.IsCancellationRequested && !callerToken.IsCancellationRequested
            ? new TimeoutRejectedException($"The attempt didn't complete within the allowed timeout of '{_timeout}'.", _timeout, failure)
            : failure;

    /// <summary>Stops the clock and unlinks the caller's token; keeps the source for the next attempt when it can be reset.</summary>
    public void Stop()
    {
        if (_source is not { } source)
        {
            return;
        }

        _source = null;
        _callerLink.Dispose(); // waits for a caller cancellation that is running right now, so the reset below sees it
        if (_reusable && t_spare is null && source.TryReset())
        {
            t_spare = source;
        }
        else
        {
            source.Dispose();
        }
    }
}
