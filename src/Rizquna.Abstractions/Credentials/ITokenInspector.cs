namespace Rizquna;

/// <summary>Checks an account's token or session health.</summary>
public interface ITokenInspector
{
    /// <summary>The platform this inspector serves.</summary>
    PlatformId Platform { get; }

    /// <summary>Asks the platform about the account's token.</summary>
    Task<TokenHealth> InspectAsync(AccountRef account, CancellationToken cancellationToken = default);
}
