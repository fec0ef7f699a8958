namespace Complaints.Core.Sla;

/// <summary>
/// Where an engine's clocks live in an <see cref="SlaClocks"/>: one slot per target of every policy counted from the same
/// start (kept elapsed), then one per target of each policy that restarts its clocks on a change. Built once per engine.
/// </summary>
internal sealed class SlaLayout
{
    public SlaLayout(SlaPolicy[] policies, string[] required)
    {
        var groups = new List<string>();
        GroupOf = new int[policies.Length];
        KeptSlot = new int[policies.Length];
        RestartSlot = new int[policies.Length];
        var targets = new List<SlaTarget>();
        var chains = new List<int>();
        var owners = new List<int>();
        for (var p = 0; p < policies.Length; p++)
        {
            var group = groups.IndexOf(policies[p].Group);
            if (group < 0)
            {
                group = groups.Count;
                groups.Add(policies[p].Group);
            }

            GroupOf[p] = group;
            KeptSlot[p] = targets.Count;
            AddSlots(policies[p], targets, chains);
            owners.AddRange(Enumerable.Repeat(p, policies[p].Targets.Count));
        }

        for (var p = 0; p < policies.Length; p++)
        {
            RestartSlot[p] = -1;
            if (policies[p].OnChange == SlaChangeRule.Restart)
            {
                RestartSlot[p] = targets.Count;
                AddSlots(policies[p], targets, chains);
                owners.AddRange(Enumerable.Repeat(p, policies[p].Targets.Count));
            }
        }

        Groups = [.. groups];
        RequiredGroups = [.. required.Select(g => groups.IndexOf(g))];
        SlotTarget = [.. targets];
        SlotChain = [.. chains];
        SlotPolicy = [.. owners];
        SlotPolicyOf = [.. owners.Select(o => policies[o])];
        SlotRestarts = new bool[targets.Count];
        for (var p = 0; p < policies.Length; p++)
        {
            if (RestartSlot[p] >= 0)
            {
                Array.Fill(SlotRestarts, true, RestartSlot[p], policies[p].Targets.Count);
            }
        }

        // One key per group and target name: the results a reopening keeps or sets aside are the same-named target's in the group, whichever policy applies.
        var keys = new List<(string Group, string Target)>();
        SlotKey = new int[targets.Count];
        for (var s = 0; s < targets.Count; s++)
        {
            var key = (groups[GroupOf[owners[s]]], targets[s].Name);
            SlotKey[s] = keys.IndexOf(key) is var k && k >= 0 ? k : keys.Count;
            if (SlotKey[s] == keys.Count)
            {
                keys.Add(key);
            }
        }

        Keys = [.. keys];
        MaxPolicyTargets = policies.Length == 0 ? 0 : policies.Max(p => p.Targets.Count);
        MaxReported = Enumerable.Range(0, Groups.Length)
            .Sum(g => Enumerable.Range(0, policies.Length).Where(p => GroupOf[p] == g).Max(p => policies[p].Targets.Count));
        MaxCompared = Enumerable.Range(0, Groups.Length)
            .Sum(g => Enumerable.Range(0, policies.Length).Where(p => GroupOf[p] == g && policies[p].OnChange == SlaChangeRule.Stricter).Select(p => policies[p].Targets.Count).DefaultIfEmpty(0).Max());
        StricterSlot = new int[policies.Length][];
        for (var p = 0; p < policies.Length; p++)
        {
            // For each target of p, and each policy q that may have applied before p, the slot of q's unchained target of
            // the same name (kept elapsed), or -1.
            StricterSlot[p] = new int[policies[p].Targets.Count * policies.Length];
            for (var t = 0; t < policies[p].Targets.Count; t++)
            {
                for (var q = 0; q < policies.Length; q++)
                {
                    var counterpart = policies[q].StricterCounterpart(policies[p].Targets[t]);
                    StricterSlot[p][(t * policies.Length) + q] = counterpart is null ? -1 : KeptSlot[q] + IndexOf(policies[q], counterpart);
                }
            }
        }
    }

    /// <summary>Gets the group names, by group index.</summary>
    public string[] Groups { get; }

    /// <summary>Gets the group index of each policy.</summary>
    public int[] GroupOf { get; }

    /// <summary>Gets the indices of the groups some policy must select.</summary>
    public int[] RequiredGroups { get; }

    /// <summary>Gets the first slot of each policy's clocks counted from the same start.</summary>
    public int[] KeptSlot { get; }

    /// <summary>Gets the first slot of each policy's restarting clocks, or -1 when the policy keeps elapsed time.</summary>
    public int[] RestartSlot { get; }

    /// <summary>Gets the target of each slot.</summary>
    public SlaTarget[] SlotTarget { get; }

    /// <summary>Gets the policy each slot belongs to.</summary>
    public int[] SlotPolicy { get; }

    /// <summary>Gets the policy each slot belongs to, itself.</summary>
    public SlaPolicy[] SlotPolicyOf { get; }

    /// <summary>Gets whether each slot is a restarting clock (one that begins again when its policy starts to apply).</summary>
    public bool[] SlotRestarts { get; }

    /// <summary>Gets the slot of the earlier clock a slot's clock is chained from, or -1.</summary>
    public int[] SlotChain { get; }

    /// <summary>Gets, per policy, the slot its targets are compared with under <see cref="SlaChangeRule.Stricter"/>, by (target × policies + earlier policy).</summary>
    public int[][] StricterSlot { get; }

    public int SlotCount => SlotTarget.Length;

    /// <summary>Gets the key of each slot: one per group and target name, so a policy's and its neighbour's same-named targets share it.</summary>
    public int[] SlotKey { get; }

    /// <summary>Gets the group and target name of each key, by key index.</summary>
    public (string Group, string Target)[] Keys { get; }

    /// <summary>Gets the number of distinct keys.</summary>
    public int KeyCount => Keys.Length;

    /// <summary>Gets the key of a policy's target.</summary>
    public int KeyOf(int policy, int target) => SlotKey[KeptSlot[policy] + target];

    /// <summary>Gets the most targets one policy has.</summary>
    public int MaxPolicyTargets { get; }

    /// <summary>Gets the most targets reported for one complaint: per group, the most of any of its policies.</summary>
    public int MaxReported { get; }

    /// <summary>Gets the most targets compared with the previous policy's under the stricter rule: per group, the most of any of its stricter-rule policies.</summary>
    public int MaxCompared { get; }

    private static void AddSlots(SlaPolicy policy, List<SlaTarget> targets, List<int> chains)
    {
        var first = targets.Count;
        foreach (var target in policy.Targets)
        {
            chains.Add(target.ChainedFrom is { } c ? first + c : -1);
            targets.Add(target);
        }
    }

    private static int IndexOf(SlaPolicy policy, SlaTarget target)
    {
        for (var i = 0; i < policy.Targets.Count; i++)
        {
            if (policy.Targets[i] == target)
            {
                return i;
            }
        }

        return -1;
    }
}
