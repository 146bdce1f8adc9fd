using System.Net;
using System.Net.Sockets;

namespace Toolkit.Tests.Processes;

/// <summary>Ports on 127.0.0.1 for servers a test starts.</summary>
internal static class LoopbackPort
{
    /// <summary>A port nothing listens on now; the system hands it out again only after it has cycled through the others.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
