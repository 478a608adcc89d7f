"""OpenFisca tax-benefit systems for ``benchmarks/openfisca_compare.py``.

``system.py`` builds them (a two-rule model and 昆明's rules as ``policies/kunming.policy``
encodes them) on openfisca-core, pinned in ``requirements.txt`` and installed into a venv of
its own by ``make bench-openfisca``; nothing of the project imports this package.
"""
