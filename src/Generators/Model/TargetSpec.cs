namespace Toolkit.Generators.Model;

/// <summary>
/// What the consumer's compilation offers that generated code would like to use. A netstandard2.0 or .NET Framework
/// library lacks them all; generated code then falls back to a polyfill attribute and runtime helpers.
/// </summary>
/// <param name="HasModuleInitializer">Whether <c>[ModuleInitializer]</c> is available; else the generator declares it.</param>
/// <param name="HasElapsedTime">Whether <c>Stopwatch.GetElapsedTime</c> (.NET 7) is available.</param>
/// <param name="HasTaskCompletedSuccessfully">Whether <c>Task.IsCompletedSuccessfully</c> (.NET Core 2.0) is available.</param>
/// <param name="HasInterpolatedStringHandler">
/// Whether <c>string.Create(IFormatProvider, $"...")</c> formats without allocating: .NET 6 and C# 10.
/// </param>
internal sealed record TargetSpec(bool HasModuleInitializer, bool HasElapsedTime, bool HasTaskCompletedSuccessfully, bool HasInterpolatedStringHandler);
