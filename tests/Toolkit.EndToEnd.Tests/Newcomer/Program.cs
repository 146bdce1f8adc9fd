using Hello;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Toolkit;

using var tracing = Sdk.CreateTracerProviderBuilder()
    .AddToolkitSources()
    .AddConsoleExporter()
    .Build();
var metrics = Sdk.CreateMeterProviderBuilder()
    .AddToolkitMeters()
    .AddConsoleExporter()
    .Build();
using var logging = LoggerFactory.Create(builder => builder.AddOpenTelemetry(options => options.AddConsoleExporter()));
ToolkitLogging.LoggerFactory = logging;

var greeter = new Greeter();
Console.WriteLine(greeter.Greet(Language.French, "user-4242"));
Console.WriteLine(greeter.Greet(Language.English, "user-4242"));

metrics.Dispose(); // prints the metrics once
