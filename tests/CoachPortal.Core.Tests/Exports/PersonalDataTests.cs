using System.IO.Compression;
using System.Security.Cryptography;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Exports;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Load.Performance;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Core.Wellness;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Core.Tests.Exports;

public sealed class PersonalDataTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    [Fact]
    public async Task ASessionsCsvNeutralisesFormulaLikeTextAndKeepsNumbers()
    {
        var sessionId = await AddSessionAsync(world.TeamMateOfA, "=HYPERLINK(\"http://evil\")", -3.5);

        var csv = await world.Get<ExportService>().CsvAsync(world.CoachA, ExportScope.Athlete(world.TeamMateOfA), ExportKind.Sessions);

        var line = csv.Split("\r\n").Single(l => l.StartsWith(sessionId + ",", StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", line, StringComparison.Ordinal);
        Assert.Contains(",-3.5,", line, StringComparison.Ordinal);
        Assert.Equal("'@cmd", CsvText.Cell("@cmd"));
        Assert.Equal("'+1", CsvText.Cell("+1"));
        Assert.Equal("-1", CsvText.Cell(-1));
    }

    [Fact]
    public async Task ACsvExportStaysMachineReadableWhateverTheCultureOfTheReader()
    {
        var sessionId = await AddSessionAsync(world.TeamMateOfA, "comma run", 1234.5);
        var before = System.Globalization.CultureInfo.CurrentCulture;
        string csv;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            csv = await world.Get<ExportService>().CsvAsync(world.CoachA, ExportScope.Athlete(world.TeamMateOfA), ExportKind.Sessions);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }

        var line = csv.Split("\r\n").Single(l => l.StartsWith(sessionId + ",", StringComparison.Ordinal));
        Assert.Contains(",1234.5,", line, StringComparison.Ordinal);
        Assert.DoesNotContain("1234,5", line, StringComparison.Ordinal);
        Assert.Matches(@",\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z,", line);
    }

    [Fact]
    public async Task ATeamExportHoldsEveryAthleteOfTheTeamAndNoOneElse()
    {
        await AddSessionAsync(world.AthleteAProfile, "team run", 1);
        await AddSessionAsync(world.AthleteBProfile, "other team run", 1);

        var csv = await world.Get<ExportService>().CsvAsync(world.CoachA, ExportScope.Team(world.TeamA), ExportKind.Sessions);

        Assert.Contains("Ada Alpha", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Bo Beta", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("other team run", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyExportsAnotherTeamsOrAnotherAthletesData()
    {
        var exports = world.Get<ExportService>();

        await Assert.ThrowsAsync<NotFoundException>(() => exports.CsvAsync(world.CoachA, ExportScope.Athlete(world.AthleteBProfile), ExportKind.Wellness));
        await Assert.ThrowsAsync<NotFoundException>(() => exports.CsvAsync(world.CoachA, ExportScope.Team(world.TeamB), ExportKind.DailyLoad));
        await Assert.ThrowsAsync<NotFoundException>(() => exports.CsvAsync(world.AthleteA, ExportScope.Athlete(world.TeamMateOfA), ExportKind.Sessions));
        await Assert.ThrowsAsync<NotFoundException>(() => exports.CsvAsync(world.AthleteA, ExportScope.Team(world.TeamA), ExportKind.Sessions));
        await Assert.ThrowsAsync<NotFoundException>(() => exports.PersonalDataAsync(world.AthleteB, world.AthleteAProfile, Stream.Null));
    }

    [Fact]
    public async Task TheAthletesPersonalDataZipHoldsTheirRecordsAndOriginalFilesAndIsAudited()
    {
        await world.Get<WellnessService>().SaveTodayAsync(world.AthleteA, world.AthleteAProfile, new WellnessInput { Readiness = 7, Notes = "slept well" });
        var original = "time,heart_rate\n2026-01-01T08:00:00Z,120\n"u8.ToArray();
        await AddUploadAsync(world.AthleteAProfile, "morning.csv", original);
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4];
        await AddMediaAsync(world.AthleteAProfile, "squat.jpg", photo);

        using var zip = new MemoryStream();
        await world.Get<ExportService>().PersonalDataAsync(world.AthleteA, world.AthleteAProfile, zip);

        zip.Position = 0;
        using var archive = new ZipArchive(zip);
        var names = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("profile.json", names);
        Assert.Contains("sessions.csv", names);
        Assert.Contains("planned-sessions.csv", names);
        Assert.Contains("forecasts.csv", names);
        Assert.Contains("slept well", Read(archive, "wellness.csv"), StringComparison.Ordinal);
        Assert.Contains("\"FirstName\": \"Ada\"", Read(archive, "profile.json"), StringComparison.Ordinal);
        var clip = Assert.Single(archive.Entries, e => e.FullName.StartsWith("photos-and-clips/", StringComparison.Ordinal) && e.FullName.EndsWith("squat.jpg", StringComparison.Ordinal));
        using (var clipContent = new MemoryStream())
        {
            await using (var s = clip.Open())
            {
                await s.CopyToAsync(clipContent);
            }

            Assert.Equal(photo, clipContent.ToArray());
        }

        var file = Assert.Single(archive.Entries, e => e.FullName.StartsWith("original-files/", StringComparison.Ordinal) && e.FullName.EndsWith("morning.csv", StringComparison.Ordinal));
        using var content = new MemoryStream();
        await using (var s = file.Open())
        {
            await s.CopyToAsync(content);
        }

        Assert.Equal(original, content.ToArray());
        var audit = await world.Get<AuditLog>().QueryAsync(world.Admin, new AuditFilter(AuditActions.Export));
        Assert.Contains(audit, e => e.UserId == world.AthleteA.UserId && e.Target == $"athlete {world.AthleteAProfile}" && e.Detail == "personal data (zip)");
    }

    [Fact]
    public async Task ErasureRemovesTheAthletesRowsFilesAndAccountMarksModelsAndLeavesAnAuditLine()
    {
        var (athleteId, caller) = await NewAthleteWithAccountAsync("erase.me@test.local");
        await world.Get<WellnessService>().SaveTodayAsync(caller, athleteId, new WellnessInput { Readiness = 5 });
        await AddSessionAsync(athleteId, "to be erased", 1);
        var only = "unique bytes of the erased athlete"u8.ToArray();
        var shared = "bytes the team-mate uploaded too"u8.ToArray();
        await AddUploadAsync(athleteId, "mine.fit", only);
        await AddUploadAsync(athleteId, "shared.fit", shared);
        await AddUploadAsync(world.TeamMateOfA, "shared.fit", shared);
        var versionId = await AddModelVersionAsync(world.TeamA);
        var erasure = world.Get<ErasureService>();

        await Assert.ThrowsAsync<NotFoundException>(() => erasure.EraseAsync(world.CoachB, athleteId));
        await Assert.ThrowsAsync<ForbiddenException>(() => erasure.EraseAsync(caller, athleteId));
        await erasure.RequestAsync(caller, athleteId);
        var result = await erasure.EraseAsync(world.CoachA, athleteId);

        Assert.Equal(1, result.Sessions);
        Assert.Equal(2, result.Files);
        Assert.True(result.Account);
        await using var db = world.CreateDb();
        Assert.False(await db.Athletes.AnyAsync(a => a.Id == athleteId));
        Assert.False(await db.TrainingSessions.AnyAsync(s => s.AthleteId == athleteId));
        Assert.False(await db.WellnessCheckIns.AnyAsync(w => w.AthleteId == athleteId));
        Assert.False(await db.Users.AnyAsync(u => u.Id == caller.UserId));
        var files = world.Get<IFileStore>();
        Assert.Null(await files.GetAsync(Hash(only), default));
        Assert.Equal(shared, await files.GetAsync(Hash(shared), default));
        Assert.NotNull((await db.ModelVersions.SingleAsync(v => v.Id == versionId)).RetrainReason);
        var lines = await world.Get<AuditLog>().QueryAsync(world.Admin, new AuditFilter());
        Assert.Contains(lines, e => e.Action == AuditActions.ErasureRequested && e.Target == $"athlete {athleteId}");
        var erased = Assert.Single(lines, e => e.Action == AuditActions.Erasure && e.Target!.StartsWith($"athlete {athleteId} ", StringComparison.Ordinal));
        Assert.Equal(world.CoachA.UserId, erased.UserId);
        Assert.DoesNotContain("erase.me", erased.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAdminsReadTheAuditTrailAndOldLinesArePurged()
    {
        var audit = world.Get<AuditLog>();
        await using (var db = world.CreateDb())
        {
            db.AuditEntries.Add(new AuditEntry { AtUtc = DateTime.UtcNow.AddDays(-800), Action = AuditActions.Upload, Target = "ancient" });
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<ForbiddenException>(() => audit.QueryAsync(world.CoachA, new AuditFilter()));
        Assert.True(await audit.PurgeAsync() >= 1);
        var lines = await audit.QueryAsync(world.Admin, new AuditFilter(Take: 10_000));
        Assert.DoesNotContain(lines, e => e.Target == "ancient");
        Assert.Contains(lines, e => e.Action == AuditActions.RetentionPurge);
        var csv = await audit.CsvAsync(world.Admin, new AuditFilter(AuditActions.RetentionPurge));
        Assert.StartsWith("time_utc,user,action,target,detail,address\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingAnInjuryLeavesADeletionLineNamingWhoAndWhat()
    {
        var athleteId = await world.Get<AthleteService>().CreateAsync(world.CoachA, world.TeamA, PortalTestHost.AnAthlete("Dee", "Leted"));
        var performance = world.Get<PerformanceService>();
        var injuryId = await performance.AddInjuryAsync(world.CoachA, athleteId, Security.MatrixWorld.AnInjury());

        await performance.DeleteInjuryAsync(world.CoachA, injuryId);

        var lines = await world.Get<AuditLog>().QueryAsync(world.Admin, new AuditFilter(AuditActions.Deletion, Take: 10_000));
        var line = Assert.Single(lines, e => e.Target == $"athlete {athleteId}");
        Assert.Equal(world.CoachA.UserId, line.UserId);
        Assert.Equal($"injury {injuryId}", line.Detail);
        Assert.Empty(await performance.ListInjuriesAsync(world.CoachA, athleteId));
    }

    private async Task<int> AddSessionAsync(int athleteId, string title, double tss)
    {
        await using var db = world.CreateDb();
        var session = new TrainingSession { AthleteId = athleteId, StartUtc = DateTime.UtcNow.AddDays(-1), Title = title, DurationSeconds = 3600, Tss = tss };
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    private async Task AddUploadAsync(int athleteId, string name, byte[] content)
    {
        var hash = Hash(content);
        await world.Get<IFileStore>().PutAsync(hash, content, default);
        await using var db = world.CreateDb();
        db.UploadedFiles.Add(new UploadedFile
        {
            AthleteId = athleteId,
            UploadedByUserId = world.CoachA.UserId,
            OriginalName = name,
            SizeBytes = content.Length,
            Sha256 = hash,
            Status = UploadStatus.Failed,
        });
        await db.SaveChangesAsync();
    }

    private async Task AddMediaAsync(int athleteId, string name, byte[] content)
    {
        var hash = Hash(content);
        await world.Get<IFileStore>().PutAsync(hash, content, default);
        await using var db = world.CreateDb();
        db.SessionMedia.Add(new CoachPortal.Core.Media.SessionMedia
        {
            AthleteId = athleteId,
            Kind = CoachPortal.Core.Media.MediaKind.Photo,
            ContentType = "image/jpeg",
            OriginalName = name,
            SizeBytes = content.Length,
            Sha256 = hash,
            CreatedByUserId = world.CoachA.UserId,
            CreatedUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private async Task<int> AddModelVersionAsync(int teamId)
    {
        await using var db = world.CreateDb();
        var run = new CoachPortal.Core.Forecasting.Runs.TrainingRun { TeamId = teamId, RequestedByUserId = world.CoachA.UserId };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync();
        var version = new ModelVersion { TrainingRunId = run.Id, TeamId = teamId, Scope = ModelScope.Team };
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync();
        return version.Id;
    }

    private async Task<(int AthleteId, Caller Caller)> NewAthleteWithAccountAsync(string email)
    {
        using var scope = world.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        Assert.True((await users.CreateAsync(user, PortalTestHost.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Athlete);
        var id = await world.Get<AthleteService>().CreateAsync(world.CoachA, world.TeamA, PortalTestHost.AnAthlete("Erin", "Erased"));
        await using var db = world.CreateDb();
        await db.Athletes.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, user.Id));
        return (id, Caller.Of(user.Id, Roles.Athlete));
    }

    private static string Read(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
