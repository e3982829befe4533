namespace Rizquna.Scheduling.Engine;

/// <summary>Wakes the sleeping engine when something changed (a plan, an approval, an enabled job).</summary>
internal sealed class SchedulerSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private int _planChanged;

    /// <summary>Wakes the engine.</summary>
    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>The plan changed: reload it, then wake.</summary>
    public void NotifyPlanChanged()
    {
        Interlocked.Exchange(ref _planChanged, 1);
        Notify();
    }

    /// <summary>Whether the plan changed since the last call (and resets the flag).</summary>
    public bool TakePlanChanged() => Interlocked.Exchange(ref _planChanged, 0) == 1;

    /// <summary>Waits for a signal.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        WaitCoreAsync(timeout, time, cancellationToken);

    private async Task<bool> WaitCoreAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_signal.Wait(0, CancellationToken.None))
        {
            return true;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, cts.Token);
        var signal = _signal.WaitAsync(cts.Token);
        var first = await Task.WhenAny(delay, signal).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(delay, signal).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // One of the two was cancelled on purpose.
        }

        cancellationToken.ThrowIfCancellationRequested();
        return first == signal && signal.IsCompletedSuccessfully;
    }
}
