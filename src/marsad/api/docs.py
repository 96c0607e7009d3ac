"""`/docs`: Swagger UI on the app's OpenAPI schema, served from the swagger-ui-bundle package (no
CDN) under the app's strict Content-Security-Policy: every script and stylesheet is a file of this
origin, the page starts Swagger UI from a script file rather than an inline one."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

_INIT = Path(__file__).parent / "docs_static" / "init.js"
_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} API</title>
<link rel="stylesheet" href="docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="docs/assets/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/assets/swagger-ui-bundle.js"></script>
<script src="docs/init.js"></script>
</body>
</html>
"""


def install(app: FastAPI) -> None:
    """Add /docs (the page), /docs/init.js and /docs/assets/* (Swagger UI's files) to `app`.
    Without the package the page says how to get it instead of failing."""
    try:
        from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]
    except ImportError:
        swagger_ui_path = None

    router = APIRouter(include_in_schema=False)

    @router.get("/docs", response_model=None)
    def docs() -> HTMLResponse:
        if swagger_ui_path is None:
            return HTMLResponse(
                "<!doctype html><title>API docs</title><p>Install <code>swagger-ui-bundle-v2</code> for "
                "the interactive docs; the schema is at <a href=openapi.json>/openapi.json</a>.",
                status_code=503,
            )
        return HTMLResponse(_PAGE.format(title=app.title))

    @router.get("/docs/init.js")
    def init() -> FileResponse:
        return FileResponse(_INIT, media_type="text/javascript; charset=utf-8")

    app.include_router(router)
    if swagger_ui_path is not None:
        app.mount("/docs/assets", StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")
