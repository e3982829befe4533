using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rizquna.Http;

namespace Rizquna.Http.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public async Task A_factory_client_gets_the_resilience_handler()
    {
        var calls = 0;
        var services = new ServiceCollection();
        services.AddHttpClient("platform", c => c.BaseAddress = new Uri("https://platform.test/"))
            .AddRizqunaResilience(_ => new ResilienceSettings { RetryBaseDelay = TimeSpan.Zero })
            .ConfigurePrimaryHttpMessageHandler(() => new Responder(() => ++calls < 2 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK));
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("platform");
        using var response = await client.GetAsync("x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, calls);
    }

    private sealed class Responder(Func<HttpStatusCode> status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status()));
    }
}
