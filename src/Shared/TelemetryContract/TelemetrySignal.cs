using System;
using System.Collections.Generic;
using System.Linq;

namespace Toolkit.Contract;

/// <summary>
/// One line of a telemetry baseline: a span, a metric series family or a business event, with what queries depend on.
/// </summary>
/// <remarks>
/// <code>
/// span OrderService.PlaceOrderAsync; scope: Shop; function: Shop.Orders.OrderService.PlaceOrderAsync; kind: Client; attributes: shop.region
/// metric method.duration; scope: Shop; function: Shop.Orders.OrderService.PlaceOrderAsync; kind: histogram; unit: s; tags: code.function.name, error.type, shop.region
/// event order.placed; scope: Shop; id: 1842157133; properties: amount, customerId, region
/// </code>
/// The part up to the fields after <c>function</c> (or <c>scope</c>) is the signal's identity: what a query selects by.
/// A metric's identity includes the method, because methods share instruments and are told apart by
/// <c>code.function.name</c>: renaming a method renames its series.
/// </remarks>
/// <param name="Type"><c>span</c>, <c>metric</c> or <c>event</c>.</param>
/// <param name="Name">The span, instrument or event name.</param>
/// <param name="Scope">The <c>ActivitySource</c> and <c>Meter</c> name: <c>otel_scope_name</c> in every query.</param>
/// <param name="Function">The <c>code.function.name</c> of a span or metric; <see langword="null"/> for an event.</param>
/// <param name="Kind">The span kind, or the instrument kind (<c>histogram</c>, <c>counter</c>, <c>updowncounter</c>).</param>
/// <param name="Unit">The instrument's unit.</param>
/// <param name="Id">The event id of a business event.</param>
/// <param name="Keys">Span attribute keys, metric tag keys or event property names, ordinal order.</param>
internal sealed record TelemetrySignal(
    string Type,
    string Name,
    string Scope,
    string? Function,
    string? Kind,
    string? Unit,
    int? Id,
    IReadOnlyList<string> Keys)
{
    public const string Span = "span";
    public const string Metric = "metric";
    public const string Event = "event";

    private const string Separator = "; ";

    /// <summary>Where the signal comes from: the containing type as the generator names it, and the method's name.</summary>
    public (string Type, string Method)? Origin { get; init; }

    /// <summary>The signal's identity: type, name, scope and function.</summary>
    public string Key => Type + " " + Name + Separator + "scope: " + Scope + (Function is null ? "" : Separator + "function: " + Function);

    /// <summary>What the keys are called in this kind of signal.</summary>
    public string KeysName => Type switch
    {
        Span => "attributes",
        Metric => "tags",
        _ => "properties",
    };

    /// <summary>The baseline line.</summary>
    public string Line
    {
        get
        {
            var parts = new List<string> { Key };
            if (Kind is not null)
            {
                parts.Add("kind: " + Kind);
            }

            if (Unit is not null)
            {
                parts.Add("unit: " + Unit);
            }

            if (Id is int id)
            {
                parts.Add("id: " + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (Keys.Count > 0)
            {
                parts.Add(KeysName + ": " + string.Join(", ", Keys));
            }

            return string.Join(Separator, parts);
        }
    }

    public bool Equals(TelemetrySignal? other) => other is not null && other.Line == Line;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Line);

    public override string ToString() => Line;

    /// <summary>Reads a baseline line; <see langword="null"/> when it is not one.</summary>
    public static TelemetrySignal? Parse(string line)
    {
        string[] parts = line.Trim().Split([Separator], StringSplitOptions.None);
        int space = parts[0].IndexOf(' ');
        string type = space > 0 ? parts[0].Substring(0, space) : "";
        if (type is not (Span or Metric or Event))
        {
            return null;
        }

        string? scope = null, function = null, kind = null, unit = null;
        int? id = null;
        IReadOnlyList<string> keys = [];
        foreach (string part in parts.Skip(1))
        {
            int colon = part.IndexOf(": ", StringComparison.Ordinal);
            string field = colon < 0 ? part : part.Substring(0, colon);
            string value = colon < 0 ? "" : part.Substring(colon + 2);
            switch (field)
            {
                case "scope": scope = value; break;
                case "function": function = value; break;
                case "kind": kind = value; break;
                case "unit": unit = value; break;
                case "id" when int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int parsed): id = parsed; break;
                case "attributes" or "tags" or "properties":
                    keys = value.Split([", "], StringSplitOptions.RemoveEmptyEntries).OrderBy(k => k, StringComparer.Ordinal).ToArray();
                    break;
            }
        }

        return scope is null ? null : new TelemetrySignal(type, parts[0].Substring(space + 1), scope, function, kind, unit, id, keys);
    }
}
