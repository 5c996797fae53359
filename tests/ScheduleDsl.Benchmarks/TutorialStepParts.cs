using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ScheduleDsl.Training;
using ScheduleDsl.Training.Kernels;

namespace ScheduleDsl.Benchmarks
{
    /// <summary>Where the time of one tutorial-network step goes: its parts measured alone.</summary>
    [SimpleJob(warmupCount: 2, iterationCount: 6)]
    public class TutorialStepParts
    {
        private Sequential _model = null!;
        private Dataset _data = null!;
        private int[] _batch = null!;
        private float[] _x = null!, _y = null!, _rows = null!;
        private Parameter[] _parameters = null!;

        [GlobalSetup]
        public void Setup()
        {
            (float[,] x, int[] labels) = TutorialData.Create(1000, seed: 1);
            _model = new Sequential(new Dense(3, 9, Activation.Relu), new Dense(9, 9, Activation.Relu), new Dense(9, 9, Activation.Relu), new Dense(9, 3, Activation.Softmax));
            _model.Compile(Loss.CategoricalCrossEntropy, new Sgd(learningRate: 0.01));
            _model.Initialize(1);
            var y = new float[1000, 3];
            for (int i = 0; i < 1000; i++)
            {
                y[i, labels[i]] = 1;
            }

            _data = Dataset.From(x, y, 3, 3, Loss.CategoricalCrossEntropy, "x", "y");
            _batch = Enumerable.Range(0, 50).ToArray();
            _x = new float[150];
            _y = new float[150];
            _rows = new float[450];
            _parameters = _model.Parameters.ToArray();
            _model.TrainOn(_data, _batch, 0.01, out _);
        }

        [Benchmark(Baseline = true)]
        public double WholeStep() => _model.TrainOn(_data, _batch, 0.01, out _);

        [Benchmark]
        public void Gather() => _data.Gather(_batch, _x, _y, _rows);

        [Benchmark]
        public void OptimizerStep() => _model.Optimizer.Update(_parameters, 0.01);

        [Benchmark]
        public void ForwardOnly()
        {
            var d = (Dense)_model.Layers[1];
            d.Forward(((Dense)_model.Layers[0]).Output, 50, true, null!);
        }

        private readonly float[] _t450 = new float[450];
        private readonly float[] _w81 = new float[81];
        private readonly float[] _sums = new float[9];
        private readonly float[] _softmax = Enumerable.Range(0, 150).Select(i => (i % 7) * 0.25f).ToArray();

        [Benchmark]
        public void ReluBackward() => Elementwise.ActivationBackward(Activation.Relu, ((Dense)_model.Layers[1]).Output.AsSpan(0, 450), _t450, 9, 50, _rows);

        [Benchmark]
        public void TransposeInput() => Transpose.Run(((Dense)_model.Layers[0]).Output.AsSpan(0, 450), _t450, 9, 50);

        [Benchmark]
        public void WeightGradientProduct() => Gemm.Multiply(((Dense)_model.Layers[1]).OutputGradient, _t450, _w81, 9, 50, 9, false);

        [Benchmark]
        public void BiasGradient() => Elementwise.RowSums(((Dense)_model.Layers[1]).OutputGradient.AsSpan(0, 450), _sums, 50);

        [Benchmark]
        public void InputGradientProduct() => Gemm.Multiply(_w81, ((Dense)_model.Layers[1]).OutputGradient, _t450, 9, 9, 50, false);

        [Benchmark]
        public double LossAndGradient() => Losses.Compute(ScheduleDsl.Training.Loss.CategoricalCrossEntropy, true, ((Dense)_model.Layers[3]).Output.AsSpan(0, 150), _y, _x, 3, 50);

        /// <summary>The output layer's softmax over its 3×50 values (here values it has already normalized: the same work).</summary>
        [Benchmark]
        public void Softmax() => Elementwise.Softmax(_softmax, 3, 50, _rows);

        [Benchmark]
        public void BackwardOneLayer()
        {
            var d = (Dense)_model.Layers[1];
            d.Backward(((Dense)_model.Layers[0]).Output, ((Dense)_model.Layers[0]).OutputGradient, 50);
        }
    }
}
