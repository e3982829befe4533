namespace Rizquna.Http.Tests;

/// <summary>
/// A handler that answers by a script per call number and counts its calls; a null answer hangs until the attempt's token
/// is cancelled (a platform that never answers).
/// </summary>
internal sealed class ScriptedHandler(Func<int, HttpResponseMessage?> script, List<CancellationToken>? tokens = null) : HttpMessageHandler
{
    private int _calls;
    private readonly object _gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public int Calls => Volatile.Read(ref _calls);

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitForCallAsync(int count)
    {
        lock (_gate)
        {
            if (_calls >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int call;
        lock (_gate)
        {
            call = ++_calls;
            tokens?.Add(cancellationToken);
            foreach (var waiter in _waiters.Where(w => w.Count <= call).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        Started.TrySetResult();
        cancellationToken.ThrowIfCancellationRequested(); // as a real handler would: an attempt under a cancelled token fails
        if (script(call) is { } answer)
        {
            return answer;
        }

        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable: the delay only ends by cancellation");
    }
}
