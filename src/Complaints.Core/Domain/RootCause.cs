namespace Complaints.Core.Domain;

/// <summary>Why the problem happened: a cause code and the chain of answers to "why?" (the five whys).</summary>
public sealed record RootCause
{
    /// <summary>Initializes a new instance of the <see cref="RootCause"/> class.</summary>
    /// <param name="code">The cause code from the host's catalogue, for example <c>PROCESS.BILLING.LATE-RUN</c>.</param>
    /// <param name="whys">The answers to successive "why?" questions, first to last; may be empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> or <paramref name="whys"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty or too long, or a why is null or empty.</exception>
    public RootCause(string code, IReadOnlyList<string> whys)
    {
        Code = Guard.Text(code, nameof(code), TextLimits.Name);
        ArgumentNullException.ThrowIfNull(whys);
        var list = whys.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            Guard.Text(list[i], $"{nameof(whys)}[{i}]", TextLimits.Description);
        }

        Whys = Array.AsReadOnly(list);
    }

    /// <summary>Gets the cause code.</summary>
    public string Code { get; }

    /// <summary>Gets the why-chain, first to last.</summary>
    public IReadOnlyList<string> Whys { get; }

    /// <summary>Gets whether another root cause has the same code and the same why-chain.</summary>
    /// <param name="other">The other root cause.</param>
    /// <returns><see langword="true"/> if the code and every why are equal.</returns>
    public bool Equals(RootCause? other) =>
        other is not null && Code == other.Code && Sequences.Equal(Whys, other.Whys);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Sequences.Hash(Whys));
}
