using System.Diagnostics;
#if NET8_0_OR_GREATER
using System;
using System.Runtime.CompilerServices;
#else
using System.Reflection;
#endif
using System.Threading;

namespace Toolkit.Internal;

/// <summary>
/// Makes a stopped activity <see cref="Activity.Current"/> again. The public setter refuses a stopped activity, but a
/// caller's span that another flow already stopped can still be current in this flow, and it is what the caller sees
/// without a listener; only <see cref="Activity.Stop"/> itself may put it back, through the slot the setter guards.
/// </summary>
internal static class StoppedCurrent
{
#if NET8_0_OR_GREATER
    private static bool s_missing;

    /// <summary>Puts <paramref name="activity"/> back as current; false when this runtime's Activity has no such slot.</summary>
    public static bool TryRestore(Activity activity)
    {
        if (s_missing)
        {
            return false;
        }

        try
        {
            Slot(null).Value = activity;
            return true;
        }
        catch (MissingFieldException)
        {
            s_missing = true;
            return false;
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "s_current")]
    private static extern ref AsyncLocal<Activity?> Slot(Activity? declaringType);
#else
    private static readonly AsyncLocal<Activity?>? s_slot =
        typeof(Activity).GetField("s_current", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as AsyncLocal<Activity?>;

    /// <summary>Puts <paramref name="activity"/> back as current; false when this runtime's Activity has no such slot.</summary>
    public static bool TryRestore(Activity activity)
    {
        if (s_slot is null)
        {
            return false;
        }

        s_slot.Value = activity;
        return true;
    }
#endif
}
