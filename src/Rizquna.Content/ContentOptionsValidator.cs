using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Rizquna.Http;

namespace Rizquna.Content;

/// <summary>Checks <see cref="ContentOptions"/> at start, with messages naming the setting under <c>Rizquna:Content</c>.</summary>
internal sealed class ContentOptionsValidator : IValidateOptions<ContentOptions>
{
    private const string Prefix = ContentOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        var failures = new List<string>();
        foreach (var (templateName, template) in options.Templates)
        {
            var setting = $"{Prefix}Templates:{templateName}";
            if (template is null)
            {
                failures.Add($"{setting} is empty.");
                continue;
            }

            if (template.Default.Count == 0 && template.Platforms.Values.All(v => v is null || v.Count == 0))
            {
                failures.Add($"{setting} has no variants: set {setting}:Default:0 or {setting}:Platforms:<platform>:0.");
            }

            CheckVariants(failures, $"{setting}:Default", template.Default);
            foreach (var (platform, variants) in template.Platforms)
            {
                if (!PlatformId.TryParse(platform, out _))
                {
                    failures.Add($"{setting}:Platforms:{platform} is not a platform id (letters, digits, '-' or '_', e.g. 'instagram').");
                }

                CheckVariants(failures, $"{setting}:Platforms:{platform}", variants ?? []);
            }
        }

        if (options.Ellipsis is null)
        {
            failures.Add($"{Prefix}Ellipsis must not be null (use an empty string for none).");
        }

        var bitly = options.Bitly;
        if (bitly is null)
        {
            failures.Add($"{Prefix}Bitly must not be null.");
        }
        else
        {
            if (OptionChecks.AbsoluteHttpUrl(bitly.BaseAddress, $"{Prefix}Bitly:BaseAddress") is { } addressError)
            {
                failures.Add(addressError);
            }

            var results = new List<ValidationResult>();
            if (bitly.Resilience is null)
            {
                failures.Add($"{Prefix}Bitly:Resilience must not be null.");
            }
            else if (!Validator.TryValidateObject(bitly.Resilience, new ValidationContext(bitly.Resilience), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    failures.Add($"{Prefix}Bitly:Resilience:{string.Join(",", result.MemberNames)}: {result.ErrorMessage}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckVariants(List<string> failures, string setting, List<string> variants)
    {
        for (var i = 0; i < variants.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(variants[i]))
            {
                failures.Add($"{setting}:{i} is empty.");
            }
            else if (CaptionTemplater.TryCompile(variants[i]) is { } error)
            {
                failures.Add($"{setting}:{i} is not a valid Handlebars template: {error}");
            }
        }
    }
}
