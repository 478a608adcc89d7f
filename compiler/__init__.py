"""policyc: a compiler for subsidy policy.

The pipeline reads as the folders do::

    syntax/    text -> parse tree -> surface blocks   (grammar/policy.lark, Lark LALR)
    model/     surface blocks -> typed, frozen model  (every node keeps its span and article)
    check/     names, types, units, quotes            (diagnostics, never exceptions)
    evaluate/  the reference evaluator: profile validation and the meaning of every construct
    cli.py     the ``policyc`` command
"""

__version__ = "0.1.0"
