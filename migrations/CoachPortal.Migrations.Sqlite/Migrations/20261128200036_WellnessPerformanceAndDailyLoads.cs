using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WellnessPerformanceAndDailyLoads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DailyLoads",
                columns: table => new
                {
                    AthleteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PrimaryLoad = table.Column<double>(type: "REAL", nullable: false),
                    PrimaryMetric = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PrimarySource = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TssLoad = table.Column<double>(type: "REAL", nullable: true),
                    TrimpLoad = table.Column<double>(type: "REAL", nullable: true),
                    SessionRpeLoad = table.Column<double>(type: "REAL", nullable: true),
                    SessionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Ctl = table.Column<double>(type: "REAL", nullable: false),
                    Atl = table.Column<double>(type: "REAL", nullable: false),
                    Tsb = table.Column<double>(type: "REAL", nullable: false),
                    AcuteLoad = table.Column<double>(type: "REAL", nullable: false),
                    ChronicLoad = table.Column<double>(type: "REAL", nullable: false),
                    AcwrRolling = table.Column<double>(type: "REAL", nullable: true),
                    AcuteEwma = table.Column<double>(type: "REAL", nullable: false),
                    ChronicEwma = table.Column<double>(type: "REAL", nullable: false),
                    AcwrEwma = table.Column<double>(type: "REAL", nullable: true),
                    WeeklyLoad = table.Column<double>(type: "REAL", nullable: false),
                    Monotony = table.Column<double>(type: "REAL", nullable: true),
                    Strain = table.Column<double>(type: "REAL", nullable: true),
                    RampRate = table.Column<double>(type: "REAL", nullable: true),
                    ComputedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyLoads", x => new { x.AthleteId, x.Date });
                    table.ForeignKey(
                        name: "FK_DailyLoads_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Injuries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AthleteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OnsetDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BodyArea = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DaysLost = table.Column<int>(type: "INTEGER", nullable: true),
                    ReturnDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EnteredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Injuries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Injuries_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LoadRecomputeStates",
                columns: table => new
                {
                    AthleteId = table.Column<int>(type: "INTEGER", nullable: false),
                    DirtyFromDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    LastCompletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoadRecomputeStates", x => x.AthleteId);
                    table.ForeignKey(
                        name: "FK_LoadRecomputeStates_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PerformanceTests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AthleteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HigherIsBetter = table.Column<bool>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EnteredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceTests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PerformanceTests_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StoredBlobs",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredBlobs", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "TeamLoadSettings",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    PrimaryMetric = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CtlTimeConstantDays = table.Column<double>(type: "REAL", nullable: false),
                    AtlTimeConstantDays = table.Column<double>(type: "REAL", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamLoadSettings", x => x.TeamId);
                    table.ForeignKey(
                        name: "FK_TeamLoadSettings_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UploadedFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AthleteId = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Warnings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SessionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DuplicateOfFileId = table.Column<int>(type: "INTEGER", nullable: true),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UploadedFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UploadedFiles_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WellnessCheckIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AthleteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Readiness = table.Column<int>(type: "INTEGER", nullable: true),
                    Fatigue = table.Column<int>(type: "INTEGER", nullable: true),
                    Soreness = table.Column<int>(type: "INTEGER", nullable: true),
                    SorenessBodyArea = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SleepHours = table.Column<double>(type: "REAL", nullable: true),
                    SleepQuality = table.Column<int>(type: "INTEGER", nullable: true),
                    Stress = table.Column<int>(type: "INTEGER", nullable: true),
                    Mood = table.Column<int>(type: "INTEGER", nullable: true),
                    RestingHeartRateBpm = table.Column<int>(type: "INTEGER", nullable: true),
                    HrvRmssdMs = table.Column<double>(type: "REAL", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WellnessCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WellnessCheckIns_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AthleteId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceFileId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Sport = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubSport = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DurationSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    MovingSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    DistanceMeters = table.Column<double>(type: "REAL", nullable: true),
                    ElevationGainMeters = table.Column<double>(type: "REAL", nullable: true),
                    AvgHeartRateBpm = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxHeartRateBpm = table.Column<int>(type: "INTEGER", nullable: true),
                    AvgPowerWatts = table.Column<double>(type: "REAL", nullable: true),
                    NormalizedPowerWatts = table.Column<double>(type: "REAL", nullable: true),
                    AvgSpeedMetersPerSecond = table.Column<double>(type: "REAL", nullable: true),
                    Tss = table.Column<double>(type: "REAL", nullable: true),
                    HrTss = table.Column<double>(type: "REAL", nullable: true),
                    TrimpBanister = table.Column<double>(type: "REAL", nullable: true),
                    TrimpEdwards = table.Column<double>(type: "REAL", nullable: true),
                    IntensityFactor = table.Column<double>(type: "REAL", nullable: true),
                    WorkKilojoules = table.Column<double>(type: "REAL", nullable: true),
                    Rpe = table.Column<int>(type: "INTEGER", nullable: true),
                    SessionRpeLoad = table.Column<double>(type: "REAL", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeviceName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ClassLabel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingSessions_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainingSessions_UploadedFiles_SourceFileId",
                        column: x => x.SourceFileId,
                        principalTable: "UploadedFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UploadEntryResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UploadedFileId = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UploadEntryResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UploadEntryResults_UploadedFiles_UploadedFileId",
                        column: x => x.UploadedFileId,
                        principalTable: "UploadedFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionLaps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    LapIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartOffsetSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    DistanceMeters = table.Column<double>(type: "REAL", nullable: true),
                    AvgHeartRateBpm = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxHeartRateBpm = table.Column<int>(type: "INTEGER", nullable: true),
                    AvgPowerWatts = table.Column<double>(type: "REAL", nullable: true),
                    AvgSpeedMetersPerSecond = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionLaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionLaps_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionStreams",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    SampleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionStreams", x => x.SessionId);
                    table.ForeignKey(
                        name: "FK_SessionStreams_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Injuries_AthleteId_OnsetDate",
                table: "Injuries",
                columns: new[] { "AthleteId", "OnsetDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceTests_AthleteId_Kind_Date",
                table: "PerformanceTests",
                columns: new[] { "AthleteId", "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionLaps_SessionId_LapIndex",
                table: "SessionLaps",
                columns: new[] { "SessionId", "LapIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_AthleteId_StartUtc",
                table: "TrainingSessions",
                columns: new[] { "AthleteId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_SourceFileId",
                table: "TrainingSessions",
                column: "SourceFileId");

            migrationBuilder.CreateIndex(
                name: "IX_UploadedFiles_AthleteId_Sha256",
                table: "UploadedFiles",
                columns: new[] { "AthleteId", "Sha256" });

            migrationBuilder.CreateIndex(
                name: "IX_UploadedFiles_UploadedByUserId_CreatedUtc",
                table: "UploadedFiles",
                columns: new[] { "UploadedByUserId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_UploadEntryResults_UploadedFileId",
                table: "UploadEntryResults",
                column: "UploadedFileId");

            migrationBuilder.CreateIndex(
                name: "IX_WellnessCheckIns_AthleteId_Date",
                table: "WellnessCheckIns",
                columns: new[] { "AthleteId", "Date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyLoads");

            migrationBuilder.DropTable(
                name: "Injuries");

            migrationBuilder.DropTable(
                name: "LoadRecomputeStates");

            migrationBuilder.DropTable(
                name: "PerformanceTests");

            migrationBuilder.DropTable(
                name: "SessionLaps");

            migrationBuilder.DropTable(
                name: "SessionStreams");

            migrationBuilder.DropTable(
                name: "StoredBlobs");

            migrationBuilder.DropTable(
                name: "TeamLoadSettings");

            migrationBuilder.DropTable(
                name: "UploadEntryResults");

            migrationBuilder.DropTable(
                name: "WellnessCheckIns");

            migrationBuilder.DropTable(
                name: "TrainingSessions");

            migrationBuilder.DropTable(
                name: "UploadedFiles");
        }
    }
}
