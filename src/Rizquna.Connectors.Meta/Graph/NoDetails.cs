using System.Collections.ObjectModel;

namespace Rizquna.Connectors.Meta.Graph;

/// <summary>One shared empty, read-only dictionary for results and items without extra facts (no allocation per call).</summary>
internal static class NoDetails
{
    public static readonly IReadOnlyDictionary<string, string> Instance = ReadOnlyDictionary<string, string>.Empty;
}
