namespace Toolkit.Generators.Model;

/// <summary>How the wrapper observes a call's completion.</summary>
internal enum ReturnShape
{
    Void,
    Value,
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
    AsyncEnumerable,
}
