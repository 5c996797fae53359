using CsCheck;

namespace ScheduleDsl.Tests
{
    /// <summary>Draws samples from a CsCheck generator with a fixed seed, so property tests are the same on every run.</summary>
    internal static class FixedSamples
    {
        public static T[] Draw<T>(Gen<T> gen, int count, ulong seed)
        {
            var pcg = new PCG(1, seed);
            var samples = new T[count];
            for (int i = 0; i < count; i++)
            {
                samples[i] = gen.Generate(pcg, null!, out _);
            }

            return samples;
        }
    }
}
