using System.ComponentModel.DataAnnotations;

namespace CoachPortal.Core.Teams;

public sealed class TeamInput
{
    [Required(ErrorMessage = "A team needs a name.")]
    [StringLength(100, ErrorMessage = "A team name has at most 100 characters.")]
    public string Name { get; set; } = "";

    [StringLength(60, ErrorMessage = "The sport has at most 60 characters.")]
    public string? Sport { get; set; }

    [StringLength(1000, ErrorMessage = "The description has at most 1000 characters.")]
    public string? Description { get; set; }
}
