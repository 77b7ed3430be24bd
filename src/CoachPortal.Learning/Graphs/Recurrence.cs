namespace CoachPortal.Learning.Graphs;

/// <summary>One step of a recurrence: the new states from the states, the step's inputs and outer weights.</summary>
internal delegate Tensor[] RecurrentCell(Graph body, Tensor[] state, Tensor[] stepInputs, Tensor[] weights);

/// <summary>
/// A recurrence as ONNX Scan, so the graph size does not grow with T (unrolling T=365 took 21 s to create a session).
/// The forward Scan also emits the state entering each step; the backward pass is a second Scan, run in reverse, whose
/// body recomputes the cell from that saved state and applies the cell's vector-Jacobian product (derived by the same
/// autodiff on the body), carrying d(state) and the accumulated weight gradients as loop state.
/// </summary>
internal static class Recurrence
{
    /// <param name="graph">the enclosing graph</param>
    /// <param name="cell">the step function</param>
    /// <param name="initial">initial states, e.g. h0 [N, H]</param>
    /// <param name="sequences">sequences scanned along axis 1, e.g. [N, T, F]</param>
    /// <param name="weights">outer tensors the cell reads; they receive gradients</param>
    /// <returns>the final states</returns>
    public static Tensor[] Scan(Graph graph, RecurrentCell cell, Tensor[] initial, Tensor[] sequences, Tensor[] weights)
    {
        var steps = sequences[0].Shape[1];
        var body = new Graph(graph.FreshName("scan") + "/");
        var state = initial.Select(t => body.Input(body.FreshName("s"), t.Type, t.Shape)).ToArray();
        var stepInputs = sequences.Select(q => body.Input(body.FreshName("x"), q.Type, StepShape(q))).ToArray();
        var outer = weights.Select(body.OuterReference).ToArray();
        var next = cell(body, state, stepInputs, outer).Select(body.Identity).ToArray();
        var entering = state.Select(body.Identity).ToArray();
        var outputs = initial.Select(t => (t.Type, t.Shape))
            .Concat(initial.Select(t => (t.Type, (Dim[])[steps, .. t.Shape])))
            .ToArray();
        var result = graph.EmitWithImplicitInputs("Scan", [.. initial, .. sequences], weights, outputs, n =>
        {
            n.Attributes["body"] = new Subgraph(body, [.. next, .. entering]);
            n.Attributes["num_scan_inputs"] = (long)sequences.Length;
            n.Attributes["scan_input_axes"] = sequences.Select(_ => 1L).ToArray();
        }, Backward(cell, initial.Length, sequences.Length, weights.Length));
        return result[..initial.Length];
    }

    private static Dim[] StepShape(Tensor sequence) => sequence.Shape.Where((_, i) => i != 1).ToArray();

    private static GradientRule Backward(RecurrentCell cell, int stateCount, int sequenceCount, int weightCount) =>
        (graph, forward, outputGradients, _) =>
        {
            var initial = forward.Inputs[..stateCount];
            var sequences = forward.Inputs[stateCount..];
            var weights = forward.ImplicitInputs;
            var finals = forward.Outputs[..stateCount];
            var entering = forward.Outputs[stateCount..];

            var body = new Graph(graph.FreshName("scan_grad") + "/");
            var dState = initial.Select(t => body.Input(body.FreshName("ds"), t.Type, t.Shape)).ToArray();
            var accumulated = weights.Select(t => body.Input(body.FreshName("acc"), t.Type, t.Shape)).ToArray();
            var previous = initial.Select(t => body.Input(body.FreshName("sprev"), t.Type, t.Shape)).ToArray();
            var stepInputs = sequences.Select(q => body.Input(body.FreshName("x"), q.Type, StepShape(q))).ToArray();
            var outer = weights.Select(body.OuterReference).ToArray();
            var next = cell(body, previous, stepInputs, outer);
            var seeds = new Dictionary<Tensor, Tensor>();
            for (int i = 0; i < next.Length; i++)
            {
                seeds[next[i]] = dState[i];
            }

            var grads = Autodiff.Differentiator.VectorJacobian(body, seeds, [.. previous, .. stepInputs, .. outer]);
            var dPrevious = previous.Select(t => body.Identity(grads[t])).ToArray();
            var newAccumulated = outer.Select((t, i) => body.Add(accumulated[i], grads[t])).ToArray();
            var dStep = stepInputs.Select(t => body.Identity(grads[t])).ToArray();

            var dFinal = finals.Select((f, i) => outputGradients[i] ?? graph.ZerosLike(f)).ToArray();
            var zeros = weights.Select(graph.ZerosLike).ToArray();
            var outputs = initial.Select(t => (t.Type, t.Shape))
                .Concat(weights.Select(t => (t.Type, t.Shape)))
                .Concat(sequences.Select(q => (q.Type, q.Shape)))
                .ToArray();
            var r = graph.EmitWithImplicitInputs("Scan", [.. dFinal, .. zeros, .. entering, .. sequences], weights, outputs, n =>
            {
                n.Attributes["body"] = new Subgraph(body, [.. dPrevious, .. newAccumulated, .. dStep]);
                n.Attributes["num_scan_inputs"] = (long)(stateCount + sequenceCount);
                n.Attributes["scan_input_axes"] = Enumerable.Repeat(0L, stateCount).Concat(Enumerable.Repeat(1L, sequenceCount)).ToArray();
                // t = T-1 .. 0; outputs are prepended so d(x_t) comes out in time order
                n.Attributes["scan_input_directions"] = Enumerable.Repeat(1L, stateCount + sequenceCount).ToArray();
                n.Attributes["scan_output_axes"] = Enumerable.Repeat(1L, sequenceCount).ToArray();
                n.Attributes["scan_output_directions"] = Enumerable.Repeat(1L, sequenceCount).ToArray();
            }, null);
            var dInitial = r[..stateCount];
            var dWeights = r[stateCount..(stateCount + weightCount)];
            var dSequences = r[(stateCount + weightCount)..];
            return [.. dInitial, .. dSequences, .. dWeights];
        };
}
