using System;
using System.Collections.Generic;
using ScheduleDsl.Language;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// Names a user may write for one kind of choice (optimizers, activations, losses), each with its value, and the
    /// "did you mean" suggestion for a misspelt one, by the same nearest-word rule the schedule language uses.
    /// </summary>
    /// <typeparam name="T">What a name stands for.</typeparam>
    public sealed class NameRegistry<T>
    {
        private readonly Dictionary<string, T> _values = new Dictionary<string, T>(StringComparer.Ordinal);
        private readonly List<string> _names = new List<string>();

        /// <summary>Creates a registry of <paramref name="entries"/>; <paramref name="what"/> names the kind in messages ("optimizer").</summary>
        /// <exception cref="ArgumentException">A name appears twice.</exception>
        public NameRegistry(string what, IEnumerable<KeyValuePair<string, T>> entries)
        {
            What = what ?? throw new ArgumentNullException(nameof(what));
            foreach (KeyValuePair<string, T> entry in entries)
            {
                if (_values.ContainsKey(entry.Key))
                {
                    throw new ArgumentException("The " + what + " name '" + entry.Key + "' is registered twice", nameof(entries));
                }

                _values.Add(entry.Key, entry.Value);
                _names.Add(entry.Key);
            }
        }

        /// <summary>What the names name, for messages: "optimizer".</summary>
        public string What { get; }

        /// <summary>The names, in registration order.</summary>
        public IReadOnlyList<string> Names => _names;

        /// <summary>The names as a sentence fragment: <c>sgd, momentum or adam</c>.</summary>
        public string Choices => _names.Count <= 1 ? string.Join(string.Empty, _names) : string.Join(", ", _names.GetRange(0, _names.Count - 1)) + " or " + _names[_names.Count - 1];

        /// <summary>The value of <paramref name="name"/> (exact, lower-case spelling), if it is registered.</summary>
        public bool TryGet(string name, out T value)
        {
            if (name != null && _values.TryGetValue(name, out T? found))
            {
                value = found;
                return true;
            }

            value = default!;
            return false;
        }

        /// <summary>The value of <paramref name="name"/>.</summary>
        /// <exception cref="ArgumentException">The name is not registered; the message lists the names and suggests the nearest.</exception>
        public T Get(string name) =>
            TryGet(name, out T value) ? value : throw new ArgumentException("Unknown " + What + " '" + name + "': expected " + Choices + DidYouMean(name ?? string.Empty), nameof(name));

        /// <summary><c>; did you mean 'adam'?</c> for <c>adamm</c>, or empty when no name is near.</summary>
        public string DidYouMean(string written) =>
            Keywords.Nearest((written ?? string.Empty).Trim(), _names) is string nearest ? "; did you mean '" + nearest + "'?" : string.Empty;
    }
}
