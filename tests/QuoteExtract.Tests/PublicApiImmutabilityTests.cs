using System.Collections.Immutable;
using System.Reflection;

namespace QuoteExtract.Tests;

/// <summary>
/// The public API is immutable (as NodaTime checks its own): every public class is sealed, static or abstract;
/// no property has a public setter other than <c>init</c>; no field is public and writable; structs are
/// readonly; no property or field hands out a mutable array or collection.
/// </summary>
public class PublicApiImmutabilityTests
{
    [Fact]
    public void Public_api_of_the_library_is_immutable()
    {
        Type[] exported = typeof(NewsTokenizer).Assembly.GetExportedTypes();
        Assert.NotEmpty(exported);
        Assert.Contains(typeof(Token), exported);
        List<string> violations = ImmutabilityViolations(exported);
        Assert.True(violations.Count == 0, "Mutable public API:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Rules_name_each_offending_member()
    {
        List<string> violations = ImmutabilityViolations(
        [
            typeof(Samples.Unsealed), typeof(Samples.WithSetter), typeof(Samples.WithStaticSetter), typeof(Samples.WithField),
            typeof(Samples.MutableStruct), typeof(Samples.WithArray), typeof(Samples.WithList), typeof(Samples.ISettable),
        ]);
        string all = string.Join("\n", violations);
        Assert.Contains("Samples+Unsealed: class is neither sealed, static nor abstract", all, StringComparison.Ordinal);
        Assert.Contains("Samples+WithSetter.Value: public setter is not init", all, StringComparison.Ordinal);
        Assert.Contains("Samples+WithStaticSetter.Shared: public setter is not init", all, StringComparison.Ordinal);
        Assert.Contains("Samples+WithField.Count: public field is writable", all, StringComparison.Ordinal);
        Assert.Contains("Samples+MutableStruct: struct is not readonly", all, StringComparison.Ordinal);
        Assert.Contains("Samples+WithArray.Items: exposes mutable Int32[]", all, StringComparison.Ordinal);
        Assert.Contains("Samples+WithList.Items: exposes mutable List`1", all, StringComparison.Ordinal);
        Assert.Contains("Samples+ISettable.Value: public setter is not init", all, StringComparison.Ordinal);
        Assert.Equal(8, violations.Count);
    }

    [Fact]
    public void Rules_accept_immutable_shapes()
    {
        List<string> violations = ImmutabilityViolations(
        [
            typeof(Samples.Immutable), typeof(Samples.ReadonlyStruct), typeof(Samples.Record), typeof(Samples.Helpers),
            typeof(Samples.Base), typeof(Samples.Kind), typeof(Samples.Enumerator), typeof(Samples.Callback),
        ]);
        Assert.Empty(violations);
    }

    /// <summary>Every rule broken by <paramref name="types"/>, each naming the type or member.</summary>
    internal static List<string> ImmutabilityViolations(IEnumerable<Type> types)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var violations = new List<string>();
        foreach (Type type in types)
        {
            string name = type.FullName ?? type.Name;
            if (type.IsEnum || typeof(Delegate).IsAssignableFrom(type))
            {
                continue; // enums and delegates are immutable by construction
            }

            if (type.IsClass && !type.IsSealed && !type.IsAbstract)
            {
                violations.Add($"{name}: class is neither sealed, static nor abstract");
            }

            if (type.IsValueType && !HasAttribute(type, "System.Runtime.CompilerServices.IsReadOnlyAttribute") && !IsRefStructEnumerator(type))
            {
                violations.Add($"{name}: struct is not readonly");
            }

            foreach (PropertyInfo property in type.GetProperties(Declared))
            {
                MethodInfo? setter = property.SetMethod;
                if (setter is not null && IsVisible(setter) && !IsInitOnly(setter))
                {
                    violations.Add($"{name}.{property.Name}: public setter is not init");
                }

                if (property.GetMethod is { } getter && IsVisible(getter) && IsMutableCollection(property.PropertyType))
                {
                    violations.Add($"{name}.{property.Name}: exposes mutable {property.PropertyType.Name}");
                }
            }

            foreach (FieldInfo field in type.GetFields(Declared))
            {
                if (!(field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly) || field.IsLiteral)
                {
                    continue;
                }

                if (!field.IsInitOnly)
                {
                    violations.Add($"{name}.{field.Name}: public field is writable");
                }

                if (IsMutableCollection(field.FieldType))
                {
                    violations.Add($"{name}.{field.Name}: exposes mutable {field.FieldType.Name}");
                }
            }
        }

        return violations;
    }

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    /// <summary>An init accessor carries the modreq IsExternalInit on its return parameter.</summary>
    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static bool HasAttribute(Type type, string fullName) => type.CustomAttributes.Any(a => a.AttributeType.FullName == fullName);

    /// <summary>
    /// A <c>ref struct</c> enumerator (MoveNext and Current) for <c>foreach</c> must change as it moves:
    /// it lives on the stack only and its state is private, so it is the one struct allowed to be mutable.
    /// </summary>
    private static bool IsRefStructEnumerator(Type type) =>
        type.IsByRefLike
        && type.GetMethod("MoveNext", Type.EmptyTypes) is { ReturnType: var r } && r == typeof(bool)
        && type.GetProperty("Current") is { CanRead: true };

    private static bool IsMutableCollection(Type type)
    {
        if (type.IsArray)
        {
            return true;
        }

        if (!type.IsGenericType)
        {
            return false;
        }

        Type definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(Dictionary<,>) || definition == typeof(HashSet<>)
            || definition == typeof(Queue<>) || definition == typeof(Stack<>) || definition == typeof(SortedDictionary<,>)
            || definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(IDictionary<,>)
            || definition == typeof(ISet<>);
    }

#pragma warning disable CA1051, CA1822 // the samples break the rules on purpose
    /// <summary>Types that break or keep the rules, for the tests of the rules themselves.</summary>
    public static class Samples
    {
        public class Unsealed;

        public sealed class WithSetter
        {
            public int Value { get; set; }
        }

        public sealed class WithStaticSetter
        {
            public static int Shared { get; set; }
        }

        public sealed class WithField
        {
            public int Count;
        }

        public struct MutableStruct
        {
            public readonly int Value => 0;
        }

        public sealed class WithArray
        {
            public int[] Items { get; } = [];
        }

        public sealed class WithList
        {
            public List<int> Items { get; } = [];
        }

        public interface ISettable
        {
            int Value { get; set; }
        }

        public sealed class Immutable
        {
            public const int Limit = 3;
            public static readonly Immutable Empty = new();

            public int Value { get; init; }

            public ImmutableArray<int> Items { get; } = [];

            public IReadOnlyList<int> View { get; } = [];

            public int Computed => Value + 1;
        }

        public readonly struct ReadonlyStruct
        {
            public int Value { get; init; }
        }

        public readonly record struct Record(int Start, int Length);

        public static class Helpers
        {
            public static int Twice(int x) => 2 * x;
        }

        public abstract class Base
        {
            public abstract int Value { get; }
        }

        public enum Kind
        {
            None,
            Some,
        }

        public ref struct Enumerator
        {
            private int _position;

            public readonly int Current => _position;

            public bool MoveNext() => ++_position < 3;
        }

        public delegate void Callback(int value);
    }
#pragma warning restore CA1051, CA1822
}
