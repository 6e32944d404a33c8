using CsCheck;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Safety;

/// <summary>
/// Generated interleavings of listing, ids passing to other users, users signing in again, sessions
/// vanishing, and actions (with the world changing while a confirmation or a question is open): no
/// action may ever reach a session whose identity differs from the one that was shown.
/// </summary>
public class IdentityInterleavingTests
{
    public const int Interleavings = 10_000;

    private static readonly string[] Users = ["bob", "eve", "alice"];

    private static readonly Gen<int> Id = Gen.Int[1, 4];

    private static readonly Gen<Step> Change = Gen.OneOf<Step>(
        Gen.Select(Id, Gen.Int[0, Users.Length - 1], (id, user) => (Step)new PassTo(id, Users[user])),
        Id.Select(id => (Step)new SignInAgain(id)),
        Id.Select(id => (Step)new Vanish(id)));

    private static readonly Gen<Step> Action = Gen.Select(
        Gen.Int[0, 7],
        Gen.Enum<SessionAction>(),
        Gen.OneOf(Gen.Const(MessageAnswer.Yes), Gen.Const(MessageAnswer.No), Gen.Const(MessageAnswer.Timeout)),
        Gen.Select(Change.Array[0, 2], Change.Array[0, 2], Gen.Bool, Gen.Enum<TimeoutPolicy>()),
        (pick, action, answer, rest) => (Step)new Act(pick, action, answer, rest.Item1, rest.Item2, rest.Item3, rest.Item4));

    private static readonly Gen<Step[]> Script = Gen.Frequency(
        (3, Gen.Const((Step)new List())),
        (4, Change),
        (4, Action)).Array[1, 14];

    private static readonly Gen<(int User, int Id)[]> InitialSessions =
        Gen.Select(Gen.Int[0, Users.Length - 1], Id).Array[0, 4];

    [Fact]
    public void No_action_ever_reaches_a_session_whose_identity_differs_from_the_one_shown()
    {
        var tally = new Tally();

        Gen.Select(InitialSessions, Script).Sample(
            (initial, script) =>
            {
                var world = new World();
                foreach (var (user, id) in initial)
                {
                    world.Apply(new PassTo(id, Users[user]));
                }

                var violations = Play(world, script, tally);
                Assert.True(violations.Count == 0, string.Join("; ", violations));
            },
            iter: Interleavings,
            threads: 1);

        // The property means something only if actions both went through and were stopped.
        Assert.True(tally.Done > Interleavings / 10, $"only {tally.Done} actions were carried out");
        Assert.True(tally.Stopped > Interleavings / 10, $"only {tally.Stopped} actions were stopped by the identity check");
        Assert.True(tally.StoppedDuringPrompt > 0, "no change while a confirmation was open was generated");
        Assert.True(tally.StoppedDuringQuestion > 0, "no change while a question was open was generated");
    }

    private static List<string> Play(World world, Step[] script, Tally tally)
    {
        var backend = new WorldBackend(world);
        var shown = world.List();
        foreach (var step in script)
        {
            switch (step)
            {
                case List:
                    shown = world.List();
                    break;
                case Act act when shown.Count > 0:
                    var target = shown[act.Pick % shown.Count];
                    var prompt = new ChangingPrompt(world, act.DuringPrompt, act.Confirm);
                    backend.Expect(target.Identity, act.Answer, act.DuringQuestion);
                    var settings = SessionKillerSettings.Default with { OnNoAnswer = act.Policy };
                    var runner = new ActionRunner(backend, prompt, new NoAudit(), new RunnerContext(@"CONTOSO\admin", settings));
                    var outcome = runner.RunAsync(new ActionRequest(act.Action, target.Identity) { MessageText = "hello" }).GetAwaiter().GetResult();
                    tally.Count(outcome.Kind, prompt.Changed, backend.ChangedDuringQuestion);
                    break;
                case Act:
                    break;
                default:
                    world.Apply(step);
                    break;
            }
        }

        return backend.Violations;
    }

    private abstract record Step;

    private sealed record List : Step;

    private sealed record PassTo(int Id, string User) : Step;

    private sealed record SignInAgain(int Id) : Step;

    private sealed record Vanish(int Id) : Step;

    private sealed record Act(int Pick, SessionAction Action, MessageAnswer Answer, Step[] DuringPrompt, Step[] DuringQuestion, bool Confirm, TimeoutPolicy Policy) : Step;

    private sealed class Tally
    {
        public int Done { get; private set; }

        public int Stopped { get; private set; }

        public int StoppedDuringPrompt { get; private set; }

        public int StoppedDuringQuestion { get; private set; }

        public void Count(OutcomeKind kind, bool changedDuringPrompt, bool changedDuringQuestion)
        {
            if (kind == OutcomeKind.Done)
            {
                Done++;
            }

            if (kind is OutcomeKind.Changed or OutcomeKind.Gone)
            {
                Stopped++;
                StoppedDuringPrompt += changedDuringPrompt ? 1 : 0;
                StoppedDuringQuestion += changedDuringQuestion ? 1 : 0;
            }
        }
    }

    /// <summary>One server's sessions; every sign-in gets a logon time no other sign-in had.</summary>
    private sealed class World
    {
        private readonly Dictionary<int, SessionInfo> sessions = [];
        private long signIns;

        public IReadOnlyList<SessionInfo> List() => [.. sessions.Values.OrderBy(session => session.SessionId)];

        public SessionInfo? Find(int id) => sessions.GetValueOrDefault(id);

        public void Remove(int id) => sessions.Remove(id);

        public void Disconnect(int id) => sessions[id] = sessions[id] with { State = SessionState.Disconnected };

        public void Apply(Step change)
        {
            switch (change)
            {
                case PassTo pass:
                    sessions[pass.Id] = TestSessions.User(pass.User, id: pass.Id, logon: TestSessions.Now.AddTicks(++signIns));
                    break;
                case SignInAgain again when sessions.TryGetValue(again.Id, out var session):
                    sessions[again.Id] = session with { LogonTime = TestSessions.Now.AddTicks(++signIns), State = SessionState.Active };
                    break;
                case Vanish vanish:
                    sessions.Remove(vanish.Id);
                    break;
            }
        }
    }

    /// <summary>A backend over the world that records every action reaching a session other than the one shown.</summary>
    private sealed class WorldBackend(World world) : ISessionBackend
    {
        private SessionIdentity? shown;
        private MessageAnswer answer;
        private Step[] duringQuestion = [];

        public List<string> Violations { get; } = [];

        public bool ChangedDuringQuestion { get; private set; }

        public void Expect(SessionIdentity identity, MessageAnswer reply, Step[] changes)
        {
            shown = identity;
            answer = reply;
            duringQuestion = changes;
            ChangedDuringQuestion = false;
        }

        public Task<BackendResult<IReadOnlyList<SessionInfo>>> EnumerateSessionsAsync(string serverName, CancellationToken cancellationToken) =>
            Task.FromResult(BackendResult<IReadOnlyList<SessionInfo>>.Success(world.List()));

        public Task<BackendResult> LogOffAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken)
        {
            if (!Reaches(sessionId, "log off"))
            {
                return Task.FromResult(new BackendResult(BackendFailure.SessionGone()));
            }

            world.Remove(sessionId);
            return Task.FromResult(BackendResult.Success);
        }

        public Task<BackendResult> DisconnectAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken)
        {
            if (!Reaches(sessionId, "disconnect"))
            {
                return Task.FromResult(new BackendResult(BackendFailure.SessionGone()));
            }

            world.Disconnect(sessionId);
            return Task.FromResult(BackendResult.Success);
        }

        public Task<BackendResult<MessageAnswer>> SendMessageAsync(MessageRequest request, CancellationToken cancellationToken)
        {
            if (!Reaches(request.SessionId, "message"))
            {
                return Task.FromResult(BackendResult<MessageAnswer>.Fail(BackendFailure.SessionGone()));
            }

            if (!request.Wait)
            {
                return Task.FromResult(BackendResult<MessageAnswer>.Success(MessageAnswer.NotWaited));
            }

            // The user reads the question; the world goes on meanwhile.
            foreach (var change in duringQuestion)
            {
                world.Apply(change);
                ChangedDuringQuestion = true;
            }

            return Task.FromResult(BackendResult<MessageAnswer>.Success(answer));
        }

        public Task<BackendResult<IReadOnlyList<SessionProcess>>> ListProcessesAsync(string serverName, int sessionId, CancellationToken cancellationToken) =>
            Task.FromResult(BackendResult<IReadOnlyList<SessionProcess>>.Success([]));

        private bool Reaches(int sessionId, string what)
        {
            var now = world.Find(sessionId);
            if (now?.Identity != shown)
            {
                Violations.Add($"{what} reached session {sessionId} as {now?.Identity.ToString() ?? "nobody"} (logon {now?.LogonTime:O}), but {shown} (logon {shown?.LogonTime:O}) was shown");
                return false;
            }

            return true;
        }
    }

    /// <summary>The admin takes a while to answer the confirmation; the world changes meanwhile.</summary>
    private sealed class ChangingPrompt(World world, Step[] changes, bool answer) : IConfirmationPrompt
    {
        public bool Changed { get; private set; }

        public Task<bool> ConfirmAsync(Confirmation confirmation, CancellationToken cancellationToken)
        {
            foreach (var change in changes)
            {
                world.Apply(change);
                Changed = true;
            }

            return Task.FromResult(answer);
        }
    }

    private sealed class NoAudit : IAuditLog
    {
        public string Location => "nowhere";

        public AuditWrite TryAppend(AuditEntry entry) => AuditWrite.Written;
    }
}
