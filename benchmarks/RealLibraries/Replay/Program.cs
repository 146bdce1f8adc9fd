using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

// Steps of benchmarks/RealLibraries/replay.sh that edit a copy of a library; each prints one count or nothing.
//   annotate <project dir>              [Traced, Timed] on every non-private method with a body; prints how many
//   count <project dir>                 prints "converted remaining": instrumentable declarations, and annotated methods left as they were
//   retarget <csproj>                   a single net10.0 target framework, without the warnings only that move brings
//   reference <csproj> <feed> <version> the Toolkit package (runtime, generator, analyzers, code fixes) from a local feed
//   feed <csproj> <feed>                the local feed only, for a project that gets the package through a reference
//   listen <test csproj>                a module initializer that listens to every source and instrument when TOOLKIT_REPLAY_LISTEN=1
return args switch
{
    ["annotate", var dir] => Print(Annotate(dir)),
    ["count", var dir] => Print(Count(dir)),
    ["retarget", var project] => Edit(project, Retarget),
    ["reference", var project, var feed, var version] => Edit(project, xml => Reference(xml, Path.GetFullPath(feed), version)),
    ["feed", var project, var feed] => Edit(project, xml => Feed(xml, Path.GetFullPath(feed))),
    ["listen", var project] => Listen(project),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Replay annotate|count <dir> | retarget|listen <csproj> | reference <csproj> <feed> <version> | feed <csproj> <feed>");
    return 2;
}

static int Print(object value)
{
    Console.WriteLine(value);
    return 0;
}

// The symbols a net10.0 Release build defines, so the annotated branches are the ones that build.
static CSharpParseOptions ParseOptions() => new(
    LanguageVersion.Preview,
    preprocessorSymbols: ["RELEASE", "TRACE", "NET", "NETCOREAPP", "NET10_0",
        .. Enumerable.Range(5, 6).Select(v => $"NET{v}_0_OR_GREATER"),
        "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER"]);

static IEnumerable<string> Sources(string dir) =>
    Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
        .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

static bool IsCandidate(MethodDeclarationSyntax method) =>
    method.Parent is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax
    && (method.Body is not null || method.ExpressionBody is not null)
    && !method.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword) || m.IsKind(SyntaxKind.ExternKeyword) || m.IsKind(SyntaxKind.AbstractKeyword))
    && (method.ExplicitInterfaceSpecifier is not null
        || method.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword)));

static int Annotate(string dir)
{
    int total = 0;
    foreach (var path in Sources(dir))
    {
        string text = File.ReadAllText(path);
        var root = CSharpSyntaxTree.ParseText(text, ParseOptions()).GetRoot();
        var methods = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(IsCandidate).ToList();
        foreach (var method in methods.OrderByDescending(m => m.SpanStart))
        {
            var first = method.GetFirstToken();
            string indentation = first.LeadingTrivia.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString();
            text = text.Insert(first.SpanStart, "[global::Toolkit.Traced, global::Toolkit.Timed]" + Environment.NewLine + indentation);
        }

        if (methods.Count > 0)
        {
            File.WriteAllText(path, text);
            total += methods.Count;
        }
    }

    return total;
}

static string Count(string dir)
{
    int converted = 0, remaining = 0;
    foreach (var path in Sources(dir))
    {
        var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions()).GetRoot();
        foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            if (!method.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "global::Toolkit.Traced"))
            {
                continue;
            }

            if (method.Modifiers.Any(SyntaxKind.PartialKeyword) && method.Body is null && method.ExpressionBody is null)
            {
                converted++;
            }
            else
            {
                remaining++;
            }
        }
    }

    return $"{converted} {remaining}";
}

static int Edit(string project, Action<XElement> edit)
{
    var document = XDocument.Load(project, LoadOptions.PreserveWhitespace);
    edit(document.Root!);
    document.Save(project);
    return 0;
}

static void Retarget(XElement project)
{
    // First for the project's own conditions, and again last to override what its imports set.
    project.Descendants().Where(e => e.Name.LocalName is "TargetFramework" or "TargetFrameworks").Remove();
    project.AddFirst(new XElement("PropertyGroup", new XElement("TargetFramework", "net10.0")));
    project.Add(new XElement("PropertyGroup", new XElement("TargetFrameworks", ""), new XElement("TargetFramework", "net10.0")));

    // What only the move to net10.0 and the machine's package feed bring: obsolete serialization APIs, package audit and
    // version substitution warnings. Both copies get the same list.
    project.Add(new XElement("PropertyGroup", new XElement("NoWarn", "$(NoWarn);SYSLIB0050;SYSLIB0051;NETSDK1138;NU1603;NU1608;NU1701;NU1901;NU1902;NU1903;NU1904")));
}

static void Reference(XElement project, string feed, string version)
{
    // The toolkit as a user installs it: the package, from a local feed the script packed it into. A package brings its
    // analyzers but not its dependencies' (NuGet excludes those by default), and referencing it evaluates no toolkit
    // project, so the build pays for what a user's build pays for. A signed library may reference the unsigned toolkit
    // (CS8002); nothing else of the library's settings changes.
    project.Add(new XElement("PropertyGroup", new XElement("NoWarn", "$(NoWarn);CS8002")));
    Feed(project, feed);
    project.Add(new XElement("ItemGroup",
        new XElement("PackageReference", new XAttribute("Include", "Toolkit"), new XAttribute("Version", version))));
}

// Every project that restores the package needs the feed: without it NuGet would take the lowest version above the
// requested one from another source.
static void Feed(XElement project, string feed) =>
    project.Add(new XElement("PropertyGroup", new XElement("RestoreAdditionalProjectSources", "$(RestoreAdditionalProjectSources);" + feed)));

static int Listen(string project)
{
    File.WriteAllText(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(project))!, "ToolkitReplayListeners.cs"), """
        // Added by the Toolkit replay: with TOOLKIT_REPLAY_LISTEN=1 every ActivitySource and Meter is listened to, every
        // span recorded and every measurement taken, for the whole test run.
        internal static class ToolkitReplayListeners
        {
            private static global::System.Diagnostics.ActivityListener? s_activities;
            private static global::System.Diagnostics.Metrics.MeterListener? s_meters;
            public static long Spans;
            public static long Measurements;

            [global::System.Runtime.CompilerServices.ModuleInitializer]
            internal static void Start()
            {
                if (global::System.Environment.GetEnvironmentVariable("TOOLKIT_REPLAY_LISTEN") != "1")
                {
                    return;
                }

                s_activities = new global::System.Diagnostics.ActivityListener
                {
                    ShouldListenTo = _ => true,
                    Sample = (ref global::System.Diagnostics.ActivityCreationOptions<global::System.Diagnostics.ActivityContext> _) => global::System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
                    ActivityStopped = _ => global::System.Threading.Interlocked.Increment(ref Spans),
                };
                global::System.Diagnostics.ActivitySource.AddActivityListener(s_activities);

                s_meters = new global::System.Diagnostics.Metrics.MeterListener
                {
                    InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument),
                };
                s_meters.SetMeasurementEventCallback<double>((_, _, _, _) => global::System.Threading.Interlocked.Increment(ref Measurements));
                s_meters.SetMeasurementEventCallback<long>((_, _, _, _) => global::System.Threading.Interlocked.Increment(ref Measurements));
                s_meters.SetMeasurementEventCallback<int>((_, _, _, _) => global::System.Threading.Interlocked.Increment(ref Measurements));
                s_meters.Start();
                global::System.AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                    global::System.IO.File.WriteAllText(
                        global::System.IO.Path.Combine(global::System.AppContext.BaseDirectory, "toolkit-replay-listened.txt"),
                        Spans + " " + Measurements);
            }
        }

        """);
    return Edit(project, xml => xml.Add(new XElement("PropertyGroup", new XElement("LangVersion", "latest"))));
}
