using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Rizquna.Connectors.Meta.Graph;

/// <summary>
/// Parses Graph's usage headers (platform-contracts.md §1.5). Values are JSON; every numeric usage field is a percentage
/// (0–100), and <c>estimated_time_to_regain_access</c> is in minutes. Unreadable headers count as absent.
/// </summary>
internal static class UsageHeaders
{
    public const string AppUsage = "X-App-Usage";
    public const string BusinessUseCaseUsage = "X-Business-Use-Case-Usage";
    public const string PageUsage = "X-Page-Usage";

    /// <summary>
    /// Reads the usage headers of a response without allocating when they are absent. With a <paramref name="memo"/>, a
    /// header value equal to the last one seen for that header is not parsed again (Graph repeats them call after call).
    /// </summary>
    public static UsageReading Read(HttpResponseHeaders headers, UsageHeaderMemo? memo = null)
    {
        var app = -1d;
        var account = -1d;
        TimeSpan? regain = null;
        var nonValidated = headers.NonValidated;

        if (nonValidated.TryGetValues(AppUsage, out var appValues))
        {
            foreach (var value in appValues)
            {
                AccumulateMemoized(memo?.App, value, ref app, ref regain);
            }
        }

        if (nonValidated.TryGetValues(BusinessUseCaseUsage, out var bucValues))
        {
            foreach (var value in bucValues)
            {
                AccumulateMemoized(memo?.BusinessUseCase, value, ref account, ref regain);
            }
        }

        if (nonValidated.TryGetValues(PageUsage, out var pageValues))
        {
            foreach (var value in pageValues)
            {
                AccumulateMemoized(memo?.Page, value, ref account, ref regain);
            }
        }

        return new UsageReading(app, account, regain);
    }

    private static void AccumulateMemoized(UsageHeaderMemo.Slot? slot, string value, ref double percent, ref TimeSpan? regain)
    {
        if (slot is null)
        {
            Accumulate(value, ref percent, ref regain);
            return;
        }

        var parsed = slot.Get(value);
        if (parsed.Percent > percent)
        {
            percent = parsed.Percent;
        }

        if (parsed.Regain is { } r && (regain is null || r > regain))
        {
            regain = r;
        }
    }

    /// <summary>Parses one header value, raising <paramref name="percent"/> and <paramref name="regain"/> to what it says.</summary>
    public static void Accumulate(string value, ref double percent, ref TimeSpan? regain)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = max <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(value, buffer);
            Walk(buffer[..length], ref percent, ref regain);
        }
        catch (JsonException)
        {
            // A malformed header tells us nothing; the call itself succeeded.
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void Walk(ReadOnlySpan<byte> json, ref double percent, ref TimeSpan? regain)
    {
        var reader = new Utf8JsonReader(json);
        var isRegain = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    isRegain = reader.ValueTextEquals("estimated_time_to_regain_access"u8);
                    // Fields that are not percentages.
                    if (reader.ValueTextEquals("reset_time_duration"u8))
                    {
                        reader.Read();
                        reader.TrySkip();
                    }

                    break;
                case JsonTokenType.Number when reader.TryGetDouble(out var number):
                    if (isRegain)
                    {
                        if (number > 0 && (regain is null || TimeSpan.FromMinutes(number) > regain))
                        {
                            regain = TimeSpan.FromMinutes(number);
                        }
                    }
                    else if (number > percent)
                    {
                        percent = number;
                    }

                    isRegain = false;
                    break;
                default:
                    isRegain = false;
                    break;
            }
        }
    }
}
