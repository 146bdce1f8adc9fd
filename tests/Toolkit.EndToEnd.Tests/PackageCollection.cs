using Xunit;

namespace Toolkit.EndToEnd.Tests;

/// <summary>The test classes that share one packed Toolkit package.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedToolkit>
{
    public const string Name = "Packed Toolkit";
}
