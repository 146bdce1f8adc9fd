using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Toolkit;

/// <summary>Wires Toolkit into a hosted application.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Makes the host's <see cref="ILoggerFactory"/> the <see cref="ToolkitLogging.LoggerFactory"/> while the host
    /// runs, so business events and <see cref="LoggedAttribute"/> records of types without an <see cref="ILogger"/>
    /// of their own go through the host's logging.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddToolkitLogging(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LoggerFactoryRegistration>());
        return services;
    }

    private sealed class LoggerFactoryRegistration(ILoggerFactory factory) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            ToolkitLogging.LoggerFactory = factory;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            // Only undo our own setting: another host in the process may have set its factory since.
            if (ReferenceEquals(ToolkitLogging.LoggerFactory, factory))
            {
                ToolkitLogging.LoggerFactory = null;
            }

            return Task.CompletedTask;
        }
    }
}
