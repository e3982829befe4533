namespace Rizquna;

/// <summary>Who wrote an inbox item.</summary>
/// <param name="Id">The platform's id of the author (PSID, IGSID, Telegram user id, WhatsApp chat id…).</param>
/// <param name="DisplayName">A name to show, when the platform gives one.</param>
public sealed record InboxParticipant(string Id, string? DisplayName = null);
