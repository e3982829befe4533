using System.Collections.Concurrent;

namespace Rizquna.Connectors.Waha.Tests;

/// <summary>A non-WhatsApp reporter (as Telegram would be) that records the alerts it is given.</summary>
internal sealed class RecordingReporter(string name = "telegram") : IReporter
{
    public ConcurrentQueue<Report> Reports { get; } = new();

    public string Name => name;

    public Task SendAsync(Report report, CancellationToken cancellationToken = default)
    {
        Reports.Enqueue(report);
        return Task.CompletedTask;
    }
}
