namespace ScheduleDsl
{
    /// <summary>The names of the channels as the language and people write them.</summary>
    public static class ChannelNames
    {
        /// <summary>The header word: <c>lr</c>, <c>momentum</c> or <c>weight-decay</c> (also what <c>schedule eval --channel</c> takes).</summary>
        public static string Word(ScheduleChannel channel) => Language.Model.ChannelModel.Word(channel);

        /// <summary>"Learning rate", "Momentum", "Weight decay".</summary>
        public static string Title(ScheduleChannel channel) => Language.Model.ChannelModel.Title(channel);

        /// <summary>The channel a header word names; false for any other word.</summary>
        public static bool TryParse(string word, out ScheduleChannel channel)
        {
            foreach (ScheduleChannel candidate in new[] { ScheduleChannel.LearningRate, ScheduleChannel.Momentum, ScheduleChannel.WeightDecay })
            {
                if (Word(candidate) == word)
                {
                    channel = candidate;
                    return true;
                }
            }

            channel = ScheduleChannel.LearningRate;
            return false;
        }
    }
}
