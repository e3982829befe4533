namespace Rizquna.Scheduling.Lanes.Reply;

/// <summary>Decides whether and how lane A answers an inbox item. <see cref="RuleBasedReplyPolicy"/> is the shipped one; a host may register its own (e.g. an AI agent).</summary>
public interface IReplyPolicy
{
    /// <summary>Decides for one item.</summary>
    ValueTask<ReplyDecision> DecideAsync(ReplyPolicyContext context, CancellationToken cancellationToken = default);
}
