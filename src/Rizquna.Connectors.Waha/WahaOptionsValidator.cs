using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Rizquna.Http;

namespace Rizquna.Connectors.Waha;

/// <summary>Cross-field and nested checks of <see cref="WahaOptions"/>, with messages that name the setting.</summary>
internal sealed class WahaOptionsValidator : IValidateOptions<WahaOptions>
{
    public ValidateOptionsResult Validate(string? name, WahaOptions options)
    {
        var failures = new List<string>();
        if (OptionChecks.AbsoluteHttpUrl(options.BaseAddress, "Rizquna:Waha:BaseAddress") is { } baseError)
        {
            failures.Add(baseError);
        }

        CheckChatId(options.PublishChatId, "Rizquna:Waha:PublishChatId", options.CountryCode, failures);
        CheckChatId(options.AdminChatId, "Rizquna:Waha:AdminChatId", options.CountryCode, failures);

        if (options.MaxTextLength < 1)
        {
            failures.Add("Rizquna:Waha:MaxTextLength must be positive.");
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options.Resilience, new ValidationContext(options.Resilience), results, validateAllProperties: true))
        {
            foreach (var result in results)
            {
                failures.Add($"Rizquna:Waha:Resilience:{string.Join(',', result.MemberNames)}: {result.ErrorMessage}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckChatId(string? value, string setting, string countryCode, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(value) && !WahaChatId.TryNormalize(value, out _, out var error, countryCode))
        {
            failures.Add($"{setting}: {error}");
        }
    }
}
