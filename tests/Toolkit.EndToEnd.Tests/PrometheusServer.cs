using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace Toolkit.EndToEnd.Tests;

/// <summary>Finds the <c>prometheus</c> binary, installing Debian's package first when the machine has none.</summary>
internal static class PrometheusServer
{
    // Another engineer's or job's install may hold the dpkg lock for a while: wait for it rather than fail.
    private const int AptAttempts = 20;

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(10);

    public static async Task<string> EnsureInstalledAsync()
    {
        if (Find() is string installed)
        {
            return installed;
        }

        if (!File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException("prometheus is not on PATH and there is no apt-get to install it with: install Prometheus 2.x.");
        }

        await AsRootAsync(AptAttempts, "/usr/bin/apt-get", "update", "-qq").ConfigureAwait(false);
        await AsRootAsync(AptAttempts, "/usr/bin/apt-get", "install", "-y", "-qq", "--no-install-recommends", "prometheus").ConfigureAwait(false);

        // Where systemd runs, the package also starts a system-wide server on every interface: not ours to leave running.
        if (Directory.Exists("/run/systemd/system"))
        {
            await AsRootAsync(1, "systemctl", "disable", "--now", "prometheus.service").ConfigureAwait(false);
        }

        return Find() ?? throw new InvalidOperationException("apt-get installed prometheus, yet it is not on PATH.");
    }

    // Not root: sudo, never prompting for a password that nobody would type.
    private static async Task AsRootAsync(int attempts, string program, params string[] arguments)
    {
        bool root = Environment.UserName == "root";
        var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        ProcessResult? result = null;
        for (int attempt = 1; attempt <= attempts; attempt++)
        {
            result = root
                ? await Command.RunAsync(program, arguments, "/", s_timeout, environment).ConfigureAwait(false)
                : await Command.RunAsync("sudo", ["-n", program, .. arguments], "/", s_timeout, environment).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                return;
            }

            if (attempt < attempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException(result!.ToString());
    }

    private static string? Find()
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, "prometheus");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
