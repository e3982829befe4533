using Microsoft.Extensions.Options;

namespace Rizquna.Scheduling.Tests.Lanes;

/// <summary>An options monitor over a fixed value.</summary>
internal sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
