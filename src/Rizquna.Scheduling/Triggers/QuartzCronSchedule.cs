using Quartz;

namespace Rizquna.Scheduling.Triggers;

/// <summary>
/// <see cref="ICronSchedule"/> over Quartz 4.7's <see cref="CronExpression"/> in Unix format. Quartz gives the DST
/// behaviour we pin in tests: a time in a spring-forward gap fires once at the first valid instant after it; a fixed
/// time in a fall-back overlap fires once (first pass) while stepped fields fire in both passes; day-of-month and
/// day-of-week are ORed when both are restricted (Vixie cron).
/// </summary>
internal sealed class QuartzCronSchedule : ICronSchedule
{
    private readonly CronExpression _expression;
    private readonly FallBackWindows _fallBack;

    private QuartzCronSchedule(string expression, CronExpression parsed, FallBackWindows fallBack)
    {
        Expression = expression;
        _expression = parsed;
        _fallBack = fallBack;
    }

    public string Expression { get; }

    public DateTimeOffset? GetNextAfter(DateTimeOffset instant)
    {
        var next = _expression.GetNextValidTimeAfter(instant);
        if (next is not { } n)
        {
            return null;
        }

        // Quartz is stateless: asked from inside a repeated hour it answers the second pass of a fixed time whose
        // first pass already fired. Give the answer of an uninterrupted walk instead, so a restart in the repeated
        // hour never runs a daily job twice for one local date.
        var delta = _fallBack.SecondPassDelta(n.UtcTicks);
        if (delta != 0)
        {
            var firstPass = new DateTimeOffset(n.UtcTicks - delta, TimeSpan.Zero);
            if (instant >= firstPass && _expression.GetNextValidTimeAfter(firstPass.AddTicks(-1)) is { } f && f.UtcTicks == firstPass.UtcTicks)
            {
                // Walk on from the first pass (within the repeated hour: a bounded number of steps) to the first
                // occurrence after the instant.
                DateTimeOffset? walk = firstPass;
                while (walk is { } w && w <= instant)
                {
                    walk = _expression.GetNextValidTimeAfter(w);
                }

                return walk;
            }
        }

        return n;
    }

    /// <summary>Parses a 5-field Unix cron in <paramref name="zone"/>; on failure returns null and a message.</summary>
    public static ICronSchedule? TryParse(string? expression, TimeZoneInfo zone, out string? error)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (string.IsNullOrWhiteSpace(expression))
        {
            error = "is empty";
            return null;
        }

        // Quartz also reads 6/7-field Quartz syntax; the plan promises Unix cron, so the field count is checked here.
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            error = $"'{expression}' has {fields.Length} fields; expected 5 (minute hour day-of-month month day-of-week)";
            return null;
        }

        try
        {
            var parsed = CronExpression.Parse(string.Join(' ', fields), CronFormat.Unix).WithTimeZone(zone);
            error = null;
            return new QuartzCronSchedule(expression, parsed, FallBackWindows.For(zone));
        }
        catch (FormatException ex)
        {
            error = $"'{expression}' is not a valid cron expression: {ex.Message}";
            return null;
        }
    }
}
