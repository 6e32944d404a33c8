using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SessionKiller.Core.Actions;
using SessionKiller.Core.HelperProtocol;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Cli;

/// <summary>
/// The grammar of <c>sessionkiller</c>. Every check of a value happens here, as a parse error, so a
/// command that runs has nothing left to refuse about its command line.
/// </summary>
internal sealed class CliCommandLine
{
    private const string Description =
        "Signs users out of this computer or a Remote Desktop server, and lists their sessions.\n"
        + "Exit codes: 0 done; 1 usage error; 2 no session matches; 3 several sessions match (listed); "
        + "4 declined or not confirmed; 5 access denied (run elevated); 6 server unavailable; "
        + "7 the session changed or is gone since it was listed; 8 not supported on this system; 9 any other failure.";

    public CliCommandLine()
    {
        ListServers = new Option<string[]>(CliSyntax.ServerOption)
        {
            Description = "A server to list; repeat for several (default: this computer).",
            HelpName = "NAME",
        };
        Json = new Option<bool>(CliSyntax.JsonOption) { Description = "Print one JSON array.", Arity = ArgumentArity.Zero };
        All = new Option<bool>(CliSyntax.AllOption)
        {
            Description = "Also list session 0, listeners and sessions without a user.",
            Arity = ArgumentArity.Zero,
        };
        Client = new Option<bool>(CliSyntax.ClientOption)
        {
            Description = "Also read and show each session's client name and address (on Windows two more calls per session).",
            Arity = ArgumentArity.Zero,
        };
        Target = new Argument<string>("target")
        {
            Description = "A user name (bob or CONTOSO\\bob, exact) or a session id (#3); or none, with --where.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Server = new Option<string[]>(CliSyntax.ServerOption)
        {
            Description = "The server of the session (default: this computer); with --where, repeat for several.",
            HelpName = "NAME",
        };
        ListWhere = new Option<string>(BulkSyntax.WhereOption) { Description = "List only the sessions this query names (idle:>8h state:disc @rds01 bob).", HelpName = "QUERY" };
        Where = new Option<string>(BulkSyntax.WhereOption)
        {
            Description = "Act on every session this query names; it needs idle:, state: or @server. Never your own session, the console, session 0 or listeners.",
            HelpName = "QUERY",
        };
        Max = new Option<string>(BulkSyntax.MaxOption)
        {
            Description = "With --where: refuse, doing nothing, when more sessions than this match (default 50).",
            HelpName = "N",
        };
        BulkJson = new Option<bool>(CliSyntax.JsonOption) { Description = "With --where: one JSON line per session.", Arity = ArgumentArity.Zero };
        Yes = new Option<bool>(CliSyntax.YesOption) { Description = "Do not ask for confirmation.", Arity = ArgumentArity.Zero };
        ExpectUser = new Option<string>(CliSyntax.ExpectUserOption)
        {
            Description = "Act only if the session still belongs to this user; needs --expect-logon.",
            HelpName = "DOMAIN\\USER",
        };
        ExpectLogon = new Option<string>(CliSyntax.ExpectLogonOption)
        {
            Description = "Act only if the session's logon time is still this one (ISO 8601, as list --json prints it, or 'unknown'); needs --expect-user.",
            HelpName = "TIME",
        };
        NoWait = new Option<bool>(CliSyntax.NoWaitOption) { Description = "Return without waiting for the session to end.", Arity = ArgumentArity.Zero };
        AskMessage = new Option<string>(CliSyntax.AskMessageOption)
        {
            Description = "The question shown to the user ({admin}, {user} and {seconds} are filled in).",
            HelpName = "TEXT",
        };
        Title = new Option<string>(CliSyntax.TitleOption) { Description = "The title of the message box.", HelpName = "TEXT" };
        Timeout = new Option<string>(CliSyntax.TimeoutOption)
        {
            Description = "Seconds to wait for an answer (10 to 3600; default 60).",
            HelpName = "SECONDS",
        };
        OnTimeout = new Option<string>(CliSyntax.OnTimeoutOption)
        {
            Description = "Without an answer: keep the user signed in (default) or sign them out.",
            HelpName = "keep|logoff",
        };
        Text = new Option<string>(CliSyntax.TextOption) { Description = "The message to show.", HelpName = "TEXT", Required = true };
        OutcomeFile = new Option<string>(CliSyntax.OutcomeFileOption)
        {
            Description = "Also write how the command ended as one JSON line to this new file (for the plugin that starts the elevated helper).",
            HelpName = "PATH",
        };

        AddValueChecks();

        List = new Command(CliSyntax.ListCommand, "List the sessions of this computer or of the servers named.") { ListServers, Json, All, ListWhere, Client };
        LogOff = ActionCommand(CliSyntax.LogOffCommand, "Sign a user out.", NoWait);
        Disconnect = ActionCommand(CliSyntax.DisconnectCommand, "Disconnect a session; its programs keep running.", NoWait);
        Ask = ActionCommand(CliSyntax.AskCommand, "Ask the user first (Yes/No), and sign them out on Yes.", AskMessage, Title, Timeout, OnTimeout);
        Message = ActionCommand(CliSyntax.MessageCommand, "Show a message in a session.", Text, Title);
        List.Validators.Add(CheckOptionTokens);

        InstallHelper = new Command(
            InstallHelperCommandName,
            "Copy this sessionkiller.exe to %ProgramFiles%\\SessionKiller\\ (run elevated, once): only administrators can change it there, and the plugin prefers it.");

        Root = new RootCommand(Description) { List, LogOff, Disconnect, Ask, Message, InstallHelper };

        // With an action of its own, a bare or unknown word is reported as that word, not as a missing command.
        Root.SetAction(_ => (int)ExitCode.UsageError);
    }

    public const string NoCommand = "No command given; use list, logoff, disconnect, ask or message.";

    public const string InstallHelperCommandName = "install-helper";

    public RootCommand Root { get; }

    public Command List { get; }

    public Command LogOff { get; }

    public Command Disconnect { get; }

    public Command Ask { get; }

    public Command Message { get; }

    public Command InstallHelper { get; }

    private Option<string[]> ListServers { get; }

    private Option<bool> Json { get; }

    private Option<bool> Client { get; }

    private Option<bool> All { get; }

    private Argument<string> Target { get; }

    private Option<string[]> Server { get; }

    private Option<string> ListWhere { get; }

    private Option<string> Where { get; }

    private Option<string> Max { get; }

    private Option<bool> BulkJson { get; }

    private Option<bool> Yes { get; }

    private Option<string> ExpectUser { get; }

    private Option<string> ExpectLogon { get; }

    private Option<bool> NoWait { get; }

    private Option<string> AskMessage { get; }

    private Option<string> Title { get; }

    private Option<string> Timeout { get; }

    private Option<string> OnTimeout { get; }

    private Option<string> Text { get; }

    private Option<string> OutcomeFile { get; }

    /// <summary>
    /// Parses without response files (an argument starting with @ is a value, never a file to read), with
    /// each value bound to its option first: System.CommandLine splits <c>-h:x</c> or <c>--help=x</c> at the
    /// delimiter into an option of its own, so <c>--text '-h: hi'</c> would print help and send nothing.
    /// </summary>
    public ParseResult Parse(IReadOnlyList<string> args) =>
        Root.Parse(BindValues(args), new ParserConfiguration { ResponseFileTokenReplacer = null, EnablePosixBundling = false });

    /// <summary>
    /// Help or version asked for by an argument that is not exactly one of their names (<c>--help=x</c>,
    /// <c>/?:x</c>, <c>-h:x</c> as a target): that argument, to refuse; null when help was really asked for.
    /// </summary>
    public string? HelpInsideAValue(ParseResult parse, IReadOnlyList<string> args)
    {
        var names = Root.Options.Where(option => option is System.CommandLine.Help.HelpOption or VersionOption)
            .SelectMany(option => option.Aliases.Append(option.Name))
            .ToHashSet(StringComparer.Ordinal);
        if (parse.Action is null || parse.Action == Root.Action || BindValues(args).Any(names.Contains))
        {
            return null;
        }

        return args.FirstOrDefault(arg => names.Any(name => arg.StartsWith(name, StringComparison.Ordinal))) ?? (args.Count > 0 ? args[0] : "");
    }

    /// <summary>
    /// <c>--text -h:x</c> becomes <c>--text=-h:x</c>, which the parser never splits again. An empty value or an exact
    /// option name after a value-taking option is left alone, so <c>--server --yes</c> is still reported as such.
    /// </summary>
    private List<string> BindValues(IReadOnlyList<string> args)
    {
        var options = AllOptions().ToList();
        var names = options.SelectMany(option => option.Aliases.Append(option.Name)).ToHashSet(StringComparer.Ordinal);
        var takesValue = options.Where(option => option.Arity.MaximumNumberOfValues > 0)
            .SelectMany(option => option.Aliases.Append(option.Name))
            .ToHashSet(StringComparer.Ordinal);
        var bound = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            if (takesValue.Contains(args[i]) && i + 1 < args.Count && args[i + 1].Length > 0 && !names.Contains(args[i + 1]))
            {
                bound.Add(args[i] + "=" + args[i + 1]);
                i++;
                continue;
            }

            bound.Add(args[i]);
        }

        return bound;
    }

    private IEnumerable<Option> AllOptions() =>
        Root.Options.Concat(Root.Subcommands.SelectMany(command => command.Options)).Distinct();

    public ListInvocation ReadList(ParseResult parse) =>
        new(parse.GetValue(ListServers) ?? [], parse.GetValue(Json), parse.GetValue(All), parse.GetValue(Client))
        {
            Where = parse.GetValue(ListWhere) is { } where ? BulkSyntax.ParseWhere(where) : null,
        };

    /// <summary>Whether an action command was given <c>--where</c> rather than a target.</summary>
    public bool IsBulk(ParseResult parse) => parse.GetResult(Where) is not null;

    /// <summary>Reads an action command with <c>--where</c> from a parse without errors.</summary>
    public BulkInvocation ReadBulk(ParseResult parse)
    {
        var action = ActionOf(parse.CommandResult.Command);
        var whereText = parse.GetRequiredValue(Where);
        return new BulkInvocation(action, whereText, BulkSyntax.ParseWhere(whereText), parse.GetValue(Server) ?? [])
        {
            Confirmed = parse.GetValue(Yes),
            Max = parse.GetValue(Max) is { } max ? int.Parse(max, CultureInfo.InvariantCulture) : BulkSyntax.DefaultMax,
            Json = parse.GetValue(BulkJson),
            Wait = !parse.GetValue(NoWait),
            MessageText = action == SessionAction.SendMessage ? parse.GetValue(Text) : parse.GetValue(AskMessage),
            MessageTitle = parse.GetValue(Title),
            AskTimeout = parse.GetValue(Timeout) is { } seconds ? TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture)) : null,
            OnNoAnswer = parse.GetValue(OnTimeout) is { } policyText && CliSyntax.TryParsePolicy(policyText, out var policy) ? policy : null,
        };
    }

    private SessionAction ActionOf(Command command) =>
        command == LogOff ? SessionAction.LogOff
        : command == Disconnect ? SessionAction.Disconnect
        : command == Ask ? SessionAction.AskFirst
        : command == Message ? SessionAction.SendMessage
        : throw new InvalidOperationException($"'{command.Name}' is not an action command.");

    /// <summary>Reads an action command from a parse without errors.</summary>
    public ActionInvocation ReadAction(ParseResult parse)
    {
        var action = ActionOf(parse.CommandResult.Command);
        var target = TargetSpec.TryParse(parse.GetRequiredValue(Target), out var problem)
            ?? throw new InvalidOperationException(problem);

        (string, string)? expectedUser = null;
        if (parse.GetValue(ExpectUser) is { } user && CliSyntax.TryParseUser(user, out var domainPart, out var userPart))
        {
            expectedUser = (domainPart, userPart);
        }

        (bool, DateTimeOffset?) expectedLogon = (false, null);
        if (parse.GetValue(ExpectLogon) is { } logon && CliSyntax.TryParseLogon(logon, out var logonTime))
        {
            expectedLogon = (true, logonTime);
        }

        return new ActionInvocation(action, target, ServerNames.Normalize(parse.GetValue(Server)?.FirstOrDefault()))
        {
            ExpectedUser = expectedUser,
            ExpectedLogon = expectedLogon,
            Confirmed = parse.GetValue(Yes),
            Wait = !parse.GetValue(NoWait),
            MessageText = action == SessionAction.SendMessage ? parse.GetValue(Text) : parse.GetValue(AskMessage),
            MessageTitle = parse.GetValue(Title),
            AskTimeout = parse.GetValue(Timeout) is { } seconds ? TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture)) : null,
            OnNoAnswer = parse.GetValue(OnTimeout) is { } policyText && CliSyntax.TryParsePolicy(policyText, out var policy) ? policy : null,
            OutcomeFile = parse.GetValue(OutcomeFile),
        };
    }

    private static void CheckTokens(OptionResult result, Func<string, string?> problemWith)
    {
        foreach (var token in result.Tokens)
        {
            if (problemWith(token.Value) is { } problem)
            {
                result.AddError(problem);
                return;
            }
        }
    }

    private static string? ProblemWithTimeout(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? CliValues.ProblemWithTimeout(CliSyntax.TimeoutOption, seconds)
            : $"{CliSyntax.TimeoutOption} must be a whole number of seconds, not '{value}'.";

    /// <summary>
    /// An option given twice (a flag is not an error to System.CommandLine), and an option swallowed as
    /// the value of the one before it (<c>--server --yes</c>). Free text may say anything, even <c>--yes</c>.
    /// </summary>
    private static void CheckOptionTokens(CommandResult result)
    {
        var names = result.Command.Options.SelectMany(option => option.Aliases.Append(option.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var option in result.Children.OfType<OptionResult>())
        {
            if (option.IdentifierTokenCount > 1 && option.Option.ValueType != typeof(string[]))
            {
                result.AddError($"{option.Option.Name} is given more than once.");
                return;
            }

            var freeText = option.Option.Name is CliSyntax.TextOption or CliSyntax.AskMessageOption or CliSyntax.TitleOption;
            if (!freeText && option.Tokens.FirstOrDefault(token => names.Contains(token.Value)) is { } swallowed)
            {
                result.AddError($"{option.Option.Name} needs a value, but '{swallowed.Value}' is an option.");
                return;
            }
        }
    }

    private void AddValueChecks()
    {
        ListServers.Validators.Add(result => CheckTokens(result, value => CliValues.ProblemWithServer(CliSyntax.ServerOption, value)));
        Server.Validators.Add(result => CheckTokens(result, value => CliValues.ProblemWithServer(CliSyntax.ServerOption, value)));
        Target.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (TargetSpec.TryParse(token.Value, out var problem) is null)
                {
                    result.AddError(problem!);
                    return;
                }
            }
        });
        ListWhere.Validators.Add(result => CheckTokens(result, value => BulkSyntax.ProblemWithWhere(value, forAction: false)));
        Where.Validators.Add(result => CheckTokens(result, value => BulkSyntax.ProblemWithWhere(value, forAction: true)));
        Max.Validators.Add(result => CheckTokens(result, BulkSyntax.ProblemWithMax));
        ExpectUser.Validators.Add(result => CheckTokens(result, value =>
            CliValues.ProblemWithText(CliSyntax.ExpectUserOption, value, CliValues.MaxLength)
            ?? (CliSyntax.TryParseUser(value, out _, out _) ? null : $"{CliSyntax.ExpectUserOption} '{value}' is not DOMAIN\\USER.")));
        ExpectLogon.Validators.Add(result => CheckTokens(result, value =>
            CliValues.ProblemWithText(CliSyntax.ExpectLogonOption, value, CliValues.MaxLength)
            ?? (CliSyntax.TryParseLogon(value, out _)
                ? null
                : $"{CliSyntax.ExpectLogonOption} '{value}' is not an ISO 8601 time with a zone (2026-11-25T08:00:00.0000000Z) or '{CliSyntax.UnknownLogon}'.")));
        AskMessage.Validators.Add(result => CheckTokens(result, value =>
            CliValues.ProblemWithText(CliSyntax.AskMessageOption, value, CliValues.MaxMessageLength, multiline: true)));
        Text.Validators.Add(result => CheckTokens(result, value =>
            CliValues.ProblemWithText(CliSyntax.TextOption, value, CliValues.MaxMessageLength, multiline: true)));
        Title.Validators.Add(result => CheckTokens(result, value =>
            CliValues.ProblemWithText(CliSyntax.TitleOption, value, CliValues.MaxTitleLength)));
        Timeout.Validators.Add(result => CheckTokens(result, ProblemWithTimeout));
        OutcomeFile.Validators.Add(result => CheckTokens(result, value => Core.HelperProtocol.OutcomeFile.ProblemWithPath(CliSyntax.OutcomeFileOption, value)));
        OnTimeout.Validators.Add(result => CheckTokens(result, value =>
            CliSyntax.TryParsePolicy(value, out _)
                ? null
                : $"{CliSyntax.OnTimeoutOption} must be {CliSyntax.KeepPolicy} or {CliSyntax.LogOffPolicy}, not '{value}'."));
    }

    /// <summary>A target, or <c>--where</c> with the options only a group has; never both, never neither.</summary>
    private void CheckTargetOrWhere(CommandResult result)
    {
        var hasTarget = result.GetResult(Target) is { Tokens.Count: > 0 };
        var hasWhere = result.GetResult(Where) is not null;
        string? problem = (hasTarget, hasWhere) switch
        {
            (true, true) => $"Give a target or {BulkSyntax.WhereOption}, not both.",
            (false, false) => $"Give a target (bob, CONTOSO\\bob, #3) or {BulkSyntax.WhereOption} QUERY.",
            (true, false) when result.GetResult(Max) is not null || result.GetResult(BulkJson) is not null =>
                $"{BulkSyntax.MaxOption} and {CliSyntax.JsonOption} go with {BulkSyntax.WhereOption}.",
            (true, false) when result.GetResult(Server) is { Tokens.Count: > 1 } =>
                $"{CliSyntax.ServerOption} is given more than once; several servers go with {BulkSyntax.WhereOption}.",
            (false, true) when result.GetResult(ExpectUser) is not null || result.GetResult(ExpectLogon) is not null =>
                $"{CliSyntax.ExpectUserOption} and {CliSyntax.ExpectLogonOption} name one session; {BulkSyntax.WhereOption} binds each session it lists itself.",
            _ => null,
        };
        if (problem is not null)
        {
            result.AddError(problem);
        }
    }

    private Command ActionCommand(string name, string description, params Option[] extraOptions)
    {
        var command = new Command(name, description) { Target, Server, Yes, ExpectUser, ExpectLogon, Where, Max, BulkJson, OutcomeFile };
        foreach (var option in extraOptions)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(CheckOptionTokens);
        command.Validators.Add(result =>
        {
            var expectsUser = result.GetResult(ExpectUser) is not null;
            var expectsLogon = result.GetResult(ExpectLogon) is not null;
            if (expectsUser && !expectsLogon)
            {
                result.AddError($"{CliSyntax.ExpectUserOption} needs {CliSyntax.ExpectLogonOption} too: a reused session id would pass a check of the user alone.");
            }
            else if (expectsLogon && !expectsUser)
            {
                result.AddError($"{CliSyntax.ExpectLogonOption} needs {CliSyntax.ExpectUserOption} too: a logon time names a session only together with its user.");
            }
        });
        command.Validators.Add(CheckTargetOrWhere);
        return command;
    }
}

/// <summary>The list command as the command line gave it.</summary>
/// <param name="Client">Whether the clients are read and shown (<c>--client</c>).</param>
internal sealed record ListInvocation(IReadOnlyList<string> Servers, bool Json, bool All, bool Client = false)
{
    /// <summary><c>--where</c>: only the sessions this query names.</summary>
    public SessionQuery? Where { get; init; }
}
