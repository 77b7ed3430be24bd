using CoachPortal.Analytics.Planning;

namespace CoachPortal.Core.Plans.Templates;

/// <summary>Week-by-week load targets of a template.</summary>
public static class PlanWeeks
{
    /// <summary>
    /// Target of week w: first-week TSS × (1 + ramp)^(loading weeks so far) × the phase factor; recovery weeks (every Nth,
    /// and Recovery blocks) keep <see cref="PlanTemplate.RecoveryWeekFactor"/> of the trend and do not advance it.
    /// Taper weeks step down 20 % a week from the last peak load (Mujika and Padilla 2003: 41–60 % volume cut over 2 weeks).
    /// </summary>
    public static IReadOnlyList<PlanWeek> Of(PlanTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var weeks = new List<PlanWeek>();
        var trend = template.FirstWeekTss;
        var ramp = 1 + template.RampPercentPerWeek / 100;
        var index = 0;
        var taperWeek = 0;
        foreach (var block in template.Blocks.OrderBy(b => b.Order))
        {
            for (var w = 0; w < block.Weeks; w++, index++)
            {
                var isRecovery = block.Phase == PlanPhase.Recovery
                    || (template.RecoveryEveryWeeks > 0 && block.Phase is PlanPhase.Base or PlanPhase.Build && (index + 1) % template.RecoveryEveryWeeks == 0);
                double target;
                if (block.Phase == PlanPhase.Taper)
                {
                    taperWeek++;
                    target = trend * Math.Max(0.4, 1 - 0.2 * taperWeek);
                }
                else if (isRecovery)
                {
                    target = trend * template.RecoveryWeekFactor;
                }
                else
                {
                    target = trend;
                    if (block.Phase != PlanPhase.Peak)
                    {
                        trend *= ramp;
                    }
                }

                weeks.Add(new PlanWeek(index, block.Phase, isRecovery, Math.Round(target, 1)));
            }
        }

        return weeks;
    }
}
