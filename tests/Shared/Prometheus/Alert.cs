namespace Toolkit.Tests.Prometheus;

/// <summary>An active alert: <c>pending</c> or <c>firing</c>, with the value of its expression.</summary>
internal sealed record Alert(string Name, string State, string Value);
