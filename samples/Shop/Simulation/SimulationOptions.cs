namespace Shop.Simulation;

/// <summary>The traffic the service sends itself: <c>--simulate</c>, <c>--rate</c>, <c>--duration</c>.</summary>
public sealed class SimulationOptions
{
    /// <summary>Whether to send orders to the service's own API (default: yes, so a bare run shows telemetry).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Orders per second.</summary>
    public double RequestsPerSecond { get; set; } = 2;

    /// <summary>Seconds after which the service stops by itself; 0 (the default) runs until stopped.</summary>
    public double DurationSeconds { get; set; }
}
