using Toolkit.Generators.Helpers;

namespace Toolkit.Generators.Model;

/// <summary>A <c>[Gauge]</c> member: an observable instrument whose callback reads it. Plain data, no symbols.</summary>
/// <param name="Kind">The <c>GaugeKind</c> member name: <c>Gauge</c>, <c>UpDownCounter</c> or <c>Counter</c>.</param>
/// <param name="ValueType">The observed type: <c>long</c> for integers, <c>double</c> for the rest.</param>
/// <param name="Read">The expression that reads the member: <c>global::Type.Member</c>, or <c>instance.Member</c>.</param>
/// <param name="Nullable">The member is a nullable value; <see langword="null"/> is no measurement.</param>
/// <param name="Cast">The value needs an explicit conversion to <paramref name="ValueType"/> (<c>decimal</c>).</param>
/// <param name="InstanceType">The declaring type of an instance member, whose tracked instances are read; <see langword="null"/> for a static one.</param>
/// <param name="Tags">The instance type's <c>[Tag]</c> properties.</param>
/// <param name="Member">The member's display name, e.g. <c>Shop.Inventory.Stock.Count</c>, for the manifest.</param>
/// <param name="AlertBelow">The <c>AlertBelow</c> threshold for the generated alerting rules, if set.</param>
/// <param name="AlertAbove">The <c>AlertAbove</c> threshold for the generated alerting rules, if set.</param>
internal sealed record GaugeSpec(
    string Name,
    string? Unit,
    string? Description,
    string Kind,
    string ValueType,
    string Read,
    bool Nullable,
    bool Cast,
    string? InstanceType,
    EquatableArray<GaugeTag> Tags,
    string Member,
    double? AlertBelow = null,
    double? AlertAbove = null);

/// <summary>A tag every measurement of a tracked instance carries: the value of one of its properties.</summary>
/// <param name="Read">The expression that reads it from <c>instance</c>.</param>
internal sealed record GaugeTag(string Key, string Read, string Property);

/// <summary>What parsing one <c>[Gauge]</c> member yields: a spec to emit, or none, and the diagnostics.</summary>
internal sealed record GaugeResult(GaugeSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
