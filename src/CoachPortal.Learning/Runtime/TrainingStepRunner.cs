using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CoachPortal.Learning.Runtime;

/// <summary>
/// Runs training steps with parameters and optimiser state resident in device buffers. Two buffer sets are used in
/// turn (A to B, then B to A): binding one OrtValue as input and output of the same run is accepted by ORT and gives
/// wrong results. Under CUDA, BindInput copies host data to the device at bind time, so host inputs (batch, learning
/// rate) are re-bound before every run.
/// </summary>
internal sealed class TrainingStepRunner : IDisposable
{
    private readonly TrainingProgram _program;
    private readonly DeviceSession _train;
    private readonly InferenceSession _evaluate;
    private readonly OrtAllocator? _deviceAllocator;
    private readonly OrtMemoryInfo? _deviceMemory;
    private readonly OrtValue[] _a;
    private readonly OrtValue[] _b;
    private readonly OrtValue[] _staging;
    private readonly float[][] _stagingData;
    private readonly OrtIoBinding _fromStaging;
    private readonly OrtIoBinding _aToB;
    private readonly OrtIoBinding _bToA;
    private readonly float[][] _batch;
    private readonly OrtValue[] _batchValues;
    private readonly float[] _learningRate = new float[1];
    private readonly float[] _loss = new float[1];
    private readonly OrtValue _learningRateValue;
    private readonly OrtValue _lossValue;
    private readonly RunOptions _run = new();
    private readonly int _cudaDeviceId;
    private readonly Dictionary<int, InferenceSession> _readBack = [];
    private StateLocation _current = StateLocation.Staging;

    private enum StateLocation
    {
        Staging,
        A,
        B,
    }

    public TrainingStepRunner(TrainingProgram program, int batchSize, DevicePreference preference, int cudaDeviceId, int intraOpThreads, Action<string>? log)
    {
        _program = program;
        _cudaDeviceId = cudaDeviceId;
        _train = SessionFactory.Create(program.TrainingModel, preference, cudaDeviceId, intraOpThreads, log);
        using (var evalOptions = SessionFactory.Options(intraOpThreads, Device == ExecutionDevice.Cuda ? cudaDeviceId : null))
        {
            _evaluate = new InferenceSession(program.EvaluationModel, evalOptions);
        }

        OrtAllocator allocator = OrtAllocator.DefaultInstance;
        if (Device == ExecutionDevice.Cuda)
        {
            _deviceMemory = new OrtMemoryInfo(OrtMemoryInfo.allocatorCUDA, OrtAllocatorType.DeviceAllocator, cudaDeviceId, OrtMemType.Default);
            _deviceAllocator = new OrtAllocator(_train.Session, _deviceMemory);
            allocator = _deviceAllocator;
        }

        var state = program.State;
        _a = state.Select(s => OrtValue.CreateAllocatedTensorValue(allocator, TensorElementType.Float, s.Shape)).ToArray();
        _b = state.Select(s => OrtValue.CreateAllocatedTensorValue(allocator, TensorElementType.Float, s.Shape)).ToArray();
        _stagingData = state.Select(s => (float[])s.Initial.Clone()).ToArray();
        _staging = state.Select((s, i) => OrtValue.CreateTensorValueFromMemory(_stagingData[i], s.Shape)).ToArray();

        // pinned host arrays: ORT reads them in place on CPU and copies them at bind time under CUDA
        _batch = program.Data.Select(d => new float[batchSize * d.Shape.Skip(1).Aggregate(1L, (p, x) => p * x)]).ToArray();
        _batchValues = program.Data.Select((d, i) => OrtValue.CreateTensorValueFromMemory(_batch[i], [batchSize, .. d.Shape.Skip(1)])).ToArray();
        _learningRateValue = OrtValue.CreateTensorValueFromMemory(_learningRate, []);
        _lossValue = OrtValue.CreateTensorValueFromMemory(_loss, []);

        _fromStaging = Bind(_staging, _b);
        _aToB = Bind(_a, _b);
        _bToA = Bind(_b, _a);
        BatchSize = batchSize;
    }

    public ExecutionDevice Device => _train.Device;

    public string DeviceReason => _train.Reason;

    public int BatchSize { get; }

    public long StepsRun { get; private set; }

    public IReadOnlyList<string> EvaluationOutputs => _program.EvaluationOutputs;

    /// <summary>One step of forward, backward and AdamW on a batch; returns the batch loss.</summary>
    /// <param name="batch">one array per data input, each exactly BatchSize rows</param>
    /// <param name="learningRate">this step's learning rate</param>
    public float Step(IReadOnlyList<float[]> batch, float learningRate)
    {
        for (int i = 0; i < _batch.Length; i++)
        {
            batch[i].AsSpan().CopyTo(_batch[i]);
        }

        _learningRate[0] = learningRate;
        var (binding, next) = _current switch
        {
            StateLocation.Staging => (_fromStaging, StateLocation.B),
            StateLocation.B => (_bToA, StateLocation.A),
            _ => (_aToB, StateLocation.B),
        };
        BindHostInputs(binding);
        _train.Session.RunWithBinding(_run, binding);
        binding.SynchronizeBoundOutputs();
        _current = next;
        StepsRun++;
        return _loss[0];
    }

    /// <summary>Forward pass and loss (without dropout) on any number of rows with the current parameters; returns the evaluation outputs in order.</summary>
    public float[][] Evaluate(IReadOnlyList<float[]> data, int rows)
    {
        using var binding = _evaluate.CreateIoBinding();
        var values = new List<OrtValue>();
        try
        {
            var current = CurrentValues();
            for (int i = 0; i < _program.State.Count; i++)
            {
                if (_evaluate.InputMetadata.ContainsKey(_program.State[i].InputName))
                {
                    binding.BindInput(_program.State[i].InputName, current[i]);
                }
            }

            for (int i = 0; i < data.Count; i++)
            {
                if (!_evaluate.InputMetadata.ContainsKey(_program.Data[i].Name))
                {
                    continue;
                }

                var value = OrtValue.CreateTensorValueFromMemory(data[i], [rows, .. _program.Data[i].Shape.Skip(1)]);
                values.Add(value);
                binding.BindInput(_program.Data[i].Name, value);
            }

            using var cpu = new OrtMemoryInfo(OrtMemoryInfo.allocatorCPU, OrtAllocatorType.ArenaAllocator, 0, OrtMemType.Default);
            foreach (var name in _program.EvaluationOutputs)
            {
                binding.BindOutputToDevice(name, cpu);
            }

            binding.SynchronizeBoundInputs();
            _evaluate.RunWithBinding(_run, binding);
            binding.SynchronizeBoundOutputs();
            using var outputs = binding.GetOutputValues();
            return outputs.Select(o => o.GetTensorDataAsSpan<float>().ToArray()).ToArray();
        }
        finally
        {
            foreach (var v in values)
            {
                v.Dispose();
            }
        }
    }

    /// <summary>The current value of every state tensor (parameters, moments, step), copied to host memory.</summary>
    public Dictionary<string, float[]> ReadState()
    {
        var current = CurrentValues();
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (int i = 0; i < _program.State.Count; i++)
        {
            var spec = _program.State[i];
            if (_current == StateLocation.Staging || Device == ExecutionDevice.Cpu)
            {
                result[spec.InputName] = current[i].GetTensorDataAsSpan<float>().ToArray();
                continue;
            }

            var host = new float[spec.Initial.Length];
            using var hostValue = OrtValue.CreateTensorValueFromMemory(host, spec.Shape);
            CopyToHost(current[i], hostValue, spec.Shape);
            result[spec.InputName] = host;
        }

        return result;
    }

    /// <summary>Replaces the whole state (a checkpoint); the next step reads it from host staging buffers.</summary>
    public void LoadState(IReadOnlyDictionary<string, float[]> state)
    {
        for (int i = 0; i < _program.State.Count; i++)
        {
            var spec = _program.State[i];
            if (!state.TryGetValue(spec.InputName, out var values) || values.Length != _stagingData[i].Length)
            {
                throw new LearningException($"checkpoint does not match the model: {spec.InputName} is missing or has the wrong size");
            }

            values.AsSpan().CopyTo(_stagingData[i]);
        }

        _current = StateLocation.Staging;
    }

    private OrtValue[] CurrentValues() => _current switch
    {
        StateLocation.Staging => _staging,
        StateLocation.A => _a,
        _ => _b,
    };

    private OrtIoBinding Bind(OrtValue[] from, OrtValue[] to)
    {
        var binding = _train.Session.CreateIoBinding();
        for (int i = 0; i < _program.State.Count; i++)
        {
            binding.BindInput(_program.State[i].InputName, from[i]);
            binding.BindOutput(_program.State[i].OutputName, to[i]);
        }

        binding.BindOutput(_program.LossName, _lossValue);
        return binding;
    }

    private void BindHostInputs(OrtIoBinding binding)
    {
        for (int i = 0; i < _program.Data.Count; i++)
        {
            binding.BindInput(_program.Data[i].Name, _batchValues[i]);
        }

        binding.BindInput(_program.LearningRateName, _learningRateValue);
        if (_current == StateLocation.Staging)
        {
            // staging buffers may have been rewritten by LoadState; under CUDA the copy happens at bind time
            for (int i = 0; i < _program.State.Count; i++)
            {
                binding.BindInput(_program.State[i].InputName, _staging[i]);
            }
        }

        binding.SynchronizeBoundInputs();
    }

    // Device to host. OrtEnv.CopyTensors (ORT >= 1.23) copies between devices where the provider supports it; when it
    // does not, an Identity model with a device input and a host-bound output makes ORT do the copy.
    private void CopyToHost(OrtValue device, OrtValue host, long[] shape)
    {
        try
        {
            OrtEnv.Instance().CopyTensors([device], [host], null);
        }
        catch (OnnxRuntimeException)
        {
            if (!_readBack.TryGetValue(shape.Length, out var session))
            {
                _readBack[shape.Length] = session = IdentitySession(shape.Length, _cudaDeviceId);
            }

            using var binding = session.CreateIoBinding();
            binding.BindInput("in", device);
            binding.BindOutput("out", host);
            session.RunWithBinding(_run, binding);
        }
    }

    private static InferenceSession IdentitySession(int rank, int cudaDeviceId)
    {
        var g = new Graphs.Graph();
        var input = g.Input("in", Graphs.ElementType.Float, Enumerable.Range(0, rank).Select(i => Graphs.Dim.Sym($"d{i}")).ToArray());
        var output = g.Identity(input).Named("out");
        using var options = SessionFactory.Options(1, cudaDeviceId);
        return new InferenceSession(Onnx.OnnxWriter.Write(g, [output]), options);
    }

    public void Dispose()
    {
        foreach (var b in new[] { _fromStaging, _aToB, _bToA })
        {
            b.Dispose();
        }

        foreach (var v in _a.Concat(_b).Concat(_staging).Concat(_batchValues))
        {
            v.Dispose();
        }

        _learningRateValue.Dispose();
        _lossValue.Dispose();
        _deviceAllocator?.Dispose();
        _deviceMemory?.Dispose();
        foreach (var session in _readBack.Values)
        {
            session.Dispose();
        }

        _evaluate.Dispose();
        _train.Session.Dispose();
        _run.Dispose();
    }
}
