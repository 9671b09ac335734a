"""One JSON error shape for every failure: `{"error": {"status", "code", "message", "details"}}`."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("eventwire.serve")

_CODES = {400: "bad_parameter", 404: "not_found", 405: "method_not_allowed", 422: "invalid_parameter"}


class ApiError(Exception):
    """A request the API refuses, with the parameter at fault and the reason."""

    def __init__(
        self,
        status: int,
        message: str,
        param: str | None = None,
        code: str | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.param = param
        self.reason = reason or message
        self.code = code or _CODES.get(status, "error")


def bad_parameter(param: str, reason: str) -> ApiError:
    return ApiError(400, f"{param}: {reason}", param=param, reason=reason)


def error_body(
    status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "details": details or []}}


def _param_of(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body")]
    return ".".join(parts) or "request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        details = [{"param": exc.param, "reason": exc.reason}] if exc.param else []
        return JSONResponse(error_body(exc.status, exc.code, exc.message, details), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"param": _param_of(e.get("loc", ())), "reason": str(e.get("msg", ""))} for e in exc.errors()
        ]
        message = "; ".join(f"{d['param']}: {d['reason']}" for d in details) or "invalid request"
        return JSONResponse(error_body(422, _CODES[422], message, details), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _CODES.get(exc.status_code, "error")
        message = str(exc.detail) if exc.detail else code.replace("_", " ")
        return JSONResponse(
            error_body(exc.status_code, code, message), status_code=exc.status_code, headers=exc.headers
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("error serving %s", request.url.path)
        return JSONResponse(
            error_body(500, "internal", "internal error; see the server log"), status_code=500
        )
