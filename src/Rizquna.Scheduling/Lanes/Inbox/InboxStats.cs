namespace Rizquna.Scheduling.Lanes.Inbox;

/// <summary>One account's inbox numbers over a period (for the nightly report).</summary>
/// <param name="Account">The account, <c>platform/key</c>.</param>
/// <param name="Received">Items stored in the period.</param>
/// <param name="Orders">Of which marketplace orders.</param>
/// <param name="Replied">Replies sent in the period.</param>
/// <param name="AwaitingApproval">Items whose reply waits for approval now.</param>
/// <param name="Failed">Replies refused or denied in the period.</param>
public sealed record InboxStats(string Account, int Received, int Orders, int Replied, int AwaitingApproval, int Failed);
