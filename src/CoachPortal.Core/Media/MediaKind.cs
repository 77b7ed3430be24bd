namespace CoachPortal.Core.Media;

public enum MediaKind
{
    Photo = 0,
    Video = 1,
}
