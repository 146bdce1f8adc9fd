using System;
using System.Collections.Generic;

namespace Toolkit.Tests.Prometheus;

/// <summary>What a <see cref="PrometheusServer"/> scrapes and evaluates, and for how long it may run.</summary>
internal sealed class PrometheusServerOptions
{
    /// <summary>The <c>job</c> label of every scraped series.</summary>
    public string Job { get; init; } = "toolkit";

    /// <summary>Scrape targets as <c>host:port</c>; each is scraped at <c>/metrics</c>.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Rule files loaded as they are, from where they are.</summary>
    public IReadOnlyList<string> RuleFiles { get; init; } = [];

    /// <summary>
    /// Both the scrape and the evaluation interval. A second rather than Prometheus' minute, so that a burn-rate
    /// alert (no <c>for:</c>) settles within seconds; the rules' windows stay as written.
    /// </summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the server may wait to become ready.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>After this the server is killed, even if the test process died before disposing it.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(10);
}
