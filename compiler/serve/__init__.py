"""``policyc serve``: the calculators as an HTTP JSON API (FastAPI on uvicorn).

The API is not a build output: it serves the reference evaluator over the checked policies.
Its request and response schemas are the JSON Schema backend's forms (taken through the
backend protocol, never re-derived here), so the OpenAPI description and the intake forms
cannot drift apart. FastAPI and uvicorn come with the ``api`` extra; :mod:`.app` imports them,
this package and :mod:`.command` do not.
"""
