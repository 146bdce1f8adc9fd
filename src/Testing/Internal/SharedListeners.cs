using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;

namespace Toolkit.Testing.Internal;

/// <summary>
/// The one <see cref="ActivityListener"/> and <see cref="MeterListener"/> every recorder shares, alive while at least
/// one recorder is: once the last one is disposed, sources and instruments report no listener again.
/// </summary>
internal static class SharedListeners
{
    private static readonly Lock s_gate = new();
    private static int s_users;
    private static ActivityListener? s_activities;
    private static MeterListener? s_meters;

    public static void Acquire()
    {
        lock (s_gate)
        {
            if (s_users++ > 0)
            {
                return;
            }

            // Callbacks run on the thread that starts the span or records the measurement, where the recorder of
            // that flow is current.
            s_activities = new ActivityListener
            {
                ShouldListenTo = static _ => true,
                Sample = TelemetryRecorder.Sample,
                ActivityStarted = TelemetryRecorder.OnActivityStarted,
            };
            ActivitySource.AddActivityListener(s_activities);

            s_meters = new MeterListener
            {
                InstrumentPublished = static (instrument, listener) => listener.EnableMeasurementEvents(instrument),
            };
            s_meters.SetMeasurementEventCallback<byte>(static (instrument, value, tags, _) => TelemetryRecorder.OnMeasurement(instrument, value, tags));
            s_meters.SetMeasurementEventCallback<short>(static (instrument, value, tags, _) => TelemetryRecorder.OnMeasurement(instrument, value, tags));
            s_meters.SetMeasurementEventCallback<int>(static (instrument, value, tags, _) => TelemetryRecorder.OnMeasurement(instrument, value, tags));
            s_meters.SetMeasurementEventCallback<long>(static (instrument, value, tags, _) => TelemetryRecorder.OnMeasurement(instrument, value, tags));
            s_meters.SetMeasurementEventCallback<float>(static (instrument, value, tags, _) => TelemetryRecorder.OnMeasurement(instrument, value, tags));
            s_meters.SetMeasurementEventCallback<double>(static (instrument, value, tags, _) => TelemetryRecorder.OnMeasurement(instrument, value, tags));
            s_meters.SetMeasurementEventCallback<decimal>(static (instrument, value, tags, _) => TelemetryRecorder.OnMeasurement(instrument, (double)value, tags));
            s_meters.Start();
        }
    }

    public static void Release()
    {
        lock (s_gate)
        {
            if (--s_users > 0)
            {
                return;
            }

            s_activities?.Dispose();
            s_meters?.Dispose();
            s_activities = null;
            s_meters = null;
        }
    }

    /// <summary>Reads the observable instruments on the calling thread. The caller holds a recorder, so the listener is alive.</summary>
    public static void RecordObservableInstruments()
    {
        MeterListener? meters;
        lock (s_gate)
        {
            meters = s_meters;
        }

        meters?.RecordObservableInstruments();
    }
}
