using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SessionCurvesAndZoneTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HeartRateCurveBpm",
                table: "TrainingSessions",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeartRateZoneSeconds",
                table: "TrainingSessions",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeartRateZoneUpperBoundsBpm",
                table: "TrainingSessions",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PowerCurveWatts",
                table: "TrainingSessions",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SpeedCurveMetersPerSecond",
                table: "TrainingSessions",
                type: "nvarchar(max)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HeartRateCurveBpm",
                table: "TrainingSessions");

            migrationBuilder.DropColumn(
                name: "HeartRateZoneSeconds",
                table: "TrainingSessions");

            migrationBuilder.DropColumn(
                name: "HeartRateZoneUpperBoundsBpm",
                table: "TrainingSessions");

            migrationBuilder.DropColumn(
                name: "PowerCurveWatts",
                table: "TrainingSessions");

            migrationBuilder.DropColumn(
                name: "SpeedCurveMetersPerSecond",
                table: "TrainingSessions");
        }
    }
}
