namespace Rizquna.Scheduling.Hosting;

/// <summary>Holds the configured store object (it implements every store interface) for the DI registrations.</summary>
internal sealed class SchedulingStore(object instance) : IDisposable
{
    public object Instance { get; } = instance;

    public void Dispose() => (Instance as IDisposable)?.Dispose();
}
