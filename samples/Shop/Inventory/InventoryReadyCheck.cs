using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Inventory;

/// <summary>Ready once the stock is loaded: orders taken before then could only fail.</summary>
internal sealed class InventoryReadyCheck(InventoryService inventory) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(inventory.IsLoaded
            ? HealthCheckResult.Healthy("Stock loaded.")
            : HealthCheckResult.Unhealthy("Stock not loaded yet."));
}
