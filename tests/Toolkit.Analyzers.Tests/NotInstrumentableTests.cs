using System.Threading.Tasks;
using Toolkit.Analyzers.CodeFixes;
using Toolkit.Analyzers.Rules;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.NotInstrumentableAnalyzer, Toolkit.Analyzers.CodeFixes.MakeInstrumentableCodeFix>;

namespace Toolkit.Analyzers.Tests;

public sealed partial class NotInstrumentableTests
{
    [Fact]
    public Task PlainMethod_IsMadeInstrumentable_KeepingDocsAttributesAndBody() =>
        Verify.VerifyAsync(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Toolkit;

            public class OrderService
            {
                /// <summary>Places an order.</summary>
                [Traced, Timed]
                public async Task<int> {|TK1001:PlaceAsync|}([Tag("shop.region")] string region, [Hashed] string customerId, int quantity = 1, CancellationToken ct = default)
                {
                    // the business logic, untouched
                    await Task.Delay(1, ct);
                    return quantity; /* trailing */
                }
            }
            """,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Toolkit;

            public partial class OrderService
            {
                /// <summary>Places an order.</summary>
                [Traced, Timed]
                public partial Task<int> PlaceAsync([Tag("shop.region")] string region, [Hashed] string customerId, int quantity = 1, CancellationToken ct = default);

                private async Task<int> PlaceAsyncCore(string region, string customerId, int quantity, CancellationToken ct)
                {
                    // the business logic, untouched
                    await Task.Delay(1, ct);
                    return quantity; /* trailing */
                }
            }
            """);

    [Fact]
    public Task ExpressionBodiedStaticMethod_WithoutModifiers_InNestedTypes() =>
        Verify.VerifyAsync(
            """
            using Toolkit;

            static class Extensions
            {
                [Counted]
                static int {|TK1001:Work|}<T>(this T value) where T : struct => 42;
            }

            class Outer
            {
                struct Inner
                {
                    [BusinessEvent("thing.done")]
                    void {|TK1001:Done|}(string what) { }
                }
            }
            """,
            """
            using Toolkit;

            static partial class Extensions
            {
                [Counted]
                private static partial int Work<T>(this T value) where T : struct;

                private static int WorkCore<T>(T value) where T : struct => 42;
            }

            partial class Outer
            {
                partial struct Inner
                {
                    [BusinessEvent("thing.done")]
                    private partial void Done(string what);

                    private void DoneCore(string what) { }
                }
            }
            """);

    [Fact]
    public Task FixAll_FixesEveryMethodAndTheTypeOnce() =>
        Verify.VerifyAsync(
            """
            using Toolkit;

            public sealed class Service
            {
                [Traced]
                public int {|TK1001:A|}(int x) => x;

                [Timed]
                public int {|TK1001:B|}(int x) => x + 1;
            }
            """,
            """
            using Toolkit;

            public sealed partial class Service
            {
                [Traced]
                public partial int A(int x);

                private int ACore(int x) => x;

                [Timed]
                public partial int B(int x);

                private int BCore(int x) => x + 1;
            }
            """);

    [Fact]
    public Task PartialMethodInNonPartialOuterType_MakesTypesPartial() =>
        Verify.VerifyAsync(
            """
            using Toolkit;

            public class Outer
            {
                public partial class Service
                {
                    [Traced]
                    public partial int {|TK1002:{|CS8795:Work|}|}(int x);

                    private int WorkCore(int x) => x;
                }
            }
            """,
            """
            using Toolkit;

            public partial class Outer
            {
                public partial class Service
                {
                    [Traced]
                    public partial int Work(int x);

                    private int WorkCore(int x) => x;
                }
            }
            """);

    [Fact]
    public Task NoFix_WhenCoreNameIsTaken_OrMethodHasNoBody() =>
        Verify.VerifyNoFixAsync(
            """
            using Toolkit;

            public abstract class Service
            {
                [Traced]
                public int {|TK1001:Work|}(int x) => x;

                private int WorkCore(int x) => x;

                [Traced]
                public abstract int {|TK1001:Abstract|}();
            }

            public interface IService
            {
                [Traced]
                int {|TK1001:Work|}();
            }
            """);

    [Fact]
    public Task Silent_OnCanonicalShape_UnannotatedMethods_AndWithoutToolkit() =>
        AnalyzerVerifier<NotInstrumentableAnalyzer>.VerifyAsync(
            """
            using Toolkit;

            public partial class Service
            {
                [Traced]
                public partial int Work(int x);

                private int WorkCore(int x) => x;

                public int Plain(int x) => x;

                [BusinessEvent("order.placed")]
                public partial void Placed(string orderId);
            }

            namespace Other
            {
                public class TracedAttribute : System.Attribute { }

                public class Unrelated
                {
                    [Traced]
                    public int NotOurs() => 1;
                }
            }
            """);

    [Fact]
    public Task Severity_IsConfigurable() =>
        AnalyzerVerifier<NotInstrumentableAnalyzer>.VerifyAsync(
            """
            using Toolkit;

            public class Service
            {
                [Traced]
                public int Work(int x) => x;
            }
            """,
            "dotnet_diagnostic.TK1001.severity = none");

    [Fact]
    public Task AnnotatedMethodsInGeneratedFiles_AreReported_AndNothingElseThere() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.NotInstrumentableAnalyzer>.VerifyAsync(
            // Checked-in template output: by name and by header.
            ("Repository.g.cs", """
                using Toolkit;

                public class Repository
                {
                    [Traced]
                    public int {|TK1001:Load|}(int id) => id;

                    public int Plain(int id) => id;
                }
                """),
            ("Queries.cs", """
                // <auto-generated>
                //     Generated by a text template.
                // </auto-generated>
                using Toolkit;

                public class Queries
                {
                    [Counted]
                    public void {|TK1001:Run|}()
                    {
                    }

                    public void Other()
                    {
                    }
                }
                """));
}
