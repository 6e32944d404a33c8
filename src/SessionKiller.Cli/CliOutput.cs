using SessionKiller.Core.HelperProtocol;
using SessionKiller.Core.Text;

namespace SessionKiller.Cli;

/// <summary>How the CLI reports: one cleaned line on stderr per problem, prefixed with the program's name.</summary>
internal static class CliOutput
{
    public const string Prefix = "sessionkiller: ";

    /// <returns>The exit code, for <c>return ports.Report(...)</c>.</returns>
    public static int Report(this CliPorts ports, ExitCode code, string sentence)
    {
        ports.Error.WriteLine(Prefix + DisplayText.OneLine(sentence));
        return (int)code;
    }
}
