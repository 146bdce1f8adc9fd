using System;

namespace Toolkit;

/// <summary>The value is left out of business-event logs; it may still be a span attribute through <see cref="TagAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class NotLoggedAttribute : Attribute
{
}
