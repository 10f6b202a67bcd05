using DolphinScheduler.Sandbox.Api.Schedules;

namespace DolphinScheduler.Sandbox.Tests;

/// <summary>cron-utils' Quartz rules as DS applies them: validity and next fire times.</summary>
public sealed class QuartzCronTests
{
    [Theory]
    [InlineData("0 0 2 * * ? *", true)]
    [InlineData("0 0 2 * * ?", true)]
    [InlineData("0 0 2 ? * *", true)]
    [InlineData("0 0/5 8-18 ? * MON,WED,FRI", true)]
    [InlineData("0 0 0 LW * ?", true)]
    [InlineData("0 0 0 L-2 * ?", true)]
    [InlineData("0 0 0 ? * 6L", true)]
    [InlineData("0 0 0 ? jan,Dec SUN", true)]
    [InlineData("0 0 2 * * *", false)] // both day fields given
    [InlineData("0 0 2 ? * ?", false)] // neither
    [InlineData("0 0 2 * *", false)]
    [InlineData("0 0 2 * * ? * 1", false)]
    [InlineData("60 0 2 * * ?", false)]
    [InlineData("0 0 24 * * ?", false)]
    [InlineData("0 0 2 32 * ?", false)]
    [InlineData("0 0 2 ? * 8", false)]
    [InlineData("0 0 2 * * ? 1969", false)]
    [InlineData("0 0 2 * * ? 2100", false)]
    [InlineData("0 0/0 2 * * ?", false)]
    [InlineData("0 10-5 2 * * ?", false)]
    [InlineData("", false)]
    public void Validity(string cron, bool valid) => Assert.Equal(valid, QuartzCron.IsValid(cron));

    [Fact]
    public void Next_is_strictly_after_and_follows_the_zone()
    {
        Assert.True(QuartzCron.TryParse("0 0 2 * * ?", out var cron));
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var at = new DateTimeOffset(2030, 1, 1, 18, 0, 0, TimeSpan.Zero); // 02:00 in Shanghai
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 18, 0, 0, TimeSpan.Zero), cron.Next(at, shanghai));
        Assert.Equal(at, cron.Next(at.AddSeconds(-1), shanghai));
    }

    [Fact]
    public void Wall_times_skipped_by_daylight_saving_do_not_fire()
    {
        Assert.True(QuartzCron.TryParse("0 30 2 * * ?", out var cron));
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var next = cron.Next(new DateTimeOffset(2030, 3, 30, 12, 0, 0, TimeSpan.Zero), berlin); // 2030-03-31 02:30 does not exist
        Assert.Equal(new DateTimeOffset(2030, 4, 1, 2, 30, 0, TimeSpan.FromHours(2)), next);
    }

    [Fact]
    public void A_cron_that_never_fires_again_answers_null()
    {
        Assert.True(QuartzCron.TryParse("0 0 0 30 2 ?", out var feb30));
        Assert.Null(feb30.Next(DateTimeOffset.UtcNow, TimeZoneInfo.Utc));
        Assert.True(QuartzCron.TryParse("0 0 0 1 1 ? 2030", out var once));
        Assert.Null(once.Next(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
    }
}
