using System;

namespace ScheduleDsl.Training
{
    /// <summary>A trainable tensor: its values, its gradient of the same shape, and a name (<c>layers.0.weight</c>).</summary>
    public sealed class Parameter
    {
        internal Parameter(string name, int[] shape)
        {
            Name = name;
            Shape = shape;
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
        public float[] Value { get; }

        /// <summary>The gradient of the loss with respect to the values, after a backward pass.</summary>
        public float[] Gradient { get; }

        /// <summary>How many values the parameter holds.</summary>
        public int Length => Value.Length;

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
