using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;

namespace Toolkit.Internal;

/// <summary>
/// The end of an instrumented call whose metrics carry no tags but its function name and <c>error.type</c>, shared by
/// every such method instead of a local function and an async state machine generated into each: the same work per
/// call, a fraction of the code for the compiler and the trimming analyzer to process per method.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Completion
{
    /// <summary>Records the call's duration and count, and ends its span.</summary>
    /// <param name="activity">The call's span, if one was started.</param>
    /// <param name="start">The <see cref="Stopwatch.GetTimestamp"/> at the start, or 0 when the span measures the call.</param>
    /// <param name="duration">The duration histogram when it is enabled.</param>
    /// <param name="calls">The call counter when it is enabled.</param>
    /// <param name="function">The <c>code.function.name</c> tag.</param>
    /// <param name="errorType">The <c>error.type</c> of a failed call.</param>
    public static void Complete(Activity? activity, long start, Histogram<double>? duration, Counter<long>? calls, string function, string? errorType)
    {
        if (duration is not null || calls is not null)
        {
            var tags = new TagList { { "code.function.name", function } };
            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            duration?.Record(Instrumentation.ElapsedSeconds(activity, start), in tags);
            calls?.Add(1, in tags);
        }

        activity?.Dispose();
    }

    /// <summary>Awaits a pending call's task, then completes it as <see cref="Complete"/> does.</summary>
    /// <param name="task">The pending task.</param>
    /// <param name="activity">The call's span, if one was started.</param>
    /// <param name="start">The <see cref="Stopwatch.GetTimestamp"/> at the start, or 0 when the span measures the call.</param>
    /// <param name="duration">The duration histogram when it is enabled.</param>
    /// <param name="calls">The call counter when it is enabled.</param>
    /// <param name="function">The <c>code.function.name</c> tag.</param>
    /// <returns>A task that completes as <paramref name="task"/> does.</returns>
    public static async Task Await(Task task, Activity? activity, long start, Histogram<double>? duration, Counter<long>? calls, string function)
    {
        string? errorType = null;
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (Instrumentation.FailAwaited(e, activity, out errorType))
        {
            // Unreachable: the filter records the failure and returns false, so the exception propagates untouched.
            throw;
        }
        finally
        {
            Complete(activity, start, duration, calls, function, errorType);
        }
    }

    /// <inheritdoc cref="Await(Task, Activity?, long, Histogram{double}?, Counter{long}?, string)"/>
    /// <typeparam name="T">The task's result.</typeparam>
    public static async Task<T> Await<T>(Task<T> task, Activity? activity, long start, Histogram<double>? duration, Counter<long>? calls, string function)
    {
        string? errorType = null;
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception e) when (Instrumentation.FailAwaited(e, activity, out errorType))
        {
            throw;
        }
        finally
        {
            Complete(activity, start, duration, calls, function, errorType);
        }
    }

    /// <inheritdoc cref="Await(Task, Activity?, long, Histogram{double}?, Counter{long}?, string)"/>
    public static async ValueTask Await(ValueTask task, Activity? activity, long start, Histogram<double>? duration, Counter<long>? calls, string function)
    {
        string? errorType = null;
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (Instrumentation.FailAwaited(e, activity, out errorType))
        {
            throw;
        }
        finally
        {
            Complete(activity, start, duration, calls, function, errorType);
        }
    }

    /// <inheritdoc cref="Await(Task, Activity?, long, Histogram{double}?, Counter{long}?, string)"/>
    /// <typeparam name="T">The task's result.</typeparam>
    public static async ValueTask<T> Await<T>(ValueTask<T> task, Activity? activity, long start, Histogram<double>? duration, Counter<long>? calls, string function)
    {
        string? errorType = null;
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception e) when (Instrumentation.FailAwaited(e, activity, out errorType))
        {
            throw;
        }
        finally
        {
            Complete(activity, start, duration, calls, function, errorType);
        }
    }
}
