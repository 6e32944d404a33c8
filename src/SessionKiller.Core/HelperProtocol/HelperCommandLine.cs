using System.Globalization;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Settings;

namespace SessionKiller.Core.HelperProtocol;

/// <summary>
/// The <c>sessionkiller</c> arguments that run one request: what the plugin passes to the elevated helper.
/// The target is always <c>#ID</c> on an explicit server, bound with <c>--expect-user</c> and
/// <c>--expect-logon</c>, so the helper refuses a session that changed since the plugin listed it.
/// </summary>
public static class HelperCommandLine
{
    /// <param name="settings">
    /// The caller's settings: for ask first, what the request leaves unset (text, title, timeout, policy) is
    /// taken from them, because the helper itself runs with the defaults. Null passes only what the request sets.
    /// </param>
    /// <param name="outcomeFile">Where the helper writes its <see cref="HelperOutcome"/>: a path from <see cref="OutcomeFile.NewPath"/>.</param>
    /// <exception cref="ArgumentException">The request cannot be expressed: a session without a user, a message without text, a value the CLI refuses.</exception>
    public static IReadOnlyList<string> For(ActionRequest request, SessionKillerSettings? settings = null, string? outcomeFile = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.Target;
        if (target.UserName.Length == 0)
        {
            throw new ArgumentException($"Session {target.SessionId} on {target.ServerName} has no user to expect.", nameof(request));
        }

        var args = new List<string> { CliSyntax.CommandFor(request.Action), CliSyntax.FormatSessionId(target.SessionId) };
        Add(args, CliSyntax.ServerOption, target.ServerName);
        if (request.Confirmed)
        {
            args.Add(CliSyntax.YesOption);
        }

        Add(args, CliSyntax.ExpectUserOption, target.QualifiedUserName);
        Add(args, CliSyntax.ExpectLogonOption, CliSyntax.FormatLogon(target.LogonTime));
        Add(args, CliSyntax.OutcomeFileOption, outcomeFile);

        switch (request.Action)
        {
            case SessionAction.LogOff or SessionAction.Disconnect when !request.Wait:
                args.Add(CliSyntax.NoWaitOption);
                break;
            case SessionAction.AskFirst:
                AddAskOptions(args, request, settings);
                break;
            case SessionAction.SendMessage:
                if (string.IsNullOrEmpty(request.MessageText))
                {
                    throw new ArgumentException("A message needs a text.", nameof(request));
                }

                Add(args, CliSyntax.TextOption, request.MessageText);
                Add(args, CliSyntax.TitleOption, request.MessageTitle);
                break;
        }

        return args;
    }

    private static void AddAskOptions(List<string> args, ActionRequest request, SessionKillerSettings? settings)
    {
        Add(args, CliSyntax.AskMessageOption, request.MessageText ?? settings?.AskFirstText);
        Add(args, CliSyntax.TitleOption, request.MessageTitle ?? settings?.AskFirstTitle);
        if ((request.AskTimeout ?? settings?.AskFirstTimeout) is { } timeout)
        {
            var seconds = (int)Math.Round(timeout.TotalSeconds);
            if (CliValues.ProblemWithTimeout(CliSyntax.TimeoutOption, seconds) is { } problem)
            {
                throw new ArgumentException(problem);
            }

            Add(args, CliSyntax.TimeoutOption, seconds.ToString(CultureInfo.InvariantCulture));
        }

        if ((request.OnNoAnswer ?? settings?.OnNoAnswer) is { } policy)
        {
            Add(args, CliSyntax.OnTimeoutOption, CliSyntax.FormatPolicy(policy));
        }
    }

    private static void Add(List<string> args, string option, string? value)
    {
        if (value is null)
        {
            return;
        }

        var problem = option switch
        {
            CliSyntax.ServerOption => CliValues.ProblemWithServer(option, value),
            CliSyntax.TitleOption => CliValues.ProblemWithText(option, value, CliValues.MaxTitleLength),
            CliSyntax.TextOption or CliSyntax.AskMessageOption => CliValues.ProblemWithText(option, value, CliValues.MaxMessageLength, multiline: true),
            CliSyntax.OutcomeFileOption => OutcomeFile.ProblemWithPath(option, value),
            _ => CliValues.ProblemWithText(option, value, CliValues.MaxLength),
        };
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }

        args.Add(option);
        args.Add(value);
    }
}
