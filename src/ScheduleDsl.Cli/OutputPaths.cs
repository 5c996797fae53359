using System;
using System.IO;

namespace ScheduleDsl.Cli
{
    /// <summary>
    /// Checks every path a command will write before the command does its work, so an unwritable <c>--out</c> or
    /// <c>--save</c> is a one-line error at once rather than a stack trace after minutes of training.
    /// </summary>
    internal static class OutputPaths
    {
        /// <summary>Checks that <paramref name="path"/> names a file that can be written, creating its folder; an <paramref name="optional"/> option may be absent (null).</summary>
        public static void CheckFile(string? path, string option, bool optional = false)
        {
            if (path == null && optional)
            {
                return;
            }

            string full = Full(path, option);
            if (Directory.Exists(full))
            {
                throw new UsageException(option + " '" + path + "' is a folder; give a file name (such as " + Path.Combine(path!, "out" + Extension(option)) + ")");
            }

            foreach (string system in new[] { "/proc/", "/sys/" })
            {
                if (full.StartsWith(system, StringComparison.Ordinal))
                {
                    throw new UsageException(option + ": cannot write '" + path + "': it is a file of the kernel's " + system.Trim('/') + " file system, not one for output");
                }
            }

            CreateFolder(Path.GetDirectoryName(full), option, path!);
            bool existed = File.Exists(full);
            try
            {
                using (new FileStream(full, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
                {
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new UsageException(option + ": cannot write '" + path + "': " + e.Message);
            }
            finally
            {
                if (!existed && File.Exists(full))
                {
                    File.Delete(full);
                }
            }
        }

        /// <summary>Checks that <paramref name="path"/> names a folder that exists or can be created, and can be written.</summary>
        public static void CheckFolder(string? path, string option)
        {
            string full = Full(path, option);
            if (File.Exists(full))
            {
                throw new UsageException(option + " '" + path + "' is a file; give a folder for the output files");
            }

            CreateFolder(full, option, path!);
            string probe = Path.Combine(full, ".schedule-write-check-" + Guid.NewGuid().ToString("N"));
            try
            {
                File.WriteAllBytes(probe, Array.Empty<byte>());
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new UsageException(option + ": cannot write into '" + path + "': " + e.Message);
            }
        }

        private static string Full(string? path, string option)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new UsageException(option + " needs a path, not an empty string");
            }

            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                throw new UsageException(option + ": '" + path + "' is not a usable path: " + e.Message);
            }
        }

        private static void CreateFolder(string? folder, string option, string path)
        {
            if (string.IsNullOrEmpty(folder))
            {
                return;
            }

            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new UsageException(option + ": cannot create the folder for '" + path + "': " + e.Message);
            }
        }

        private static string Extension(string option) => option == "--history-json" ? ".json" : option == "--save" ? ".ckpt" : ".png";
    }
}
