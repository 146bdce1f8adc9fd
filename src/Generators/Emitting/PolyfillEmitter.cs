using Toolkit.Generators.Helpers;

namespace Toolkit.Generators.Emitting;

/// <summary>
/// Declares <c>ModuleInitializerAttribute</c> where the framework has none (netstandard2.0, .NET Framework): the
/// compiler honours the attribute by name, whichever assembly declares it. The package's build targets tell
/// PolySharp not to declare it too.
/// </summary>
internal static class PolyfillEmitter
{
    public const string HintName = "Toolkit.ModuleInitializerAttribute.g.cs";

    public static string Emit()
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        writer.OpenBlock("namespace System.Runtime.CompilerServices");
        writer.WriteLine("/// <summary>Marks a method the runtime calls when the module loads (C# 9); declared here because the target framework has none.</summary>");
        writer.WriteLine(TypeEmitter.GeneratedCodeAttribute);
        writer.WriteLine("[global::System.AttributeUsage(global::System.AttributeTargets.Method, Inherited = false)]");
        writer.WriteLine("internal sealed class ModuleInitializerAttribute : global::System.Attribute");
        writer.OpenBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
