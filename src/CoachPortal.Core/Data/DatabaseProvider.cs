namespace CoachPortal.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
