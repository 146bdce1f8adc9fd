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
    private static readonly InstrumentSpec s_duration = new(InstrumentKind.Histogram, InstrumentSpec.DefaultDurationName, "s", "The duration of calls to instrumented methods.", EquatableArray<double>.Empty);
    private static readonly InstrumentSpec s_calls = new(InstrumentKind.Counter, InstrumentSpec.DefaultCallsName, "{call}", "The number of calls to instrumented methods.", EquatableArray<double>.Empty);
    private static readonly InstrumentSpec s_active = new(InstrumentKind.UpDownCounter, InstrumentSpec.DefaultActiveName, "{call}", "The number of calls to instrumented methods in progress.", EquatableArray<double>.Empty);
    private static System.Tuple<string?, string>? s_lastHolder;

    private readonly IMethodSymbol _method;
    private readonly MethodDeclarationSyntax _syntax;
    private readonly SemanticModel _model;
    private readonly ContainingTypes _types;
    private readonly MethodAttributeSet _attributes;
    private List<DiagnosticInfo>? _diagnostics;

    private MethodParser(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel model, MethodAttributeSet attributes)
    {
        _method = method;
        _syntax = syntax;
        _model = model;
        _types = ContainingTypes.Of(method.ContainingType);
        _attributes = attributes;
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

        var attributes = MethodAttributeSet.Read(method.GetAttributes());
        if (attributes.Owner != attributeName)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new MethodParser(method, syntax, context.SemanticModel, attributes).Parse(context.SemanticModel.Compilation.AssemblyName);
    }

    private MethodResult Parse(string? assemblyName)
    {
        var spec = ParseSpec(assemblyName);
        EventKey? eventKey = spec?.Event is { } businessEvent
            && _attributes.BusinessEvent?.ApplicationSyntaxReference is { } reference
            ? new EventKey(businessEvent.Name, businessEvent.Id, reference.GetSyntax().GetLocation())
            : null;
        var diagnostics = _diagnostics is null ? EquatableArray<DiagnosticInfo>.Empty : _diagnostics.ToEquatableArray();
        return new MethodResult(_types.Location, spec, diagnostics) { Event = eventKey };
    }

    private MethodSpec? ParseSpec(string? assemblyName)
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

        if (_types.Unsupported is { } type)
        {
            if (!Symbols.IsPartial(type))
            {
                return null; // TK1002, reported by the analyzer.
            }

            if (type.Name.Length == 0)
            {
                return null; // a C# 14 extension block, which cannot hold partial members (TK1001, reported by the analyzer).
            }

            // Every part of a file-local type lives in one file, so generated code cannot add to it.
            Report(DiagnosticDescriptors.FileLocalType, _method.Name, type.Name);
            return null;
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

        var eventAttribute = _attributes.BusinessEvent;
        var core = CoreMethods.Find(_method);
        if (core is null)
        {
            // A bodiless [BusinessEvent] void method with nothing else to wrap is an event you call.
            bool emitter = _method.ReturnsVoid && _attributes.IsEventOnly;
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

            if (FlowAttributes.Check(_method, core) is { } missing)
            {
                foreach (var (attribute, target) in missing)
                {
                    Report(DiagnosticDescriptors.MissingFlowAttribute, _method.Name, attribute, target, coreName);
                }
            }
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
                businessEvent = ParseEvent(eventAttribute, result);
            }
        }

        var trace = ParseTrace(_attributes.Traced);
        var duration = ParseInstrument(_attributes.Timed, InstrumentKind.Histogram);
        var calls = ParseInstrument(_attributes.Counted, InstrumentKind.Counter);
        var active = ParseInstrument(_attributes.InFlight, InstrumentKind.UpDownCounter);
        var slo = ParseSlo(_attributes.Slo, duration, calls);
        if (HasErrors())
        {
            return null;
        }

        var parameters = new ParameterSpec[_method.Parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = ParseParameter(_method.Parameters[i]);
        }

        var returnTag = ParseReturnTag(shape, resultType);
        var measures = MeasureParser.Any(_method) ? MeasureParser.Parse(_method, shape, resultType, core is not null, Report) : EquatableArray<MeasureSpec>.Empty;
        if (HasErrors())
        {
            return null; // TK1012
        }

        return new MethodSpec(
            Name: Identifiers.Escape(_method.Name),
            CoreName: Identifiers.Escape(coreName),
            Modifiers: Modifiers(),
            ReturnType: _method.ReturnsVoid ? "void" : Symbols.DisplayType(_method.ReturnType),
            Shape: shape,
            ResultType: resultType is null ? null : Symbols.DisplayType(resultType),
            TypeParameters: _method.TypeParameters.IsEmpty ? "" : "<" + string.Join(", ", _method.TypeParameters.Select(t => Identifiers.Escape(t.Name))) + ">",
            Constraints: ParseConstraints(),
            Parameters: EquatableArray.Of(parameters),
            FunctionName: _types.FunctionNamePrefix + "." + _method.Name,
            Namespace: _types.Location.Namespace,
            CancellationToken: CancellationTokenName(),
            Trace: trace,
            Duration: duration,
            Calls: calls,
            Active: active,
            ReturnTag: returnTag,
            Event: businessEvent,
            Logged: _attributes.Logged is { } loggedAttribute ? businessEvent?.Logger ?? ParseLogger(loggedAttribute) : null,
            HasCore: core is not null,
            NeedsUnsafeContext: _syntax.Modifiers.Any(SyntaxKind.UnsafeKeyword)
                || Symbols.ContainsPointer(_method.ReturnType) || _method.Parameters.Any(p => Symbols.ContainsPointer(p.Type)),
            ResultCarriesFlowState: FlowAttributes.ResultCarriesFlowState(_method),
            DoesNotReturn: FlowAttributes.DoesNotReturn(_method),
            NullableOblivious: (_model.GetNullableContext(_syntax.ReturnType.SpanStart) & NullableContext.AnnotationsEnabled) == 0,
            HasOptionalParameters: _method.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
                && _method.Parameters.Any(p => p.IsOptional),
            TelemetryClass: HolderFor(assemblyName),
            Slo: slo,
            Measures: measures);
    }

    // Out of line, so that the lambdas' captures are allocated only for methods that have the attribute.
    private EventSpec? ParseEvent(AttributeData attribute, ITypeSymbol? result) =>
        EventParser.Parse(_method, attribute, result, (descriptor, arguments) => Report(descriptor, attribute, arguments));

    private LoggerSpec ParseLogger(AttributeData attribute) =>
        EventParser.Logger(_method, (descriptor, arguments) => Report(descriptor, attribute, arguments));

    /// <summary>The declaration's modifiers without <c>partial</c>; most methods have one, whose text Roslyn already holds.</summary>
    private string Modifiers()
    {
        var modifiers = _syntax.Modifiers;
        if (modifiers.Count == 2 && modifiers[1].IsKind(SyntaxKind.PartialKeyword))
        {
            return modifiers[0].Text;
        }

        var kept = new List<string>(modifiers.Count);
        foreach (var modifier in modifiers)
        {
            if (!modifier.IsKind(SyntaxKind.PartialKeyword))
            {
                kept.Add(modifier.Text);
            }
        }

        return string.Join(" ", kept);
    }

    private string? CancellationTokenName()
    {
        foreach (var parameter in _method.Parameters)
        {
            if (parameter.RefKind == RefKind.None && Symbols.IsType(parameter.Type, "System.Threading", "CancellationToken", 0))
            {
                return Identifiers.Escape(parameter.Name);
            }
        }

        return null;
    }

    /// <summary>The holder class, the same for every method of the compilation: built once, not once per method.</summary>
    private static string HolderFor(string? assemblyName)
    {
        var last = s_lastHolder;
        if (last is null || last.Item1 != assemblyName)
        {
            s_lastHolder = last = System.Tuple.Create(assemblyName, SourceSpec.HolderFor(assemblyName));
        }

        return last.Item2;
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

    private TraceSpec? ParseTrace(AttributeData? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        string? name = null;
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

        // The default, Type.Method: short, and stable when the type moves between namespaces.
        return new TraceSpec(name ?? _types.SpanNamePrefix + "." + _method.Name, kind);
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

        var standard = kind switch
        {
            InstrumentKind.Histogram => s_duration,
            InstrumentKind.Counter => s_calls,
            _ => s_active,
        };

        // Most methods use the standard instrument: one shared spec, which also compares equal at once.
        return name is null && buckets.IsEmpty ? standard : standard with { Name = name ?? standard.Name, Buckets = buckets };
    }

    private ParameterSpec ParseParameter(IParameterSymbol parameter)
    {
        var syntax = _syntax.ParameterList.Parameters[parameter.Ordinal];
        string modifiers = syntax.Modifiers.Count == 0 ? "" : string.Concat(syntax.Modifiers.Select(m => m.Text + " "));
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
                tag = ProtectedTag(tagAttribute, parameter.Name, parameter.Type, parameter.GetAttributes(), parameter.Name);
            }
        }

        return new ParameterSpec(Identifiers.Escape(parameter.Name), Symbols.DisplayType(parameter.Type), modifiers, argumentPrefix, tag);
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

        return ProtectedTag(attribute, "result", tagged, _method.GetReturnTypeAttributes(), parameter: null);
    }

    /// <summary>A tag that honours [Hashed] and [Redacted]: personal data stays out of spans and metrics too.</summary>
    /// <param name="parameter">The tagged parameter's name, or <see langword="null"/> for the return value.</param>
    private TagSpec? ProtectedTag(AttributeData attribute, string defaultName, ITypeSymbol type, ImmutableArray<AttributeData> attributes, string? parameter)
    {
        switch (EventParser.ProtectionOf(attributes, type))
        {
            case Protection.Redacted:
                Report(DiagnosticDescriptors.InvalidTagTarget, attribute, parameter is null ? "the redacted return value" : "the redacted parameter '" + parameter + "'", _method.Name);
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

        if (_method.TypeParameters.IsEmpty)
        {
            return EquatableArray<string>.Empty;
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

    private bool HasErrors()
    {
        foreach (var diagnostic in _diagnostics ?? [])
        {
            if (diagnostic.Diagnostic.Severity == DiagnosticSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }

    private void Report(DiagnosticDescriptor descriptor, params object[] arguments) =>
        (_diagnostics ??= new()).Add(new DiagnosticInfo(Diagnostic.Create(descriptor, _syntax.Identifier.GetLocation(), arguments)));

    private void Report(DiagnosticDescriptor descriptor, AttributeData attribute, params object[] arguments)
    {
        var location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? _syntax.Identifier.GetLocation();
        (_diagnostics ??= new()).Add(new DiagnosticInfo(Diagnostic.Create(descriptor, location, arguments)));
    }
}
