using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DamagedSessionsAndCsvMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CsvMappingJson",
                table: "UploadedFiles",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AwaitingReview",
                table: "TrainingSessions",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RecoveredPercent",
                table: "TrainingSessions",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TeamCsvMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TeamId = table.Column<int>(type: "int", nullable: false),
                    HeaderHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    HeaderLine = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    MappingJson = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamCsvMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TeamCsvMappings_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TeamCsvMappings_TeamId_HeaderHash",
                table: "TeamCsvMappings",
                columns: new[] { "TeamId", "HeaderHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TeamCsvMappings");

            migrationBuilder.DropColumn(
                name: "CsvMappingJson",
                table: "UploadedFiles");

            migrationBuilder.DropColumn(
                name: "AwaitingReview",
                table: "TrainingSessions");

            migrationBuilder.DropColumn(
                name: "RecoveredPercent",
                table: "TrainingSessions");
        }
    }
}
