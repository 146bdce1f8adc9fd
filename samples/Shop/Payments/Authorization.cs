namespace Shop.Payments;

/// <summary>The card processor's answer: an authorization id, or the reason it declined.</summary>
public sealed record Authorization(string? Id, string? DeclineReason)
{
    /// <summary>Whether the charge went through.</summary>
    public bool Approved => Id is not null;
}
