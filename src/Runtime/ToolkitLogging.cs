using System.Threading;
using Microsoft.Extensions.Logging;

namespace Toolkit;

/// <summary>
/// The process-wide logger factory that business events use when their type has no <see cref="ILogger"/> of its own.
/// </summary>
public static class ToolkitLogging
{
    private static ILoggerFactory? s_factory;

    /// <summary>
    /// The factory, or <see langword="null"/> (the default) to write no record from types without a logger.
    /// Set it once at start-up, for example from the host's <see cref="ILoggerFactory"/>.
    /// </summary>
    public static ILoggerFactory? LoggerFactory
    {
        get => Volatile.Read(ref s_factory);
        set => Volatile.Write(ref s_factory, value);
    }
}
