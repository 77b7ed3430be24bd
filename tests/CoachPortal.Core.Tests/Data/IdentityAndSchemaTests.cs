using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Tests.Data;

public sealed class IdentityAndSchemaTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    [Fact]
    public async Task TheRunningModelMatchesTheSqliteMigrations()
    {
        await using var db = world.CreateDb();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task SqliteRunsInWalModeWithForeignKeysAndFullSync()
    {
        await using var db = world.CreateDb();
        if (TestDatabase.UsesSqlServer)
        {
            // The suite was pointed at SQL Server, which has no pragmas: the host must really be on it.
            Assert.True(db.Database.IsSqlServer());
            return;
        }

        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal("1", await ScalarAsync(connection, "PRAGMA foreign_keys;"));
        Assert.Equal("2", await ScalarAsync(connection, "PRAGMA synchronous;"));
    }

    [Fact]
    public void PasswordsAreHashedWithAtLeastOwaspIterationsAndPolicyIsStrict()
    {
        Assert.True(world.Get<IOptions<PasswordHasherOptions>>().Value.IterationCount >= 210_000);
        var identity = world.Get<IOptions<IdentityOptions>>().Value;
        Assert.True(identity.Password.RequiredLength >= 10);
        Assert.Equal(5, identity.Lockout.MaxFailedAccessAttempts);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccount()
    {
        var admin = world.Admin;
        var id = await world.Get<UserAdminService>().CreateAsync(admin, "lock.me@test.local", "Lock Me", PortalTestHost.Password, [Roles.Coach]);
        var users = world.Get<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(id))!;

        for (var i = 0; i < 5; i++)
        {
            await users.AccessFailedAsync(user);
        }

        Assert.True(await users.IsLockedOutAsync(user));
        await world.Get<UserAdminService>().SetLockedAsync(admin, id, locked: false);
        var fresh = world.Get<UserManager<ApplicationUser>>();
        Assert.False(await fresh.IsLockedOutAsync((await fresh.FindByIdAsync(id))!));
    }

    [Fact]
    public async Task AnAdminLockedOutByWrongPasswordsIsLockedForMinutesAndAnotherAdminCanUnlockThem()
    {
        var admins = world.Get<UserAdminService>();
        var id = await admins.CreateAsync(world.Admin, "second.admin@test.local", "Second Admin", PortalTestHost.Password, [Roles.Admin]);
        var users = world.Get<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(id))!;
        for (var i = 0; i < 5; i++)
        {
            await users.AccessFailedAsync(user);
        }

        // Someone guessing at the admin's password locks the account for a while, never for good.
        var end = await users.GetLockoutEndDateAsync(user);
        Assert.NotNull(end);
        Assert.InRange(end.Value, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(16));
        Assert.Contains(await admins.ListAsync(world.Admin), r => r.Id == id && r.IsLockedOut);

        await admins.SetLockedAsync(world.Admin, id, locked: false);

        var fresh = world.Get<UserManager<ApplicationUser>>();
        var unlocked = (await fresh.FindByIdAsync(id))!;
        Assert.False(await fresh.IsLockedOutAsync(unlocked));
        Assert.Equal(0, await fresh.GetAccessFailedCountAsync(unlocked));
        Assert.True(await fresh.CheckPasswordAsync(unlocked, PortalTestHost.Password));
        Assert.DoesNotContain(await admins.ListAsync(world.Admin), r => r.Id == id && r.IsLockedOut);
    }

    [Fact]
    public async Task AnAccountCannotBeCreatedOrLeftWithoutARole()
    {
        var admins = world.Get<UserAdminService>();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => admins.CreateAsync(world.Admin, "no.role@test.local", "No Role", PortalTestHost.Password, []));

        Assert.Contains(ex.Errors, e => e.Field == "Roles");
        Assert.Null(await world.Get<UserManager<ApplicationUser>>().FindByEmailAsync("no.role@test.local"));
        var id = await admins.CreateAsync(world.Admin, "one.role@test.local", "One Role", PortalTestHost.Password, [Roles.Athlete]);
        await Assert.ThrowsAsync<ValidationFailedException>(() => admins.SetRolesAsync(world.Admin, id, []));
    }

    [Fact]
    public async Task AnAdminCannotRemoveTheirOwnAdminRoleOrLockThemselves()
    {
        await Assert.ThrowsAsync<ValidationFailedException>(() => world.Get<UserAdminService>().SetRolesAsync(world.Admin, world.Admin.UserId, [Roles.Coach]));
        await Assert.ThrowsAsync<ValidationFailedException>(() => world.Get<UserAdminService>().SetLockedAsync(world.Admin, world.Admin.UserId, locked: true));
    }

    [Fact]
    public async Task SignInsAreCountedPerDayAndAccountsPerRole()
    {
        await world.Get<AccountActivityService>().RecordSignInAsync(world.CoachA.UserId);
        await world.Get<AccountActivityService>().RecordSignInAsync(world.CoachB.UserId);

        var perDay = await world.Get<UserAdminService>().SignInsPerDayAsync(world.Admin, 7);
        Assert.Equal(7, perDay.Count);
        Assert.True(perDay[^1].Count >= 2);
        var byRole = await world.Get<UserAdminService>().AccountsByRoleAsync(world.Admin);
        Assert.True(byRole[Roles.Coach] >= 2);
        Assert.True(byRole[Roles.Athlete] >= 2);
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
