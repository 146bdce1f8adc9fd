using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Generators.Helpers;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Parsing;

/// <summary>Turns a <c>[BusinessEvent]</c> into an <see cref="EventSpec"/>: its properties, their protection, its template and its logger.</summary>
internal static class EventParser
{
    private const string DataClassification = "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute";

    private static readonly string[] s_levels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical", "None"];

    /// <param name="resultType">The value the method returns on success, if any.</param>
    /// <param name="report">Reports a diagnostic at the attribute.</param>
    public static EventSpec? Parse(
        IMethodSymbol method,
        AttributeData attribute,
        ITypeSymbol? resultType,
        Action<DiagnosticDescriptor, object[]> report)
    {
        string? name = attribute.ConstructorArguments.FirstOrDefault().Value as string;
        if (string.IsNullOrWhiteSpace(name))
        {
            report(DiagnosticDescriptors.InvalidEventName, [method.Name]);
            return null;
        }

        string level = "Information";
        int id = 0;
        string? message = null;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Level" when argument.Value.Value is int value && value >= 0 && value < s_levels.Length:
                    level = s_levels[value];
                    break;
                case "EventId" when argument.Value.Value is int value:
                    id = value;
                    break;
                case "Message" when argument.Value.Value is string text:
                    message = text;
                    break;
            }
        }

        var values = new List<EventValue>();
        foreach (var parameter in method.Parameters)
        {
            if (IsInfrastructure(parameter.Type))
            {
                continue;
            }

            values.AddRange(Values(parameter.Name, Identifiers.Escape(parameter.Name), parameter.Type, parameter.GetAttributes(), method, report));
        }

        if (resultType is not null)
        {
            values.AddRange(Values("result", "__result", resultType, method.GetReturnTypeAttributes(), method, report));
        }

        string? template = message is null ? DefaultTemplate(name!, values) : BindTemplate(message, values, method, report);
        if (template is null)
        {
            return null;
        }

        string signature = string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString()));
        return new EventSpec(
            name!,
            level,
            id != 0 ? id : StableId(name!),
            template,
            values.ToEquatableArray(),
            Logger(method, report),
            "__" + method.Name + "Event_" + Identifiers.StableHash(signature));
    }

    /// <summary>The FNV-1a hash of the name as a positive id: the same on every build and machine.</summary>
    public static int StableId(string name)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
        {
            hash = unchecked((hash ^ b) * 16777619);
        }

        int id = (int)(hash & 0x7FFFFFFF);
        return id == 0 ? 1 : id;
    }

    /// <summary>The value itself, or with <c>[LogProperties]</c> on a complex value, its simple properties.</summary>
    private static IEnumerable<EventValue> Values(
        string name, string source, ITypeSymbol type, IEnumerable<AttributeData> attributes, IMethodSymbol method, Action<DiagnosticDescriptor, object[]> report)
    {
        var attributeList = attributes.ToList();
        if (Symbols.Has(attributeList, AttributeNames.LogProperties) && !IsSimple(type) && !Symbols.Has(attributeList, AttributeNames.NotLogged))
        {
            return Properties(name, source, type);
        }

        var value = Value(name, source, type, attributeList, method, report);
        return value is null ? [] : [value];
    }

    /// <summary>
    /// The public readable instance properties of simple types, one level deep, each read null-safely from the
    /// parameter and protected by its own attributes.
    /// </summary>
    private static IEnumerable<EventValue> Properties(string name, string source, ITypeSymbol type)
    {
        string sourceType = type.ToDisplayString(Symbols.TypeFormat);
        bool nullableSource = type.IsReferenceType || type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            type = wrapper.TypeArguments[0];
        }

        var seen = new HashSet<string>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public } || !IsSimple(property.Type)
                    || !seen.Add(property.Name))
                {
                    continue;
                }

                var attributes = property.GetAttributes();
                if (Symbols.Has(attributes, AttributeNames.NotLogged))
                {
                    continue;
                }

                var protection = ProtectionOf(attributes, property.Type);

                // Read through ?. when the value itself may be null, which lifts value types to nullable.
                var propertyType = property.Type;
                string valueType = propertyType.ToDisplayString(Symbols.TypeFormat);
                if (nullableSource && !valueType.EndsWith("?", StringComparison.Ordinal))
                {
                    valueType += "?";
                }

                string read = source + (nullableSource ? "?." : ".") + Identifiers.Escape(property.Name);
                yield return new EventValue(name + "." + property.Name, source, valueType, protection, read, sourceType);
            }
        }
    }

    private static EventValue? Value(
        string name, string source, ITypeSymbol type, List<AttributeData> attributeList, IMethodSymbol method, Action<DiagnosticDescriptor, object[]> report)
    {
        if (Symbols.Has(attributeList, AttributeNames.NotLogged))
        {
            return null;
        }

        // Protected values are logged whatever their type: a hash of their text, or the placeholder.
        var protection = ProtectionOf(attributeList, type);
        if (protection != Protection.None)
        {
            return new EventValue(name, source, type.ToDisplayString(Symbols.TypeFormat), protection);
        }

        if (!IsSimple(type))
        {
            // ToString of a complex type (a record prints every property) could carry anything: never log it implicitly.
            report(DiagnosticDescriptors.ComplexEventValue, [name, method.Name, type.ToDisplayString()]);
            return null;
        }

        return new EventValue(name, source, type.ToDisplayString(Symbols.TypeFormat), Protection.None);
    }

    private static string DefaultTemplate(string name, List<EventValue> values)
    {
        var template = new StringBuilder(Escape(name));
        foreach (var value in values)
        {
            template.Append(' ').Append(value.Property).Append("={").Append(value.Property).Append('}');
        }

        return template.ToString();
    }

    /// <summary>
    /// Binds each placeholder to a value, case-insensitively as <c>LoggerMessage</c> does, and renames the value to
    /// the placeholder so the record's properties match its <c>{OriginalFormat}</c>.
    /// </summary>
    private static string? BindTemplate(string template, List<EventValue> values, IMethodSymbol method, Action<DiagnosticDescriptor, object[]> report)
    {
        var placeholders = MessageTemplates.Names(template);
        bool valid = true;
        var bound = new HashSet<EventValue>();
        foreach (string placeholder in placeholders)
        {
            int index = values.FindIndex(v => string.Equals(v.Property, placeholder, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                report(DiagnosticDescriptors.UnboundPlaceholder, [placeholder, method.Name]);
                valid = false;
                continue;
            }

            values[index] = values[index] with { Property = placeholder };
            bound.Add(values[index]);
        }

        if (!valid)
        {
            // Fix the placeholders first: until then, which values are missing is guesswork.
            return null;
        }

        // A redacted value only ever shows the placeholder: leaving it out of the message hides nothing.
        foreach (var value in values.Where(v => !bound.Contains(v) && v.Protection != Protection.Redacted))
        {
            report(DiagnosticDescriptors.ValueNotInTemplate, [value.Property, method.Name]);
        }

        return template;
    }

    /// <summary>
    /// The type's one <c>ILogger</c>: a field or property (static ones only for static methods), else a
    /// primary-constructor parameter. None, or more than one, means the process-wide fallback.
    /// </summary>
    public static LoggerSpec Logger(IMethodSymbol method, Action<DiagnosticDescriptor, object[]> report)
    {
        var type = method.ContainingType;
        string category = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));

        var members = new List<string>();
        foreach (var member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || (method.IsStatic && !member.IsStatic))
            {
                continue;
            }

            var memberType = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol { GetMethod: not null, IsIndexer: false } property => property.Type,
                _ => null,
            };
            if (memberType is not null && IsLogger(memberType))
            {
                // Qualified, so a parameter of the same name cannot shadow it.
                members.Add((member.IsStatic ? "" : "this.") + Identifiers.Escape(member.Name));
            }
        }

        if (members.Count == 0 && !method.IsStatic)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax { ParameterList: { } parameters })
                {
                    members.AddRange(parameters.Parameters
                        .Where(p => p.Type is not null && IsLoggerName(p.Type.ToString()))
                        .Select(p => Identifiers.Escape(p.Identifier.ValueText)));
                }
            }
        }

        if (members.Count > 1)
        {
            report(DiagnosticDescriptors.AmbiguousLogger, [type.Name, string.Join("', '", members.Select(m => m.Replace("this.", "")))]);
            return new LoggerSpec(null, category);
        }

        return new LoggerSpec(members.Count == 1 ? members[0] : null, category);
    }

    private static bool IsLogger(ITypeSymbol type) =>
        IsLoggerInterface(type) || type.AllInterfaces.Any(IsLoggerInterface);

    private static bool IsLoggerInterface(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "ILogger", ContainingNamespace: { } ns } && Symbols.IsNamespace(ns, "Microsoft.Extensions.Logging");

    // Primary-constructor parameters are matched by their written type: the symbol API for them is newer than our Roslyn.
    private static bool IsLoggerName(string type)
    {
        string name = type.Replace("global::", "").Replace("Microsoft.Extensions.Logging.", "");
        return name == "ILogger" || name.StartsWith("ILogger<", StringComparison.Ordinal);
    }

    private static bool IsInfrastructure(ITypeSymbol type) =>
        IsLogger(type)
        || (type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { } ns } && Symbols.IsNamespace(ns, "System.Threading"));

    /// <summary>Values whose text is the value: primitives, strings, enums, dates, ids and their nullable forms.</summary>
    private static bool IsSimple(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_String:
            case SpecialType.System_DateTime:
                return true;
        }

        return Symbols.IsNamespace(type.ContainingNamespace, "System")
            && type.Name is "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" or "Uri" or "Version";
    }

    /// <summary>
    /// What may leave the process of a value with these attributes, on any signal. Values the team already
    /// classified as sensitive (on the value or its type) are redacted unless marked [Hashed].
    /// </summary>
    /// <inheritdoc cref="ProtectionOf(IEnumerable{AttributeData}, ITypeSymbol)"/>
    /// <remarks>One pass and no allocation: instrumented methods' tags and measures are read on every edit.</remarks>
    public static Protection ProtectionOf(ImmutableArray<AttributeData> attributes, ITypeSymbol type)
    {
        bool redacted = false;
        foreach (var attribute in attributes)
        {
            if (Symbols.Is(attribute, AttributeNames.Hashed))
            {
                return Protection.Hashed;
            }

            redacted = redacted || Symbols.Is(attribute, AttributeNames.Redacted) || IsClassified(attribute);
        }

        // The framework's keyword types carry no classification: their attributes are not worth reading.
        return redacted || (type.SpecialType == SpecialType.None && IsClassified(type.GetAttributes())) ? Protection.Redacted : Protection.None;
    }

    public static Protection ProtectionOf(IEnumerable<AttributeData> attributes, ITypeSymbol type)
    {
        var list = attributes as IReadOnlyCollection<AttributeData> ?? attributes.ToList();
        return Symbols.Has(list, AttributeNames.Hashed) ? Protection.Hashed
            : Symbols.Has(list, AttributeNames.Redacted) || IsClassified(list) || IsClassified(type.GetAttributes()) ? Protection.Redacted
            : Protection.None;
    }

    private static bool IsClassified(IEnumerable<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (IsClassified(attribute))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsClassified(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (IsClassified(attribute))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsClassified(AttributeData attribute)
    {
        for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
        {
            if (type.Name == "DataClassificationAttribute" && type.ToDisplayString() == DataClassification)
            {
                return true;
            }
        }

        return false;
    }

    private static string Escape(string text) => text.Replace("{", "{{").Replace("}", "}}");
}
