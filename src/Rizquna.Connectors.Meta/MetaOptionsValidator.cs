using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Rizquna.Http;

namespace Rizquna.Connectors.Meta;

/// <summary>Cross-field and nested checks of <see cref="MetaOptions"/>, with messages that name the setting.</summary>
internal sealed class MetaOptionsValidator : IValidateOptions<MetaOptions>
{
    public ValidateOptionsResult Validate(string? name, MetaOptions options)
    {
        var failures = new List<string>();
        if (OptionChecks.AbsoluteHttpUrl(options.BaseAddress, MetaOptions.SectionName + ":BaseAddress") is { } baseError)
        {
            failures.Add(baseError);
        }

        if (string.IsNullOrEmpty(options.AppId) != string.IsNullOrEmpty(options.AppSecret))
        {
            failures.Add($"{MetaOptions.SectionName}:AppId and {MetaOptions.SectionName}:AppSecret must be set together (debug_token needs both).");
        }

        if (options.ScheduleMaximumLead <= options.ScheduleMinimumLead)
        {
            failures.Add($"{MetaOptions.SectionName}:ScheduleMaximumLead must be longer than {MetaOptions.SectionName}:ScheduleMinimumLead.");
        }

        if (options.ContainerPollMaxDelay < options.ContainerPollInitialDelay)
        {
            failures.Add($"{MetaOptions.SectionName}:ContainerPollMaxDelay must not be shorter than {MetaOptions.SectionName}:ContainerPollInitialDelay.");
        }

        if (options.Resilience is null)
        {
            failures.Add($"{MetaOptions.SectionName}:Resilience is required.");
        }
        else
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(options.Resilience, new ValidationContext(options.Resilience), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    failures.Add($"{MetaOptions.SectionName}:Resilience:{string.Join(',', result.MemberNames)}: {result.ErrorMessage}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
