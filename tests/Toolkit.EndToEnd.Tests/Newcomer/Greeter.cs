using Toolkit;

namespace Hello;

public sealed partial class Greeter
{
    [Traced]                            // a span "Greeter.Greet"
    [Timed]                             // histogram method.duration, seconds
    [Counted]                           // counter method.calls
    [BusinessEvent("greeting.sent")]    // on success: a log record, a span event, a business.events count
    public partial string Greet([Tag("greeting.language")] string language, [Hashed] string userId);

    private static string GreetCore(string language, string userId) =>
        language == "fr" ? "Bonjour" : "Hello";
}
