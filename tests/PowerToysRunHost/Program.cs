using System.Globalization;
using System.Text.Json;
using PowerToysRunHost;
using Wox.Plugin;

// PowerToysRunHost <plugin folder> <step>...: loads the folder as PowerToys Run does, then runs the steps in order and
// writes one JSON line per step. Steps: init | settings:<Key>=<true|false>[,...] | query:<text> | delayed:<text> |
// menu:<result> | enter:<result> | menu-enter:<result>:<item> | notification:<seconds> | dispose.
// <result> is an index into the last query's results. Exit code 1 and an "error" line when a step fails.
var output = Console.Out;
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: PowerToysRunHost <plugin folder> <step>...");
    return 2;
}

HostSession session;
try
{
    session = HostSession.Load(args[0]);
    var (referenced, host) = session.WoxPluginVersions();
    Write(new { step = "load", type = session.Plugin.GetType().FullName, woxPluginReferenced = referenced.ToString(), woxPluginHost = host.ToString() });
}
catch (PluginLoadException problem)
{
    Write(new { step = "error", message = "fail to load: " + problem.Message });
    return 1;
}

List<Result> results = [];
foreach (var step in args.Skip(1))
{
    var parts = step.Split(':', 2);
    var argument = parts.Length > 1 ? parts[1] : "";
    try
    {
        switch (parts[0])
        {
            case "init":
                session.Init();
                Write(new { step = "init" });
                break;
            case "settings":
                session.UpdateSettings(argument.Split(',').Select(pair => pair.Split('=')).ToDictionary(pair => pair[0], pair => bool.Parse(pair[1])));
                Write(new { step = "settings" });
                break;
            case "query" or "delayed":
                results = session.Query(argument, delayed: parts[0] == "delayed");
                Write(new { step = parts[0], results = results.Select(r => new { title = r.Title, subTitle = r.SubTitle, score = r.Score }) });
                break;
            case "menu":
                var items = session.ContextMenu(results[Index(argument)]);
                Write(new { step = "menu", items = items.Select(item => new { title = item.Title, key = item.AcceleratorKey.ToString(), modifiers = item.AcceleratorModifiers.ToString() }) });
                break;
            case "enter":
                Write(new { step = "enter", hide = HostSession.Press(results[Index(argument)].Action) });
                break;
            case "menu-enter":
                var at = argument.Split(':');
                var item = session.ContextMenu(results[Index(at[0])])[Index(at[1])];
                Write(new { step = "menu-enter", title = item.Title, hide = HostSession.Press(item.Action) });
                break;
            case "notification":
                var notification = session.Api.NextNotification(TimeSpan.FromSeconds(double.Parse(argument, CultureInfo.InvariantCulture)));
                Write(new { step = "notification", text = notification?.Text, secondary = notification?.Secondary });
                break;
            case "dispose":
                session.Dispose();
                Write(new { step = "dispose" });
                break;
            default:
                throw new ArgumentException($"unknown step {step}");
        }
    }
    catch (Exception problem)
    {
        // A plugin call that throws would be PowerToys Run's problem too: the step says so, the run stops.
        Write(new { step = "error", message = $"{step}: {problem.GetType().Name}: {problem.Message}" });
        return 1;
    }
}

return 0;

static int Index(string text) => int.Parse(text, CultureInfo.InvariantCulture);

void Write(object line)
{
    output.WriteLine(JsonSerializer.Serialize(line));
    output.Flush();
}
