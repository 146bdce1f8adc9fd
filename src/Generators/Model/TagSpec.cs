using Toolkit.Generators.Helpers;

namespace Toolkit.Generators.Model;

/// <summary>How a tag value is turned into the <c>object?</c> that spans and metrics take, without boxing where avoidable.</summary>
internal enum TagValueKind
{
    /// <summary>Passed as it is; value types box.</summary>
    Object,
    String,
    Bool,
    NullableBool,
    Enum,
    NullableEnum,

    /// <summary>A <c>[Hashed]</c> value: only its keyed hash is emitted.</summary>
    Hashed,
}

/// <summary>A parameter or return value emitted as a span attribute and, unless <see cref="SpanOnly"/>, a metric tag.</summary>
/// <param name="Enum">For enum values: the enum's type and the names to emit.</param>
internal sealed record TagSpec(string Key, TagValueKind ValueKind, bool SpanOnly, EnumSpec? Enum);

/// <summary>An enum whose values are turned into cached strings by a generated switch.</summary>
/// <param name="Members">Member names, one per distinct value, in declaration order.</param>
internal sealed record EnumSpec(string TypeName, EquatableArray<string> Members)
{
    public string HelperName => "__ToolkitTagOf_" + Identifiers.Sanitize(TypeName.Replace("global::", ""));
}
