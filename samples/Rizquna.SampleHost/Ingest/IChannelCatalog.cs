namespace Rizquna.SampleHost.Ingest;

/// <summary>The channels (<c>platform/account</c>) items may be sent to, from the plan's accounts.</summary>
public interface IChannelCatalog
{
    /// <summary>Every configured channel.</summary>
    IReadOnlyList<string> All { get; }

    /// <summary>Resolves <c>platform/account</c> to itself or a bare <c>platform</c> to all its accounts; null when unknown.</summary>
    IReadOnlyList<string>? Resolve(string name);
}
