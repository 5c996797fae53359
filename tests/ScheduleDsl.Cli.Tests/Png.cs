using System;
using System.Buffers.Binary;
using System.IO;
using Xunit;

namespace ScheduleDsl.Cli.Tests
{
    internal static class Png
    {
        /// <summary>Asserts the file is a PNG: the signature, an IHDR chunk first, and the size the plots are drawn at.</summary>
        public static void AssertValid(string path, int width = 800, int height = 480)
        {
            Assert.True(File.Exists(path), "no file " + path);
            byte[] bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 1000, path + " is only " + bytes.Length + " bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
            Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
            Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
            Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(bytes, bytes.Length - 8, 4));
        }
    }
}
