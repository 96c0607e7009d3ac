"""Compile the extraction path with Cython (issue 11): the same `.py` files, unchanged.

Everything else about the package is in pyproject.toml; this file only adds the extension
modules. Each is optional: without a C compiler, or with MARSAD_PURE_PYTHON_BUILD=1, the install
goes on and marsad runs from its sources, with identical output. After a build, `_compiled.sha256`
lists the hash of the source of every module whose extension is up to date (with the .pxd files
it was built against: marsad/_compiled.py's source_digest), so that
marsad/_compiled.py never runs an extension whose source was edited since (an editable install
builds them in place, beside the sources; `make compile` rebuilds what an edit left behind).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
PACKAGE = SRC / "marsad"
MANIFEST = "_compiled.sha256"
# -w: the warnings are about Cython's generated C, not ours, and would bury a real error.
EXTRA_CFLAGS = ["-O2", "-w"]

# The modules one report flows through. Not compiled: pydantic models (knowledge/lexicon.py,
# models.py: pydantic reads class bodies that Cython changes), the CLI, API, storage, ingest.
COMPILED_PACKAGES = ("text", "recognize", "events")
COMPILED_MODULES = ("doc.py", "pipeline.py", "knowledge/resources.py", "knowledge/gazetteer.py")


def sources() -> list[Path]:
    found = [p for pkg in COMPILED_PACKAGES for p in sorted((PACKAGE / pkg).glob("*.py"))]
    found += [PACKAGE / m for m in COMPILED_MODULES]
    # (_pure_cython stands in for Cython where it is absent: never compiled.)
    return [p for p in found if p.name not in ("__init__.py", "_pure_cython.py")]


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(SRC).with_suffix("").parts)


def extensions() -> list[Extension]:
    if os.environ.get("MARSAD_PURE_PYTHON_BUILD", "") not in ("", "0"):
        return []
    try:
        from Cython.Build import cythonize

        return cythonize(
            [
                Extension(
                    module_name(p), [str(p.relative_to(HERE))], optional=True, extra_compile_args=EXTRA_CFLAGS
                )
                for p in sources()
            ],
            build_dir=str(HERE / "build" / "cython"),
            nthreads=os.cpu_count() or 1,
            quiet=True,
            # Plain Python: type hints stay hints (no C typing), so the semantics are Python's.
            compiler_directives={"language_level": 3, "annotation_typing": False},
        )
    except Exception as exc:  # no Cython, or it refused a module: run from source, say so
        print(f"marsad: not compiling the extraction path ({exc}); it runs from source", file=sys.stderr)
        return []


def _compiled_guard() -> ModuleType:
    """marsad/_compiled.py, loaded from its file (the package itself need not import here)."""
    spec = importlib.util.spec_from_file_location("_marsad_compiled", PACKAGE / "_compiled.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildExtWithManifest(build_ext):
    """build_ext that writes the manifest of the extensions it left up to date."""

    def run(self) -> None:
        self._up_to_date: set[str] = set()
        super().run()
        by_name = {module_name(p): p for p in sources()}
        digest = _compiled_guard().source_digest  # (the hash the guard compares, .pxd and all)
        lines = [f"{name} {digest(by_name[name])}\n" for name in sorted(self._up_to_date) if name in by_name]
        target = PACKAGE if self.inplace else Path(self.build_lib) / "marsad"
        target.mkdir(parents=True, exist_ok=True)
        (target / MANIFEST).write_text("".join(lines), encoding="utf-8")
        if self.extensions:
            print(f"marsad: {len(lines)} of {len(self.extensions)} modules of the extraction path compiled")

    def build_extension(self, ext: Extension) -> None:
        super().build_extension(ext)  # raises on a failed compile: the name is not recorded
        self._up_to_date.add(ext.name)


setup(
    ext_modules=extensions(),
    cmdclass={"build_ext": BuildExtWithManifest},
    options={"build_ext": {"parallel": os.cpu_count() or 1}},
)
