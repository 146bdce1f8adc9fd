using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// A compilation-start context that collects the operation and syntax-node actions of several rules, then registers
/// one action per kind that hands each node to every rule in turn. Any other action goes straight to the compiler.
/// </summary>
internal sealed class SharedActions : CompilationStartAnalysisContext
{
    private readonly CompilationStartAnalysisContext _start;
    private readonly Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> _operations = [];
    private readonly Dictionary<SyntaxKind, List<Action<SyntaxNodeAnalysisContext>>> _nodes = [];

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
            Add(_operations, kind, action);
        }
    }

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
    {
        foreach (var kind in syntaxKinds)
        {
            Add(_nodes, (SyntaxKind)(object)kind, action);
        }
    }

    /// <summary>Registers the collected actions: one callback per kind, whatever the number of rules behind it.</summary>
    public void RegisterShared()
    {
        foreach (var entry in _operations)
        {
            _start.RegisterOperationAction(Chain(entry.Value), entry.Key);
        }

        foreach (var entry in _nodes)
        {
            _start.RegisterSyntaxNodeAction(Chain(entry.Value), entry.Key);
        }
    }

    /// <summary>One callback that runs every rule's action in turn (the action itself when there is one).</summary>
    private static Action<TContext> Chain<TContext>(List<Action<TContext>> registered)
    {
        var actions = registered.ToArray();
        return actions.Length == 1 ? actions[0] : context =>
        {
            foreach (var action in actions)
            {
                action(context);
            }
        };
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

    private static void Add<TKind, TAction>(Dictionary<TKind, List<TAction>> actions, TKind kind, TAction action)
        where TKind : notnull
    {
        if (!actions.TryGetValue(kind, out var list))
        {
            actions[kind] = list = [];
        }

        list.Add(action);
    }
}
