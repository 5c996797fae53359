using System;
using System.IO;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>CSV as R, pandas and spreadsheets write it: quotes, ';', class names, and the saved index column.</summary>
    public sealed class CsvDatasetTests
    {
        [Fact]
        public void RWriteCsvWithQuotedHeadersAndClassNames()
        {
            // R's write.csv(iris): a quoted header, an unnamed row-name column, quoted species names.
            const string text = "\"\",\"Sepal.Length\",\"Sepal.Width\",\"Species\"\n\"1\",5.1,3.5,\"setosa\"\n\"2\",7,3.2,\"versicolor\"\n\"3\",6.3,3.3,\"virginica\"\n";
            var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Parse(text, "iris.csv", new CsvOptions { LabelColumn = "Species" }));
            Assert.StartsWith("iris.csv:1:1: column '' counts the rows", e.Message, StringComparison.Ordinal);

            CsvDataset data = CsvDataset.Parse(text, "iris.csv", new CsvOptions { LabelColumn = "Species", IndexColumn = IndexColumn.Drop });
            Assert.Equal(new[] { "Sepal.Length", "Sepal.Width" }, data.Features);
            Assert.Equal(new[] { "setosa", "versicolor", "virginica" }, data.Classes);
            Assert.True(data.HasClassNames);
            Assert.Equal(new[] { 0, 1, 2 }, data.Labels);
            Assert.Equal(7f, data.X[1, 0]);
            Assert.Equal(3, CsvDataset.Parse(text, "iris.csv", new CsvOptions { LabelColumn = "Species", IndexColumn = IndexColumn.Keep }).Features.Count);
        }

        [Fact]
        public void PandasIndexSemicolonsAndTheTrainingClassesForATestFile()
        {
            const string train = "Unnamed: 0;a;b;label\n0;1.5;2;cat\n1;0.5;1;dog\n2;1;1;cat\n";
            Assert.Contains("column 'Unnamed: 0' counts the rows", Assert.Throws<InvalidDataException>(() => CsvDataset.Parse(train, "t.csv")).Message, StringComparison.Ordinal);
            CsvDataset data = CsvDataset.Parse(train, "t.csv", new CsvOptions { IndexColumn = IndexColumn.Drop });
            Assert.Equal(new[] { "cat", "dog" }, data.Classes);
            Assert.Equal(new[] { 0, 1, 0 }, data.Labels);

            var forTest = new CsvOptions { IndexColumn = IndexColumn.Drop, Classes = data.Classes };
            Assert.Equal(new[] { 1 }, CsvDataset.Parse("a;b;label\n1;2;dog\n", "test.csv", forTest).Labels);
            var unknown = Assert.Throws<InvalidDataException>(() => CsvDataset.Parse("a;b;label\n1;2;cow\n", "test.csv", forTest));
            Assert.Equal("test.csv:2:3: the class 'cow' is not one of the training data's (cat, dog)", unknown.Message);
        }

        [Fact]
        public void ClassIndicesStayIndicesAndAFeatureNamedLikeAnIndexIsKeptWhenItDoesNotCount()
        {
            CsvDataset data = CsvDataset.Parse("index,x,label\n5,0.5,2\n3,1,0\n", "d.csv");
            Assert.False(data.HasClassNames);
            Assert.Equal(new[] { "0", "1", "2" }, data.Classes);
            Assert.Equal(new[] { "index", "x" }, data.Features);
        }

        [Fact]
        public void AValidationSplitIsDrawnAtRandomNotFromTheEnd()
        {
            var x = new float[100, 1];
            int[] labels = new int[100];
            for (int i = 0; i < 100; i++)
            {
                x[i, 0] = i;
                labels[i] = i / 50; // sorted by class, as files often are
            }

            ExperimentData split = ExperimentData.Split(x, labels, 0.2, seed: 1);
            Assert.Equal(80, split.TrainLabels.Length);
            Assert.Equal(20, split.TestLabels.Length);
            Assert.Contains(0, split.TestLabels);
            Assert.Contains(1, split.TestLabels);
            Assert.Equal(split.TestLabels, ExperimentData.Split(x, labels, 0.2, seed: 1).TestLabels);
            Assert.Throws<ArgumentException>(() => ExperimentData.Split(x, labels, 1.0, seed: 1));
        }

        [Fact]
        public void StandardizationUsesTheTrainingStatisticsForBothSets()
        {
            var train = new float[,] { { 1, 5 }, { 3, 5 } };
            var test = new float[,] { { 5, 7 } };
            ExperimentData data = new ExperimentData(train, new[] { 0, 1 }, test, new[] { 1 }).Standardized();
            Assert.Equal(new[] { 2f, 5f }, data.Inputs!.Mean);
            Assert.Equal(new[] { 1f, 1f }, data.Inputs.Scale); // std 1 for the first, a constant second column scales by 1
            Assert.Equal(-1f, data.TrainX[0, 0]);
            Assert.Equal(3f, data.TestX[0, 0]);
            Assert.Equal(2f, data.TestX[0, 1]);
            Assert.Throws<ArgumentException>(() => data.Inputs.Apply(new float[1, 3]));
        }

        [Theory]
        [InlineData("x,x,label\n1,2,0\n", "d.csv: ")]
        [InlineData("a,b,label\n1,2,0\n1,2\n", "d.csv:3: 2 cells, but the header has 3")]
        [InlineData("a,label\n\"1,5\",0\n", "d.csv:2:1: '1,5' in column 'a' is not a finite number")]
        [InlineData("a,label\n1,\"\"\n", "d.csv:2:2: the label '' is not a class index")]
        public void BadFilesSayWhereAndWhy(string text, string message) =>
            Assert.StartsWith(message, Assert.Throws<InvalidDataException>(() => CsvDataset.Parse(text, "d.csv")).Message, StringComparison.Ordinal);

        /// <summary>A cell is a feature value exactly when .NET's invariant parser reads it as a finite number, and then with its bits.</summary>
        [Theory]
        [InlineData("1.5")]
        [InlineData("-0")]
        [InlineData(".5")]
        [InlineData("5.")]
        [InlineData("+1.5e-3")]
        [InlineData("1E3")]
        [InlineData("0.1")]
        [InlineData("3.4028235e38")]
        [InlineData("1e-50")]
        [InlineData("1.00000017881393432617187499")]
        [InlineData("3.5e39")]
        [InlineData("1e")]
        [InlineData("1e+")]
        [InlineData("+")]
        [InlineData(".")]
        [InlineData("e5")]
        [InlineData("--1")]
        [InlineData("1.2.3")]
        [InlineData("1-2")]
        [InlineData("0x10")]
        [InlineData("NaN")]
        [InlineData("Infinity")]
        public void ACellIsReadAsTheInvariantParserReadsIt(string cell)
        {
            string text = "a,label\n" + cell + ",0\n";
            if (float.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out float expected) && float.IsFinite(expected))
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(CsvDataset.Parse(text, "d.csv").X[0, 0]));
            }
            else
            {
                Assert.StartsWith("d.csv:2:1: '" + cell + "' in column 'a' is not a finite number", Assert.Throws<InvalidDataException>(() => CsvDataset.Parse(text, "d.csv")).Message, StringComparison.Ordinal);
            }
        }

        /// <summary>Of several problems, the rows' shape is reported first, then the labels, then the first cell that is not a number.</summary>
        [Theory]
        [InlineData("a,b,label\nx,1,0\n1,y,0\n", "d.csv:2:1: 'x' in column 'a'")]
        [InlineData("a,b,label\n1,y,0\nx,1,0\n", "d.csv:2:2: 'y' in column 'b'")]
        [InlineData("a,label\nx,0\n1,\"\"\n", "d.csv:3:2: the label ''")]
        [InlineData("a,label\nx,0\n1,2,3\n", "d.csv:3: 3 cells")]
        public void TheFirstProblemInOrderIsReported(string text, string message) =>
            Assert.StartsWith(message, Assert.Throws<InvalidDataException>(() => CsvDataset.Parse(text, "d.csv")).Message, StringComparison.Ordinal);
    }
}
