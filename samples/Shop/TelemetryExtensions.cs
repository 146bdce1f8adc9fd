using System;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
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

/// <summary>The OpenTelemetry SDK wiring: every signal to OTLP when a collector is configured, else a readable console.</summary>
internal static class TelemetryExtensions
{
    public static WebApplicationBuilder AddShopTelemetry(this WebApplicationBuilder builder)
    {
        // The standard variable; the exporter reads it (and OTEL_EXPORTER_OTLP_PROTOCOL, _HEADERS...) itself.
        bool otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        // Without a collector the console is for a person: one JSON line per log record (with the trace and span ids
        // of the call that wrote it) and every few seconds one table of calls, errors, latency and business values.
        // --console raw prints the SDK's console exporters' full dumps of every span, metric and record instead.
        bool raw = string.Equals(builder.Configuration["Shop:Console"], "raw", StringComparison.OrdinalIgnoreCase);
        bool readable = !otlp && !raw;

        builder.Logging.ClearProviders();
        if (readable)
        {
            builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            // Through OpenTelemetry: each record carries the trace and span id of the call that wrote it.
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
                if (raw)
                {
                    logging.AddConsoleExporter();
                }
            });
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            // "shop" unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES say otherwise: the detector added last wins.
            .ConfigureResource(resource => resource.AddService("shop").AddEnvironmentVariableDetector())
            .WithTracing(tracing =>
            {
                tracing.AddToolkitSources();
                if (raw)
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
                if (raw)
                {
                    metrics.AddConsoleExporter((_, reader) =>
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)TimeSpan.FromSeconds(10).TotalMilliseconds);
                }
                else if (readable)
                {
                    int seconds = builder.Configuration.GetValue("Shop:SummarySeconds", 5);
                    metrics.AddReader(new PeriodicExportingMetricReader(
                        new SummaryExporter(Toolkit.Generated.Shop.Telemetry.Name, System.Console.Out),
                        exportIntervalMilliseconds: (int)TimeSpan.FromSeconds(seconds).TotalMilliseconds));
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
