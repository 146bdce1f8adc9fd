using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// A compilation-start context that collects the operation and syntax-node actions of several rules, then registers
/// one action per kind that hands each node to every rule in turn. Any other action goes straight to the compiler.
/// An invocation action can also name the methods it looks at (<see cref="RegisterInvocationAction"/>): nearly every
/// call of a compilation is to some other method, and one look-up of the called method's name then stands for every
/// such rule's own first check.
/// </summary>
internal sealed class SharedActions : CompilationStartAnalysisContext
{
    private readonly CompilationStartAnalysisContext _start;
    // No generic code over the compiler's value types (its kinds and contexts): the package's ReadyToRun image cannot
    // hold such instantiations, and the runtime would compile them in every compiler process, the callbacks included.
    private readonly List<OperationActions> _operations = [];
    private readonly List<SyntaxNodeActions> _nodes = [];
    private readonly Dictionary<string, List<Action<OperationAnalysisContext>>> _invocationsByName = new(StringComparer.Ordinal);

    [SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1012:Start action has no registered actions", Justification = "RegisterShared and the forwarding overrides register with it")]
    public SharedActions(CompilationStartAnalysisContext start)
        : base(start.Compilation, start.Options, start.CancellationToken)
    {
        _start = start;
    }

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
    {
        foreach (var kind in operationKinds)
        {
            var shared = _operations.Find(entry => entry.Kind == kind);
            if (shared is null)
            {
                _operations.Add(shared = new OperationActions(kind));
            }

            shared.Actions.Add(action);
        }
    }

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
    {
        foreach (var kind in syntaxKinds)
        {
            var syntaxKind = (SyntaxKind)(object)kind;
            var shared = _nodes.Find(entry => entry.Kind == syntaxKind);
            if (shared is null)
            {
                _nodes.Add(shared = new SyntaxNodeActions(syntaxKind));
            }

            shared.Actions.Add(action);
        }
    }

    /// <summary>
    /// Registers an action for the calls of methods named <paramref name="methodNames"/> only: the rule's first check
    /// in every way it runs, shared by the rules inside <see cref="SharedRulesAnalyzer"/>.
    /// </summary>
    public static void RegisterInvocationAction(CompilationStartAnalysisContext start, Action<OperationAnalysisContext> action, params string[] methodNames)
    {
        if (start is SharedActions shared)
        {
            foreach (string name in methodNames)
            {
                if (!shared._invocationsByName.TryGetValue(name, out var actions))
                {
                    shared._invocationsByName.Add(name, actions = []);
                }

                actions.Add(action);
            }
        }
        else
        {
            start.RegisterOperationAction(
                context =>
                {
                    if (Array.IndexOf(methodNames, ((IInvocationOperation)context.Operation).TargetMethod.Name) >= 0)
                    {
                        action(context);
                    }
                },
                OperationKind.Invocation);
        }
    }

    /// <summary>Registers the collected actions: one callback per kind, whatever the number of rules behind it.</summary>
    public void RegisterShared()
    {
        if (_invocationsByName.Count > 0)
        {
            var invocations = _operations.Find(entry => entry.Kind == OperationKind.Invocation);
            if (invocations is null)
            {
                _operations.Add(invocations = new OperationActions(OperationKind.Invocation));
            }

            var byName = new Dictionary<string, Action<OperationAnalysisContext>[]>(StringComparer.Ordinal);
            foreach (var entry in _invocationsByName)
            {
                byName.Add(entry.Key, entry.Value.ToArray());
            }

            invocations.ByMethodName = byName;
        }

        foreach (var shared in _operations)
        {
            _start.RegisterOperationAction(shared.Actions.Count == 1 && shared.ByMethodName is null ? shared.Actions[0] : shared.Run, shared.Kind);
        }

        foreach (var shared in _nodes)
        {
            _start.RegisterSyntaxNodeAction(shared.Actions.Count == 1 ? shared.Actions[0] : shared.Run, shared.Kind);
        }
    }

    /// <summary>The rules' actions for one operation kind, run in turn.</summary>
    private sealed class OperationActions(OperationKind kind)
    {
        public OperationKind Kind { get; } = kind;

        public List<Action<OperationAnalysisContext>> Actions { get; } = [];

        /// <summary>For invocations: the actions that only look at calls of methods with a given name.</summary>
        public Dictionary<string, Action<OperationAnalysisContext>[]>? ByMethodName { get; set; }

        public void Run(OperationAnalysisContext context)
        {
            foreach (var action in Actions)
            {
                action(context);
            }

            if (ByMethodName is { } byName && byName.TryGetValue(((IInvocationOperation)context.Operation).TargetMethod.Name, out var named))
            {
                foreach (var action in named)
                {
                    action(context);
                }
            }
        }
    }

    /// <summary>The rules' actions for one syntax kind, run in turn.</summary>
    private sealed class SyntaxNodeActions(SyntaxKind kind)
    {
        public SyntaxKind Kind { get; } = kind;

        public List<Action<SyntaxNodeAnalysisContext>> Actions { get; } = [];

        public void Run(SyntaxNodeAnalysisContext context)
        {
            foreach (var action in Actions)
            {
                action(context);
            }
        }
    }

    public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _start.RegisterCompilationEndAction(action);

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _start.RegisterSemanticModelAction(action);

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _start.RegisterSymbolAction(action, symbolKinds);

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _start.RegisterSymbolStartAction(action, symbolKind);

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _start.RegisterCodeBlockStartAction(action);

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _start.RegisterCodeBlockAction(action);

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _start.RegisterSyntaxTreeAction(action);

    public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _start.RegisterAdditionalFileAction(action);

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _start.RegisterOperationBlockStartAction(action);

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _start.RegisterOperationBlockAction(action);
}
