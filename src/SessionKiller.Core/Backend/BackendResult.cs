namespace SessionKiller.Core.Backend;

/// <summary>The result of a backend call that returns nothing: success, or a typed failure.</summary>
public readonly record struct BackendResult(BackendFailure? Failure)
{
    public static BackendResult Success => default;

    public bool IsSuccess => Failure is null;

    public static implicit operator BackendResult(BackendFailure failure) => new(failure);
}

/// <summary>The result of a backend call that returns a value, or a typed failure.</summary>
public readonly record struct BackendResult<T>
{
    private BackendResult(T? value, BackendFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public BackendFailure? Failure { get; }

    public bool IsSuccess => Failure is null;

    public static BackendResult<T> Success(T value) => new(value, null);

    public static BackendResult<T> Fail(BackendFailure failure) => new(default, failure);

    public static implicit operator BackendResult<T>(BackendFailure failure) => Fail(failure);
}
