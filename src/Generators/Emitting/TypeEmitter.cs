using System.Linq;
using Toolkit.Generators.Helpers;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Emitting;

/// <summary>Writes one file per type: its partial declaration chain, its instrumented methods and their tag helpers.</summary>
internal static class TypeEmitter
{
    public static readonly string GeneratedCodeAttribute =
        $"[global::System.CodeDom.Compiler.GeneratedCodeAttribute(\"Toolkit.Generators\", \"{typeof(TypeEmitter).Assembly.GetName().Version}\")]";

    public static string Emit(TypeSpec type, TargetSpec target)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        ManifestEmitter.WriteAttribute(writer, ManifestEmitter.TypePart(type));
        writer.WriteLine();

        var location = type.Location;
        if (location.Namespace.Length > 0)
        {
            writer.OpenBlock("namespace " + location.Namespace);
        }

        for (int i = 0; i < location.Types.Count - 1; i++)
        {
            writer.OpenBlock(location.Types[i].Declaration + " " + location.Types[i].Name);
        }

        var innermost = location.Types[location.Types.Count - 1];
        bool inStruct = innermost.Declaration.Contains("struct");

        // Methods with pointers in their signature get a declaration of their own that says unsafe.
        // Their awaits and async iterators cannot be there (no await in an unsafe context): those go into the other
        // part as private members.
        var unsafeMethods = type.Methods.Where(m => m.NeedsUnsafeContext).ToArray();
        var asyncHelpers = unsafeMethods
            .Where(m => MethodEmitter.NeedsAsyncFunction(m, inStruct, target))
            .Select((m, i) => (Method: m, Name: $"__{m.Name}_Async{i}"))
            .ToArray();
        if (unsafeMethods.Length > 0)
        {
            writer.OpenBlock("unsafe " + innermost.Declaration + " " + innermost.Name);
            EmitMethods(unsafeMethods, writer, inStruct, target, m => asyncHelpers.FirstOrDefault(h => ReferenceEquals(h.Method, m)).Name);
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.OpenBlock(innermost.Declaration + " " + innermost.Name);
        var safeMethods = type.Methods.Where(m => !m.NeedsUnsafeContext).ToArray();
        EmitMethods(safeMethods, writer, inStruct, target);
        for (int i = 0; i < asyncHelpers.Length; i++)
        {
            if (safeMethods.Length > 0 || i > 0)
            {
                writer.WriteLine();
            }

            MethodEmitter.EmitAsyncHelper(asyncHelpers[i].Method, asyncHelpers[i].Name, writer, inStruct, target);
        }

        foreach (var enumSpec in type.Enums())
        {
            writer.WriteLine();
            EmitEnumHelper(enumSpec, writer);
        }

        foreach (var method in type.Methods.Where(m => m.Event is not null))
        {
            writer.WriteLine();
            EventEmitter.EmitState(method, writer, GeneratedCodeAttribute, target);
        }

        if (type.Methods.Select(m => m.Event?.Logger ?? m.Logged).FirstOrDefault(l => l is { Member: null }) is { } fallback)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>The logger for business events of this type, from <c>ToolkitLogging.LoggerFactory</c>.</summary>");
            writer.WriteLine(GeneratedCodeAttribute);
            writer.WriteLine($"private static readonly global::Toolkit.Internal.FallbackLogger {EventEmitter.FallbackLogger} = new({Identifiers.Literal(fallback.Category)});");
        }

        foreach (var _ in location.Types)
        {
            writer.CloseBlock();
        }

        if (location.Namespace.Length > 0)
        {
            writer.CloseBlock();
        }

        return writer.ToString();
    }

    /// <param name="asyncHelper">For each method, the member that awaits for it, if not a local function.</param>
    private static void EmitMethods(MethodSpec[] methods, SourceWriter writer, bool inStruct, TargetSpec target, System.Func<MethodSpec, string?>? asyncHelper = null)
    {
        for (int i = 0; i < methods.Length; i++)
        {
            if (i > 0)
            {
                writer.WriteLine();
            }

            MethodEmitter.Emit(methods[i], writer, inStruct, target, asyncHelper?.Invoke(methods[i]));
        }
    }

    /// <summary>Maps each value to a constant string, so enum tags neither box nor format.</summary>
    private static void EmitEnumHelper(EnumSpec spec, SourceWriter writer)
    {
        writer.WriteLine(GeneratedCodeAttribute);
        writer.OpenBlock($"private static string {spec.HelperName}({spec.TypeName} value) => value switch");
        foreach (string member in spec.Members)
        {
            writer.WriteLine($"{spec.TypeName}.{Identifiers.Escape(member)} => {Identifiers.Literal(member)},");
        }

        writer.WriteLine("_ => value.ToString(),");
        writer.CloseBlock(";");
    }
}
