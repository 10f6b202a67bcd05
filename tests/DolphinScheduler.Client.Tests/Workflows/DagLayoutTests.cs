using System.Text.Json;
using DolphinScheduler.Client.Workflows;
using Xunit;

namespace DolphinScheduler.Client.Tests.Workflows
{
    public class DagLayoutTests
    {
        /// <summary>A seeded random DAG: each node depends on up to three earlier nodes.</summary>
        private static IReadOnlyList<IReadOnlyList<int>> RandomDag(int count, int seed)
        {
            var random = new Random(seed);
            var deps = new List<IReadOnlyList<int>>();
            for (var i = 0; i < count; i++)
            {
                var d = new List<int>();
                if (i > 0) for (var k = random.Next(0, 4); k > 0; k--) d.Add(random.Next(0, i));
                deps.Add(d.Distinct().ToList());
            }
            return deps;
        }

        private static void AssertNoOverlap(NodePosition[] positions)
        {
            for (var a = 0; a < positions.Length; a++)
                for (var b = a + 1; b < positions.Length; b++)
                {
                    var p = positions[a];
                    var q = positions[b];
                    var separate = Math.Abs(p.X - q.X) >= DagLayout.NodeWidth || Math.Abs(p.Y - q.Y) >= DagLayout.NodeHeight;
                    Assert.True(separate, $"nodes {a} ({p.X},{p.Y}) and {b} ({q.X},{q.Y}) overlap");
                }
        }

        private static void AssertDependenciesLeftOf(NodePosition[] positions, IReadOnlyList<IReadOnlyList<int>> deps)
        {
            for (var i = 0; i < deps.Count; i++)
                foreach (var d in deps[i])
                    Assert.True(positions[d].X < positions[i].X, $"node {i} is not right of its dependency {d}");
        }

        [Fact]
        public void One_task_sits_at_the_margin()
        {
            var p = DagLayout.Compute(1, new[] { (IReadOnlyList<int>)Array.Empty<int>() });
            Assert.Equal(DagLayout.Margin, p[0].X);
            Assert.Equal(DagLayout.Margin, p[0].Y);
        }

        [Theory]
        [InlineData(10, 1)]
        [InlineData(10, 2)]
        [InlineData(200, 3)]
        [InlineData(200, 4)]
        public void Nodes_never_overlap_and_follow_their_dependencies(int count, int seed)
        {
            var deps = RandomDag(count, seed);
            var positions = DagLayout.Compute(count, deps);
            Assert.Equal(count, positions.Select(p => (p.X, p.Y)).Distinct().Count());
            AssertNoOverlap(positions);
            AssertDependenciesLeftOf(positions, deps);
        }

        [Fact]
        public void Two_hundred_independent_tasks_stack_in_one_column_without_overlap()
        {
            var deps = Enumerable.Range(0, 200).Select(_ => (IReadOnlyList<int>)Array.Empty<int>()).ToList();
            var positions = DagLayout.Compute(200, deps);
            Assert.All(positions, p => Assert.Equal(DagLayout.Margin, p.X));
            AssertNoOverlap(positions);
        }

        [Fact]
        public void Layout_is_deterministic()
        {
            var deps = RandomDag(200, 7);
            var first = DagLayout.Compute(200, deps).Select(p => (p.X, p.Y)).ToArray();
            var second = DagLayout.Compute(200, deps.Select(d => (IReadOnlyList<int>)d.ToList()).ToList()).Select(p => (p.X, p.Y)).ToArray();
            Assert.Equal(first, second);
        }

        [Fact]
        public void Columns_are_longest_path_layers()
        {
            // 0 -> 1 -> 2, and 0 -> 2 directly: 2 sits in column 2, not 1.
            var deps = new List<IReadOnlyList<int>> { Array.Empty<int>(), new[] { 0 }, new[] { 0, 1 } };
            var p = DagLayout.Compute(3, deps);
            Assert.Equal(new[] { 0, 1, 2 }, p.Select(x => x.Layer));
            Assert.Equal(DagLayout.Margin + 2 * DagLayout.ColumnSpacing, p[2].X);
        }

        [Fact]
        public void Crossings_are_removed_where_the_input_order_would_cross()
        {
            // Roots a0, a1; b0 depends on a1 and b1 on a0: in input order the two edges cross.
            var deps = new List<IReadOnlyList<int>> { Array.Empty<int>(), Array.Empty<int>(), new[] { 1 }, new[] { 0 } };
            var p = DagLayout.Compute(4, deps);
            // Child order follows parent order: the edges a0-b1 and a1-b0 no longer cross.
            Assert.Equal(Math.Sign(p[0].Y - p[1].Y), Math.Sign(p[3].Y - p[2].Y));
        }

        [Fact]
        public void Locations_document_has_one_entry_per_task_with_its_code()
        {
            var tasks = new[]
            {
                new DsTaskSpec { Name = "a", Script = "x" },
                new DsTaskSpec { Name = "b", Script = "x", DependsOn = new[] { "a" } },
            };
            tasks[0].Code = 11;
            tasks[1].Code = 12;
            var json = WorkflowDocuments.LayoutLocations(tasks);
            Assert.Equal("[{\"taskCode\":11,\"x\":60,\"y\":60},{\"taskCode\":12,\"x\":360,\"y\":60}]", json);
        }
    }
}
