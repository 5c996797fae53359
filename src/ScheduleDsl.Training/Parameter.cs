using System;
using System.Runtime.CompilerServices;

namespace ScheduleDsl.Training
{
    /// <summary>A trainable tensor: its values, its gradient of the same shape, and a name (<c>layers.0.weight</c>).</summary>
    public sealed class Parameter
    {
        /// <summary>A zero tensor of <paramref name="shape"/> with a zero gradient, for a layer's weights or a training loop of your own.</summary>
        /// <exception cref="ArgumentException">The name is empty, or a dimension is below 1.</exception>
        public Parameter(string name, params int[] shape)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("A parameter needs a name.", nameof(name));
            }

            if (shape == null || shape.Length == 0 || Array.Exists(shape, d => d < 1))
            {
                throw new ArgumentException("A parameter's shape needs at least one dimension, each at least 1.", nameof(shape));
            }

            Name = name;
            Shape = (int[])shape.Clone();
            int count = 1;
            foreach (int d in shape)
            {
                count = BufferSize.Of(count, d, "Parameter " + name);
            }

            Value = new float[count];
            Gradient = new float[count];
        }

        /// <summary>The parameter's name within its layer (<c>weight</c>, <c>bias</c>).</summary>
        public string Name { get; }

        /// <summary>Row-major shape: <c>[out, in]</c> for a weight, <c>[out]</c> for a bias.</summary>
        public int[] Shape { get; }

        /// <summary>The values, row-major in <see cref="Shape"/>.</summary>
        public float[] Value { [MethodImpl(MethodImplOptions.AggressiveOptimization)] get; }

        /// <summary>The gradient of the loss with respect to the values, after a backward pass.</summary>
        public float[] Gradient { get; }

        /// <summary>How many values the parameter holds.</summary>
        public int Length
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            get => Value.Length;
        }

        internal void CopyFrom(ReadOnlySpan<float> values)
        {
            if (values.Length != Value.Length)
            {
                throw new ArgumentException("Parameter " + Name + " holds " + Value.Length + " values, not " + values.Length + ".");
            }

            values.CopyTo(Value);
        }
    }
}
