using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ScheduleDsl.Training;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>Damaged and crafted checkpoints are named and rejected; saves never replace what is not a regular file.</summary>
    public sealed class CheckpointHostileTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "scheduledsl-hostile-" + Guid.NewGuid().ToString("N"));

        public CheckpointHostileTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        private static Sequential Network()
        {
            var model = new Sequential(new Dense(3, 4, Activation.Relu), new Dense(4, 3, Activation.Softmax));
            model.Compile(Loss.CategoricalCrossEntropy, new Adam(learningRate: 0.01));
            model.Initialize(3);
            return model;
        }

        private string Saved(string name, ILearningRateSchedule? schedule = null)
        {
            string path = Path.Combine(_directory, name);
            Checkpoint.Save(Network(), path, schedule);
            return path;
        }

        [Fact]
        public void EverySingleBitFlipInTheDataIsDetected()
        {
            string path = Saved("flips.safetensors");
            byte[] good = File.ReadAllBytes(path);
            int dataStart = 8 + (int)BitConverter.ToUInt64(good, 0);
            string damaged = Path.Combine(_directory, "damaged.safetensors");
            for (int i = dataStart; i < good.Length; i++)
            {
                for (int bit = 0; bit < 8; bit += 3)
                {
                    byte[] bytes = (byte[])good.Clone();
                    bytes[i] ^= (byte)(1 << bit);
                    File.WriteAllBytes(damaged, bytes);
                    var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Network(), damaged));
                    Assert.Contains("damaged", e.Message);
                }
            }
        }

        [Theory]
        [InlineData("\"epoch\":\"0\"", "\"epoch\":\"x\"")]
        [InlineData("\"epoch\":\"0\"", "\"epoch\":\"-1\"")]
        [InlineData("\"epoch\":\"0\"", "\"epoch\":\"18446744073709551616\"")]
        [InlineData("\"epoch\":\"0\"", "\"epoch\":0")]
        [InlineData("\"shape\":[", "\"shape\":\"a\",\"x\":[")]
        [InlineData("\"__metadata__\":{", "\"__metadata__\":[],\"y\":{")]
        public void CraftedHeadersAreRejectedAsInvalidData(string find, string replace)
        {
            string path = Saved("crafted.safetensors");
            byte[] good = File.ReadAllBytes(path);
            int length = (int)BitConverter.ToUInt64(good, 0);
            string header = Encoding.UTF8.GetString(good, 8, length);
            Assert.Contains(find, header);
            byte[] newHeader = Encoding.UTF8.GetBytes(header.Replace(find, replace).TrimEnd());
            byte[] bytes = BitConverter.GetBytes((ulong)newHeader.Length).Concat(newHeader).Concat(good.Skip(8 + length)).ToArray();
            string crafted = Path.Combine(_directory, "crafted2.safetensors");
            File.WriteAllBytes(crafted, bytes);
            Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Network(), crafted));
        }

        [Fact]
        public void InvalidUtf8InTheHeaderIsInvalidData()
        {
            string path = Saved("utf8.safetensors");
            byte[] bytes = File.ReadAllBytes(path);
            bytes[12] = 0xff;
            File.WriteAllBytes(path, bytes);
            Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Network(), path));
        }

        [Fact]
        public void AResumeWithAnotherScheduleOrNoneIsRefusedUnlessAccepted()
        {
            ILearningRateSchedule plateau = Schedule.Parse("plateau factor 0.5 patience 1");
            string path = Saved("plateau.safetensors", plateau);
            Assert.Contains("give that schedule", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Network(), path)).Message);
            Assert.Contains("not 'exp 0.5'", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Network(), path, Schedule.Parse("exp 0.5"))).Message);
            Checkpoint.Load(Network(), path, Schedule.Parse("exp 0.5"), acceptScheduleChange: true);
            Checkpoint.Load(Network(), path, plateau);
            string plain = Saved("plain.safetensors");
            Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Network(), plain, plateau));
        }

        [Fact]
        public void ASaveWritesThroughASymbolicLinkAndKeepsIt()
        {
            string target = Path.Combine(_directory, "real.safetensors");
            File.WriteAllText(target, "old");
            string link = Path.Combine(_directory, "link.safetensors");
            File.CreateSymbolicLink(link, target);
            Checkpoint.Save(Network(), link);
            Assert.NotNull(new FileInfo(link).LinkTarget);
            Checkpoint.Load(Network(), target);
        }

        [Theory]
        [InlineData("/dev/full")]
        [InlineData("/dev/null")]
        [InlineData("/proc/self/status")]
        public void ASaveToAFileThatIsNotRegularIsRefused(string path)
        {
            if (!File.Exists(path))
            {
                return; // not a Linux machine: the paths mean nothing here
            }

            Assert.Contains("not a regular file", Assert.Throws<IOException>(() => Checkpoint.Save(Network(), path)).Message);
        }

        [Fact]
        public void StaleTemporariesOfTheSameTargetAreRemoved()
        {
            string path = Path.Combine(_directory, "model.safetensors");
            string stale = Path.Combine(_directory, ".model.safetensors.0123456789abcdef.tmp");
            string fresh = Path.Combine(_directory, ".model.safetensors.fedcba9876543210.tmp");
            string other = Path.Combine(_directory, ".other.safetensors.0123456789abcdef.tmp");
            foreach (string file in new[] { stale, fresh, other })
            {
                File.WriteAllBytes(file, new byte[16]);
            }

            File.SetLastWriteTimeUtc(stale, DateTime.UtcNow - SafeTensors.StaleAfter - TimeSpan.FromMinutes(1));
            File.SetLastWriteTimeUtc(other, DateTime.UtcNow - SafeTensors.StaleAfter - TimeSpan.FromMinutes(1));
            Checkpoint.Save(Network(), path);
            Assert.False(File.Exists(stale));
            Assert.True(File.Exists(fresh), "a temporary another save may still be writing is left alone");
            Assert.True(File.Exists(other), "temporaries of other targets are left alone");
        }
    }
}
