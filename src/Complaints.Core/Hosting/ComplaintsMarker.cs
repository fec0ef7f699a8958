namespace Complaints.Core.Hosting;

/// <summary>
/// Marks a service collection that <see cref="Microsoft.Extensions.DependencyInjection.ComplaintsServiceCollectionExtensions.AddComplaints"/>
/// has registered with, so a second call adds nothing twice whichever services the host registered itself.
/// </summary>
internal sealed class ComplaintsMarker
{
    /// <summary>Gets the one instance registered.</summary>
    public static ComplaintsMarker Instance { get; } = new();

    private ComplaintsMarker()
    {
    }
}
