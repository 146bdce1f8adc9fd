using System;
using System.IO;

namespace Toolkit.Tests.Files;

/// <summary>A fresh directory under the system's temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix)
    {
        FullName = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(FullName);
    }

    public string FullName { get; }

    public string PathOf(params string[] parts) => Path.Combine([FullName, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(FullName, recursive: true);
        }
        catch (IOException)
        {
            // A process that has not quite let go of a file; the system cleans its temp folder eventually.
        }
    }
}
