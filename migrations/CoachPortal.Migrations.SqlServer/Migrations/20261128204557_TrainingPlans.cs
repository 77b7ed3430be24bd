using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TrainingPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AthletePlanSettings",
                columns: table => new
                {
                    AthleteId = table.Column<int>(type: "int", nullable: false),
                    AvailableDaysMask = table.Column<int>(type: "int", nullable: false),
                    MaxMinutesPerDay = table.Column<int>(type: "int", nullable: true),
                    FeedTokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AthletePlanSettings", x => x.AthleteId);
                    table.ForeignKey(
                        name: "FK_AthletePlanSettings_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TeamId = table.Column<int>(type: "int", nullable: true),
                    OwnerUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Sport = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    FirstWeekTss = table.Column<double>(type: "float", nullable: false),
                    RampPercentPerWeek = table.Column<double>(type: "float", nullable: false),
                    RecoveryEveryWeeks = table.Column<int>(type: "int", nullable: false),
                    RecoveryWeekFactor = table.Column<double>(type: "float", nullable: false),
                    IsArchived = table.Column<bool>(type: "bit", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTemplates_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Target = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Architecture = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Scope = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    TeamId = table.Column<int>(type: "int", nullable: true),
                    HyperParametersJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    CancelRequested = table.Column<bool>(type: "bit", nullable: false),
                    Epoch = table.Column<int>(type: "int", nullable: false),
                    MaxEpochs = table.Column<int>(type: "int", nullable: false),
                    TrainingLoss = table.Column<double>(type: "float", nullable: true),
                    ValidationLoss = table.Column<double>(type: "float", nullable: true),
                    LossHistoryJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Device = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    DeviceReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    FailureReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RequestedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FinishedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ModelVersionId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingRuns_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Workouts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TeamId = table.Column<int>(type: "int", nullable: true),
                    OwnerUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Sport = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    IsArchived = table.Column<bool>(type: "bit", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Workouts_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanTemplateId = table.Column<int>(type: "int", nullable: false),
                    AthleteId = table.Column<int>(type: "int", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EventDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EventName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Priority = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    MaxRampPerWeek = table.Column<double>(type: "float", nullable: false),
                    OverrideAcwr = table.Column<bool>(type: "bit", nullable: false),
                    MaxHighIntensityShare = table.Column<double>(type: "float", nullable: false),
                    IsCancelled = table.Column<bool>(type: "bit", nullable: false),
                    PersonalisedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanAssignments_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanAssignments_PlanTemplates_PlanTemplateId",
                        column: x => x.PlanTemplateId,
                        principalTable: "PlanTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanBlocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanTemplateId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Phase = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Weeks = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanBlocks_PlanTemplates_PlanTemplateId",
                        column: x => x.PlanTemplateId,
                        principalTable: "PlanTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanTemplateSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanTemplateId = table.Column<int>(type: "int", nullable: false),
                    WeekIndex = table.Column<int>(type: "int", nullable: false),
                    DayIndex = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Sport = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTemplateSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTemplateSessions_PlanTemplates_PlanTemplateId",
                        column: x => x.PlanTemplateId,
                        principalTable: "PlanTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TrainingRunId = table.Column<int>(type: "int", nullable: false),
                    Target = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Architecture = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Scope = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    TeamId = table.Column<int>(type: "int", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    DataSpan = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    DataHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    TrainSamples = table.Column<int>(type: "int", nullable: false),
                    TestSamples = table.Column<int>(type: "int", nullable: false),
                    TestFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    HyperParametersJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    NormalizationJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Device = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    DeviceReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    TrainingSeconds = table.Column<double>(type: "float", nullable: false),
                    MetricName = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    TestError = table.Column<double>(type: "float", nullable: false),
                    BestBaselineName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    BestBaselineError = table.Column<double>(type: "float", nullable: false),
                    MetricsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TestSeriesJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    OnnxBytes = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    PromotionOverrideReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    PromotedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    PromotedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelVersions_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ModelVersions_TrainingRuns_TrainingRunId",
                        column: x => x.TrainingRunId,
                        principalTable: "TrainingRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlannedSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanAssignmentId = table.Column<int>(type: "int", nullable: false),
                    AthleteId = table.Column<int>(type: "int", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Sport = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    TemplateText = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    PlannedDurationSeconds = table.Column<double>(type: "float", nullable: false),
                    PlannedTss = table.Column<double>(type: "float", nullable: false),
                    ChangeReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SkipReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Rpe = table.Column<int>(type: "int", nullable: true),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CompletedSessionId = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedSessions_PlanAssignments_PlanAssignmentId",
                        column: x => x.PlanAssignmentId,
                        principalTable: "PlanAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelPredictions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ModelVersionId = table.Column<int>(type: "int", nullable: false),
                    AthleteId = table.Column<int>(type: "int", nullable: false),
                    Target = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    AsOfDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "float", nullable: false),
                    Lower = table.Column<double>(type: "float", nullable: false),
                    Upper = table.Column<double>(type: "float", nullable: false),
                    ExplanationJson = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelPredictions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelPredictions_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ModelPredictions_ModelVersions_ModelVersionId",
                        column: x => x.ModelVersionId,
                        principalTable: "ModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AthletePlanSettings_FeedTokenHash",
                table: "AthletePlanSettings",
                column: "FeedTokenHash",
                unique: true,
                filter: "[FeedTokenHash] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ModelPredictions_AthleteId_Target_AsOfDate",
                table: "ModelPredictions",
                columns: new[] { "AthleteId", "Target", "AsOfDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelPredictions_ModelVersionId_AthleteId_AsOfDate",
                table: "ModelPredictions",
                columns: new[] { "ModelVersionId", "AthleteId", "AsOfDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_Target_Status",
                table: "ModelVersions",
                columns: new[] { "Target", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_TeamId",
                table: "ModelVersions",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_TrainingRunId",
                table: "ModelVersions",
                column: "TrainingRunId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanAssignments_AthleteId_EventDate",
                table: "PlanAssignments",
                columns: new[] { "AthleteId", "EventDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanAssignments_PlanTemplateId",
                table: "PlanAssignments",
                column: "PlanTemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanBlocks_PlanTemplateId",
                table: "PlanBlocks",
                column: "PlanTemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedSessions_AthleteId_Date",
                table: "PlannedSessions",
                columns: new[] { "AthleteId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PlannedSessions_CompletedSessionId",
                table: "PlannedSessions",
                column: "CompletedSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedSessions_PlanAssignmentId",
                table: "PlannedSessions",
                column: "PlanAssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTemplates_TeamId",
                table: "PlanTemplates",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTemplateSessions_PlanTemplateId_WeekIndex_DayIndex",
                table: "PlanTemplateSessions",
                columns: new[] { "PlanTemplateId", "WeekIndex", "DayIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRuns_TeamId_CreatedUtc",
                table: "TrainingRuns",
                columns: new[] { "TeamId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Workouts_OwnerUserId",
                table: "Workouts",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Workouts_TeamId_Name",
                table: "Workouts",
                columns: new[] { "TeamId", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AthletePlanSettings");

            migrationBuilder.DropTable(
                name: "ModelPredictions");

            migrationBuilder.DropTable(
                name: "PlanBlocks");

            migrationBuilder.DropTable(
                name: "PlannedSessions");

            migrationBuilder.DropTable(
                name: "PlanTemplateSessions");

            migrationBuilder.DropTable(
                name: "Workouts");

            migrationBuilder.DropTable(
                name: "ModelVersions");

            migrationBuilder.DropTable(
                name: "PlanAssignments");

            migrationBuilder.DropTable(
                name: "TrainingRuns");

            migrationBuilder.DropTable(
                name: "PlanTemplates");
        }
    }
}
