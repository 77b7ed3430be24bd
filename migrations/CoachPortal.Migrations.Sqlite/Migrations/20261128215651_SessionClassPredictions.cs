using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SessionClassPredictions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "PredictedClassConfidence",
                table: "TrainingSessions",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PredictedClassLabel",
                table: "TrainingSessions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PredictedClassModelVersionId",
                table: "TrainingSessions",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PredictedClassConfidence",
                table: "TrainingSessions");

            migrationBuilder.DropColumn(
                name: "PredictedClassLabel",
                table: "TrainingSessions");

            migrationBuilder.DropColumn(
                name: "PredictedClassModelVersionId",
                table: "TrainingSessions");
        }
    }
}
