using DolphinScheduler.Client;
using DolphinScheduler.Client.Auth;
using DolphinScheduler.Client.Clients;
using DolphinScheduler.Client.Paging;

namespace DolphinScheduler.IntegrationTests;

[Collection(SandboxCollection.Name)]
public class SecurityCentreTests
{
    private readonly SandboxFixture _fixture;
    public SecurityCentreTests(SandboxFixture fixture) { _fixture = fixture; }

    [Theory]
    [MemberData(nameof(SandboxFixture.Flavors), MemberType = typeof(SandboxFixture))]
    public async Task QueueTenantUserRoundTrip(string flavor)
    {
        using var admin = await _fixture.AdminAsync(flavor);
        var queueName = SandboxFixture.UniqueName("q");
        var queue = await admin.Queues.CreateAsync(queueName, "root." + queueName);
        var tenant = await admin.Tenants.CreateAsync(SandboxFixture.UniqueName("t"), queue.Id, "d");
        Assert.Equal(queue.Id, tenant.QueueId);
        var userName = SandboxFixture.UniqueName("u");
        var user = await admin.Users.CreateAsync(new UserSpec { UserName = userName, Password = Secrets.ToSecureString("Passw0rd!"), TenantId = tenant.Id, Email = userName + "@example.com", Queue = queue.Name });
        Assert.Equal(tenant.Id, user.TenantId);
        var listed = admin.Users.List(userName, new PageRequest()).Single(u => u.UserName == userName);
        Assert.Equal(tenant.TenantCode, listed.TenantCode);
        await admin.Users.DeleteAsync(user.Id);
        await admin.Tenants.DeleteAsync(tenant.Id);
        await admin.Queues.DeleteAsync(queue.Id);
        Assert.DoesNotContain(await admin.Queues.ListAllAsync(), q => q.Id == queue.Id);
    }

    [Theory]
    [MemberData(nameof(SandboxFixture.Flavors), MemberType = typeof(SandboxFixture))]
    public async Task DuplicatesAreAlreadyExistsWithTheirCodes(string flavor)
    {
        using var admin = await _fixture.AdminAsync(flavor);
        var name = SandboxFixture.UniqueName("p");
        await admin.Projects.CreateAsync(name, null);
        var ex = await Assert.ThrowsAsync<DsAlreadyExistsException>(() => admin.Projects.CreateAsync(name, null));
        Assert.Equal(10019, ex.Code);
        Assert.Equal(201, ex.HttpStatus);
        var queueName = SandboxFixture.UniqueName("q");
        await admin.Queues.CreateAsync(queueName, "root." + queueName);
        var qex = await Assert.ThrowsAsync<DsAlreadyExistsException>(() => admin.Queues.CreateAsync(queueName, "root.x" + queueName));
        Assert.Equal(10130, qex.Code);
    }

    [Theory]
    [MemberData(nameof(SandboxFixture.Flavors), MemberType = typeof(SandboxFixture))]
    public async Task PagingStreamsEveryProjectOnce(string flavor)
    {
        using var admin = await _fixture.AdminAsync(flavor);
        var prefix = SandboxFixture.UniqueName("pg");
        for (var i = 0; i < 23; i++) await admin.Projects.CreateAsync(prefix + "-" + i, null);
        var names = admin.Projects.List(prefix, new PageRequest { PageSize = 5 }).Select(p => p.Name).ToList();
        Assert.Equal(23, names.Count);
        Assert.Equal(23, names.Distinct().Count());
        var window = admin.Projects.List(prefix, new PageRequest { PageSize = 5, Skip = 7, First = 4 }).Select(p => p.Name).ToList();
        Assert.Equal(names.Skip(7).Take(4), window);
    }

    [Theory]
    [MemberData(nameof(SandboxFixture.Flavors), MemberType = typeof(SandboxFixture))]
    public async Task AGeneralUserIsDeniedAdminOperations(string flavor)
    {
        using var admin = await _fixture.AdminAsync(flavor);
        var userName = SandboxFixture.UniqueName("u");
        await admin.Users.CreateAsync(new UserSpec { UserName = userName, Password = Secrets.ToSecureString("Passw0rd!"), TenantId = -1, Email = userName + "@example.com" });
        var server = await _fixture.ServerAsync(flavor);
        using var user = await DsClient.ConnectAsync(new DsConnectOptions { BaseUri = server.BaseUri, UserName = userName, Password = Secrets.ToSecureString("Passw0rd!") });
        var ex = await Assert.ThrowsAsync<DsPermissionDeniedException>(() => user.Queues.CreateAsync(SandboxFixture.UniqueName("q"), "root.x"));
        Assert.Equal(30001, ex.Code);
    }
}
