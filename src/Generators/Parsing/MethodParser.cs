using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Generators.Helpers;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Parsing;

/// <summary>Turns one annotated method into a <see cref="MethodSpec"/> and diagnostics. Symbols never leave this class.</summary>
internal sealed class MethodParser
{
    private readonly IMethodSymbol _method;
    private readonly MethodDeclarationSyntax _syntax;
    private readonly SemanticModel _model;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private string? _functionName;
    private string? _namespace;

    private MethodParser(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel model)
    {
        _method = method;
        _syntax = syntax;
        _model = model;
    }

    /// <summary>
    /// Parses the method found through <paramref name="attributeName"/>, or returns <see langword="null"/> when an
    /// earlier attribute's pipeline owns it.
    /// </summary>
    public static MethodResult? Parse(GeneratorAttributeSyntaxContext context, string attributeName, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.TargetNode is not MethodDeclarationSyntax syntax)
        {
            return null;
        }

        var attributes = method.GetAttributes();
        string? owner = AttributeNames.MethodAttributes.FirstOrDefault(name => Symbols.Find(attributes, name) is not null);
        if (owner != attributeName)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new MethodParser(method, syntax, context.SemanticModel).Parse(attributes, context.SemanticModel.Compilation.AssemblyName);
    }

    private MethodResult Parse(ImmutableArray<AttributeData> attributes, string? assemblyName)
    {
        var location = ParseLocation();
        var spec = ParseSpec(attributes, assemblyName);
        EventKey? eventKey = spec?.Event is { } businessEvent
            && Symbols.Find(attributes, AttributeNames.BusinessEvent)?.ApplicationSyntaxReference is { } reference
            ? new EventKey(businessEvent.Name, businessEvent.Id, reference.GetSyntax().GetLocation())
            : null;
        return new MethodResult(location, spec, _diagnostics.ToEquatableArray()) { Event = eventKey };
    }

    private MethodSpec? ParseSpec(ImmutableArray<AttributeData> attributes, string? assemblyName)
    {
        // Checked first: below C# 9 the declaration itself does not compile, so nothing else is worth saying.
        if (_syntax.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp9 and var version })
        {
            Report(DiagnosticDescriptors.LanguageVersionTooLow, _method.Name, version.ToDisplayString());
            return null;
        }

        string coreName = _method.Name + "Core";
        if (!_method.IsPartialDefinition)
        {
            // Anything but the user-written half of a partial method is TK1001, reported by the analyzer with its fix.
            if (_method.PartialDefinitionPart is not null)
            {
                Report(DiagnosticDescriptors.AlreadyImplemented, _method.Name, coreName);
            }

            return null;
        }

        if (_method.PartialImplementationPart is not null)
        {
            Report(DiagnosticDescriptors.AlreadyImplemented, _method.Name, coreName);
            return null;
        }

        for (var type = _method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!Symbols.IsPartial(type))
            {
                return null; // TK1002, reported by the analyzer.
            }

            if (type.Name.Length == 0)
            {
                return null; // a C# 14 extension block, which cannot hold partial members (TK1001, reported by the analyzer).
            }

            if (type.IsFileLocal)
            {
                // Every part of a file-local type lives in one file, so generated code cannot add to it.
                Report(DiagnosticDescriptors.FileLocalType, _method.Name, type.Name);
                return null;
            }
        }

        if (_method.ReturnsByRef || _method.ReturnsByRefReadonly)
        {
            Report(DiagnosticDescriptors.UnsupportedReturn, _method.Name, "by reference");
            return null;
        }

        if (_method.ReturnType.IsRefLikeType)
        {
            Report(DiagnosticDescriptors.UnsupportedReturn, _method.Name, "the ref struct '" + _method.ReturnType.Name + "'");
            return null;
        }

        var (shape, resultType) = Symbols.ReturnShapeOf(_method.ReturnType);

        var eventAttribute = Symbols.Find(attributes, AttributeNames.BusinessEvent);
        var core = CoreMethods.Find(_method);
        if (core is null)
        {
            // A bodiless [BusinessEvent] void method with nothing else to wrap is an event you call.
            bool emitter = eventAttribute is not null && _method.ReturnsVoid
                && AttributeNames.MethodAttributes.Count(name => Symbols.Find(attributes, name) is not null) == 1;
            if (!emitter)
            {
                Report(DiagnosticDescriptors.MissingCore, _method.Name, coreName);
                return null;
            }
        }
        else
        {
            coreName = core.Name;
            if (core.IsAsync && core.ReturnsVoid)
            {
                Report(DiagnosticDescriptors.AsyncVoidCore, coreName);
            }

            FlowAttributes.Check(_method, core, (attribute, target) => Report(DiagnosticDescriptors.MissingFlowAttribute, _method.Name, attribute, target, coreName));
        }

        EventSpec? businessEvent = null;
        if (eventAttribute is not null)
        {
            if (shape == ReturnShape.AsyncEnumerable)
            {
                Report(DiagnosticDescriptors.UnsupportedEventShape, eventAttribute, _method.Name, "an IAsyncEnumerable has no single moment of success");
            }
            else
            {
                var result = shape is ReturnShape.Value or ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT ? resultType : null;
                businessEvent = EventParser.Parse(_method, eventAttribute, result, (descriptor, arguments) => Report(descriptor, eventAttribute, arguments));
            }
        }

        var trace = ParseTrace(Symbols.Find(attributes, AttributeNames.Traced));
        var duration = ParseInstrument(Symbols.Find(attributes, AttributeNames.Timed), InstrumentKind.Histogram);
        var calls = ParseInstrument(Symbols.Find(attributes, AttributeNames.Counted), InstrumentKind.Counter);
        var active = ParseInstrument(Symbols.Find(attributes, AttributeNames.InFlight), InstrumentKind.UpDownCounter);
        var slo = ParseSlo(Symbols.Find(attributes, AttributeNames.Slo), duration, calls);
        if (HasErrors())
        {
            return null;
        }

        var parameters = _method.Parameters.Select(ParseParameter).ToEquatableArray();
        var returnTag = ParseReturnTag(shape, resultType);
        var measures = MeasureParser.Parse(_method, shape, resultType, core is not null, Report);
        if (HasErrors())
        {
            return null; // TK1012
        }

        return new MethodSpec(
            Name: Identifiers.Escape(_method.Name),
            CoreName: Identifiers.Escape(coreName),
            Modifiers: string.Join(" ", _syntax.Modifiers.Where(m => !m.IsKind(SyntaxKind.PartialKeyword)).Select(m => m.Text)),
            ReturnType: _method.ReturnsVoid ? "void" : _method.ReturnType.ToDisplayString(Symbols.TypeFormat),
            Shape: shape,
            ResultType: resultType?.ToDisplayString(Symbols.TypeFormat),
            TypeParameters: _method.TypeParameters.IsEmpty ? "" : "<" + string.Join(", ", _method.TypeParameters.Select(t => Identifiers.Escape(t.Name))) + ">",
            Constraints: ParseConstraints(),
            Parameters: parameters,
            FunctionName: FunctionName(),
            Namespace: Namespace(),
            CancellationToken: _method.Parameters
                .FirstOrDefault(p => p.RefKind == RefKind.None && Symbols.IsType(p.Type, "System.Threading", "CancellationToken", 0)) is { } token
                ? Identifiers.Escape(token.Name)
                : null,
            Trace: trace,
            Duration: duration,
            Calls: calls,
            Active: active,
            ReturnTag: returnTag,
            Event: businessEvent,
            Logged: Symbols.Find(attributes, AttributeNames.Logged) is { } loggedAttribute
                ? businessEvent?.Logger ?? EventParser.Logger(_method, (descriptor, arguments) => Report(descriptor, loggedAttribute, arguments))
                : null,
            HasCore: core is not null,
            NeedsUnsafeContext: _syntax.Modifiers.Any(SyntaxKind.UnsafeKeyword)
                || Symbols.ContainsPointer(_method.ReturnType) || _method.Parameters.Any(p => Symbols.ContainsPointer(p.Type)),
            ResultCarriesFlowState: FlowAttributes.ResultCarriesFlowState(_method),
            DoesNotReturn: FlowAttributes.DoesNotReturn(_method),
            NullableOblivious: (_model.GetNullableContext(_syntax.ReturnType.SpanStart) & NullableContext.AnnotationsEnabled) == 0,
            HasOptionalParameters: _method.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
                && _method.Parameters.Any(p => p.IsOptional),
            TelemetryClass: SourceSpec.HolderFor(assemblyName),
            Slo: slo,
            Measures: measures);
    }

    /// <summary>Reads <c>[Slo]</c>; an objective that no instrument of the method can measure is reported and left out.</summary>
    private SloSpec? ParseSlo(AttributeData? attribute, InstrumentSpec? duration, InstrumentSpec? calls)
    {
        if (attribute is null)
        {
            return null;
        }

        var latency = new List<LatencyObjective>();
        double? errorRate = null;
        int windowDays = 30;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "LatencyP50" or "LatencyP95" or "LatencyP99" when argument.Value.Value is string text:
                    double percentile = argument.Key == "LatencyP50" ? 0.5 : argument.Key == "LatencyP95" ? 0.95 : 0.99;
                    if (duration is null)
                    {
                        Report(DiagnosticDescriptors.InvalidSlo, attribute, _method.Name, "a latency objective needs [Timed]");
                    }
                    else if (SloDurations.TryParse(text, out double seconds))
                    {
                        latency.Add(new LatencyObjective(percentile, seconds, text.Trim()));
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.InvalidSlo, attribute, _method.Name, $"'{text}' is not a positive duration such as \"300ms\", \"1.5s\" or \"2m\"");
                    }

                    break;
                case "ErrorRate" when argument.Value.Value is double rate && rate != 0:
                    if (!(rate > 0 && rate < 1))
                    {
                        Report(DiagnosticDescriptors.InvalidSlo, attribute, _method.Name, "ErrorRate must be a fraction between 0 and 1, e.g. 0.01");
                    }
                    else if (duration is null && calls is null)
                    {
                        Report(DiagnosticDescriptors.InvalidSlo, attribute, _method.Name, "an error-rate objective needs [Timed] or [Counted]");
                    }
                    else
                    {
                        errorRate = rate;
                    }

                    break;
                case "WindowDays" when argument.Value.Value is int days:
                    if (days <= 0)
                    {
                        Report(DiagnosticDescriptors.InvalidSlo, attribute, _method.Name, "WindowDays must be positive");
                    }
                    else
                    {
                        windowDays = days;
                    }

                    break;
            }
        }

        if (latency.Count == 0 && errorRate is null)
        {
            return null;
        }

        return new SloSpec(latency.OrderBy(l => l.Percentile).ToEquatableArray(), errorRate, windowDays);
    }

    private TypeLocation ParseLocation()
    {
        var chain = new List<ContainingTypeSpec>();
        for (var type = _method.ContainingType; type is not null; type = type.ContainingType)
        {
            chain.Insert(0, new ContainingTypeSpec(Declaration(type), TypeName(type)));
        }

        string ns = Namespace();
        string key = _method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        return new TypeLocation(key, ns, chain.ToEquatableArray());
    }

    private static string Declaration(INamedTypeSymbol type)
    {
        string keyword = type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };

        string prefix = (type.TypeKind == TypeKind.Struct && type.IsReadOnly ? "readonly " : "") + (type.IsRefLikeType ? "ref " : "");
        return prefix + "partial " + keyword;
    }

    private static string TypeName(INamedTypeSymbol type)
    {
        if (type.TypeParameters.IsEmpty)
        {
            return Identifiers.Escape(type.Name);
        }

        var parameters = type.TypeParameters.Select(t => t.Variance switch
        {
            VarianceKind.In => "in ",
            VarianceKind.Out => "out ",
            _ => "",
        } + Identifiers.Escape(t.Name));
        return Identifiers.Escape(type.Name) + "<" + string.Join(", ", parameters) + ">";
    }

    private string FunctionName() => _functionName ??= BuildFunctionName();

    private string Namespace() => _namespace ??= _method.ContainingNamespace.IsGlobalNamespace ? "" : _method.ContainingNamespace.ToDisplayString();

    /// <summary>
    /// The fully-qualified name semantic conventions ask for (v1.33, where <c>code.namespace</c> folded into it), as the
    /// runtime writes it in stack traces: namespace, containing types outermost first with their arity, the method.
    /// </summary>
    private string BuildFunctionName()
    {
        var names = new List<string> { _method.Name };
        for (var type = _method.ContainingType; type is not null; type = type.ContainingType)
        {
            names.Insert(0, type.MetadataName);
        }

        if (Namespace() is { Length: > 0 } ns)
        {
            names.Insert(0, ns);
        }

        return string.Join(".", names);
    }

    /// <summary>The default span name, <c>Type.Method</c>: short, and stable when the type moves between namespaces.</summary>
    private string SpanName()
    {
        var names = new List<string> { _method.Name };
        for (var type = _method.ContainingType; type is not null; type = type.ContainingType)
        {
            names.Insert(0, type.Name);
        }

        return string.Join(".", names);
    }

    private TraceSpec? ParseTrace(AttributeData? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        string name = SpanName();
        string kind = "Internal";
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Name" && argument.Value.Value is string explicitName && explicitName.Length > 0)
            {
                name = explicitName;
            }
            else if (argument.Key == "Kind" && argument.Value.Value is int value)
            {
                kind = value switch
                {
                    1 => "Server",
                    2 => "Client",
                    3 => "Producer",
                    4 => "Consumer",
                    _ => "Internal",
                };
            }
        }

        return new TraceSpec(name, kind);
    }

    private InstrumentSpec? ParseInstrument(AttributeData? attribute, InstrumentKind kind)
    {
        if (attribute is null)
        {
            return null;
        }

        string? name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        var buckets = EquatableArray<double>.Empty;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Buckets" && !argument.Value.IsNull)
            {
                buckets = argument.Value.Values.Select(v => System.Convert.ToDouble(v.Value, System.Globalization.CultureInfo.InvariantCulture)).ToEquatableArray();
                if (!InstrumentNames.AreValidBuckets(buckets))
                {
                    Report(DiagnosticDescriptors.InvalidBuckets, attribute, _method.Name);
                }
            }
        }

        if (name is not null && !InstrumentNames.IsValid(name))
        {
            Report(DiagnosticDescriptors.InvalidInstrumentName, attribute, name);
        }

        return kind switch
        {
            InstrumentKind.Histogram => new InstrumentSpec(kind, name ?? InstrumentSpec.DefaultDurationName, "s", "The duration of calls to instrumented methods.", buckets),
            InstrumentKind.Counter => new InstrumentSpec(kind, name ?? InstrumentSpec.DefaultCallsName, "{call}", "The number of calls to instrumented methods.", buckets),
            _ => new InstrumentSpec(kind, name ?? InstrumentSpec.DefaultActiveName, "{call}", "The number of calls to instrumented methods in progress.", buckets),
        };
    }

    private ParameterSpec ParseParameter(IParameterSymbol parameter)
    {
        var syntax = _syntax.ParameterList.Parameters[parameter.Ordinal];
        string modifiers = string.Concat(syntax.Modifiers.Select(m => m.Text + " "));
        string argumentPrefix = parameter.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.None => "",
            _ => "in ", // in and ref readonly
        };

        bool isDynamic = parameter.Type.TypeKind == TypeKind.Dynamic;
        if (isDynamic)
        {
            if (parameter.RefKind != RefKind.None)
            {
                Report(DiagnosticDescriptors.UnsupportedParameter, _method.Name, parameter.Name, "a dynamic passed by reference cannot be handed on without binding the call at run time; pass it as object");
            }

            // Passed on as object, the Core call binds at compile time (a dynamic argument would bind it at run time, which is not trimmable).
            argumentPrefix = "(object)";
        }

        TagSpec? tag = null;
        if (Symbols.Find(parameter.GetAttributes(), AttributeNames.Tag) is { } tagAttribute)
        {
            if (isDynamic)
            {
                Report(DiagnosticDescriptors.InvalidTagTarget, tagAttribute, "the dynamic parameter '" + parameter.Name + "'", _method.Name);
            }
            else if (parameter.RefKind == RefKind.Out)
            {
                Report(DiagnosticDescriptors.InvalidTagTarget, tagAttribute, "the out parameter '" + parameter.Name + "'", _method.Name);
            }
            else if (parameter.Type.IsRefLikeType || (parameter.Type is ITypeParameterSymbol typeParameter && Symbols.AllowsRefLikeType(typeParameter)))
            {
                Report(DiagnosticDescriptors.InvalidTagTarget, tagAttribute, "the ref struct parameter '" + parameter.Name + "'", _method.Name);
            }
            else
            {
                tag = ProtectedTag(tagAttribute, parameter.Name, parameter.Type, parameter.GetAttributes(), "the redacted parameter '" + parameter.Name + "'");
            }
        }

        return new ParameterSpec(Identifiers.Escape(parameter.Name), parameter.Type.ToDisplayString(Symbols.TypeFormat), modifiers, argumentPrefix, tag);
    }

    private TagSpec? ParseReturnTag(ReturnShape shape, ITypeSymbol? resultType)
    {
        if (Symbols.Find(_method.GetReturnTypeAttributes(), AttributeNames.Tag) is not { } attribute)
        {
            return null;
        }

        if (Symbols.TaggedResult(shape, resultType) is not { } tagged || tagged is ITypeParameterSymbol typeParameter && Symbols.AllowsRefLikeType(typeParameter))
        {
            Report(DiagnosticDescriptors.InvalidTagTarget, attribute, "the return value", _method.Name);
            return null;
        }

        return ProtectedTag(attribute, "result", tagged, _method.GetReturnTypeAttributes(), "the redacted return value");
    }

    /// <summary>A tag that honours [Hashed] and [Redacted]: personal data stays out of spans and metrics too.</summary>
    private TagSpec? ProtectedTag(AttributeData attribute, string defaultName, ITypeSymbol type, IEnumerable<AttributeData> attributes, string redactedTarget)
    {
        switch (EventParser.ProtectionOf(attributes, type))
        {
            case Protection.Redacted:
                Report(DiagnosticDescriptors.InvalidTagTarget, attribute, redactedTarget, _method.Name);
                return null;
            case Protection.Hashed:
                return ParseTag(attribute, defaultName, type) with { ValueKind = TagValueKind.Hashed, Enum = null };
            default:
                return ParseTag(attribute, defaultName, type);
        }
    }

    private static TagSpec ParseTag(AttributeData attribute, string defaultName, ITypeSymbol type)
    {
        string key = Symbols.TagKey(attribute, defaultName);
        bool spanOnly = Symbols.IsSpanOnly(attribute);

        bool nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            type = wrapper.TypeArguments[0];
            nullable = true;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return new TagSpec(key, TagValueKind.String, spanOnly, null);
        }

        if (type.SpecialType == SpecialType.System_Boolean)
        {
            return new TagSpec(key, nullable ? TagValueKind.NullableBool : TagValueKind.Bool, spanOnly, null);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            // One name per distinct value, so the generated switch has no duplicate cases.
            var seen = new HashSet<object?>();
            var members = enumType.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.HasConstantValue && seen.Add(f.ConstantValue))
                .Select(f => f.Name)
                .ToEquatableArray();
            var spec = new EnumSpec(enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), members);
            return new TagSpec(key, nullable ? TagValueKind.NullableEnum : TagValueKind.Enum, spanOnly, spec);
        }

        return new TagSpec(key, TagValueKind.Object, spanOnly, null);
    }

    /// <summary>
    /// The <c>where</c> clauses the implementation must repeat. An override inherits its constraints and may only
    /// restate <c>class</c>, <c>struct</c> or <c>default</c>, so it gets exactly the clauses it wrote (CS0460 otherwise).
    /// </summary>
    private EquatableArray<string> ParseConstraints()
    {
        if (_method.IsOverride || !_method.ExplicitInterfaceImplementations.IsEmpty)
        {
            return _syntax.ConstraintClauses
                .Select(clause => "where " + clause.Name.Identifier.Text + " : " + string.Join(", ", clause.Constraints.Select(c => c.ToString())))
                .ToEquatableArray();
        }

        var constraints = new List<string>();
        foreach (var parameter in _method.TypeParameters)
        {
            if (Constraint(parameter) is { } constraint)
            {
                constraints.Add(constraint);
            }
        }

        return constraints.ToEquatableArray();
    }

    private static string? Constraint(ITypeParameterSymbol parameter)
    {
        var parts = Symbols.ConstraintsOf(parameter);
        return parts.Count == 0 ? null : "where " + Identifiers.Escape(parameter.Name) + " : " + string.Join(", ", parts);
    }

    private bool HasErrors() => _diagnostics.Any(d => d.Diagnostic.Severity == DiagnosticSeverity.Error);

    private void Report(DiagnosticDescriptor descriptor, params object[] arguments) =>
        _diagnostics.Add(new DiagnosticInfo(Diagnostic.Create(descriptor, _syntax.Identifier.GetLocation(), arguments)));

    private void Report(DiagnosticDescriptor descriptor, AttributeData attribute, params object[] arguments)
    {
        var location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? _syntax.Identifier.GetLocation();
        _diagnostics.Add(new DiagnosticInfo(Diagnostic.Create(descriptor, location, arguments)));
    }
}
