using Rizquna.Scheduling.Policies;

namespace Rizquna.Scheduling.Tests.Engine;

public sealed class RetryPolicyTests
{
    [Fact]
    public void Default_delays_are_1_5_15_minutes_then_give_up()
    {
        var policy = RetryPolicy.Default;
        Assert.Equal(TimeSpan.FromMinutes(1), policy.Decide(1, PlatformErrorKind.Transient).Delay);
        Assert.Equal(TimeSpan.FromMinutes(5), policy.Decide(2, PlatformErrorKind.Transient).Delay);
        Assert.Equal(TimeSpan.FromMinutes(15), policy.Decide(3, PlatformErrorKind.Transient).Delay);
        Assert.False(policy.Decide(4, PlatformErrorKind.Transient).ShouldRetry);
    }

    [Fact]
    public void A_longer_retry_after_wins_and_a_shorter_one_does_not()
    {
        var policy = RetryPolicy.Default;
        Assert.Equal(TimeSpan.FromMinutes(7), policy.Decide(1, PlatformErrorKind.RateLimited, TimeSpan.FromMinutes(7)).Delay);
        Assert.Equal(TimeSpan.FromMinutes(5), policy.Decide(2, PlatformErrorKind.RateLimited, TimeSpan.FromSeconds(10)).Delay);
        var fromException = policy.Decide(1, new PlatformException(PlatformId.Facebook, PlatformErrorKind.RateLimited, "slow down") { RetryAfter = TimeSpan.FromHours(1) });
        Assert.Equal(TimeSpan.FromHours(1), fromException.Delay);
    }

    [Theory]
    [InlineData(PlatformErrorKind.InvalidContent)]
    [InlineData(PlatformErrorKind.Permanent)]
    [InlineData(PlatformErrorKind.Forbidden)]
    [InlineData(PlatformErrorKind.AuthExpired)]
    [InlineData(PlatformErrorKind.ReauthorizationRequired)]
    public void Permanent_kinds_are_never_retried(PlatformErrorKind kind) => Assert.False(RetryPolicy.Default.Decide(1, kind).ShouldRetry);

    [Fact]
    public void Unknown_outcomes_retry_only_after_reconciling()
    {
        var decision = RetryPolicy.Default.Decide(1, PlatformErrorKind.OutcomeUnknown);
        Assert.True(decision.ShouldRetry);
        Assert.True(decision.ReconcileFirst);
        Assert.False(RetryPolicy.Default.Decide(1, new TimeoutException()).ReconcileFirst);
    }

    [Fact]
    public void Cooldown_doubles_up_to_the_cap()
    {
        var policy = new CooldownPolicy(new CooldownOptions { Duration = TimeSpan.FromMinutes(30), MaxDuration = TimeSpan.FromHours(1.5) });
        Assert.Equal(TimeSpan.FromMinutes(30), policy.DurationFor(1));
        Assert.Equal(TimeSpan.FromMinutes(60), policy.DurationFor(2));
        Assert.Equal(TimeSpan.FromMinutes(90), policy.DurationFor(3));
        Assert.Equal(TimeSpan.FromMinutes(90), policy.DurationFor(10));
    }
}
