using System.Threading.Tasks;
using Toolkit.Analyzers.Rules;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.SwallowedExceptionInSpanAnalyzer, Toolkit.Analyzers.CodeFixes.RecordSpanErrorCodeFix>;

namespace Toolkit.Analyzers.Tests;

public sealed class SwallowedExceptionInSpanTests
{
    [Fact]
    public Task SwallowingCatches_SetTheSpanStatus() =>
        Verify.VerifyAsync(
            """
            using System;
            using System.Diagnostics;
            using System.IO;

            public class OrderService
            {
                private static readonly ActivitySource Source = new("Shop");

                public bool Place(Action work)
                {
                    using var activity = Source.StartActivity("orders.place");
                    try
                    {
                        work();
                        return true;
                    }
                    {|TK4005:catch|} (IOException ex)
                    {
                        Console.WriteLine(ex.Message);
                        return false;
                    }
                }

                public void Cancel(Action work)
                {
                    using (var span = Source.StartActivity("orders.cancel"))
                    {
                        try
                        {
                            work();
                        }
                        {|TK4005:catch|}
                        {
                        }
                    }
                }

                public void Refund(Action work)
                {
                    var activity = Source.StartActivity("orders.refund");
                    if (activity is not null)
                    {
                        try
                        {
                            work();
                        }
                        {|TK4005:catch|} (Exception)
                        {
                            activity.SetTag("order.refunded", false);
                        }
                    }

                    activity?.Dispose();
                }
            }
            """,
            """
            using System;
            using System.Diagnostics;
            using System.IO;

            public class OrderService
            {
                private static readonly ActivitySource Source = new("Shop");

                public bool Place(Action work)
                {
                    using var activity = Source.StartActivity("orders.place");
                    try
                    {
                        work();
                        return true;
                    }
                    catch (IOException ex)
                    {
                        activity?.SetStatus(ActivityStatusCode.Error);
                        activity?.SetTag("error.type", ex.GetType().FullName);
                        Console.WriteLine(ex.Message);
                        return false;
                    }
                }

                public void Cancel(Action work)
                {
                    using (var span = Source.StartActivity("orders.cancel"))
                    {
                        try
                        {
                            work();
                        }
                        catch
                        {
                            span?.SetStatus(ActivityStatusCode.Error);
                        }
                    }
                }

                public void Refund(Action work)
                {
                    var activity = Source.StartActivity("orders.refund");
                    if (activity is not null)
                    {
                        try
                        {
                            work();
                        }
                        catch (Exception)
                        {
                            activity?.SetStatus(ActivityStatusCode.Error);
                            activity.SetTag("order.refunded", false);
                        }
                    }

                    activity?.Dispose();
                }
            }
            """);

    [Fact]
    public Task Fix_QualifiesTheStatusCode_WithoutTheUsing() =>
        Verify.VerifyAsync(
            """
            public class OrderService
            {
                private static readonly System.Diagnostics.ActivitySource Source = new("Shop");

                public void Place(System.Action work)
                {
                    using var activity = Source.StartActivity("orders.place");
                    try
                    {
                        work();
                    }
                    {|TK4005:catch|} (System.Exception e) when (e is not System.OutOfMemoryException)
                    {
                    }

                    try { work(); } {|TK4005:catch|} (System.InvalidOperationException) { }
                }
            }
            """,
            """
            public class OrderService
            {
                private static readonly System.Diagnostics.ActivitySource Source = new("Shop");

                public void Place(System.Action work)
                {
                    using var activity = Source.StartActivity("orders.place");
                    try
                    {
                        work();
                    }
                    catch (System.Exception e) when (e is not System.OutOfMemoryException)
                    {
                        activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
                        activity?.SetTag("error.type", e.GetType().FullName);
                    }

                    try { work(); } catch (System.InvalidOperationException) { activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error); }
                }
            }
            """);

    [Fact]
    public Task Silent_WhenTheFailureIsRecordedRethrownOrNotInASpan() =>
        AnalyzerVerifier<SwallowedExceptionInSpanAnalyzer>.VerifyAsync(
            """
            using System;
            using System.Diagnostics;
            using System.Threading.Tasks;

            namespace OpenTelemetry.Trace
            {
                public static class ActivityExtensions
                {
                    public static void RecordException(this Activity? activity, Exception? ex) { }
                }
            }

            namespace Shop
            {
                using OpenTelemetry.Trace;

                public class OrderService
                {
                    private static readonly ActivitySource Source = new("Shop");

                    public async Task Place(Func<Task> work, Action<Exception> log)
                    {
                        try
                        {
                            work();
                        }
                        catch (Exception ex)
                        {
                            log(ex); // no span here
                        }

                        using var activity = Source.StartActivity("orders.place");
                        try { await work(); } catch (OperationCanceledException) { }
                        try { await work(); } catch (TaskCanceledException) { }
                        try { await work(); } catch (Exception ex) { activity?.SetStatus(ActivityStatusCode.Error, ex.Message); }
                        try { await work(); } catch (Exception ex) { activity?.AddException(ex); }
                        try { await work(); } catch (Exception ex) { activity.RecordException(ex); }
                        try { await work(); } catch (Exception ex) { activity?.RecordException(ex); }
                        try { await work(); } catch (Exception ex) { activity?.SetTag("error.type", ex.GetType().Name); }
                        try { await work(); } catch (Exception ex) { activity?.AddEvent(new ActivityEvent("exception")); log(ex); }
                        try { await work(); } catch (Exception ex) { Fail(activity, ex); }
                        try { await work(); } catch (Exception) { throw; }
                        try { await work(); } catch (Exception ex) { throw new InvalidOperationException("failed", ex); }
                        try { await work(); } finally { activity?.Stop(); }
                    }

                    public void Inside(Action work)
                    {
                        try
                        {
                            using var activity = Source.StartActivity("orders.inside");
                            work();
                        }
                        catch (Exception)
                        {
                            // the span has already ended here
                        }

                        using var outer = Source.StartActivity("orders.outer");
                        Action later = () =>
                        {
                            try { work(); } catch (Exception) { }
                        };
                        later();
                    }

                    public void NotStarted(Action work)
                    {
                        var current = Activity.Current;
                        try { work(); } catch (Exception) { }
                    }

                    private static void Fail(Activity? activity, Exception ex) => activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                }
            }
            """);

    [Fact]
    public Task Warns_WhenOnlyTheLogOrAnotherStatusSeesTheFailure() =>
        AnalyzerVerifier<SwallowedExceptionInSpanAnalyzer>.VerifyAsync(
            """
            using System;
            using System.Diagnostics;

            public class OrderService
            {
                private static readonly ActivitySource Source = new("Shop");

                public void Place(Action work, Action<Exception> log)
                {
                    using var activity = Source.StartActivity("orders.place");
                    try { work(); } {|TK4005:catch|} (Exception ex) { log(ex); }
                    try { work(); } {|TK4005:catch|} (Exception) { activity?.SetStatus(ActivityStatusCode.Ok); }
                    try { work(); } {|TK4005:catch|} (Exception ex) { activity?.SetTag("error.message", ex.Message); }
                    try { work(); } {|TK4005:catch|} (InvalidOperationException) { } catch (OperationCanceledException) { }
                }
            }
            """);

    [Fact]
    public Task Severity_IsConfigurable() =>
        AnalyzerVerifier<SwallowedExceptionInSpanAnalyzer>.VerifyAsync(
            """
            using System;
            using System.Diagnostics;

            public class OrderService
            {
                private static readonly ActivitySource Source = new("Shop");

                public void Place(Action work)
                {
                    using var activity = Source.StartActivity("orders.place");
                    try { work(); } catch (Exception) { }
                }
            }
            """,
            "dotnet_diagnostic.TK4005.severity = none");

    [Fact]
    public Task CatchGuardingACallback_StaysSilent() =>
        AnalyzerVerifier<SwallowedExceptionInSpanAnalyzer>.VerifyAsync(
            """
            using System;
            using System.Diagnostics;

            public class Instrumentation(Action<Activity, object>? enrich, Action<Exception> log)
            {
                private static readonly ActivitySource Source = new("Shop");
                private readonly Action<Activity>? _onStart = null;

                public void Handle(object payload)
                {
                    using var activity = Source.StartActivity("handle");
                    if (activity is null)
                    {
                        return;
                    }

                    try
                    {
                        enrich?.Invoke(activity, payload);
                    }
                    catch (Exception ex)
                    {
                        log(ex);
                    }

                    try
                    {
                        _onStart?.Invoke(activity);
                    }
                    catch (Exception ex)
                    {
                        log(ex);
                    }

                    // A hook next to other work: the span's own work may have failed.
                    try
                    {
                        _onStart?.Invoke(activity);
                        Work(payload);
                    }
                    {|TK4005:catch|} (Exception ex)
                    {
                        log(ex);
                    }

                    try
                    {
                        Work(payload);
                    }
                    {|TK4005:catch|} (Exception ex)
                    {
                        log(ex);
                    }
                }

                private static void Work(object payload)
                {
                }
            }
            """);
}
