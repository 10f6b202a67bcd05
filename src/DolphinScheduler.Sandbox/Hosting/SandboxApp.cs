using System.Net;
using System.Security.Cryptography.X509Certificates;
using DolphinScheduler.Sandbox.Api;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Control;
using DolphinScheduler.Sandbox.Faults;
using DolphinScheduler.Sandbox.Execution;
using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.Resources;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Http.Features;

namespace DolphinScheduler.Sandbox.Hosting;

/// <summary>The one place that composes the web application (used by the CLI and the embedding API alike).</summary>
internal static class SandboxApp
{
    public static WebApplication Build(SandboxFlavor flavor, IPAddress ip, int port, string dataDirectory, TimeProvider clock,
        X509Certificate2? certificate = null, IEnumerable<FaultRule>? faults = null,
        ExecutionOptions? execution = null, int seedInstances = 0)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // stdout belongs to the base-URI line; logs go to stderr, warnings and up only, and never carry
        // request values (no request logging at all).
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var stats = new SandboxStats();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(ip, port, listen =>
            {
                listen.Use(stats.ConnectionMiddleware); // outermost: counts the bytes on the wire (TLS included)
                if (certificate is not null)
                    listen.UseHttps(certificate);
            });
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 1L << 30; // DS multipart limit is 1024 MB (README §2)
        });
        if (certificate is not null)
            builder.WebHost.UseKestrelHttpsConfiguration(); // the slim builder leaves HTTPS out
        builder.Services.Configure<FormOptions>(o =>
        {
            o.ValueLengthLimit = 5_000_000; // Jetty max-http-form-post-size (README §2)
            o.ValueCountLimit = 10_000;
            o.MultipartBodyLengthLimit = 1L << 30;
        });

        var store = new SandboxStore(dataDirectory, clock);
        Bootstrap.Seed(store);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddSingleton(new FaultInjector(faults));
        builder.Services.AddSingleton(new ResourceStorage(dataDirectory, clock));
        builder.Services.AddSingleton(flavor);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(new ContractRecorder(clock));
        builder.Services.AddSingleton(stats);
        builder.Services.AddSingleton<HandlerRegistry>();
        builder.Services.AddSingleton<DsEndpointExecutor>();
        var executionOptions = execution ?? new ExecutionOptions();
        builder.Services.AddSingleton(executionOptions);
        // Created by the container so that disposing the app kills running task processes.
        builder.Services.AddSingleton(sp => new ExecutionEngine(store, flavor, executionOptions, sp.GetService<ILogger<ExecutionEngine>>())
        {
            Definitions = new StoreWorkflowDefinitions(store) { DagDataView = dag => Api.Views.DagDataView.From(dag) },
        });

        var app = builder.Build();
        app.UseMiddleware<FaultMiddleware>(); // outermost: "before" faults never read the request body
        app.UseMiddleware<RecordingMiddleware>();
        app.MapControl();
        app.MapFaultControl();

        // Areas: one MapX per Api/<Area>Api.cs. Add new areas here.
        app.MapResources();
        app.MapAuth();
        app.MapUsers();
        app.MapAccessTokens();
        app.MapQueues();
        app.MapTenants();
        app.MapProjects();
        app.MapTaskDefinitions();
        app.MapWorkflowDefinitions();
        app.MapSchedules();
        app.MapExecutors();
        app.MapWorkflowInstances();
        app.MapTaskInstances();
        app.MapLogs();

        if (seedInstances > 0)
            InstanceSeeder.Seed(store, flavor, executionOptions, seedInstances, null);

        app.MapUnimplementedContract();
        app.MapUnknownPaths();
        return app;
    }
}
