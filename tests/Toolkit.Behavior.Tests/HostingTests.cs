using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Toolkit.TestAssets;
using Xunit;

namespace Toolkit.Behavior.Tests;

/// <summary>AddToolkitLogging hands the host's logger factory to types that have no logger of their own.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Host_logger_factory_is_used_while_the_host_runs()
    {
        var previous = ToolkitLogging.LoggerFactory;
        var factory = new CapturingLoggerFactory();
        try
        {
            ToolkitLogging.LoggerFactory = null;
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddSingleton<ILoggerFactory>(factory);
            builder.Services.AddToolkitLogging().AddToolkitLogging();
            using var host = builder.Build();

            await host.StartAsync();
            Assert.Same(factory, ToolkitLogging.LoggerFactory);
            Audit.Login("alice", "hunter2", "NL");
            await host.StopAsync();

            Assert.Null(ToolkitLogging.LoggerFactory);
            var record = Assert.Single(factory.Records, r => r.EventId.Name == "audit.login");
            Assert.Equal(typeof(Audit).FullName, record.Category);
        }
        finally
        {
            ToolkitLogging.LoggerFactory = previous;
        }
    }
}
