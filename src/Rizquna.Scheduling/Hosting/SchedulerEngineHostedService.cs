using Microsoft.Extensions.Hosting;
using Rizquna.Scheduling.Engine;

namespace Rizquna.Scheduling.Hosting;

/// <summary>Runs the singleton <see cref="SchedulerEngine"/> as a hosted service (so hosts and tests can also resolve the engine itself).</summary>
internal sealed class SchedulerEngineHostedService(SchedulerEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
}
