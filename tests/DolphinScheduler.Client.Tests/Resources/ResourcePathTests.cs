using DolphinScheduler.Client.Resources;
using Xunit;

namespace DolphinScheduler.Client.Tests.Resources
{
    public class ResourcePathTests
    {
        private const string Base = "file:/dolphinscheduler/etl/resources";

        [Theory]
        [InlineData("/flink/job.jar", "/flink/job.jar")]
        [InlineData("flink/job.jar", "/flink/job.jar")]
        [InlineData("\\flink\\\\job.jar", "/flink/job.jar")]
        [InlineData("/flink/", "/flink")]
        [InlineData("", "/")]
        [InlineData("/", "/")]
        public void Normalize(string given, string expected) => Assert.Equal(expected, ResourcePath.Normalize(given));

        [Theory]
        [InlineData("/a/../b")]
        [InlineData("./a")]
        public void Dot_segments_are_refused(string given) => Assert.Throws<ArgumentException>(() => ResourcePath.Normalize(given));

        [Theory]
        [InlineData(Base, "/flink/job.jar", Base + "/flink/job.jar")]
        [InlineData(Base + "/", "/flink/job.jar", Base + "/flink/job.jar")]
        [InlineData(Base, "/", Base)]
        [InlineData(Base, Base + "/flink/job.jar", Base + "/flink/job.jar")]     // already a full name
        [InlineData(Base, "hdfs://nn:8020/other/x.jar", "hdfs://nn:8020/other/x.jar")]
        [InlineData("/tmp/dolphinscheduler/etl/resources", "/tmp/dolphinscheduler/etl/resources/a.sh", "/tmp/dolphinscheduler/etl/resources/a.sh")]
        [InlineData("/tmp/dolphinscheduler/etl/resources", "/a.sh", "/tmp/dolphinscheduler/etl/resources/a.sh")]
        public void Resolve(string baseDir, string given, string expected) => Assert.Equal(expected, ResourcePath.Resolve(baseDir, given));

        [Theory]
        [InlineData(Base + "/flink/job.jar", "/flink/job.jar")]
        [InlineData(Base + "/flink/", "/flink")]
        [InlineData(Base, "/")]
        [InlineData(Base + "2/x", Base + "2/x")]          // a sibling of the base is not below it
        [InlineData("hdfs://nn/x.jar", "hdfs://nn/x.jar")]
        public void ToRelative(string fullName, string expected) => Assert.Equal(expected, ResourcePath.ToRelative(Base, fullName));

        [Fact]
        public void Parent_and_leaf()
        {
            Assert.Equal("/flink", ResourcePath.Parent("/flink/job.jar"));
            Assert.Equal("/", ResourcePath.Parent("/job.jar"));
            Assert.Equal("job.jar", ResourcePath.Leaf("/flink/job.jar"));
            Assert.Equal(Base + "/flink", ResourcePath.ParentFullName(Base + "/flink/job.jar"));
        }
    }
}
