namespace Rizquna.Connectors.Meta.Graph;

/// <summary>
/// The last parsed value of each usage header. Graph sends the same header text on call after call, so a response whose
/// header equals the last one reuses that parse instead of walking the JSON again. Each slot holds one immutable entry,
/// swapped whole, so concurrent calls at worst parse a value twice.
/// </summary>
internal sealed class UsageHeaderMemo
{
    public Slot App { get; } = new();

    public Slot BusinessUseCase { get; } = new();

    public Slot Page { get; } = new();

    internal sealed class Slot
    {
        private Entry? _last;

        /// <summary>The highest percentage and longest regain time in <paramref name="value"/> (-1 / null when it says none).</summary>
        public Entry Get(string value)
        {
            var last = Volatile.Read(ref _last);
            if (last is not null && string.Equals(last.Value, value, StringComparison.Ordinal))
            {
                return last;
            }

            var percent = -1d;
            TimeSpan? regain = null;
            UsageHeaders.Accumulate(value, ref percent, ref regain);
            var entry = new Entry(value, percent, regain);
            Volatile.Write(ref _last, entry);
            return entry;
        }
    }

    internal sealed record Entry(string Value, double Percent, TimeSpan? Regain);
}
