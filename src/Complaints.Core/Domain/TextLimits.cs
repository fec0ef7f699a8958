namespace Complaints.Core.Domain;

/// <summary>
/// The one place that names how long each kind of text may be. Every constructor, verb and fact that takes text
/// checks it against these limits, so anything the aggregate accepts is accepted everywhere downstream.
/// </summary>
public static class TextLimits
{
    /// <summary>The most characters in a name or code: ids, teams, assignees, roles, bodies, references, root-cause codes, target and holiday names.</summary>
    public const int Name = 128;

    /// <summary>The most characters in a complaint id.</summary>
    public const int Id = 64;

    /// <summary>The most characters in a short label: a customer tier or segment.</summary>
    public const int Label = 64;

    /// <summary>The most characters in one segment of a <see cref="Category"/>.</summary>
    public const int CategorySegment = 100;

    /// <summary>The most characters in contact details.</summary>
    public const int Contact = 256;

    /// <summary>The most characters in a description: a remedy's description or one step of a root cause's why-chain.</summary>
    public const int Description = 2_000;

    /// <summary>The most characters in a summary: the outcome a customer wants, a deadline rule's source.</summary>
    public const int Summary = 4_000;

    /// <summary>The most characters in free text: a complaint's description, a message, a note, a reason or a question.</summary>
    public const int Text = 20_000;
}
