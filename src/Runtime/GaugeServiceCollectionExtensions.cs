using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Toolkit;

/// <summary>Publishes the instance gauges of singletons while the host runs.</summary>
public static class GaugeServiceCollectionExtensions
{
    /// <summary>
    /// Tracks the <typeparamref name="TService"/> singleton with <see cref="ToolkitGauges.Track{T}(T)"/> from the host's
    /// start to its stop, so its <see cref="GaugeAttribute"/> instance members are published while it serves.
    /// Register the singleton itself as usual; adding the tracking twice tracks it once.
    /// </summary>
    /// <typeparam name="TService">The registered singleton type that declares the instance gauges.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddGaugeTracking<TService>(this IServiceCollection services)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GaugeTracking<TService>>());
        return services;
    }

    private sealed class GaugeTracking<TService>(TService service) : IHostedService, IDisposable
        where TService : class
    {
        private IDisposable? _tracking;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _tracking ??= ToolkitGauges.Track(service);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Dispose();
            return Task.CompletedTask;
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _tracking, null)?.Dispose();
        }
    }
}
