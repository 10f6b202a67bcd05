using DolphinScheduler.Client.Schedules;
using Xunit;

namespace DolphinScheduler.Client.Tests.Schedules
{
    /// <summary>cron-utils' Quartz definition (DS 3.2–3.4): what DS accepts and what it refuses with 10001.</summary>
    public class QuartzCronTests
    {
        [Theory]
        [InlineData("0 0 2 * * ?")]
        [InlineData("0 0 2 * * ? *")]            // the UI's 7 fields
        [InlineData("0 0 2 ? * *")]
        [InlineData("0 0/15 * * * ?")]
        [InlineData("*/10 * * * * ?")]
        [InlineData("0 0 2 ? * MON-FRI")]
        [InlineData("0 0 2 ? * mon,wed,fri")]
        [InlineData("0 30 1 1,15 * ?")]
        [InlineData("0 0 12 L * ?")]
        [InlineData("0 0 12 LW * ?")]
        [InlineData("0 0 12 15W * ?")]
        [InlineData("0 0 12 L-3 * ?")]
        [InlineData("0 0 12 ? * 6#3")]
        [InlineData("0 0 12 ? * FRI#1")]
        [InlineData("0 0 12 ? * 6L")]
        [InlineData("0 0 12 ? JAN-MAR *")]
        [InlineData("0 0 12 ? * * 2025")]
        [InlineData("0 0 12 ? * * 2025-2030")]
        [InlineData("0 0 22-2 * * ?")]           // non-strict ranges may wrap (not the year)
        [InlineData("  0 0 2 * * ?  ")]
        public void Valid(string cron) => Assert.Null(QuartzCron.Check(cron));

        [Theory]
        [InlineData("", "empty")]
        [InlineData("0 2 * * *", "found 5")]
        [InlineData("0 2 * * *", "Unix cron")]
        [InlineData("0 0 0 2 * * ? *", "found 8")]
        [InlineData("0 0 2 * * *", "both set")]
        [InlineData("0 0 2 ? * ?", "both '?'")]
        [InlineData("60 0 2 * * ?", "'60' in seconds")]
        [InlineData("0 60 2 * * ?", "'60' in minutes")]
        [InlineData("0 0 24 * * ?", "'24' in hours")]
        [InlineData("0 0 2 32 * ?", "'32' in day-of-month")]
        [InlineData("0 0 2 0 * ?", "'0' in day-of-month")]
        [InlineData("0 0 2 * 13 ?", "'13' in month")]
        [InlineData("0 0 2 * FOO ?", "'FOO' in month")]
        [InlineData("0 0 2 ? * 8", "'8' in day-of-week")]
        [InlineData("0 0 2 ? * 0", "'0' in day-of-week")]
        [InlineData("? 0 2 * * ?", "only allowed in day-of-month or day-of-week")]
        [InlineData("0 0/0 2 * * ?", "positive")]
        [InlineData("0 0/61 2 * * ?", "larger than 59")]
        [InlineData("0 0 2 1,,2 * ?", "empty list item")]
        [InlineData("0 0 2 ? * 6#6", "1-5")]
        [InlineData("0 0 2 40W * ?", "nW")]
        [InlineData("0 0 2 * * ? 1969", "'1969' in year")]
        [InlineData("0 0 2 * * ? 2100", "'2100' in year")]
        [InlineData("0 0 2 * * ? 2030-2025", "upwards")]
        [InlineData("0 0 2 1,? * ?", "stand alone")]
        public void Invalid_with_a_reason(string cron, string reason)
        {
            var message = QuartzCron.Check(cron);
            Assert.NotNull(message);
            Assert.Contains(reason, message);
        }

        [Fact]
        public void Validate_throws_an_argument_exception_naming_cron()
        {
            var ex = Assert.Throws<ArgumentException>(() => QuartzCron.Validate("0 2 * * *"));
            Assert.Equal("cron", ex.ParamName);
            Assert.Contains("'0 2 * * *'", ex.Message);
        }
    }
}
