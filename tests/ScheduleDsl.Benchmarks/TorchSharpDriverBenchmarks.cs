using System;
using BenchmarkDotNet.Attributes;
using ScheduleDsl.TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace ScheduleDsl.Benchmarks
{
    /// <summary>
    /// What ScheduleDriver.Step costs per optimizer step, on TorchSharp's own parameter-group objects (managed: the driver
    /// sets their options, which the optimizer reads at its next step), without libtorch, so it runs on any machine.
    /// </summary>
    [MemoryDiagnoser]
    public class TorchSharpDriverBenchmarks
    {
        private ScheduleDriver _oneCycle = null!;
        private ScheduleDriver _channels = null!;
        private ScheduleDriver _twoGroups = null!;

        private static SGD.ParamGroup Group(double lr) =>
            new SGD.ParamGroup(Array.Empty<Parameter>(), new SGD.Options { LearningRate = lr, InitialLearningRate = lr, momentum = 0.9, weight_decay = 1e-4, dampening = 0, nesterov = false, maximize = false });

        [GlobalSetup]
        public void Setup()
        {
            _oneCycle = new ILearningRateController[] { Group(0.1) }.UseSchedule(new OneCycleWithMomentum());
            _channels = new ILearningRateController[] { Group(0.1) }.UseSchedule(Schedule.Parse("lr 0.1 per step: warmup linear 500 from 1e-3 -> cosine 1000000 to 1e-5; momentum 0.9: constant; weight-decay: cosine 1000000 to 0.1"));
            _twoGroups = new ILearningRateController[] { Group(0.1), Group(0.01) }.UseSchedule(new OneCycleWithMomentum());
        }

        /// <summary>Generated one-cycle with momentum, one SGD group: rate and momentum set.</summary>
        [Benchmark(Baseline = true)]
        public long OneCycleWithMomentumOneGroup()
        {
            _oneCycle.Step();
            return _oneCycle.Time;
        }

        /// <summary>Parsed text with all three channels, one group.</summary>
        [Benchmark]
        public long ThreeChannelsParsed()
        {
            _channels.Step();
            return _channels.Time;
        }

        [Benchmark]
        public long OneCycleWithMomentumTwoGroups()
        {
            _twoGroups.Step();
            return _twoGroups.Time;
        }
    }

    [Schedule("lr 0.1 per step: onecycle 0.1 over 1000000000 momentum")]
    public partial struct OneCycleWithMomentum;
}
