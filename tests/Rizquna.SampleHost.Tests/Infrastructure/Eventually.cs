namespace Rizquna.SampleHost.Tests.Infrastructure;

/// <summary>
/// Waits for a background effect (a hosted service's delivery). It polls a condition, so no assertion depends on how
/// fast the machine is; the generous cap only stops a broken test from hanging.
/// </summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T?>> probe, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (value is not null && value is not false)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Gave up waiting for " + what);
            }

            await Task.Delay(50);
        }
    }

    public static Task WaitAsync(Func<bool> condition, string what, int seconds = 60) =>
        WaitAsync<object>(() => Task.FromResult(condition() ? new object() : null), what, seconds);
}
