using Toolkit;

namespace Hello;

// An enum, not a string: metric tags must have few values (the TK3001 analyzer checks).
public enum Language { English, French }

public sealed partial class Greeter
{
    [Traced]                            // a span "Greeter.Greet"
    [Timed]                             // histogram method.duration, seconds
    [Counted]                           // counter method.calls
    [BusinessEvent("greeting.sent")]    // on success: a log record, a span event, a business.events count
    [Slo(LatencyP95 = "100ms", ErrorRate = 0.001)] // objectives, which become Prometheus alerting rules
    public partial string Greet([Tag("greeting.language")] Language language, [Hashed] string userId);

    private static string GreetCore(Language language, string userId) =>
        language == Language.French ? "Bonjour" : "Hello";
}
