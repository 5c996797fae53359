using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ScheduleDsl.Training
{
    /// <summary>One F32 tensor of a safetensors file.</summary>
    public sealed record NamedTensor(string Name, int[] Shape, float[] Values);

    /// <summary>
    /// Reads and writes the safetensors format (the one PyTorch and Hugging Face use): an 8-byte little-endian header
    /// length, a JSON header naming each tensor's dtype, shape and byte range, then the raw little-endian data. Only F32
    /// tensors are written or read. Files are written to a temporary file and renamed, so an existing file is never left
    /// half-written; every header field is checked on reading, so a truncated or corrupted file is rejected with a reason.
    /// </summary>
    public static class SafeTensors
    {
        private const long MaxHeader = 100 * 1024 * 1024;

        /// <summary>
        /// Writes <paramref name="tensors"/> (float32) and string <paramref name="metadata"/> to <paramref name="path"/>
        /// atomically: through a temporary beside it, flushed and renamed; a symbolic link is written through, a
        /// special file refused.
        /// </summary>
        public static void Write(string path, IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
        {
            if (path == null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            var header = new MemoryStream();
            using (var json = new Utf8JsonWriter(header))
            {
                json.WriteStartObject();
                if (metadata != null && metadata.Count > 0)
                {
                    json.WriteStartObject("__metadata__");
                    foreach (KeyValuePair<string, string> pair in metadata)
                    {
                        json.WriteString(pair.Key, pair.Value);
                    }

                    json.WriteEndObject();
                }

                long offset = 0;
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (NamedTensor tensor in tensors)
                {
                    if (!names.Add(tensor.Name) || tensor.Name == "__metadata__")
                    {
                        throw new ArgumentException("Tensor names must be unique and not '__metadata__': '" + tensor.Name + "'.", nameof(tensors));
                    }

                    long count = 1;
                    foreach (int d in tensor.Shape)
                    {
                        count *= d;
                    }

                    if (count != tensor.Values.Length)
                    {
                        throw new ArgumentException("Tensor '" + tensor.Name + "' has shape [" + string.Join(", ", tensor.Shape) + "] but " + tensor.Values.Length + " values.", nameof(tensors));
                    }

                    json.WriteStartObject(tensor.Name);
                    json.WriteString("dtype", "F32");
                    json.WriteStartArray("shape");
                    foreach (int d in tensor.Shape)
                    {
                        json.WriteNumberValue(d);
                    }

                    json.WriteEndArray();
                    json.WriteStartArray("data_offsets");
                    json.WriteNumberValue(offset);
                    json.WriteNumberValue(offset + count * 4);
                    json.WriteEndArray();
                    json.WriteEndObject();
                    offset += count * 4;
                }

                json.WriteEndObject();
            }

            // The header is padded with spaces to a multiple of 8 bytes, as the reference implementation does.
            while (header.Length % 8 != 0)
            {
                header.WriteByte((byte)' ');
            }

            path = RegularTarget(path);
            string directory = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(directory);
            RemoveStaleTemporaries(directory, Path.GetFileName(path));
            string temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                {
                    Span<byte> length = stackalloc byte[8];
                    BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
                    file.Write(length);
                    header.Position = 0;
                    header.CopyTo(file);
                    foreach (NamedTensor tensor in tensors)
                    {
                        WriteFloats(file, tensor.Values);
                    }

                    file.Flush(flushToDisk: true);
                }

                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        /// <summary>How old a temporary file of an interrupted save must be before a later save of the same target removes it.</summary>
        public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

        /// <summary>
        /// The file a save really writes: the final target of a symbolic link (so the link stays a link), and never a device,
        /// a pipe or a file of /proc or /sys, which a rename would replace or which cannot hold a checkpoint.
        /// </summary>
        public static string RegularTarget(string path)
        {
            string full = Path.GetFullPath(path);
            var info = new FileInfo(full);
            if (info.LinkTarget != null)
            {
                FileSystemInfo? target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target == null)
                {
                    throw new IOException("'" + path + "' is a symbolic link whose target cannot be resolved.");
                }

                full = target.FullName;
                info = new FileInfo(full);
            }

            if (Directory.Exists(full))
            {
                throw new IOException("'" + path + "' is a folder, not a file.");
            }

            foreach (string special in new[] { "/dev/", "/proc/", "/sys/" })
            {
                if (full.StartsWith(special, StringComparison.Ordinal))
                {
                    throw new IOException("'" + path + "' is not a regular file (" + special.Trim('/') + "); a checkpoint is saved only to a regular file.");
                }
            }

            if (info.Exists)
            {
                using var probe = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                if (!probe.CanSeek)
                {
                    throw new IOException("'" + path + "' is not a regular file (a pipe, socket or device); a checkpoint is saved only to a regular file.");
                }
            }

            return full;
        }

        /// <summary>Removes the temporaries <c>.NAME.*.tmp</c> that saves of the same target killed part-way left behind.</summary>
        private static void RemoveStaleTemporaries(string directory, string name)
        {
            DateTime cutoff = DateTime.UtcNow - StaleAfter;
            foreach (string file in Directory.EnumerateFiles(directory, "." + name + ".*.tmp"))
            {
                try
                {
                    if (File.GetLastWriteTimeUtc(file) < cutoff)
                    {
                        File.Delete(file);
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // Another process may be removing it too, or it is not ours to remove: the save goes on.
                }
            }
        }

        /// <summary>Reads a safetensors file of float32 tensors; a truncated, corrupted or crafted file is an <see cref="System.IO.InvalidDataException"/> that says what is wrong.</summary>
        public static (IReadOnlyList<NamedTensor> Tensors, IReadOnlyDictionary<string, string> Metadata) Read(string path)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("No safetensors file at '" + path + "'.", path);
            }

            byte[] bytes = File.ReadAllBytes(path);
            if (bytes.Length < 8)
            {
                throw Corrupt(path, "it is " + bytes.Length + " bytes long, shorter than the 8-byte header length");
            }

            ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            if (headerLength > MaxHeader || (long)headerLength > bytes.Length - 8)
            {
                throw Corrupt(path, "its header claims " + headerLength + " bytes but the file has " + (bytes.Length - 8) + " after the length");
            }

            int dataStart = 8 + (int)headerLength;
            long dataLength = bytes.Length - dataStart;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
            }
            catch (JsonException e)
            {
                throw Corrupt(path, "its header is not valid JSON (" + e.Message + ")");
            }

            using (document)
            {
                try
                {
                    return ReadHeader(path, document, bytes, dataStart, dataLength);
                }
                catch (Exception e) when (e is InvalidOperationException || e is FormatException || e is OverflowException || e is ArgumentException || e is KeyNotFoundException)
                {
                    // A header field of the wrong JSON type or out of range (a string shape, a negative offset …).
                    throw Corrupt(path, "its header holds a field of the wrong type or range (" + e.Message + ")");
                }
            }
        }

        private static (IReadOnlyList<NamedTensor> Tensors, IReadOnlyDictionary<string, string> Metadata) ReadHeader(string path, JsonDocument document, byte[] bytes, int dataStart, long dataLength)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Corrupt(path, "its header is not a JSON object");
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var tensors = new List<(NamedTensor Tensor, long Begin, long End)>();
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    foreach (JsonProperty item in property.Value.EnumerateObject())
                    {
                        metadata[item.Name] = item.Value.ValueKind == JsonValueKind.String ? item.Value.GetString()! : throw Corrupt(path, "metadata '" + item.Name + "' is not a string");
                    }

                    continue;
                }

                tensors.Add(ReadTensor(path, property, bytes, dataStart, dataLength));
            }

            // The data must be covered exactly, without holes or overlaps.
            tensors.Sort((a, b) => a.Begin.CompareTo(b.Begin));
            long expected = 0;
            foreach ((NamedTensor tensor, long begin, long end) in tensors)
            {
                if (begin != expected)
                {
                    throw Corrupt(path, "tensor '" + tensor.Name + "' starts at byte " + begin + " but the previous one ends at " + expected);
                }

                expected = end;
            }

            if (expected != dataLength)
            {
                throw Corrupt(path, "the tensors cover " + expected + " bytes of data but the file holds " + dataLength + (expected > dataLength ? " (truncated?)" : string.Empty));
            }

            return (tensors.ConvertAll(t => t.Tensor), metadata);
        }

        private static (NamedTensor, long, long) ReadTensor(string path, JsonProperty property, byte[] bytes, int dataStart, long dataLength)
        {
            string name = property.Name;
            JsonElement value = property.Value;
            if (value.ValueKind != JsonValueKind.Object
                || !value.TryGetProperty("dtype", out JsonElement dtype)
                || !value.TryGetProperty("shape", out JsonElement shapeElement)
                || !value.TryGetProperty("data_offsets", out JsonElement offsets)
                || shapeElement.ValueKind != JsonValueKind.Array
                || offsets.ValueKind != JsonValueKind.Array
                || offsets.GetArrayLength() != 2)
            {
                throw Corrupt(path, "tensor '" + name + "' lacks a dtype, a shape or two data_offsets");
            }

            if (dtype.GetString() != "F32")
            {
                throw Corrupt(path, "tensor '" + name + "' is " + dtype.GetString() + "; only F32 is supported");
            }

            var shape = new int[shapeElement.GetArrayLength()];
            long count = 1;
            int i = 0;
            foreach (JsonElement d in shapeElement.EnumerateArray())
            {
                if (!d.TryGetInt32(out shape[i]) || shape[i] < 0)
                {
                    throw Corrupt(path, "tensor '" + name + "' has a shape that is not a list of non-negative integers");
                }

                count *= shape[i++];
            }

            if (!offsets[0].TryGetInt64(out long begin) || !offsets[1].TryGetInt64(out long end) || begin < 0 || end < begin || end > dataLength)
            {
                throw Corrupt(path, "tensor '" + name + "' has data_offsets outside the " + dataLength + " bytes of data");
            }

            if (end - begin != count * 4)
            {
                throw Corrupt(path, "tensor '" + name + "' has shape [" + string.Join(", ", shape) + "] (" + count * 4 + " bytes) but its data_offsets span " + (end - begin));
            }

            var values = new float[count];
            ReadOnlySpan<byte> data = bytes.AsSpan(dataStart + (int)begin, (int)(end - begin));
            if (BitConverter.IsLittleEndian)
            {
                data.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
            }
            else
            {
                for (int k = 0; k < values.Length; k++)
                {
                    values[k] = BinaryPrimitives.ReadSingleLittleEndian(data.Slice(k * 4));
                }
            }

            return (new NamedTensor(name, shape, values), begin, end);
        }

        private static void WriteFloats(Stream stream, float[] values)
        {
            if (BitConverter.IsLittleEndian)
            {
                stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
                return;
            }

            Span<byte> buffer = stackalloc byte[4];
            foreach (float v in values)
            {
                BinaryPrimitives.WriteSingleLittleEndian(buffer, v);
                stream.Write(buffer);
            }
        }

        private static InvalidDataException Corrupt(string path, string reason) =>
            new InvalidDataException("'" + path + "' is not a valid safetensors file: " + reason + ".");
    }
}
