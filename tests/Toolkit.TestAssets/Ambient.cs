using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Toolkit.TestAssets;

/// <summary>
/// Non-async methods that set ambient state (an <see cref="AsyncLocal{T}"/>, the culture, an activity of their own)
/// before returning a pending task: the caller sees that state, and must see it with or without a listener.
/// </summary>
public sealed partial class Ambient
{
    /// <summary>A tenant id, as a multi-tenant service keeps it for the rest of the request.</summary>
    public static readonly AsyncLocal<string?> Tenant = new();

    /// <summary>A source no test listens to by default: the Core's own activities.</summary>
    public static readonly ActivitySource Inner = new("Toolkit.TestAssets.Inner");

    [Traced]
    [Timed]
    [Counted]
    public partial Task<int> EnterAsync(string tenant, Task<int> pending);

    private Task<int> EnterAsyncCore(string tenant, Task<int> pending)
    {
        Tenant.Value = tenant;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        return pending;
    }

    [Traced]
    [InFlight]
    public partial ValueTask<int> EnterValueAsync(string tenant, Task<int> pending);

    private ValueTask<int> EnterValueAsyncCore(string tenant, Task<int> pending)
    {
        Tenant.Value = tenant;
        return new ValueTask<int>(pending);
    }

    [Traced]
    [Timed]
    public partial Task EnterPlainAsync(string tenant, Task pending);

    private Task EnterPlainAsyncCore(string tenant, Task pending)
    {
        Tenant.Value = tenant;
        return pending;
    }

    /// <summary>A business event only: the wrapper's leanest task path.</summary>
    [BusinessEvent("tenant.entered")]
    public partial Task<int> AnnounceAsync(string tenant, [NotLogged] Task<int> pending);

    private Task<int> AnnounceAsyncCore(string tenant, Task<int> pending)
    {
        Tenant.Value = tenant;
        return pending;
    }

    /// <summary>Leaves an activity of its own current, as a Core that starts one and returns before ending it does.</summary>
    [Traced]
    public partial Task<int> StartInnerAsync(Task<int> pending);

    private Task<int> StartInnerAsyncCore(Task<int> pending)
    {
        Inner.StartActivity("inner");
        return pending;
    }
}
