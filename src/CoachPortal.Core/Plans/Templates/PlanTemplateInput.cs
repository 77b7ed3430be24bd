namespace CoachPortal.Core.Plans.Templates;

/// <summary>A template as the coach edits it.</summary>
public sealed record PlanTemplateInput
{
    public string Name { get; init; } = "";

    public string Sport { get; init; } = "";

    public string? Description { get; init; }

    public int? TeamId { get; init; }

    public double FirstWeekTss { get; init; } = 300;

    public double RampPercentPerWeek { get; init; } = 5;

    public int RecoveryEveryWeeks { get; init; } = 4;

    public double RecoveryWeekFactor { get; init; } = 0.6;

    public IReadOnlyList<PlanBlockInput> Blocks { get; init; } = [];

    public IReadOnlyList<PlanSessionInput> Sessions { get; init; } = [];
}
