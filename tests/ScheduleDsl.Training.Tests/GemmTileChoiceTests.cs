using System;
using ScheduleDsl.Training;
using ScheduleDsl.Training.Kernels;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>SCHEDULEDSL_GEMM_TILE: a tile the machine runs is taken; anything else is an error that names the variable and the value.</summary>
    public class GemmTileChoiceTests
    {
        [Theory]
        [InlineData(null, null)]
        [InlineData("", null)]
        [InlineData("  ", null)]
        [InlineData("vector", "VectorT")]
        [InlineData(" Vector512 ", "Vector512")]
        [InlineData("UNPACKED", "Unpacked")]
        public void TakesATileTheMachineRuns(string? value, string? expected) =>
            Assert.Equal(expected, GemmTileChoice.Requested(value, vectorized: true, has512: true)?.ToString());

        [Theory]
        [InlineData("avx512", true, true, "not a tile")]
        [InlineData("vectro", true, true, "not a tile")]
        [InlineData("vector512", true, false, "no 512-bit vectors")]
        [InlineData("vector", false, false, "without hardware SIMD")]
        [InlineData("vector512", false, false, "without hardware SIMD")]
        public void RefusesAnythingElse(string value, bool vectorized, bool has512, string reason)
        {
            var error = Assert.Throws<KernelSettingException>(() => GemmTileChoice.Requested(value, vectorized, has512));
            Assert.Contains("SCHEDULEDSL_GEMM_TILE is '" + value + "'", error.Message);
            Assert.Contains(reason, error.Message);
        }

        [Fact]
        public void UnpackedRunsEverywhere() =>
            Assert.Equal(GemmTile.Unpacked, GemmTileChoice.Requested("unpacked", vectorized: false, has512: false));
    }
}
