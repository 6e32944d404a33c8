using System.Text;
using SessionKiller.Core.Actions;
using SessionKiller.Core.HelperProtocol;

namespace SessionKiller.Core.Tests.HelperProtocol;

/// <summary>
/// The helper runs elevated and writes into a folder its user can write to: it creates only a new file,
/// through no link; the plugin believes only one well-formed line from the process it started.
/// </summary>
public sealed class OutcomeFileTests : IDisposable
{
    private const int HelperId = 4242;
    private readonly string folder = Directory.CreateTempSubdirectory("sk-outcome-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string NewPath() => OutcomeFile.NewPath(folder);

    private static void WriteOutcome(string path, HelperOutcome outcome)
    {
        using var stream = OutcomeFile.Create(path);
        OutcomeFile.Write(stream, outcome);
    }

    [Fact]
    public void The_exact_outcome_the_sentence_and_the_audit_log_come_back()
    {
        var path = NewPath();
        var written = new HelperOutcome(OutcomeKind.NoAnswer, "bob did not answer: still signed in.", HelperId) { Audited = false, AuditLogPath = @"C:\ProgramData\SessionKiller\audit.jsonl" };
        WriteOutcome(path, written);

        Assert.Equal(written, OutcomeFile.TryRead(path, HelperId, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_file_already_there_is_refused_and_kept_as_it_was()
    {
        var path = NewPath();
        File.WriteAllText(path, "planted");

        Assert.Throws<IOException>(() => OutcomeFile.Create(path));
        Assert.Equal("planted", File.ReadAllText(path));
    }

    [Fact]
    public void A_link_planted_at_the_name_is_refused_and_what_it_points_to_is_untouched()
    {
        var victim = Path.Combine(folder, "victim.txt");
        File.WriteAllText(victim, "precious");
        var path = NewPath();
        File.CreateSymbolicLink(path, victim);

        Assert.Throws<IOException>(() => OutcomeFile.Create(path));
        Assert.Equal("precious", File.ReadAllText(victim));
    }

    [Fact]
    public void A_dangling_link_planted_at_the_name_creates_nothing_where_it_points()
    {
        var victim = Path.Combine(folder, "would-be-created.dll");
        var path = NewPath();
        File.CreateSymbolicLink(path, victim);

        Assert.Throws<IOException>(() => OutcomeFile.Create(path));
        Assert.False(File.Exists(victim));
    }

    [Fact]
    public void A_folder_that_is_a_link_is_refused()
    {
        var real = Directory.CreateDirectory(Path.Combine(folder, "real")).FullName;
        var linked = Path.Combine(folder, "linked");
        Directory.CreateSymbolicLink(linked, real);

        var problem = Assert.Throws<IOException>(() => OutcomeFile.Create(OutcomeFile.NewPath(linked)));

        Assert.Contains("link", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(real));
    }

    [Theory]
    [InlineData("sessionkiller-outcome-0123456789abcdef0123456789abcdef.json", true)]
    [InlineData("audit.jsonl", false)]
    [InlineData("sessionkiller-outcome-0123456789abcdef0123456789abcdef.dll", false)]
    [InlineData("sessionkiller-outcome-0123456789ABCDEF0123456789abcdef.json", false)]
    [InlineData("sessionkiller-outcome-.json", false)]
    public void Only_a_full_path_to_a_name_the_plugin_gives_is_accepted(string name, bool accepted)
    {
        Assert.Equal(accepted, OutcomeFile.ProblemWithPath("--outcome-file", Path.Combine(folder, name)) is null);
        Assert.NotNull(OutcomeFile.ProblemWithPath("--outcome-file", name));
        Assert.Null(OutcomeFile.ProblemWithPath("--outcome-file", NewPath()));
    }

    [Fact]
    public void An_outcome_from_another_process_is_not_believed()
    {
        var path = NewPath();
        WriteOutcome(path, new HelperOutcome(OutcomeKind.Done, "bob was signed out.", HelperId + 1));

        Assert.Null(OutcomeFile.TryRead(path, HelperId, out var problem));
        Assert.Contains("another process", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"kind\":\"Done\",\"sentence\":\"ok\",\"pid\":4242,\"audited\":true}")]
    [InlineData("{\"kind\":\"Done\",\"sentence\":\"ok\",\"pid\":4242,\"audited\":true}\n{\"kind\":\"Failed\",\"sentence\":\"x\",\"pid\":4242,\"audited\":true}\n")]
    [InlineData("{\"kind\":\"Bogus\",\"sentence\":\"ok\",\"pid\":4242,\"audited\":true}\n")]
    [InlineData("{\"kind\":\"99\",\"sentence\":\"ok\",\"pid\":4242,\"audited\":true}\n")]
    [InlineData("{\"kind\":\"done\",\"sentence\":\"ok\",\"pid\":4242,\"audited\":true}\n")]
    [InlineData("{\"kind\":\"Done\",\"pid\":4242,\"audited\":true}\n")]
    [InlineData("{\"kind\":\"Done\",\"sentence\":\"ok\\u202Eko\",\"pid\":4242,\"audited\":true}\n")]
    [InlineData("{\"kind\":\"Done\",\"sentence\":\"\",\"pid\":4242,\"audited\":true}\n")]
    [InlineData("not json\n")]
    [InlineData("")]
    public void A_malformed_outcome_is_refused_with_a_reason(string content)
    {
        var path = NewPath();
        File.WriteAllText(path, content, new UTF8Encoding(false));

        Assert.Null(OutcomeFile.TryRead(path, HelperId, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void An_outcome_larger_than_the_bound_is_not_read()
    {
        var path = NewPath();
        File.WriteAllText(path, "{\"kind\":\"Done\",\"sentence\":\"" + new string('a', OutcomeFile.MaxBytes) + "\",\"pid\":4242,\"audited\":true}\n");

        Assert.Null(OutcomeFile.TryRead(path, HelperId, out var problem));
        Assert.Contains("too large", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_outcome_says_the_helper_wrote_none()
    {
        Assert.Null(OutcomeFile.TryRead(NewPath(), HelperId, out var problem));
        Assert.Contains("no outcome", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_sentence_is_shortened_to_what_the_reader_takes()
    {
        var path = NewPath();
        WriteOutcome(path, new HelperOutcome(OutcomeKind.Failed, new string('x', 5000), HelperId));

        Assert.Equal(CliValues.MaxMessageLength, OutcomeFile.TryRead(path, HelperId, out _)!.Sentence.Length);
    }
}
