using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.NotInstrumentableAnalyzer, Toolkit.Analyzers.CodeFixes.MakeInstrumentableCodeFix>;

namespace Toolkit.Analyzers.Tests;

/// <summary>Method shapes found in real libraries: the fix keeps them compiling, warning-free and behaving as before, or is not offered.</summary>
public sealed partial class NotInstrumentableTests
{
    private static DiagnosticResult TK1001(int location, string method, string attribute, string advice) =>
        new DiagnosticResult(Rules.NotInstrumentableAnalyzer.MethodNotPartial).WithLocation(location).WithArguments(method, attribute, advice);

    [Fact]
    public Task SignatureWrittenPerConfiguration_KeepsEveryBranchInBothHalves() =>
        Verify.VerifyAsync(
            """
            #nullable enable
            using System.Collections.Generic;
            using Toolkit;

            public sealed class ReverseComparer<T> : IComparer<T>
            {
                [Traced]
                public int {|TK1001:Compare|}
            #if NETSTANDARD1_0
                    (T x, T y)
            #else
                    (T? x, T? y)
            #endif
                    => Comparer<T>.Default.Compare(y, x);
            }
            """,
            """
            #nullable enable
            using System.Collections.Generic;
            using Toolkit;

            public sealed partial class ReverseComparer<T> : IComparer<T>
            {
                [Traced]
                public partial int Compare
            #if NETSTANDARD1_0
                    (T x, T y)
            #else
                    (T? x, T? y)
            #endif
            ;

                private int CompareCore
            #if NETSTANDARD1_0
                    (T x, T y)
            #else
                    (T? x, T? y)
            #endif
                    => Comparer<T>.Default.Compare(y, x);
            }
            """);

    [Fact]
    public Task NoFix_WhenDirectivesSplitTheModifiers() =>
        Verify.VerifyNoFixAsync(
            """
            using Toolkit;

            public class Service
            {
                [Traced]
            #if DEBUG
                public
            #else
                internal
            #endif
                int {|TK1001:Work|}(int x) => x;
            }
            """);

    [Fact]
    public Task FlowAnnotations_StayOnTheCoreParametersAndReturn() =>
        Verify.VerifyAsync(
            """
            #nullable enable
            using System.Collections.Generic;
            using System.Diagnostics.CodeAnalysis;
            using Toolkit;

            public class Cache<TKey, TValue> where TKey : notnull
            {
                private readonly Dictionary<TKey, TValue> _items = new();

                [Traced]
                public bool {|TK1001:TryGet|}(TKey key, [MaybeNullWhen(false)] out TValue value) => _items.TryGetValue(key, out value);

                [Timed]
                [return: NotNullIfNotNull(nameof(fallback))]
                public string? {|TK1001:Describe|}([Tag] string? fallback, [NotNull] ref string? last)
                {
                    last ??= "";
                    return fallback;
                }
            }
            """,
            """
            #nullable enable
            using System.Collections.Generic;
            using System.Diagnostics.CodeAnalysis;
            using Toolkit;

            public partial class Cache<TKey, TValue> where TKey : notnull
            {
                private readonly Dictionary<TKey, TValue> _items = new();

                [Traced]
                public partial bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value);

                private bool TryGetCore(TKey key, [MaybeNullWhen(false)] out TValue value) => _items.TryGetValue(key, out value);

                [Timed]
                [return: NotNullIfNotNull(nameof(fallback))]
                public partial string? Describe([Tag] string? fallback, [NotNull] ref string? last);

                [return: NotNullIfNotNull(nameof(fallback))]
                private string? DescribeCore(string? fallback, [NotNull] ref string? last)
                {
                    last ??= "";
                    return fallback;
                }
            }
            """);

    [Fact]
    public Task AttributesGoverningTheBody_AreOnTheCore() =>
        Verify.VerifyAsync(
            """
            #nullable enable
            using System;
            using System.Diagnostics.CodeAnalysis;
            using System.Runtime.CompilerServices;
            using Toolkit;

            public class Legacy
            {
                [Obsolete("Use Next")]
                private static int Old() => 1;

                /// <summary>Still here.</summary>
                [Obsolete("Use Next"), Traced]
                public int {|TK1001:Previous|}() => Old();

                [MethodImpl(MethodImplOptions.NoInlining)]
                [Timed, RequiresUnreferencedCode("Reflects")]
                public int {|TK1001:Reflect|}(object o) => o.GetType().GetProperties().Length;

                [Counted]
                [DoesNotReturn]
                public static void {|TK1001:Fail|}(string message) => throw new InvalidOperationException(message);
            }
            """,
            """
            #nullable enable
            using System;
            using System.Diagnostics.CodeAnalysis;
            using System.Runtime.CompilerServices;
            using Toolkit;

            public partial class Legacy
            {
                [Obsolete("Use Next")]
                private static int Old() => 1;

                /// <summary>Still here.</summary>
                [Obsolete("Use Next"), Traced]
                public partial int Previous();

                [Obsolete("Use Next")]
                private int PreviousCore() => Old();

                [Timed, RequiresUnreferencedCode("Reflects")]
                public partial int Reflect(object o);

                [MethodImpl(MethodImplOptions.NoInlining)]
                [RequiresUnreferencedCode("Reflects")]
                private int ReflectCore(object o) => o.GetType().GetProperties().Length;

                [Counted]
                [DoesNotReturn]
                public static partial void Fail(string message);

                [DoesNotReturn]
                private static void FailCore(string message) => throw new InvalidOperationException(message);
            }
            """);

    [Fact]
    public Task ReadonlyMember_KeepsReadonlyOnTheCore() =>
        Verify.VerifyAsync(
            """
            using Toolkit;

            public struct Counter
            {
                private int _count;

                public void Increment() => _count++;

                [Traced]
                public readonly int {|TK1001:Peek|}() => _count;
            }
            """,
            """
            using Toolkit;

            public partial struct Counter
            {
                private int _count;

                public void Increment() => _count++;

                [Traced]
                public readonly partial int Peek();

                private readonly int PeekCore() => _count;
            }
            """);

    [Fact]
    public Task NoFix_ForReturnsTheWrapperCannotHold_AndSaysWhy() =>
        Verify.VerifyNoFixAsync(
            """
            using System;
            using Toolkit;

            public class Buffer
            {
                private readonly int[] _items = new int[4];

                [Traced]
                public ref int {|#0:At|}(int i) => ref _items[i];

                [Timed]
                public Span<int> {|#1:Slice|}(int start) => _items.AsSpan(start);
            }
            """,
            [
                TK1001(0, "At", "Traced", "it returns by reference, which the generated wrapper cannot hold; remove the attribute"),
                TK1001(1, "Slice", "Timed", "it returns the ref struct 'Span', which the generated wrapper cannot hold; remove the attribute"),
            ]);

    [Fact]
    public Task NoFix_InExtensionBlocks_WhichCannotHoldPartialMembers() =>
        Verify.VerifyNoFixAsync(
            """
            using Toolkit;

            public static class TextExtensions
            {
                extension(string text)
                {
                    [Traced]
                    public int {|#0:Words|}() => text.Split(' ').Length;
                }
            }
            """,
            [TK1001(0, "Words", "Traced", "members of an extension block cannot be partial; declare it as a classic extension method (a 'this' parameter) in a static partial class, or remove the attribute")],
            LanguageVersion.Preview);

    [Fact]
    public Task PartialMemberOfAnExtensionBlock_IsReported_AndNothingIsGenerated() =>
        Verify.VerifyNoFixAsync(
            """
            using Toolkit;

            public static partial class TextExtensions
            {
                extension(string text)
                {
                    [Traced]
                    public partial int {|#0:Words|}();

                    private int WordsCore() => text.Split(' ').Length;
                }
            }
            """,
            [
                TK1001(0, "Words", "Traced", "members of an extension block cannot be partial; declare it as a classic extension method (a 'this' parameter) in a static partial class, or remove the attribute"),

                // The compiler's own verdict; the generator adds nothing to it (no 'partial class' without a name).
                DiagnosticResult.CompilerError("CS0751").WithLocation(0),
                DiagnosticResult.CompilerError("CS8795").WithLocation(0).WithArguments("TextExtensions.extension(string).Words()"),
            ],
            LanguageVersion.Preview);

    [Fact]
    public Task ExplicitImplementation_CallsAnInstrumentedPrivateMethod() =>
        Verify.VerifyAsync(
            """
            using System;
            using Toolkit;

            public interface IStore
            {
                bool TryRead(string key, out int value);
            }

            public sealed class Store : IStore, IDisposable
            {
                /// <summary>Releases nothing.</summary>
                [Traced]
                void IDisposable.{|#0:Dispose|}() { }

                [Timed, Counted]
                bool IStore.{|TK1001:TryRead|}(string key, out int value)
                {
                    value = key.Length;
                    return true;
                }
            }
            """,
            """
            using System;
            using Toolkit;

            public interface IStore
            {
                bool TryRead(string key, out int value);
            }

            public sealed partial class Store : IStore, IDisposable
            {
                /// <summary>Releases nothing.</summary>
                void IDisposable.Dispose() => Dispose();

                [Traced]
                private partial void Dispose();

                private void DisposeCore() { }

                bool IStore.TryRead(string key, out int value) => TryRead(key, out value);

                [Timed, Counted]
                private partial bool TryRead(string key, out int value);

                private bool TryReadCore(string key, out int value)
                {
                    value = key.Length;
                    return true;
                }
            }
            """,
            expected: [TK1001(0, "System.IDisposable.Dispose", "Traced", "an explicit interface implementation cannot be partial: make it call a private partial method 'Dispose' that carries the attributes, with the body in 'DisposeCore'")]);

    [Fact]
    public Task CoreNameTaken_BodyGoesToTheBodyFallback_WhichTheGeneratorWraps() =>
        Verify.VerifyAsync(
            """
            using Toolkit;

            public class Document
            {
                [Traced]
                public bool {|#0:Save|}() => SaveCore(force: false);

                protected virtual bool SaveCore(bool force) => force;
            }
            """,
            """
            using Toolkit;

            public partial class Document
            {
                [Traced]
                public partial bool Save();

                private bool SaveBody() => SaveCore(force: false);

                protected virtual bool SaveCore(bool force) => force;
            }
            """,
            expected: [TK1001(0, "Save", "Traced", "declare it 'partial' and move its body to 'SaveBody'")]);

    [Fact]
    public Task NoFix_WhenTheCoreAlreadyHasTheSignature_OrBothNamesAreTaken() =>
        Verify.VerifyNoFixAsync(
            """
            using Toolkit;

            public class Document
            {
                [Traced]
                public void {|#0:Save|}(int version) => SaveCore(version);

                protected virtual void SaveCore(int version) { }

                [Traced]
                public void {|#1:Load|}() { }

                private void LoadCore(int version) { }

                private void LoadBody(int version) { }
            }
            """,
            [
                TK1001(0, "Save", "Traced", "'SaveCore' already has its signature, so the generated code would wrap it instead of this body; rename 'SaveCore' and move the body there by hand, or remove the attribute"),
                TK1001(1, "Load", "Traced", "'LoadCore' and 'LoadBody' are both taken; rename one of them to free a place for the body"),
            ]);

    [Fact]
    public Task CoreFollowsTheProjectsAccessibilityStyle() =>
        Verify.VerifyAsync(
            """
            using Toolkit;

            class Service
            {
                [Traced]
                public static int {|TK1001:Work|}(int x) => x;
            }
            """,
            """
            using Toolkit;

            partial class Service
            {
                [Traced]
                public static partial int Work(int x);

                static int WorkCore(int x) => x;
            }
            """,
            editorConfig: "dotnet_style_require_accessibility_modifiers = omit_if_default:error");

    [Fact]
    public Task CallerMemberName_StillReceivesTheOriginalName() =>
        Verify.VerifyAsync(
            """
            using System;
            using System.Runtime.CompilerServices;
            using Toolkit;

            public class ViewModel
            {
                public string? Last { get; private set; }

                protected void OnChanged([CallerMemberName] string? name = null) => Last = name;

                private static string Where(int depth, [CallerMemberName] string caller = "", [CallerLineNumber] int line = 0) => caller;

                private static int Depth(string name, [CallerMemberName] string caller = "") => name.Length + caller.Length;

                [Traced]
                public void {|TK1001:Save|}()
                {
                    OnChanged();
                    OnChanged("Explicit");
                    Action later = () => OnChanged();
                    later();
                    _ = Where(Depth(Where(1)));
                }
            }
            """,
            """
            using System;
            using System.Runtime.CompilerServices;
            using Toolkit;

            public partial class ViewModel
            {
                public string? Last { get; private set; }

                protected void OnChanged([CallerMemberName] string? name = null) => Last = name;

                private static string Where(int depth, [CallerMemberName] string caller = "", [CallerLineNumber] int line = 0) => caller;

                private static int Depth(string name, [CallerMemberName] string caller = "") => name.Length + caller.Length;

                [Traced]
                public partial void Save();

                private void SaveCore()
                {
                    OnChanged(name: "Save");
                    OnChanged("Explicit");
                    Action later = () => OnChanged(name: "Save");
                    later();
                    _ = Where(Depth(Where(1, caller: "Save"), caller: "Save"), caller: "Save");
                }
            }
            """);

    [Fact]
    public Task Override_CoreStatesTheInheritedConstraints() =>
        Verify.VerifyAsync(
            """
            using System;
            using Toolkit;

            public abstract class Picker
            {
                public abstract T Max<T>(T a, T b) where T : IComparable<T>;
            }

            public sealed class Greatest : Picker
            {
                [Traced]
                public override T {|TK1001:Max|}<T>(T a, T b) => a.CompareTo(b) >= 0 ? a : b;
            }
            """,
            """
            using System;
            using Toolkit;

            public abstract class Picker
            {
                public abstract T Max<T>(T a, T b) where T : IComparable<T>;
            }

            public sealed partial class Greatest : Picker
            {
                [Traced]
                public override partial T Max<T>(T a, T b);

                private T MaxCore<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;
            }
            """);
}
