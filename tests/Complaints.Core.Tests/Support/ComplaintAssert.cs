using System.Collections;
using System.Reflection;
using Complaints.Core.Lifecycle;

namespace Complaints.Core.Tests.Support;

/// <summary>Compares complaints by every public property, lists item by item.</summary>
internal static class ComplaintAssert
{
    /// <summary>Asserts two complaints report the same: every public property of the complaint and of its snapshot.</summary>
    public static void Same(Complaint expected, Complaint actual)
    {
        SameProperties(expected, actual, nameof(Complaint.Snapshot));
        SameProperties(expected.Snapshot, actual.Snapshot);
    }

    /// <summary>Asserts two objects have equal public instance properties; collections are compared item by item.</summary>
    public static void SameProperties<TObject>(TObject expected, TObject actual, params string[] skip)
    {
        foreach (var property in typeof(TObject).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (skip.Contains(property.Name) || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var e = property.GetValue(expected);
            var a = property.GetValue(actual);
            if (e is IEnumerable items and not string && a is IEnumerable others)
            {
                var left = items.Cast<object>().ToArray();
                var right = others.Cast<object>().ToArray();
                Assert.True(left.SequenceEqual(right), $"{typeof(TObject).Name}.{property.Name}: [{string.Join(", ", left)}] != [{string.Join(", ", right)}]");
            }
            else
            {
                Assert.True(Equals(e, a), $"{typeof(TObject).Name}.{property.Name}: {e} != {a}");
            }
        }
    }
}
