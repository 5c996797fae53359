using System;
using System.Runtime.CompilerServices;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// The length of a buffer of <c>rows × columns</c> floats, checked: an unchecked product of two large sizes wraps
    /// around to a small or negative length, and the kernels then write past the end of a smaller array.
    /// </summary>
    internal static class BufferSize
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static int Of(int rows, int columns, string what)
        {
            long length = (long)rows * columns;
            if (length > Array.MaxLength)
            {
                throw new ArgumentOutOfRangeException(
                    what,
                    length,
                    what + " would hold " + rows + " × " + columns + " = " + length + " values, more than one array can (" + Array.MaxLength + ").");
            }

            return (int)length;
        }
    }
}
