namespace SessionKiller.Core.Backend;

/// <summary>A message box to show in a session.</summary>
/// <param name="Timeout">How long the box waits for an answer; zero waits for ever.</param>
/// <param name="Wait">Whether the call returns only once the box is answered or timed out.</param>
public sealed record MessageRequest(
    string ServerName,
    int SessionId,
    string Title,
    string Text,
    MessageButtons Buttons,
    TimeSpan Timeout,
    bool Wait);

public enum MessageButtons
{
    Ok,
    YesNo,
}

/// <summary>What came back from a message box.</summary>
public enum MessageAnswer
{
    Yes,
    No,
    Timeout,
    Ok,
    NotWaited,
}
