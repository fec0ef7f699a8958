using System.Reflection;
using System.Reflection.Emit;
using Complaints.Core.Lifecycle;

namespace Complaints.Core.Tests;

/// <summary>
/// Pins the house plan: each folder (namespace) of the library uses only the ones below it. Every type's signatures,
/// fields, attributes and the types and members its method bodies refer to (read from the IL) are checked.
/// </summary>
public sealed class LayeringTests
{
    private const string Root = "Complaints.Core.";

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Domain"] = [],
        ["Calendars"] = ["Domain"],
        ["Deadlines"] = ["Domain", "Calendars"],
        ["History"] = ["Domain"],
        ["Lifecycle"] = ["Domain", "History"],
        ["Sla"] = ["Domain", "History", "Calendars", "Deadlines"],
        ["Policies"] = ["Domain", "History", "Calendars", "Deadlines", "Lifecycle", "Sla"],
        ["Metrics"] = ["Domain", "History", "Calendars", "Deadlines", "Sla"],
        ["Desk"] = ["Domain", "History", "Calendars", "Deadlines", "Lifecycle", "Sla", "Policies", "Metrics"],
        ["Hosting"] = ["Domain", "History", "Calendars", "Deadlines", "Lifecycle", "Sla", "Policies", "Metrics", "Desk"],
    };

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static string? Layer(Type? type)
    {
        while (type is { IsNested: true })
        {
            type = type.DeclaringType;
        }

        var ns = type?.Namespace;
        if (ns is null || !ns.StartsWith(Root, StringComparison.Ordinal))
        {
            // The DI extension class lives in Microsoft.Extensions.DependencyInjection by convention; it is Hosting.
            return type?.Assembly == typeof(Complaint).Assembly && type.Name.StartsWith("Complaints", StringComparison.Ordinal) ? "Hosting" : null;
        }

        var rest = ns[Root.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType()!))
            {
                yield return inner;
            }

            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }

    private static IEnumerable<Type> Referenced(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var item in type.GetInterfaces())
        {
            yield return item;
        }

        foreach (var attribute in type.GetCustomAttributesData())
        {
            yield return attribute.AttributeType;
            foreach (var argument in attribute.ConstructorArguments.Where(a => a.Value is Type))
            {
                yield return (Type)argument.Value!;
            }
        }

        foreach (var field in type.GetFields(all))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(all))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var used in BodyReferences(method))
            {
                yield return used;
            }
        }
    }

    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method is MethodInfo { IsGenericMethod: true } m ? m.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var opCode = OpCodesByValue[value];
            var size = opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
                _ => 4,
            };
            if (opCode.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, position);
                MemberInfo? member = null;
                try
                {
                    member = module.ResolveMember(token, typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    // A token into a generic context the reflection API cannot close; its declaring type is still checked elsewhere.
                }

                if (member is Type t)
                {
                    yield return t;
                }
                else if (member is not null)
                {
                    yield return member.DeclaringType!;
                    if (member is MethodInfo called)
                    {
                        yield return called.ReturnType;
                    }
                    else if (member is FieldInfo field)
                    {
                        yield return field.FieldType;
                    }
                }
            }

            position += size;
        }
    }

    [Fact]
    public void EachFolder_UsesOnlyTheFoldersBelowIt()
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in typeof(Complaint).Assembly.GetTypes())
        {
            var layer = Layer(type);
            if (layer is null || layer == "Hosting")
            {
                continue;
            }

            Assert.True(Allowed.ContainsKey(layer), $"Namespace {type.Namespace} is not in the house plan.");
            foreach (var used in Referenced(type).SelectMany(Expand))
            {
                var usedLayer = Layer(used);
                if (usedLayer is not null && usedLayer != layer && !Allowed[layer].Contains(usedLayer))
                {
                    violations.Add($"{type.FullName} ({layer}) uses {used.FullName} ({usedLayer})");
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void LayerCheck_FindsAReferenceInAMethodBody()
    {
        // The check must see through bodies: Complaint.Restore calls ComplaintSnapshot.Apply, a History member.
        var restore = typeof(Complaint).GetMethod(nameof(Complaint.Restore))!;

        Assert.Contains(BodyReferences(restore), t => Layer(t) == "History");
    }
}
