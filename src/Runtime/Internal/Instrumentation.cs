using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Toolkit.Internal;

/// <summary>Helpers that generated code calls. Not meant for use in hand-written code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Instrumentation
{
    /// <summary>The <c>error.type</c> recorded for a call cancelled through its token.</summary>
    public const string CanceledErrorType = "System.OperationCanceledException";

    /// <summary>A cached boxed <see langword="true"/>, so boolean tags do not allocate.</summary>
    public static readonly object True = true;

    /// <summary>A cached boxed <see langword="false"/>, so boolean tags do not allocate.</summary>
    public static readonly object False = false;

    /// <summary>
    /// Starts a span and, when it is recorded, sets the tags every instrumented call has. Generated code calls it only
    /// when the source has listeners; kept out of line because the JIT may otherwise inline
    /// <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> and its optional arguments into the caller,
    /// whose frame then grows by hundreds of bytes zeroed on every call, listened to or not.
    /// </summary>
    /// <param name="source">The source.</param>
    /// <param name="name">The span name.</param>
    /// <param name="kind">The span kind.</param>
    /// <param name="function">The <c>code.function.name</c> tag.</param>
    /// <param name="codeNamespace">The <c>code.namespace</c> tag, or <see langword="null"/> in the global namespace.</param>
    /// <returns>The started activity, or <see langword="null"/> when no listener samples it.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Activity? StartActivity(ActivitySource source, string name, ActivityKind kind, string function, string? codeNamespace)
    {
        var activity = source.StartActivity(name, kind);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("code.function.name", function);
            if (codeNamespace is not null)
            {
                activity.SetTag("code.namespace", codeNamespace);
            }
        }

        return activity;
    }

    /// <summary>The boxed form of <paramref name="value"/> without allocating.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A cached box.</returns>
    public static object Box(bool value) => value ? True : False;

    /// <summary>The default histogram bucket boundaries for durations in seconds.</summary>
    public static readonly double[] DefaultDurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    /// <summary>
    /// Records a failed call on its span and returns its <c>error.type</c>. Used in an exception filter so the
    /// exception is never caught: it propagates as the same object with its original stack trace.
    /// </summary>
    /// <param name="exception">The exception leaving the method.</param>
    /// <param name="activity">The method's span, if one was started.</param>
    /// <param name="token">The method's cancellation token, or <see langword="default"/>.</param>
    /// <param name="errorType">The value for the <c>error.type</c> tag.</param>
    /// <returns>Always <see langword="false"/>.</returns>
    public static bool Fail(Exception exception, Activity? activity, CancellationToken token, out string errorType)
    {
        bool canceled = IsCancellation(exception, token);
        errorType = canceled ? CanceledErrorType : ErrorType(exception);
        if (activity is not null)
        {
            // Cancellation is the caller's decision, not a fault of the operation: status stays unset.
            if (!canceled)
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }

            activity.SetTag("error.type", errorType);
        }

        return false;
    }

    /// <summary>
    /// Records the failure of an awaited task. An <see cref="OperationCanceledException"/> escaping the await means
    /// the task ended cancelled, whatever token it carries, as <see cref="System.Threading.Tasks.Task.IsCanceled"/> reports it.
    /// </summary>
    /// <param name="exception">The exception the await threw.</param>
    /// <param name="activity">The method's span, if one was started.</param>
    /// <param name="errorType">The value for the <c>error.type</c> tag.</param>
    /// <returns>Always <see langword="false"/>.</returns>
    public static bool FailAwaited(Exception exception, Activity? activity, out string errorType)
    {
        if (exception is OperationCanceledException)
        {
            errorType = Canceled(activity);
            return false;
        }

        return Fail(exception, activity, CancellationToken.None, out errorType);
    }

    /// <summary>
    /// Gives the caller back the <see cref="Activity.Current"/> it had before the span started, as an
    /// <see langword="async"/> method does when it first yields: the span stays open for the pending task but is no
    /// longer current for the caller. Nothing else is touched: ambient values the Core set before returning its
    /// pending task (a culture, a log scope, a tenant id) stay visible to the caller, as they are without a listener.
    /// </summary>
    /// <param name="activity">The pending method's span.</param>
    public static void RestoreCurrent(Activity activity)
    {
        // Only what the span changed: an activity the Core made current is the Core's to manage.
        if (Activity.Current != activity)
        {
            return;
        }

        // The setter refuses a stopped activity (a caller's span that another flow ended), which is still what the
        // caller sees without a listener: put it back the way Activity.Stop does. Should this runtime's Activity not
        // allow that, the nearest running ancestor takes its place, as if that flow had stopped it here.
        Activity? parent = activity.Parent;
        if (parent is { IsStopped: true } && StoppedCurrent.TryRestore(parent))
        {
            return;
        }

        while (parent is { IsStopped: true })
        {
            parent = parent.Parent;
        }

        Activity.Current = parent;
    }

    /// <summary>Records a task that completed as cancelled; see <see cref="Fail"/>.</summary>
    /// <param name="activity">The method's span, if one was started.</param>
    /// <returns>The <c>error.type</c> for a cancelled call.</returns>
    public static string Canceled(Activity? activity)
    {
        activity?.SetTag("error.type", CanceledErrorType);
        return CanceledErrorType;
    }

    /// <summary>
    /// The duration of a timed call in seconds. A call that is also traced has no clock reading of its own: its span
    /// started the clock, and setting the span's end time here ends the measurement, so the clock is read once
    /// instead of three times and the histogram records exactly the duration the span reports. The span stays current
    /// until it is stopped, so exemplars still link the measurement to it.
    /// </summary>
    /// <param name="activity">The call's span, if one was started.</param>
    /// <param name="startTimestamp">The <see cref="Stopwatch.GetTimestamp"/> taken when the call started, or 0 when the span measures it.</param>
    /// <returns>The elapsed seconds, never negative.</returns>
    public static double ElapsedSeconds(Activity? activity, long startTimestamp)
    {
        if (activity is null || startTimestamp != 0)
        {
            return ElapsedSeconds(startTimestamp);
        }

        // Activity.Stop keeps an end time that is already set. The span clock is wall time, which can step back.
        activity.SetEndTime(DateTime.UtcNow);
        TimeSpan duration = activity.Duration;
        return duration > TimeSpan.Zero ? duration.TotalSeconds : 0d;
    }

    /// <summary>The seconds since <paramref name="startTimestamp"/>, for generated code on frameworks without <c>Stopwatch.GetElapsedTime</c>.</summary>
    /// <param name="startTimestamp">The <see cref="Stopwatch.GetTimestamp"/> taken when the call started.</param>
    /// <returns>The elapsed seconds.</returns>
    public static double ElapsedSeconds(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;

    /// <summary>
    /// Reports that writing telemetry failed (a throwing <c>ToString</c> or log provider), without throwing:
    /// the business call's own outcome must never change because of its telemetry.
    /// </summary>
    /// <param name="exception">What the telemetry write threw.</param>
    public static void TelemetryFailed(Exception exception) => ToolkitEventSource.Log.TelemetryFailed(exception);

    private static bool IsCancellation(Exception exception, CancellationToken token) =>
        exception is OperationCanceledException oce
        && (token.IsCancellationRequested || oce.CancellationToken.IsCancellationRequested);

    private static string ErrorType(Exception exception)
    {
        Type type = exception.GetType();
        return type.FullName ?? type.Name;
    }
}
