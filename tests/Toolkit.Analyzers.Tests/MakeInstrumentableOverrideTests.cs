using System.Threading.Tasks;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.NotInstrumentableAnalyzer, Toolkit.Analyzers.CodeFixes.MakeInstrumentableCodeFix>;

namespace Toolkit.Analyzers.Tests;

/// <summary>
/// Overrides inherit their constraints: the declaration keeps what it wrote, the Core gets every inherited constraint
/// written out so the moved body binds, and the generator's implementation compiles (it runs in these tests).
/// </summary>
public sealed class MakeInstrumentableOverrideTests
{
    [Fact]
    public Task Override_core_gets_the_inherited_constraints_written_out() =>
        Verify.VerifyAsync(
            """
            using System;
            using Toolkit;

            public abstract class Picker
            {
                public abstract T Max<T>(T a, T b) where T : IComparable<T>, new();

                public abstract T? First<T>(T[] items) where T : class;
            }

            public sealed class TimedPicker : Picker
            {
                [Traced]
                public override T {|TK1001:Max|}<T>(T a, T b) => a.CompareTo(b) >= 0 ? a : b;

                [Traced]
                public override T? {|TK1001:First|}<T>(T[] items) where T : class => items.Length > 0 ? items[0] : null;
            }
            """,
            """
            using System;
            using Toolkit;

            public abstract class Picker
            {
                public abstract T Max<T>(T a, T b) where T : IComparable<T>, new();

                public abstract T? First<T>(T[] items) where T : class;
            }

            public sealed partial class TimedPicker : Picker
            {
                [Traced]
                public override partial T Max<T>(T a, T b);

                private T MaxCore<T>(T a, T b) where T : IComparable<T>, new() => a.CompareTo(b) >= 0 ? a : b;

                [Traced]
                public override partial T? First<T>(T[] items) where T : class;

                private T? FirstCore<T>(T[] items) where T : class => items.Length > 0 ? items[0] : null;
            }
            """);
}
