using System;
using System.Collections.Generic;
using System.Linq;

namespace DolphinScheduler.Client.Workflows
{
    /// <summary>A node's top-left corner on the DS canvas (the <c>locations</c> entry of a task).</summary>
    internal readonly struct NodePosition
    {
        public NodePosition(int layer, int slot, int x, int y) { Layer = layer; Slot = slot; X = x; Y = y; }
        public int Layer { get; }
        public int Slot { get; }
        public int X { get; }
        public int Y { get; }
    }

    /// <summary>
    /// Lays a DAG out left to right the way the DS editor draws it (nodes 220×48, rankdir LR), so that no two nodes
    /// overlap and edges mostly do not cross:
    /// <list type="number">
    /// <item>layers by longest path (a task sits one column right of its latest dependency; roots in column 0);</item>
    /// <item>edges longer than one column get placeholder vertices in the columns they cross, so they count in the ordering;</item>
    /// <item>the order within each column is improved by barycenter sweeps (down and up, stable sorts), keeping the
    /// order with the fewest crossings between neighbouring columns;</item>
    /// <item>fixed spacing: x = 60 + 300·column, y = 60 + 100·slot, columns centred vertically on the tallest one.</item>
    /// </list>
    /// Deterministic: the same tasks in the same order always give the same coordinates.
    /// </summary>
    internal static class DagLayout
    {
        public const int NodeWidth = 220;
        public const int NodeHeight = 48;
        public const int Margin = 60;
        public const int ColumnSpacing = 300;  // 220 node + 80 gap
        public const int RowSpacing = 100;     // 48 node + 52 gap
        private const int MaxSweeps = 24;

        /// <summary>
        /// Positions for nodes 0..count-1; <paramref name="dependencies"/>[i] lists the nodes node i depends on. The
        /// graph must be acyclic (validated before).
        /// </summary>
        public static NodePosition[] Compute(int count, IReadOnlyList<IReadOnlyList<int>> dependencies)
        {
            if (count == 0) return Array.Empty<NodePosition>();

            // 1. Longest-path layering in a stable topological order (Kahn, lowest index first).
            var layer = new int[count];
            var successors = new List<int>[count];
            var indegree = new int[count];
            for (var i = 0; i < count; i++) successors[i] = new List<int>();
            for (var i = 0; i < count; i++)
                foreach (var d in dependencies[i].Distinct())
                {
                    successors[d].Add(i);
                    indegree[i]++;
                }
            var ready = new SortedSet<int>(Enumerable.Range(0, count).Where(i => indegree[i] == 0));
            var processed = 0;
            while (ready.Count > 0)
            {
                var n = ready.Min;
                ready.Remove(n);
                processed++;
                foreach (var s in successors[n])
                {
                    layer[s] = Math.Max(layer[s], layer[n] + 1);
                    if (--indegree[s] == 0) ready.Add(s);
                }
            }
            if (processed != count) throw new InvalidOperationException("The task graph has a cycle; it cannot be laid out.");

            // 2. Layer graph with placeholders: vertex ids 0..count-1 are tasks, the rest are lanes of long edges.
            var layerOf = new List<int>(layer);
            var up = new List<List<int>>();   // neighbours in the previous layer
            var down = new List<List<int>>(); // neighbours in the next layer
            for (var i = 0; i < count; i++) { up.Add(new List<int>()); down.Add(new List<int>()); }
            for (var i = 0; i < count; i++)
                foreach (var d in dependencies[i].Distinct())
                {
                    var from = d;
                    for (var l = layer[d] + 1; l < layer[i]; l++)
                    {
                        var lane = layerOf.Count;
                        layerOf.Add(l);
                        up.Add(new List<int> { from });
                        down.Add(new List<int>());
                        down[from].Add(lane);
                        from = lane;
                    }
                    down[from].Add(i);
                    up[i].Add(from);
                }

            var layerCount = layerOf.Max() + 1;
            var order = new List<int>[layerCount];
            for (var l = 0; l < layerCount; l++) order[l] = new List<int>();
            for (var v = 0; v < layerOf.Count; v++) order[layerOf[v]].Add(v); // tasks in input order, then lanes

            // 3. Crossing reduction: barycenter sweeps, keep the best.
            var position = new double[layerOf.Count];
            void Index() { foreach (var column in order) for (var k = 0; k < column.Count; k++) position[column[k]] = k; }
            Index();
            var best = order.Select(c => c.ToArray()).ToArray();
            var bestCrossings = Crossings(order, down, position);
            for (var sweep = 0; sweep < MaxSweeps && bestCrossings > 0; sweep++)
            {
                var downward = sweep % 2 == 0;
                if (downward) for (var l = 1; l < layerCount; l++) Reorder(order[l], up, position);
                else for (var l = layerCount - 2; l >= 0; l--) Reorder(order[l], down, position);
                var crossings = Crossings(order, down, position);
                if (crossings < bestCrossings)
                {
                    bestCrossings = crossings;
                    best = order.Select(c => c.ToArray()).ToArray();
                }
            }

            // 4. Coordinates: tasks take consecutive slots in their column's order (lanes only steer the order: DS draws
            //    edges straight from node to node, so reserving space for them would only stretch the canvas);
            //    columns are centred on the tallest.
            var columns = best.Select(c => c.Where(v => v < count).ToArray()).ToArray();
            var tallest = columns.Max(c => c.Length);
            var result = new NodePosition[count];
            for (var l = 0; l < layerCount; l++)
            {
                var offset = (tallest - columns[l].Length) * RowSpacing / 2;
                for (var k = 0; k < columns[l].Length; k++)
                    result[columns[l][k]] = new NodePosition(l, k, Margin + l * ColumnSpacing, Margin + offset + k * RowSpacing);
            }
            return result;
        }

        private static void Reorder(List<int> column, List<List<int>> neighbours, double[] position)
        {
            var keyed = column.Select((v, k) => (Vertex: v, Key: neighbours[v].Count == 0 ? k : neighbours[v].Average(n => position[n]), Index: k)).ToList();
            // Stable: ties keep the current order.
            var sorted = keyed.OrderBy(t => t.Key).ThenBy(t => t.Index).Select(t => t.Vertex).ToList();
            column.Clear();
            column.AddRange(sorted);
            for (var k = 0; k < column.Count; k++) position[column[k]] = k;
        }

        /// <summary>Edge crossings between neighbouring columns (pairs of edges whose ends are in opposite order).</summary>
        internal static long Crossings(IReadOnlyList<IReadOnlyList<int>> order, IReadOnlyList<IReadOnlyList<int>> down, double[] position)
        {
            long total = 0;
            for (var l = 0; l + 1 < order.Count; l++)
            {
                var edges = new List<(double From, double To)>();
                foreach (var v in order[l]) foreach (var w in down[v]) edges.Add((position[v], position[w]));
                for (var a = 0; a < edges.Count; a++)
                    for (var b = a + 1; b < edges.Count; b++)
                        if ((edges[a].From - edges[b].From) * (edges[a].To - edges[b].To) < 0) total++;
            }
            return total;
        }

        private static long Crossings(List<int>[] order, List<List<int>> down, double[] position) =>
            Crossings(order.Select(c => (IReadOnlyList<int>)c).ToList(), down.Select(d => (IReadOnlyList<int>)d).ToList(), position);
    }
}
