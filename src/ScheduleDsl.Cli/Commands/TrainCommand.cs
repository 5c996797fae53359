using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using ScheduleDsl.Cli.Reports;
using ScheduleDsl.Training;

namespace ScheduleDsl.Cli.Commands
{
    /// <summary><c>schedule train</c>: trains a dense network on a CSV file (or the tutorial's data) with a schedule.</summary>
    internal static class TrainCommand
    {
        public static Command Create(TextWriter output, TextWriter error)
        {
            var options = new TrainingOptions();
            var schedule = new Option<string?>("--schedule") { Description = "The schedule text (default: the optimizer's constant rate)." };
            var noShuffle = new Option<bool>("--no-shuffle") { Description = "Keep the samples in file order." };
            var init = new Option<string?>("--init") { Description = "Initial weights from a safetensors file (layers.{k}.weight [out, in], layers.{k}.bias)." };
            var save = new Option<string?>("--save") { Description = "Save a checkpoint (weights, optimizer, progress, schedule state) at the end." };
            var resume = new Option<string?>("--resume") { Description = "Resume from a checkpoint saved with --save by the same command line." };
            var changeSchedule = new Option<bool>("--change-schedule") { Description = "With --resume: go on with another --schedule (or none) than the checkpoint was saved with." };
            var historyJson = new Option<string?>("--history-json") { Description = "Write the history as JSON: {\"epochs\": [{epoch, lr, loss, val_loss, val_accuracy, seconds}]}." };
            var quiet = new Option<bool>("--quiet") { Description = "Print only the final summary." };
            var command = new Command("train", "Train a dense network with a learning-rate schedule.");
            options.AddTo(command);
            foreach (Option option in new Option[] { schedule, noShuffle, init, save, resume, changeSchedule, historyJson, quiet })
            {
                command.Options.Add(option);
            }

            command.SetAction(result =>
            {
                if (result.GetValue(init) != null && result.GetValue(resume) != null)
                {
                    throw new UsageException("give --init or --resume, not both");
                }

                ILearningRateSchedule? parsed = null;
                string? text = result.GetValue(schedule);
                if (text != null && (parsed = ScheduleInput.Parse(text, error)) == null)
                {
                    return ExitCodes.BadInput;
                }

                string? savePath = result.GetValue(save);
                string? jsonPath = result.GetValue(historyJson);
                OutputPaths.CheckFile(savePath, "--save", optional: true);
                OutputPaths.CheckFile(jsonPath, "--history-json", optional: true);
                int seed = result.GetValue(options.Seed);
                string? initPath = result.GetValue(init);
                string? resumePath = result.GetValue(resume);
                Standardization? savedInputs = null;
                if (resumePath != null)
                {
                    try
                    {
                        savedInputs = Checkpoint.ReadStandardization(resumePath);
                    }
                    catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
                    {
                        throw new UsageException(e.Message);
                    }

                    if (savedInputs == null && result.GetValue(options.Normalize))
                    {
                        throw new UsageException(resumePath + " was trained on raw features; resume it without --normalize");
                    }
                }

                // A resumed run sees its inputs exactly as the checkpoint's run did: through the checkpoint's standardization.
                ExperimentData data = options.ReadData(result, seed, savedInputs);
                int classes = options.Classes(data);

                // '--resume FILE' alone: the checkpoint describes the network, its loss and optimizer, and its schedule.
                if (resumePath != null && text == null && !result.GetValue(changeSchedule) && !options.DescribesNetwork(result))
                {
                    Sequential restored;
                    try
                    {
                        (restored, parsed) = Checkpoint.Restore(resumePath);
                    }
                    catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
                    {
                        throw new UsageException(e.Message);
                    }

                    if (restored.Inputs != data.TrainX.GetLength(1) || restored.Outputs != classes)
                    {
                        throw new UsageException(resumePath + " holds a network of " + restored.Inputs + " inputs and " + restored.Outputs + " outputs, but the data has "
                            + data.TrainX.GetLength(1) + " features and " + classes + " classes");
                    }

                    CheckSameBatches(restored.Progress, data.TrainX.GetLength(0), options.BatchOf(result), resumePath);
                    return TrainAndReport(restored, parsed);
                }

                Sequential model = options.NetworkFactory(result, data.TrainX.GetLength(1), classes)();
                if (parsed is { IsAbsolute: true } && result.GetValue(options.LearningRate) is double)
                {
                    throw new UsageException(ScheduleInput.AbsoluteIgnores("--lr"));
                }

                model.Compile(options.LossAndOutput(result).Loss, options.OptimizerFactory(result)());
                try
                {
                    if (initPath != null)
                    {
                        Checkpoint.LoadWeights(model, initPath);
                    }

                    if (resumePath != null)
                    {
                        Checkpoint.Load(model, resumePath, parsed, acceptScheduleChange: result.GetValue(changeSchedule));
                        CheckSameBatches(model.Progress, data.TrainX.GetLength(0), options.BatchOf(result), resumePath);
                    }
                }
                catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
                {
                    throw new UsageException(e.Message);
                }

                return TrainAndReport(model, parsed);

                // Trains the model (built from the options, or restored from a checkpoint) and reports as the options say.
                int TrainAndReport(Sequential model, ILearningRateSchedule? parsed)
                {
                    bool isQuiet = result.GetValue(quiet);
                    int epochs = options.EpochsOf(result);
                    int batchSize = options.BatchOf(result);
                    LiveProgress? live = isQuiet ? null : LiveProgress.ForTerminal(output, error, (data.TrainX.GetLength(0) + batchSize - 1) / batchSize, epochs);
                    History history;
                    try
                    {
                        TextWriter? lines = isQuiet ? null : live?.Lines ?? output;
                        history = model.Fit(data.TrainX, data.TrainLabels, new FitOptions
                        {
                            Epochs = epochs,
                            BatchSize = batchSize,
                            Schedule = parsed,
                            Seed = seed,
                            Shuffle = !result.GetValue(noShuffle),
                            ValidationX = data.TestX,
                            ValidationLabels = data.TestLabels,
                            Callbacks = live == null ? System.Array.Empty<ICallback>() : new ICallback[] { live },
                            Progress = lines == null ? null : lines.WriteLine,
                        });
                    }
                    catch (ArgumentException e)
                    {
                        throw new UsageException(e.Message);
                    }

                    live?.Erase();
                    if (history.Diverged)
                    {
                        error.WriteLine("error: training diverged: " + history.StopReason);
                        if (savePath != null)
                        {
                            error.WriteLine("The checkpoint was not saved: its weights would not be finite numbers.");
                        }

                        if (jsonPath != null)
                        {
                            WriteHistory(jsonPath, history);
                        }

                        return ExitCodes.Diverged;
                    }

                    if (history.Epochs.Count > 0)
                    {
                        EpochRecord last = history.Epochs[^1];
                        output.WriteLine(
                            "Trained " + model.Progress.Epoch + " epochs: loss " + last.Loss.ToString("0.0000", CultureInfo.InvariantCulture)
                            + ", " + data.HeldOut + " loss " + last.ValidationLoss?.ToString("0.0000", CultureInfo.InvariantCulture)
                            + ", " + data.HeldOut + " accuracy " + ((last.ValidationAccuracy ?? 0) * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%"
                            + (data.HeldOutNote == null ? "." : " (" + data.HeldOutNote + ")."));
                    }
                    else
                    {
                        output.WriteLine("Nothing to train: the model has already done " + model.Progress.Epoch + " epochs (ask for more with --epochs).");
                    }

                    if (history.StopReason != null)
                    {
                        output.WriteLine("Stopped early: " + history.StopReason);
                    }

                    if (savePath != null)
                    {
                        SaveOrRescue(model, savePath, parsed, data.Inputs, output, error);
                    }

                    if (jsonPath != null)
                    {
                        WriteHistory(jsonPath, history);
                    }

                    return ExitCodes.Success;
                }
            });
            return command;
        }

        /// <summary>
        /// Saves the checkpoint; when the target fails while being written (a full disk), saves it to the temporary folder
        /// instead and says where, so the training is not lost, and fails the command.
        /// </summary>
        private static void SaveOrRescue(Sequential model, string path, ILearningRateSchedule? schedule, Standardization? inputs, TextWriter output, TextWriter error)
        {
            try
            {
                Checkpoint.Save(model, path, schedule, inputs);
                output.WriteLine("Checkpoint saved to " + path + ".");
                return;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                string rescue = Path.Combine(Path.GetTempPath(), "schedule-train-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".ckpt");
                try
                {
                    Checkpoint.Save(model, rescue, schedule, inputs);
                }
                catch (Exception again) when (again is IOException || again is UnauthorizedAccessException)
                {
                    throw new IOException("cannot save the checkpoint to " + path + " (" + e.Message + "), nor to " + rescue + " (" + again.Message + ")", e);
                }

                throw new IOException("cannot save the checkpoint to " + path + " (" + e.Message + "); the trained model was saved to " + rescue + " instead", e);
            }
        }

        /// <summary>
        /// A resumed run must cut its epochs into the same batches, or its step count, its per-step schedule and its
        /// shuffles silently stop matching the saved run: the checkpoint's steps per epoch are compared with this command
        /// line's (another --batch, or other data, changes them).
        /// </summary>
        private static void CheckSameBatches(TrainingProgress progress, int samples, int batch, string path)
        {
            long perEpoch = (samples + batch - 1) / batch;
            if (progress.Epoch > 0 && progress.Step != progress.Epoch * perEpoch)
            {
                throw new UsageException(path + " was trained with " + (progress.Step / (double)progress.Epoch).ToString("0.##", CultureInfo.InvariantCulture)
                    + " steps per epoch, but this command line makes " + perEpoch.ToString(CultureInfo.InvariantCulture) + " (--batch "
                    + batch.ToString(CultureInfo.InvariantCulture) + " over " + samples.ToString(CultureInfo.InvariantCulture)
                    + " samples); resume with the --batch and data the checkpoint was trained with");
            }
        }

        internal static void WriteHistory(string path, History history)
        {
            using var stream = File.Create(path);
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteStartArray("epochs");
            foreach (EpochRecord record in history.Epochs)
            {
                json.WriteStartObject();
                json.WriteNumber("epoch", record.Epoch);
                json.WriteNumber("lr", record.LearningRate);
                if (record.LastLearningRate != record.LearningRate)
                {
                    json.WriteNumber("last_lr", record.LastLearningRate);
                }

                WriteNumber(json, "loss", record.Loss);
                json.WriteNumber("accuracy", record.Accuracy);
                if (record.ValidationLoss is double vl)
                {
                    WriteNumber(json, "val_loss", vl);
                }

                if (record.ValidationAccuracy is double va)
                {
                    json.WriteNumber("val_accuracy", va);
                }

                json.WriteNumber("seconds", record.Seconds);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (history.StopReason != null)
            {
                json.WriteString("stop_reason", history.StopReason);
            }

            json.WriteEndObject();
        }

        /// <summary>JSON has no NaN: a diverged loss is written as null.</summary>
        private static void WriteNumber(Utf8JsonWriter json, string name, double value)
        {
            if (double.IsFinite(value))
            {
                json.WriteNumber(name, value);
            }
            else
            {
                json.WriteNull(name);
            }
        }

        /// <summary>A one-line progress bar on the terminal, redrawn after each epoch.</summary>
    }
}
