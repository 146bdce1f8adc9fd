using System.ComponentModel;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace Toolkit.Internal;

/// <summary>
/// A per-type logger created from <see cref="ToolkitLogging.LoggerFactory"/>, re-created when the factory changes.
/// Generated code holds one per type that writes business events without a logger of its own.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FallbackLogger
{
    private readonly string _category;
    private Entry? _entry;

    /// <summary>Creates the holder.</summary>
    /// <param name="category">The logger category, usually the type's full name.</param>
    public FallbackLogger(string category) => _category = category;

    /// <summary>The logger, or <see langword="null"/> when no factory is set.</summary>
    public ILogger? Logger
    {
        get
        {
            var factory = ToolkitLogging.LoggerFactory;
            if (factory is null)
            {
                return null;
            }

            var entry = Volatile.Read(ref _entry);
            if (entry is null || !ReferenceEquals(entry.Factory, factory))
            {
                entry = new Entry(factory, factory.CreateLogger(_category));
                Volatile.Write(ref _entry, entry);
            }

            return entry.Logger;
        }
    }

    private sealed record Entry(ILoggerFactory Factory, ILogger Logger);
}
