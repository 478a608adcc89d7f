"""The HTTP JSON API over the checked policies.

Endpoints (every policy gets its own paths, so each has its own request schema in OpenAPI):

* ``GET  /policies?on=YYYY-MM-DD`` — the policies served, with validity and whether in force
* ``GET  /policies/{id}/schema/input`` and ``/schema/result`` — the JSON Schemas of the forms
* ``POST /policies/{id}/calculate?on=`` — one profile → the result (as ``policyc calc``)
* ``POST /policies/{id}/batch?on=`` — ``{"profiles": [...]}`` → one entry per profile
* ``POST /policies/{id}/explain?on=`` — the result, the notes and the Chinese breakdown

``?param=name=value`` (repeatable) gives the values of a policy's 参数 (policy parameters).

Bad input is answered 4xx with the same Chinese field messages as the CLI (``errors``:
``[{"field", "message"}]``), never a 500: bodies are parsed here (exact decimals, no NaN, no
duplicate keys) rather than by a framework model, request bodies are bounded by
:class:`BodyLimit` and batches by :data:`MAX_BATCH`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..backends import BackendError, discover
from ..evaluate.evaluator import Evaluator
from ..evaluate.profile import load_json_profile, parameter_pairs
from ..evaluate.runtime import ParameterError, ProfileError, Result, in_force, parse_on
from ..pipeline import Loaded, checked_model, load_named

MAX_BODY = 1_000_000  # bytes of one request body
MAX_BATCH = 1_000  # profiles in one batch request
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True)
class Served:
    loaded: Loaded
    evaluator: Evaluator
    input_schema: dict[str, Any]
    result_schema: dict[str, Any]


class PolicyService:
    """The policies the API serves: evaluators built once, schemas from the JSON Schema backend."""

    def __init__(self, loaded: list[Loaded]) -> None:
        bad = [x.display for x in loaded if not x.ok]
        if bad:
            raise BackendError(f"政策有错误，无法提供服务：{'、'.join(bad)}")
        model = checked_model(loaded)
        backends = discover()
        if "jsonschema" not in backends:
            raise BackendError("找不到 jsonschema 后端：API 的请求与响应模式由它生成")
        files = backends["jsonschema"].render(model)
        self.policies: dict[str, Served] = {}
        for x in loaded:
            assert x.policy is not None
            pid = x.policy.id
            self.policies[pid] = Served(
                x, Evaluator(x.policy),
                _component(json.loads(files[f"{pid}.input.schema.json"])),
                _component(json.loads(files[f"{pid}.result.schema.json"])))

    @classmethod
    def load(cls, names: list[str]) -> PolicyService:
        return cls([load_named(n) for n in names])


def _component(schema: dict[str, Any]) -> dict[str, Any]:
    """A standalone schema as an OpenAPI 3.1 component (no ``$schema``/``$id`` of its own)."""
    return {k: v for k, v in schema.items() if k not in ("$schema", "$id")}


# ---------------------------------------------------------------------------- errors


class ApiError(Exception):
    def __init__(self, status: int, message: str, errors: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or []


def _error(status: int, message: str, errors: list[tuple[str, str]] | None = None) -> JSONResponse:
    body = {"error": message, "errors": [{"field": f, "message": m} for f, m in errors or []]}
    return JSONResponse(body, status_code=status)


class BodyLimit:
    """Refuse request bodies larger than ``limit`` bytes (413), declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        too_big = _error(413, f"请求体过大：上限 {self.limit} 字节")
        try:
            if declared is not None and int(declared) > self.limit:
                await too_big(scope, receive, send)
                return
        except ValueError:
            await _error(400, "Content-Length 无效")(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise ApiError(413, f"请求体过大：上限 {self.limit} 字节")
            return message

        await self.app(scope, limited, send)


# ---------------------------------------------------------------------------- requests


async def _json_body(request: Request) -> Any:
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(422, "申请人信息有误，未计算。", [("", "请求体不是 UTF-8 编码的 JSON")]) from None
    try:  # sizes, nesting, long numbers, NaN and duplicate keys are refused as ProfileError
        return load_json_profile(text)
    except ProfileError as err:
        raise ApiError(422, "申请人信息有误，未计算。", err.errors) from None


def _on(request: Request) -> dt.date:
    raw = request.query_params.get("on")
    try:
        return parse_on(raw) if raw is not None else dt.date.today()
    except ProfileError as err:
        raise ApiError(422, "参数有误。", err.errors) from None


def _params(request: Request) -> dict[str, str]:
    """The values of the policy's 参数 from the query: ``?param=city_avg_growth=0.065`` (repeatable)."""
    try:
        return parameter_pairs(request.query_params.getlist("param"), "param")
    except ProfileError as err:
        raise ApiError(422, "参数有误。", err.errors) from None


def _calculate(s: Served, profile: object, on: dt.date, params: Mapping[str, str] | None = None) -> Result:
    try:
        return s.evaluator.calculate(profile, on, params)
    except ProfileError as err:
        # a 参数 (given by ?param=, unknown, missing or malformed) is not the applicant's information
        what = "参数有误，未计算。" if isinstance(err, ParameterError) else "申请人信息有误，未计算。"
        raise ApiError(422, what, err.errors) from None


def _validity(s: Served, on: dt.date) -> dict[str, Any]:
    p = s.loaded.policy
    assert p is not None
    v = p.header.validity
    ok, why = in_force(s.evaluator.spec, on)
    return {
        "id": p.id, "title": p.header.title, "docno": p.header.docno,
        "valid_from": v.start.date.isoformat() if v and v.start.date else None,
        "valid_until": v.end.date.isoformat() if v and v.end.date else None,
        "in_force": ok, "note": why,
        "items": [{"id": i.id, "article": i.citation.article, "title": i.title} for i in p.items],
    }


# ---------------------------------------------------------------------------- the app

_ERRORS: dict[str, Any] = {"type": "array", "items": {
    "type": "object", "required": ["field", "message"], "additionalProperties": False,
    "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}}
_ERROR: dict[str, Any] = {
    "type": "object", "required": ["error", "errors"], "additionalProperties": False,
    "properties": {
        "error": {"type": "string"},
        "errors": _ERRORS,
    },
}
_ON = {"name": "on", "in": "query", "required": False,
       "description": "calculation date YYYY-MM-DD (default: today)",
       "schema": {"type": "string", "format": "date"}}


_PARAM = {"name": "param", "in": "query", "required": False, "explode": True,
          "description": "a value of the policy's 参数, name=value (repeatable); those the text "
                         "does not state (未公布) must be given",
          "schema": {"type": "array", "items": {"type": "string"}}}


def _errors(*codes: int) -> dict[str, Any]:
    ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    text = {400: "bad request", 404: "unknown policy", 413: "request body too large",
            422: "invalid profile or parameter (fields named, messages in Chinese)"}
    return {str(c): {"description": text[c], **ref} for c in codes}


def _body(ref: str) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": {"$ref": ref}}}}


def _ok(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"200": {"description": description, "content": {"application/json": {"schema": schema}}}}


def create_app(service: PolicyService) -> FastAPI:
    app = FastAPI(title="policyc API", version="1",
                  description="Subsidy calculations for the checked policies. Money is in yuan, "
                              "as decimal strings with two decimals (rounded down to the fen).")
    app.openapi_version = "3.1.0"
    components: dict[str, Any] = {"Error": _ERROR}

    @app.exception_handler(ApiError)
    async def api_error(request: Request, err: ApiError) -> JSONResponse:
        return _error(err.status, err.message, err.errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> JSONResponse:
        message = {404: "找不到该地址或政策", 405: "不支持该请求方法"}.get(err.status_code, str(err.detail))
        return _error(err.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, err: RequestValidationError) -> JSONResponse:
        errors = [(".".join(str(x) for x in e.get("loc", ())), str(e.get("msg", ""))) for e in err.errors()]
        return _error(422, "请求有误。", errors)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, err: Exception) -> JSONResponse:  # pragma: no cover
        return _error(500, f"policyc 内部错误：{err.__class__.__name__}")

    listing = {"type": "object", "required": ["as_of", "policies"], "properties": {
        "as_of": {"type": "string", "format": "date"},
        "policies": {"type": "array", "items": {"$ref": "#/components/schemas/PolicyInfo"}}}}
    components["PolicyInfo"] = {
        "type": "object",
        "required": ["id", "title", "docno", "valid_from", "valid_until", "in_force", "note", "items"],
        "properties": {
            "id": {"type": "string"}, "title": {"type": "string"},
            "docno": {"type": ["string", "null"]},
            "valid_from": {"type": ["string", "null"], "format": "date"},
            "valid_until": {"type": ["string", "null"], "format": "date"},
            "in_force": {"type": "boolean"}, "note": {"type": "string"},
            "items": {"type": "array", "items": {
                "type": "object", "required": ["id", "article", "title"],
                "properties": {"id": {"type": "string"}, "article": {"type": "string"},
                               "title": {"type": "string"}}}},
        },
    }

    @app.get("/policies", summary="The policies served, with their validity on a date",
             openapi_extra={"parameters": [_ON], "responses": {**_ok(listing, "the policies"),
                                                              **_errors(422)}})
    async def policies(request: Request) -> JSONResponse:
        on = _on(request)
        return JSONResponse({"as_of": on.isoformat(),
                             "policies": [_validity(s, on) for s in service.policies.values()]})

    for pid, served in service.policies.items():
        _routes(app, pid, served, components)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(title=app.title, version=app.version, openapi_version=app.openapi_version,
                              description=app.description, routes=app.routes)
            doc.setdefault("components", {}).setdefault("schemas", {}).update(components)
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    return app


def _routes(app: FastAPI, pid: str, s: Served, components: dict[str, Any]) -> None:
    inp, res = f"{pid}.input", f"{pid}.result"
    components[inp] = s.input_schema
    components[res] = s.result_schema
    result_ref = {"$ref": f"#/components/schemas/{res}"}
    batch_name = f"{pid}.batch"
    components[batch_name] = {
        "type": "object", "required": ["profiles"], "additionalProperties": False,
        "properties": {"profiles": {"type": "array", "maxItems": MAX_BATCH,
                                    "items": {"$ref": f"#/components/schemas/{inp}"}}},
    }
    entry = {"oneOf": [
        {"type": "object", "required": ["index", "ok", "result"], "additionalProperties": False,
         "properties": {"index": {"type": "integer"}, "ok": {"const": True}, "result": result_ref}},
        {"type": "object", "required": ["index", "ok", "errors"], "additionalProperties": False,
         "properties": {"index": {"type": "integer"}, "ok": {"const": False},
                        "errors": _ERRORS}},
    ]}
    batch_out = {"type": "object", "required": ["as_of", "results"], "properties": {
        "as_of": {"type": "string", "format": "date"},
        "results": {"type": "array", "items": entry}}}
    explain_out = {"type": "object", "required": ["result", "notes", "text"], "properties": {
        "result": result_ref, "notes": {"type": "array", "items": {"type": "string"}},
        "text": {"type": "string"}}}
    p = s.loaded.policy
    assert p is not None
    tag: list[str | Enum] = [f"{pid} — {p.header.title}"]
    any_object: dict[str, Any] = {"type": "object"}

    async def input_schema() -> JSONResponse:
        return JSONResponse(s.input_schema)

    async def result_schema() -> JSONResponse:
        return JSONResponse(s.result_schema)

    async def calculate(request: Request) -> JSONResponse:
        on = _on(request)
        return JSONResponse(_calculate(s, await _json_body(request), on, _params(request)).to_dict())

    async def explain(request: Request) -> JSONResponse:
        from ..cli import format_readings, format_text

        on = _on(request)
        r = _calculate(s, await _json_body(request), on, _params(request))
        return JSONResponse({"result": r.to_dict(), "notes": list(r.notes),
                             "text": format_text(s.loaded, r) + format_readings(r)})

    async def batch(request: Request) -> JSONResponse:
        on = _on(request)
        params = _params(request)
        body = await _json_body(request)
        if not isinstance(body, Mapping) or set(body) != {"profiles"} or not isinstance(body["profiles"], list):
            raise ApiError(422, "请求有误。", [("profiles", "请求体应为 {\"profiles\": [申请人信息, …]}")])
        profiles = body["profiles"]
        if len(profiles) > MAX_BATCH:
            too_many = f"一次最多计算 {MAX_BATCH} 个申请人，收到 {len(profiles)} 个"
            raise ApiError(422, "请求有误。", [("profiles", too_many)])
        out: list[dict[str, Any]] = []
        for i, profile in enumerate(profiles):
            try:
                out.append({"index": i, "ok": True,
                            "result": s.evaluator.calculate(profile, on, params).to_dict()})
            except ProfileError as err:
                out.append({"index": i, "ok": False,
                            "errors": [{"field": f, "message": m} for f, m in err.errors]})
        return JSONResponse({"as_of": on.isoformat(), "results": out})

    base = f"/policies/{pid}"
    app.add_api_route(f"{base}/schema/input", input_schema, methods=["GET"], tags=tag,
                      summary="JSON Schema of the applicant profile (the intake form)",
                      operation_id=f"{pid}_input_schema",
                      openapi_extra={"responses": _ok(any_object, "JSON Schema draft 2020-12")})
    app.add_api_route(f"{base}/schema/result", result_schema, methods=["GET"], tags=tag,
                      summary="JSON Schema of a calculation result", operation_id=f"{pid}_result_schema",
                      openapi_extra={"responses": _ok(any_object, "JSON Schema draft 2020-12")})
    for path, fn, summary, schema, body in (
        ("calculate", calculate, "Calculate one applicant's subsidy", result_ref, inp),
        ("explain", explain, "Calculate with the articles applied, explained in Chinese", explain_out, inp),
        ("batch", batch, f"Calculate up to {MAX_BATCH} applicants", batch_out, batch_name),
    ):
        app.add_api_route(f"{base}/{path}", fn, methods=["POST"], tags=tag, summary=summary,
                          operation_id=f"{pid}_{path}",
                          openapi_extra={"parameters": [_ON, *([_PARAM] if s.loaded.policy
                                                                and s.loaded.policy.parameters else [])],
                                         "requestBody": _body(f"#/components/schemas/{body}"),
                                         "responses": {**_ok(schema, "the result"), **_errors(413, 422)}})

