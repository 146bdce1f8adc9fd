using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Shop.Inventory;

/// <summary>Loads the stock once the host starts; until then the service reports itself not ready.</summary>
internal sealed class InventoryLoader(InventoryService inventory) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => inventory.LoadAsync(stoppingToken);
}
