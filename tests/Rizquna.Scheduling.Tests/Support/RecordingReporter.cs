namespace Rizquna.Scheduling.Tests.Support;

internal sealed class RecordingReporter : IReporter
{
    private readonly List<Report> _reports = [];

    public string Name => "test";

    public IReadOnlyList<Report> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public Task SendAsync(Report report, CancellationToken cancellationToken = default)
    {
        lock (_reports)
        {
            _reports.Add(report);
        }

        return Task.CompletedTask;
    }
}
