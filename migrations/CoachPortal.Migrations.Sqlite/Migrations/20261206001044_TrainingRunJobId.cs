using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TrainingRunJobId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "JobId",
                table: "TrainingRuns",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "JobId",
                table: "TrainingRuns");
        }
    }
}
