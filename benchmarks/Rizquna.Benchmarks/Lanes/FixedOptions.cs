using Microsoft.Extensions.Options;

namespace Rizquna.Benchmarks.Lanes;

/// <summary>An options monitor over a fixed value.</summary>
internal sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
