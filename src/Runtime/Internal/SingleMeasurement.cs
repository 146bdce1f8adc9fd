using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace Toolkit.Internal;

/// <summary>
/// One measurement as the <see cref="IEnumerable{T}"/> an observable instrument's callback returns, reused per thread:
/// the runtime's own <c>Func&lt;T&gt;</c> callback allocates an array and its enumerator on every collection.
/// </summary>
/// <remarks>
/// The instrument enumerates the result before it returns to the listener, so one instance per thread is enough;
/// a collection started while another on the same thread is still enumerating (a listener that collects from its
/// measurement callback) gets a fresh instance.
/// </remarks>
internal sealed class SingleMeasurement<T> : IEnumerable<Measurement<T>>, IEnumerator<Measurement<T>>
    where T : struct
{
    [System.ThreadStatic]
    private static SingleMeasurement<T>? t_free;

    private Measurement<T> _measurement;
    private bool _moved;

    public static SingleMeasurement<T> Of(T value)
    {
        var single = t_free ?? new SingleMeasurement<T>();
        t_free = null;
        single._measurement = new Measurement<T>(value);
        single._moved = false;
        return single;
    }

    public Measurement<T> Current => _measurement;

    object IEnumerator.Current => _measurement;

    public IEnumerator<Measurement<T>> GetEnumerator() => this;

    IEnumerator IEnumerable.GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_moved)
        {
            return false;
        }

        _moved = true;
        return true;
    }

    public void Reset() => _moved = false;

    /// <summary>The <c>foreach</c> that enumerated it is done: the thread may reuse it.</summary>
    public void Dispose() => t_free = this;
}
