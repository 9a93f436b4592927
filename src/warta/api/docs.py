"""An offline API reference: the OpenAPI document turned into plain data for a template.

FastAPI's Swagger UI loads its JavaScript from a CDN, which breaks offline and would need
a CSP exception; this page is rendered on the server from /openapi.json instead.
"""

from __future__ import annotations

from typing import Any

METHODS = ("get", "post", "put", "patch", "delete")


def _type_of(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_type_of(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list[{_type_of(schema.get('items', {}))}]"
    kind = str(schema.get("type", "any"))
    limits = [f"{k}={schema[k]}" for k in ("minimum", "maximum", "minLength", "maxLength") if k in schema]
    if "pattern" in schema:
        limits.append(f"pattern={schema['pattern']}")
    return f"{kind} ({', '.join(limits)})" if limits else kind


def describe_openapi(spec: dict[str, Any]) -> dict[str, Any]:
    """Endpoints (method, path, summary, parameters, body, responses) and schemas."""
    endpoints = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            params = [
                {
                    "name": p.get("name"),
                    "where": p.get("in"),
                    "required": bool(p.get("required")),
                    "type": _type_of(p.get("schema", {})),
                    "description": p.get("description") or p.get("schema", {}).get("description", ""),
                }
                for p in op.get("parameters", [])
            ]
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": f"{method}-{path}".replace("/", "-").replace("{", "").replace("}", ""),
                    "summary": op.get("summary", ""),
                    "parameters": params,
                    "body": _type_of(body) if body else None,
                    "responses": sorted(op.get("responses", {})),
                }
            )
    schemas = []
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        required = set(schema.get("required", []))
        fields = [
            {"name": field, "type": _type_of(sub), "required": field in required}
            for field, sub in schema.get("properties", {}).items()
        ]
        schemas.append({"name": name, "description": schema.get("description", ""), "fields": fields})
    info = spec.get("info", {})
    return {"title": info.get("title", "API"), "version": info.get("version", ""), "summary": info.get("summary", ""),
            "endpoints": endpoints, "schemas": schemas}
