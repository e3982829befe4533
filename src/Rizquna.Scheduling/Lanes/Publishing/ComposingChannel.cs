namespace Rizquna.Scheduling.Lanes.Publishing;

/// <summary>
/// The channel (<c>platform/account</c>) whose post a lane is composing right now, on the current async flow. Lane B and
/// the autopost worker set it while the caption is built, so code they call — an <c>IUrlShortener</c> minting a tracked
/// link, for one — can tell which account the link will be posted to (the UTM parameters only carry the platform).
/// </summary>
public static class ComposingChannel
{
    private static readonly AsyncLocal<string?> Value = new();

    /// <summary>The channel being composed, e.g. <c>facebook/002</c>; null outside a lane's composition.</summary>
    public static string? Current => Value.Value;

    /// <summary>Sets <see cref="Current"/> until the returned scope is disposed.</summary>
    internal static Scope Enter(string channel)
    {
        var previous = Value.Value;
        Value.Value = channel;
        return new Scope(previous);
    }

    internal readonly struct Scope(string? previous) : IDisposable
    {
        public void Dispose() => Value.Value = previous;
    }
}
