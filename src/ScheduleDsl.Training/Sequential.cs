using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using ScheduleDsl.Training.Kernels;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// A stack of layers trained as one, with a Keras-like surface:
    /// <code>
    /// var model = new Sequential(new Dense(3, 9, Activation.Relu), new Dense(9, 3, Activation.Softmax));
    /// model.Compile(Loss.CategoricalCrossEntropy, new Sgd(learningRate: 0.01));
    /// History h = model.Fit(x, y, epochs: 10, batchSize: 50, schedule: new TutorialDecay(), seed: 42);
    /// </code>
    /// </summary>
    public sealed partial class Sequential
    {
        private readonly Layer[] _layers;
        private readonly Parameter[] _parameters;
        private readonly string[] _parameterNames;
        private Loss _loss;
        private Optimizer? _optimizer;
        private bool _fused;
        private float[] _input = Array.Empty<float>();
        private float[] _target = Array.Empty<float>();
        private float[] _rows = Array.Empty<float>();
        private int _reserved;
        private int[] _order = Array.Empty<int>();

        /// <summary>
        /// Whether the batch's inputs are gathered sample-major for a first layer that takes them so
        /// (<see cref="Layer.TakesSampleMajorInput"/>): set from the first layer; tests clear it to run the feature-major path.
        /// </summary>
        internal bool SampleMajorInput { [MethodImpl(MethodImplOptions.AggressiveOptimization)] get; set; }

        /// <summary>A model of <paramref name="layers"/> applied in order; each layer's inputs must match the outputs before it.</summary>
        public Sequential(params Layer[] layers)
        {
            if (layers == null || layers.Length == 0)
            {
                throw new ArgumentException("A model needs at least one layer.", nameof(layers));
            }

            for (int i = 0; i < layers.Length; i++)
            {
                if (layers[i] == null)
                {
                    throw new ArgumentNullException(nameof(layers), "Layer " + i + " is null.");
                }

                if (i > 0 && layers[i].Inputs != layers[i - 1].Outputs)
                {
                    throw new ArgumentException("Layer " + i + " takes " + layers[i].Inputs + " inputs but layer " + (i - 1) + " gives " + layers[i - 1].Outputs + ".", nameof(layers));
                }
            }

            _layers = layers;
            SampleMajorInput = layers[0].TakesSampleMajorInput;

            var parameters = new List<Parameter>();
            var names = new List<string>();
            int owners = 0;
            foreach (Layer layer in layers)
            {
                if (layer.Parameters.Count == 0)
                {
                    continue;
                }

                foreach (Parameter parameter in layer.Parameters)
                {
                    parameters.Add(parameter);
                    names.Add("layers." + owners.ToString(CultureInfo.InvariantCulture) + "." + parameter.Name);
                }

                owners++;
            }

            _parameters = parameters.ToArray();
            _parameterNames = names.ToArray();
            Progress = new TrainingProgress(0, 0, new Rng(0));
        }

        /// <summary>The layers, in order.</summary>
        public IReadOnlyList<Layer> Layers => _layers;

        /// <summary>The features the first layer takes.</summary>
        public int Inputs => _layers[0].Inputs;

        /// <summary>The outputs of the last layer.</summary>
        public int Outputs => _layers[_layers.Length - 1].Outputs;

        /// <summary>The trainable tensors, in order, with their safetensors names (<c>layers.{k}.weight</c>, <c>layers.{k}.bias</c>, k counting the layers that have weights).</summary>
        public IReadOnlyList<Parameter> Parameters => _parameters;

        /// <summary>The name of each parameter, <c>layers.{k}.weight</c> or <c>layers.{k}.bias</c>, in the order of <see cref="Parameters"/>.</summary>
        public IReadOnlyList<string> ParameterNames => _parameterNames;

        /// <summary>The optimizer set by <see cref="Compile"/>.</summary>
        public Optimizer Optimizer
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            get => _optimizer ?? throw new InvalidOperationException("Call Compile(loss, optimizer) before training.");
        }

        /// <summary>The loss set by <see cref="Compile"/>.</summary>
        public Loss Loss => _loss;

        /// <summary>Where training stands; the next <c>Fit</c> continues from it.</summary>
        public TrainingProgress Progress { get; private set; }

        /// <summary>Whether the weights have values (from <see cref="Initialize"/>, a first <c>Fit</c>, or loaded weights).</summary>
        public bool IsInitialized { get; private set; }

        /// <summary>Sets the loss and the optimizer (Keras <c>compile</c>); softmax with categorical cross-entropy, or sigmoid with binary, are fused into one gradient.</summary>
        public void Compile(Loss loss, Optimizer optimizer)
        {
            if (!Enum.IsDefined(loss))
            {
                throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss.");
            }

            _loss = loss;
            _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
            _optimizer.Bind(_parameters);
            _fused = _layers[_layers.Length - 1].FusesWith(loss);
        }

        /// <summary>Each layer's initial weights from <paramref name="seed"/> (Glorot-uniform weights and zero biases for Dense, as Keras); the shuffling generator is seeded from it too.</summary>
        public void Initialize(int seed)
        {
            var rng = new Rng((ulong)(uint)seed);
            foreach (Layer layer in _layers)
            {
                layer.Initialize(rng);
            }

            Progress = new TrainingProgress(0, 0, new Rng(((ulong)(uint)seed << 32) ^ 0x5DEECE66DUL));
            IsInitialized = true;
        }

        /// <summary>Marks the weights as set from outside (loaded), keeping the training progress.</summary>
        internal void MarkInitialized() => IsInitialized = true;

        internal void Restore(TrainingProgress progress) => Progress = progress;

        /// <summary>Outputs for each sample (<c>[samples, outputs]</c>), in inference mode.</summary>
        public float[,] Predict(float[,] x, int batchSize = 256)
        {
            if (!IsInitialized)
            {
                throw new InvalidOperationException("The model has no weights yet: call Initialize(seed), Fit, or load weights first.");
            }

            var targets = new float[x?.GetLength(0) ?? 0, Outputs];
            Dataset data = Dataset.From(x!, targets, Inputs, Outputs, Loss.MeanSquaredError, nameof(x), nameof(x));
            var result = new float[data.Count, Outputs];
            ForEachBatch(data, batchSize, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, batch, output) =>
            {
                for (int j = 0; j < batch; j++)
                {
                    for (int o = 0; o < Outputs; o++)
                    {
                        result[start + j, o] = output[o * batch + j];
                    }
                }
            });
            return result;
        }

        /// <summary>The mean loss and the accuracy on <paramref name="x"/>, <paramref name="y"/>, in inference mode.</summary>
        public (double Loss, double Accuracy) Evaluate(float[,] x, float[,] y, int batchSize = 256)
        {
            EnsureReady();
            Dataset data = Dataset.From(x, y, Inputs, Outputs, _loss, nameof(x), nameof(y));
            return Evaluate(data, batchSize);
        }

        /// <summary>The mean loss and the accuracy on samples <paramref name="x"/> of classes <paramref name="labels"/>, in inference mode.</summary>
        public (double Loss, double Accuracy) Evaluate(float[,] x, int[] labels, int batchSize = 256)
        {
            EnsureReady();
            return Evaluate(x, Dataset.OneHot(labels, Outputs, nameof(labels)), batchSize);
        }

        /// <summary>
        /// For a training loop of your own: one forward and backward pass over all of <paramref name="x"/> as one batch (in
        /// training mode: dropout is active), leaving each parameter's gradient in <see cref="Parameter.Gradient"/>
        /// (overwritten, not accumulated); returns the batch loss. Follow it with <c>model.Optimizer.Step(rate)</c>.
        /// </summary>
        public double ComputeGradients(float[,] x, int[] labels)
        {
            EnsureReady();
            Dataset data = Dataset.From(x, Dataset.OneHot(labels, Outputs, nameof(labels)), Inputs, Outputs, _loss, nameof(x), nameof(labels));
            int[] all = new int[data.Count];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = i;
            }

            Reserve(data.Count);
            data.Gather(all, _input, _target, _rows, SampleMajorInput);
            return Backpropagate(data.Count, out _);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (double Loss, double Accuracy) Evaluate(Dataset data, int batchSize)
        {
            double loss = 0;
            int correct = 0;
            ForEachBatch(data, batchSize, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, batch, output) =>
            {
                Span<float> scratch = _layers[_layers.Length - 1].OutputGradient.AsSpan(0, Outputs * batch);
                loss += Losses.Compute(_loss, _fused, output, _target.AsSpan(0, Outputs * batch), scratch, Outputs, batch) * batch;
                correct += Losses.Correct(_loss, output, _target.AsSpan(0, Outputs * batch), Outputs, batch);
            });
            return (loss / data.Count, (double)correct / data.Count);
        }

        private delegate void BatchOutput(int start, int batch, ReadOnlySpan<float> output);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ForEachBatch(Dataset data, int batchSize, BatchOutput onBatch)
        {
            if (batchSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be at least 1.");
            }

            Reserve(Math.Min(batchSize, data.Count));
            int[] order = new int[Math.Min(batchSize, data.Count)];
            for (int start = 0; start < data.Count; start += batchSize)
            {
                int batch = Math.Min(batchSize, data.Count - start);
                for (int j = 0; j < batch; j++)
                {
                    order[j] = start + j;
                }

                data.Gather(order.AsSpan(0, batch), _input, _target, _rows, SampleMajorInput);
                Forward(batch, training: false);
                onBatch(start, batch, _layers[_layers.Length - 1].Output.AsSpan(0, Outputs * batch));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Reserve(int batch)
        {
            // Buffers only grow, and only here: a batch no larger than one reserved before needs nothing (every step asks).
            if (batch <= _reserved)
            {
                return;
            }

            int inputLength = BufferSize.Of(Inputs, batch, "A batch of inputs");
            int targetLength = BufferSize.Of(Outputs, batch, "A batch of targets");
            if (_input.Length < inputLength)
            {
                _input = new float[inputLength];
            }

            if (_target.Length < targetLength)
            {
                _target = new float[targetLength];
            }

            if (_rows.Length < Math.Max(inputLength, targetLength))
            {
                _rows = new float[Math.Max(inputLength, targetLength)];
            }

            foreach (Layer layer in _layers)
            {
                layer.Reserve(batch);
            }

            _reserved = batch;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Forward(int batch, bool training)
        {
            float[] input = _input;
            bool sampleMajor = SampleMajorInput;
            foreach (Layer layer in _layers)
            {
                layer.Forward(input, batch, training, Progress.Rng, sampleMajor);
                input = layer.Output;
                sampleMajor = false;
            }
        }

        /// <summary>One optimizer step on the samples <paramref name="indices"/> of <paramref name="data"/>; returns the batch loss.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal double TrainOn(Dataset data, ReadOnlySpan<int> indices, double rate, out int correct) =>
            TrainOn(data, indices, rate, Optimizer.ConfiguredMomentum ?? 0, Optimizer.WeightDecay, out correct);

        /// <summary>One optimizer step with this step's rate, momentum and weight decay (a schedule's channels); returns the batch loss.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal double TrainOn(Dataset data, ReadOnlySpan<int> indices, double rate, double momentum, double weightDecay, out int correct)
        {
            Reserve(indices.Length);
            data.Gather(indices, _input, _target, _rows, SampleMajorInput);
            Optimizer optimizer = Optimizer;
            bool updatesInBackward = optimizer.BeginStep(rate, momentum, weightDecay);
            double loss = Backpropagate(indices.Length, out correct, updatesInBackward ? optimizer : null);
            optimizer.FinishStep(_parameters);
            return loss;
        }

        /// <summary>Forward in training mode, the loss, and backward through every layer: the parameters' gradients for the gathered batch.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private double Backpropagate(int batch, out int correct, Optimizer? step = null)
        {
            Forward(batch, training: true);
            Layer last = _layers[_layers.Length - 1];
            ReadOnlySpan<float> output = last.Output.AsSpan(0, Outputs * batch);
            ReadOnlySpan<float> target = _target.AsSpan(0, Outputs * batch);
            correct = Losses.Correct(_loss, output, target, Outputs, batch);
            double loss = Losses.Compute(_loss, _fused, output, target, last.OutputGradient.AsSpan(0, Outputs * batch), Outputs, batch);
            for (int i = _layers.Length - 1; i >= 0; i--)
            {
                float[] input = i == 0 ? _input : _layers[i - 1].Output;
                float[]? inputGradient = i == 0 ? null : _layers[i - 1].OutputGradient;
                _layers[i].Backward(input, inputGradient, batch, i == 0 && SampleMajorInput, i == _layers.Length - 1 && _fused, step);
            }

            return loss;
        }

        private void EnsureReady()
        {
            _ = Optimizer;
            if (!IsInitialized)
            {
                throw new InvalidOperationException("The model has no weights yet: call Initialize(seed), Fit, or load weights first.");
            }
        }
    }
}
