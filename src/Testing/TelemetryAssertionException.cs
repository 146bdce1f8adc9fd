using System;

namespace Toolkit.Testing;

/// <summary>
/// Thrown by the recorder's assertions. Its message says what was expected and lists what was captured, so any test
/// framework reports it as a readable failure.
/// </summary>
public sealed class TelemetryAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TelemetryAssertionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, and what was captured.</param>
    public TelemetryAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, and what was captured.</param>
    /// <param name="innerException">The cause.</param>
    public TelemetryAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
