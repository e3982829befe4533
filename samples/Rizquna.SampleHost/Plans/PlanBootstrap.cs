using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Plans;

namespace Rizquna.SampleHost.Plans;

/// <summary>Generates (or confirms) the plan from configuration at start: the "one click" done for the operator.</summary>
internal sealed partial class PlanBootstrap(PlanManager plans, ILogger<PlanBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var change = await plans.GenerateAsync("host-start", cancellationToken);
            LogPlan(logger, change.Plan.Version, change.Plan.Jobs.Count, change.Created ? "new version" : "unchanged");
        }
        catch (OptionsValidationException ex)
        {
            LogInvalid(logger, ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan version {Version} with {Jobs} jobs ({Change})")]
    private static partial void LogPlan(ILogger logger, int version, int jobs, string change);

    [LoggerMessage(Level = LogLevel.Error, Message = "No plan generated: {Problem}")]
    private static partial void LogInvalid(ILogger logger, string problem);
}
