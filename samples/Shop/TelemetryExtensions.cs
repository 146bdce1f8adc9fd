using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Toolkit;

namespace Shop;

/// <summary>The OpenTelemetry SDK wiring: every signal to OTLP when a collector is configured, else to the console.</summary>
internal static class TelemetryExtensions
{
    public static WebApplicationBuilder AddShopTelemetry(this WebApplicationBuilder builder)
    {
        // The standard variable; the exporter reads it (and OTEL_EXPORTER_OTLP_PROTOCOL, _HEADERS...) itself.
        bool otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        // Logs go through OpenTelemetry only: each record carries the trace and span id of the call that wrote it.
        builder.Logging.ClearProviders();
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            if (!otlp)
            {
                logging.AddConsoleExporter();
            }
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            // "shop" unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES say otherwise: the detector added last wins.
            .ConfigureResource(resource => resource.AddService("shop").AddEnvironmentVariableDetector())
            .WithTracing(tracing =>
            {
                tracing.AddToolkitSources();
                if (!otlp)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddToolkitMeters()
                    .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                    .AddPrometheusExporter();
                if (!otlp)
                {
                    metrics.AddConsoleExporter((_, reader) =>
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)TimeSpan.FromSeconds(10).TotalMilliseconds);
                }
            });
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        // Business events of types without a logger of their own use the host's logging too.
        builder.Services.AddToolkitLogging();
        return builder;
    }
}
