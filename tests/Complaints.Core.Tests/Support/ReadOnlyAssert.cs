using System.Collections;
using System.Reflection;

namespace Complaints.Core.Tests.Support;

/// <summary>Tries every way a caller could change a collection handed out by the library.</summary>
internal static class ReadOnlyAssert
{
    /// <summary>
    /// Casts the value to each mutable collection type and tries to change it. Returns what succeeded (empty when
    /// every cast is impossible or every change throws <see cref="NotSupportedException"/> and leaves the items as they were).
    /// </summary>
    public static IReadOnlyList<string> Mutations(IEnumerable value)
    {
        var before = value.Cast<object?>().ToArray();
        var changed = new List<string>();
        var type = value.GetType();
        if (type.IsArray || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)))
        {
            changed.Add($"is a {type.Name}");
        }

        if (value is IList list)
        {
            Try(changed, "IList.Add", () => list.Add(before.FirstOrDefault()));
            if (before.Length > 0)
            {
                Try(changed, "IList[0] = ", () => list[0] = before[0]);
            }

            Try(changed, "IList.Clear", list.Clear);
        }

        if (value is IDictionary dictionary)
        {
            Try(changed, "IDictionary.Clear", dictionary.Clear);
        }

        foreach (var collection in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>)))
        {
            var item = before.FirstOrDefault(i => i is not null && collection.GenericTypeArguments[0].IsInstanceOfType(i));
            if (item is not null)
            {
                Try(changed, $"{Name(collection)}.Add", () => collection.GetMethod("Add")!.Invoke(value, [item]));
            }

            Try(changed, $"{Name(collection)}.Clear", () => collection.GetMethod("Clear")!.Invoke(value, null));
        }

        if (!before.SequenceEqual(value.Cast<object?>()))
        {
            changed.Add("items changed");
        }

        return changed;
    }

    /// <summary>Asserts a collection cannot be changed by any cast.</summary>
    public static void CannotMutate(IEnumerable value) => Assert.Empty(Mutations(value));

    private static string Name(Type t) => $"{t.Name}<{t.GenericTypeArguments[0].Name}>";

    private static void Try(List<string> changed, string what, Action mutate)
    {
        try
        {
            mutate();
            changed.Add(what);
        }
        catch (NotSupportedException)
        {
        }
        catch (TargetInvocationException ex) when (ex.InnerException?.GetType() == typeof(NotSupportedException))
        {
        }
    }
}
