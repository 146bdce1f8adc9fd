namespace Toolkit.Tests.Prometheus;

/// <summary>A loaded rule: its state (<c>inactive</c>, <c>pending</c>, <c>firing</c>) and health (<c>ok</c>, <c>err</c>, <c>unknown</c>).</summary>
internal sealed record Rule(string Name, string State, string Health, string? LastError);
