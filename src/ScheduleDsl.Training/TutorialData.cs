namespace ScheduleDsl.Training
{
    /// <summary>
    /// The tutorial's data: samples uniform in [0, 1)³, each labelled by the index of its largest feature (three classes).
    /// </summary>
    public static class TutorialData
    {
        /// <summary>Features per sample: 3.</summary>
        public const int Features = 3;
        /// <summary>Classes: 3, the index of the largest feature.</summary>
        public const int Classes = 3;

        /// <summary><paramref name="count"/> samples and their labels, the same for the same seed.</summary>
        public static (float[,] X, int[] Labels) Create(int count, int seed)
        {
            if (count < 1)
            {
                throw new System.ArgumentOutOfRangeException(nameof(count), count, "Ask for at least one sample.");
            }

            var rng = new Rng((ulong)(uint)seed ^ 0x7475746F7269616CUL);
            var x = new float[count, Features];
            var labels = new int[count];
            for (int i = 0; i < count; i++)
            {
                int best = 0;
                for (int f = 0; f < Features; f++)
                {
                    x[i, f] = rng.NextSingle();
                    if (x[i, f] > x[i, best])
                    {
                        best = f;
                    }
                }

                labels[i] = best;
            }

            return (x, labels);
        }
    }
}
