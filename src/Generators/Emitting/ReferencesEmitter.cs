using Toolkit.Generators.Helpers;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Emitting;

/// <summary>Writes the module initializer that registers the sources of instrumented referenced assemblies.</summary>
internal static class ReferencesEmitter
{
    public const string HintName = "Toolkit.ReferencedSources.g.cs";

    public static string Emit(SourceSpec source, EquatableArray<string> names)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        writer.OpenBlock("namespace " + source.HolderNamespace);
        writer.WriteLine("/// <summary>The telemetry sources of referenced assemblies instrumented by Toolkit.</summary>");
        writer.WriteLine(TypeEmitter.GeneratedCodeAttribute);
        writer.OpenBlock("internal static class ReferencedSources");
        writer.WriteLine("/// <summary>Registers the sources with <c>ToolkitSources</c> when this assembly loads, before its libraries run.</summary>");
        writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.OpenBlock("internal static void Register()");
        foreach (string name in names)
        {
            writer.WriteLine($"global::Toolkit.ToolkitSources.Register({Identifiers.Literal(name)});");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
