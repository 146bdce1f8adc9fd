using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Toolkit.Tests.Processes;

namespace Toolkit.Tests.Prometheus;

/// <summary>
/// Finds <c>prometheus</c> and <c>promtool</c> on PATH, installing Debian's <c>prometheus</c> package when they are
/// missing (as root, else through <c>sudo -n</c>), so the tests pass on a machine that has only the .NET SDK.
/// </summary>
internal static class PrometheusInstaller
{
    private const string InstallCommand = "sudo apt-get install -y --no-install-recommends prometheus";

    // Another install may hold the dpkg lock for a while: wait for it rather than fail.
    private const int AptAttempts = 20;
    private static readonly TimeSpan s_aptRetryDelay = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_aptTimeout = TimeSpan.FromMinutes(10);

    private static readonly Lazy<Task<string>> s_directory = new(InstallAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The directory holding both <c>prometheus</c> and <c>promtool</c>, installing them the first time if needed.</summary>
    public static Task<string> DirectoryAsync() => s_directory.Value;

    private static async Task<string> InstallAsync()
    {
        if (Find() is string installed)
        {
            return installed;
        }

        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(
                $"prometheus and promtool are needed by these tests and are not on PATH. Install Prometheus 2.x (Debian/Ubuntu: {InstallCommand}).");
        }

        await AsRootAsync(AptAttempts, "/usr/bin/apt-get", "update", "-qq").ConfigureAwait(false);
        await AsRootAsync(AptAttempts, "/usr/bin/apt-get", "install", "-y", "-qq", "--no-install-recommends", "prometheus").ConfigureAwait(false);

        // Where systemd runs, the package also starts a system-wide server on every interface: not ours to leave running.
        if (Directory.Exists("/run/systemd/system"))
        {
            await AsRootAsync(1, "systemctl", "disable", "--now", "prometheus.service").ConfigureAwait(false);
        }

        return Find() ?? throw new InvalidOperationException($"apt-get installed prometheus, yet prometheus and promtool are not on PATH. Try: {InstallCommand}");
    }

    // Not root: sudo, never prompting for a password that nobody would type.
    private static async Task AsRootAsync(int attempts, string program, params string[] arguments)
    {
        bool root = Environment.UserName == "root";
        var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        ProcessResult? result = null;
        for (int attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                result = root
                    ? await Command.RunAsync(program, arguments, "/", s_aptTimeout, environment).ConfigureAwait(false)
                    : await Command.RunAsync("sudo", ["-n", program, .. arguments], "/", s_aptTimeout, environment).ConfigureAwait(false);
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException(
                    $"prometheus and promtool are needed by these tests and could not be installed ({(root ? program : "sudo")}: {e.Message}). Install them with: {InstallCommand}", e);
            }

            if (result.ExitCode == 0)
            {
                return;
            }

            if (attempt < attempts)
            {
                await Task.Delay(s_aptRetryDelay).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException(
            $"prometheus and promtool are needed by these tests and could not be installed{(root ? "" : " (not root, and sudo -n was refused)")}. Install them with: {InstallCommand}{Environment.NewLine}{result}");
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .FirstOrDefault(directory => File.Exists(Path.Combine(directory, "prometheus")) && File.Exists(Path.Combine(directory, "promtool")));
}
