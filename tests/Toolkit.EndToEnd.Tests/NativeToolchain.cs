using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Toolkit.Tests.Processes;

namespace Toolkit.EndToEnd.Tests;

/// <summary>
/// The C toolchain NativeAOT links with: clang, else gcc. When the machine has neither, Debian's <c>clang</c> package
/// is installed (as root, else through <c>sudo -n</c>), so the test passes on a machine that has only the .NET SDK.
/// </summary>
internal static class NativeToolchain
{
    private static readonly Lazy<Task> s_ensured = new(InstallAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task EnsureAsync() => s_ensured.Value;

    private static async Task InstallAsync()
    {
        if (OnPath("clang") || OnPath("gcc"))
        {
            return;
        }

        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException("NativeAOT needs a C toolchain (clang or gcc) on PATH.");
        }

        await AsRootAsync("/usr/bin/apt-get", "update", "-qq").ConfigureAwait(false);
        await AsRootAsync("/usr/bin/apt-get", "install", "-y", "-qq", "--no-install-recommends", "clang").ConfigureAwait(false);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(directory => File.Exists(Path.Combine(directory, program)));

    private static async Task AsRootAsync(string program, params string[] arguments)
    {
        bool root = Environment.UserName == "root";
        var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        var result = root
            ? await Command.RunAsync(program, arguments, Environment.CurrentDirectory, TimeSpan.FromMinutes(10), environment).ConfigureAwait(false)
            : await Command.RunAsync("sudo", ["-n", program, .. arguments], Environment.CurrentDirectory, TimeSpan.FromMinutes(10), environment).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Installing clang for NativeAOT failed: {result}");
        }
    }
}
