namespace Complaints.Core.Domain;

/// <summary>The channel through which feedback arrived.</summary>
public enum Channel
{
    /// <summary>Telephone or hotline.</summary>
    Phone,

    /// <summary>Email.</summary>
    Email,

    /// <summary>Live chat or messaging.</summary>
    Chat,

    /// <summary>A web form.</summary>
    WebForm,

    /// <summary>A social-media post or message.</summary>
    SocialMedia,

    /// <summary>In person, at a branch or desk.</summary>
    InPerson,

    /// <summary>A letter.</summary>
    Letter,

    /// <summary>A public review platform.</summary>
    ReviewPlatform,

    /// <summary>Forwarded by a regulator, ombudsman or legal body.</summary>
    RegulatorOrLegalBody,
}
