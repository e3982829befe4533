using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rizquna.SampleHost.Admin;
using Rizquna.SampleHost.Approvals;
using Rizquna.SampleHost.Plans;
using Rizquna.SampleHost.Reports;
using Rizquna.SampleHost.Timeline;
using Rizquna.SampleHost.Clicks;
using Rizquna.SampleHost.Composition;
using Rizquna.SampleHost.Ingest;
using Rizquna.SampleHost.Queue;
using Rizquna.SampleHost.Webhooks;
using Rizquna.SampleHost.Configuration;
using Rizquna.SampleHost.Events;
using Rizquna.SampleHost.Health;
using Rizquna.SampleHost.Security;
using Rizquna.SampleHost.Storage;

namespace Rizquna.SampleHost;

/// <summary>
/// Composes the sample host: configuration (appsettings.json, user secrets, <c>Rizquna__…</c> environment variables,
/// command line), the embedded SQLite database, the kernel and lanes, the connectors (live with credentials, dry-run
/// without), and the HTTP API. Tests call <see cref="Build"/> with their own arguments and start it on 127.0.0.1.
/// </summary>
public static class HostApp
{
    /// <summary>Builds the web application; <paramref name="configure"/> lets tests replace services before it is built.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (!builder.Environment.IsDevelopment())
        {
            // User secrets on every environment (an operator's workstation is rarely "Development"), then env and
            // command line again so they keep the last word.
            builder.Configuration.AddUserSecrets(typeof(HostApp).Assembly, optional: true);
            builder.Configuration.AddEnvironmentVariables();
            builder.Configuration.AddCommandLine(args);
        }

        AddServices(builder);
        configure?.Invoke(builder);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<SampleHostOptions>().Bind(configuration.GetSection(SampleHostOptions.Section));
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section));
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section));
        services.AddOptions<EventOptions>().Bind(configuration.GetSection(EventOptions.Section));
        services.AddSingleton<IValidateOptions<ApiOptions>, HostOptionsValidator>();
        services.AddSingleton<IValidateOptions<EventOptions>, HostOptionsValidator>();
        services.AddOptions<ApiOptions>().ValidateOnStart();
        services.AddOptions<EventOptions>().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HostDatabase>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<LinkStore>();
        services.AddSingleton<WebhookLog>();
        services.AddSingleton<DryRunWebhooks>();
        services.AddSingleton<IngestValidator>();
        services.AddSingleton<IngestService>();
        services.AddConnectors(configuration);
        services.AddKernel(configuration);
        services.AddLanesAndQueue(configuration);
        services.AddHostedService<StartupBanner>();
        services.AddSingleton<EventOutbox>();
        services.AddSingleton<TokenHealthBoard>();
        services.AddSingleton<HealthReporter>();
        services.AddHttpClient(EventDispatcher.HttpClientName, static c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<EventDispatcher>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<TokenHealthMonitor>();
        services.AddHostedService<ApprovalEventForwarder>();

        services.ConfigureHttpJsonOptions(static o => HostJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddClientRateLimiting();
        services.AddCors();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue<long?>("Rizquna:Api:MaxRequestBodyBytes") ?? new ApiOptions().MaxRequestBodyBytes;
        });
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Bad input that slips past an endpoint's own checks is still the caller's fault: 4xx, not 500.
            StatusCodeSelector = static ex => ex switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                System.Text.Json.JsonException => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        var api = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        if (api.CorsOrigins.Count > 0)
        {
            app.UseCors(policy => policy.WithOrigins([.. api.CorsOrigins]).AllowAnyHeader().AllowAnyMethod());
        }

        app.UseRateLimiter();
        app.MapOpenApi().DisableRateLimiting();
        app.MapHealthEndpoints();
        app.MapClickEndpoints();
        app.MapIngestEndpoints();
        app.MapGeneratorWebhook();
        app.MapPlatformWebhooks();
        app.MapQueueEndpoints();
        app.MapPostEndpoints();
        app.MapJobEndpoints();
        app.MapTimelineEndpoints();
        app.MapApprovalEndpoints();
        app.MapReportEndpoints();
        app.MapAdminEndpoints();
    }
}
