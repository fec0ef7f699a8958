namespace Complaints.Core.Domain;

/// <summary>The kinds of remedy a complaint can be resolved with.</summary>
public enum RemedyType
{
    /// <summary>Money paid back. Needs an amount.</summary>
    Refund,

    /// <summary>The product replaced. The amount, when given, is its value.</summary>
    Replacement,

    /// <summary>The product repaired. The amount, when given, is its cost.</summary>
    Repair,

    /// <summary>A price reduction. Needs an amount.</summary>
    Discount,

    /// <summary>A gift card or voucher. Needs an amount.</summary>
    GiftCard,

    /// <summary>An upgrade of product or service. The amount, when given, is its value.</summary>
    Upgrade,

    /// <summary>Credit on the customer's account. Needs an amount.</summary>
    Credit,

    /// <summary>An apology. Takes no amount.</summary>
    Apology,

    /// <summary>An explanation of what happened and why. Takes no amount.</summary>
    Explanation,
}
