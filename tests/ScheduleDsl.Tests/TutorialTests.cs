using System;
using Xunit;

namespace ScheduleDsl.Tests
{
    public class TutorialTests
    {
        [Fact]
        public void TutorialScheduleMatchesTheKerasLambda()
        {
            ILearningRateSchedule schedule = Schedule.Parse("lr 1e-2: step 0.8 every 2");
            double[] expected = { 0.01, 0.01, 0.008, 0.008, 0.0064, 0.0064, 0.00512, 0.00512, 0.004096, 0.004096 };
            for (int epoch = 0; epoch < expected.Length; epoch++)
            {
                Assert.Equal(1e-2 * Math.Pow(0.8, epoch / 2), schedule.At(epoch));
                Assert.Equal(expected[epoch], schedule.At(epoch), 15);
            }

            Assert.True(schedule.IsAbsolute);
            Assert.Equal(ScheduleUnit.Epoch, schedule.Unit);
        }
    }
}
