using System;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>
    /// A plain double-precision trainer for a stack of Dense layers (ReLU hidden, softmax output, categorical
    /// cross-entropy, SGD), written sample by sample from the textbook formulas, to check the fast trainer against.
    /// </summary>
    internal sealed class ReferenceTrainer
    {
        private readonly double[][,] _w;
        private readonly double[][] _b;

        public ReferenceTrainer(Sequential model)
        {
            int layers = model.Parameters.Count / 2;
            _w = new double[layers][,];
            _b = new double[layers][];
            for (int l = 0; l < layers; l++)
            {
                Parameter w = model.Parameters[2 * l];
                Parameter b = model.Parameters[2 * l + 1];
                int outs = w.Shape[0], ins = w.Shape[1];
                _w[l] = new double[outs, ins];
                _b[l] = new double[outs];
                for (int o = 0; o < outs; o++)
                {
                    _b[l][o] = b.Value[o];
                    for (int i = 0; i < ins; i++)
                    {
                        _w[l][o, i] = w.Value[o * ins + i];
                    }
                }
            }
        }

        /// <summary>One epoch over the samples in order, batches of <paramref name="batchSize"/>; returns the mean batch loss weighted by batch size.</summary>
        public double Epoch(float[,] x, int[] labels, int batchSize, double lr)
        {
            int n = labels.Length;
            double total = 0;
            for (int start = 0; start < n; start += batchSize)
            {
                int batch = Math.Min(batchSize, n - start);
                var gw = new double[_w.Length][,];
                var gb = new double[_w.Length][];
                for (int l = 0; l < _w.Length; l++)
                {
                    gw[l] = new double[_w[l].GetLength(0), _w[l].GetLength(1)];
                    gb[l] = new double[_b[l].Length];
                }

                double batchLoss = 0;
                for (int s = start; s < start + batch; s++)
                {
                    var activations = new double[_w.Length + 1][];
                    activations[0] = new double[x.GetLength(1)];
                    for (int f = 0; f < x.GetLength(1); f++)
                    {
                        activations[0][f] = x[s, f];
                    }

                    for (int l = 0; l < _w.Length; l++)
                    {
                        int outs = _w[l].GetLength(0);
                        var z = new double[outs];
                        for (int o = 0; o < outs; o++)
                        {
                            z[o] = _b[l][o];
                            for (int i = 0; i < activations[l].Length; i++)
                            {
                                z[o] += _w[l][o, i] * activations[l][i];
                            }
                        }

                        activations[l + 1] = l == _w.Length - 1 ? Softmax(z) : Array.ConvertAll(z, v => Math.Max(0, v));
                    }

                    double[] p = activations[_w.Length];
                    batchLoss -= Math.Log(Math.Clamp(p[labels[s]], 1e-7, 1 - 1e-7));

                    // δ at the softmax input is p − y; back through the ReLUs.
                    var delta = new double[p.Length];
                    for (int o = 0; o < p.Length; o++)
                    {
                        delta[o] = (p[o] - (o == labels[s] ? 1 : 0)) / batch;
                    }

                    for (int l = _w.Length - 1; l >= 0; l--)
                    {
                        double[] input = activations[l];
                        for (int o = 0; o < delta.Length; o++)
                        {
                            gb[l][o] += delta[o];
                            for (int i = 0; i < input.Length; i++)
                            {
                                gw[l][o, i] += delta[o] * input[i];
                            }
                        }

                        if (l > 0)
                        {
                            var previous = new double[input.Length];
                            for (int i = 0; i < input.Length; i++)
                            {
                                for (int o = 0; o < delta.Length; o++)
                                {
                                    previous[i] += _w[l][o, i] * delta[o];
                                }

                                previous[i] = input[i] > 0 ? previous[i] : 0;
                            }

                            delta = previous;
                        }
                    }
                }

                for (int l = 0; l < _w.Length; l++)
                {
                    for (int o = 0; o < _b[l].Length; o++)
                    {
                        _b[l][o] -= lr * gb[l][o];
                        for (int i = 0; i < _w[l].GetLength(1); i++)
                        {
                            _w[l][o, i] -= lr * gw[l][o, i];
                        }
                    }
                }

                total += batchLoss;
            }

            return total / n;
        }

        private static double[] Softmax(double[] z)
        {
            double max = double.NegativeInfinity;
            foreach (double v in z)
            {
                max = Math.Max(max, v);
            }

            var e = Array.ConvertAll(z, v => Math.Exp(v - max));
            double sum = 0;
            foreach (double v in e)
            {
                sum += v;
            }

            return Array.ConvertAll(e, v => v / sum);
        }
    }
}
