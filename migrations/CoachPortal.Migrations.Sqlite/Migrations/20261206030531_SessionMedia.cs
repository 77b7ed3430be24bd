using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SessionMedia : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SessionMedia",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AthleteId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: true),
                    PlannedSessionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Thumbnail = table.Column<byte[]>(type: "BLOB", nullable: true),
                    WidthPixels = table.Column<int>(type: "INTEGER", nullable: true),
                    HeightPixels = table.Column<int>(type: "INTEGER", nullable: true),
                    Exercise = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionMedia", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionMedia_Athletes_AthleteId",
                        column: x => x.AthleteId,
                        principalTable: "Athletes",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SessionMedia_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FrameLabels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MediaId = table.Column<int>(type: "INTEGER", nullable: false),
                    FrameIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeSeconds = table.Column<double>(type: "REAL", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Exercise = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameLabels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrameLabels_SessionMedia_MediaId",
                        column: x => x.MediaId,
                        principalTable: "SessionMedia",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MediaKeypoints",
                columns: table => new
                {
                    MediaId = table.Column<int>(type: "INTEGER", nullable: false),
                    FramesPerSecond = table.Column<double>(type: "REAL", nullable: false),
                    FrameCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AspectRatio = table.Column<double>(type: "REAL", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaKeypoints", x => x.MediaId);
                    table.ForeignKey(
                        name: "FK_MediaKeypoints_SessionMedia_MediaId",
                        column: x => x.MediaId,
                        principalTable: "SessionMedia",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FrameLabels_MediaId_FrameIndex",
                table: "FrameLabels",
                columns: new[] { "MediaId", "FrameIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionMedia_AthleteId_CreatedUtc",
                table: "SessionMedia",
                columns: new[] { "AthleteId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionMedia_PlannedSessionId",
                table: "SessionMedia",
                column: "PlannedSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionMedia_SessionId",
                table: "SessionMedia",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionMedia_Sha256",
                table: "SessionMedia",
                column: "Sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FrameLabels");

            migrationBuilder.DropTable(
                name: "MediaKeypoints");

            migrationBuilder.DropTable(
                name: "SessionMedia");
        }
    }
}
