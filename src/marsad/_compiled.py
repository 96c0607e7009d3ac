"""Which of marsad's modules run compiled, and a guard that never runs a stale one.

`make install` (setup.py) compiles the modules of the extraction path — the same `.py` files,
unchanged — with Cython into extension modules beside them, and records in `_compiled.sha256`
the hash of each source it compiled. Python prefers an extension module to a `.py` of the same
name, so after an edit it would go on running the old code; the finder below loads a compiled
module only while its source is still the one it was built from, and the `.py` otherwise. The
pure-Python path is the same code, so output is identical (tests/test_compiled.py compares).

Set MARSAD_PURE_PYTHON=1 to run every module from its source.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import re
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

PACKAGE = "marsad"
ROOT = Path(__file__).resolve().parent
MANIFEST = ROOT / "_compiled.sha256"
PURE_ENV = "MARSAD_PURE_PYTHON"


def read_manifest(path: Path = MANIFEST) -> dict[str, str]:
    """{module name: sha256 of the source it was compiled from}; empty when nothing was compiled."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    out: dict[str, str] = {}
    for line in lines:
        name, _, digest = line.partition(" ")
        if name and digest:
            out[name] = digest.strip()
    return out


def source_of(module_file: str) -> Path:
    """The `.py` a module was loaded from or compiled from: cache keys hash the source, so the
    compiled and the pure path share one cache (and a rebuild of the same source keeps it)."""
    path = Path(module_file)
    if path.suffix == ".py":
        return path
    return path.with_name(path.name.split(".", 1)[0] + ".py")


# A module's C-level import of another of marsad's ("from cython.cimports.marsad.events.candidate
# import Candidate"): compiled, it reads that module's extension class by the layout its .pxd gives.
_CIMPORT = re.compile(rb"^\s*from cython\.cimports\.(marsad(?:\.\w+)+) import", re.MULTILINE)


def source_digest(path: Path) -> str:
    """The hash an extension built from `path` is recorded under: of the source, and of the .pxd
    beside it and the source and .pxd of each marsad module it cimports, if any (an extension
    built against another's C layout is stale once that other changes: run from source, the
    other is no extension class, and the import of the first would fail)."""
    data = path.read_bytes()
    digest = hashlib.sha256(data)
    deps = [path.with_suffix("")]
    deps += [ROOT.parent.joinpath(*name.decode().split(".")) for name in _CIMPORT.findall(data)]
    for i, dep in enumerate(deps):
        for part in (".pxd",) if i == 0 else (".py", ".pxd"):
            f = dep.with_suffix(part)
            if f.is_file():
                digest.update(f.read_bytes())
    return digest.hexdigest()


def extension_beside(source: Path) -> Path | None:
    """The compiled module built from `source` (same folder, same stem), if there is one."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        candidate = source.with_name(source.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def built_from(source: Path, manifest: dict[str, str], name: str) -> bool:
    """Whether the build recorded `source`, as it is now, for module `name`."""
    return manifest.get(name) == source_digest(source)


def choose(source: Path, manifest: dict[str, str], name: str, *, pure: bool = False) -> Path:
    """The file to load module `name` from: its extension only if built from this very source."""
    ext = extension_beside(source)
    if pure or ext is None or not built_from(source, manifest, name):
        return source
    return ext


class CompiledOrSourceFinder:
    """A meta-path finder for marsad's own modules that have both a `.py` and an extension beside
    it; every other module is left to the usual finders."""

    def __init__(self, manifest: dict[str, str], *, pure: bool, package: str = PACKAGE) -> None:
        self.manifest = manifest
        self.prefix = package + "."
        self.pure = pure
        self.loaded: dict[str, str] = {}  # module name -> "compiled" | "source" | "stale"

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if not fullname.startswith(self.prefix) or not path:
            return None
        stem = fullname.rpartition(".")[2]
        for folder in path:
            source = Path(folder) / f"{stem}.py"
            if source.is_file():
                ext = extension_beside(source)
                if ext is None:
                    return None  # plain Python: the usual finders
                if self.pure or not built_from(source, self.manifest, fullname):
                    self.loaded[fullname] = "source" if self.pure else "stale"
                    return importlib.util.spec_from_file_location(fullname, source)
                self.loaded[fullname] = "compiled"
                loader = importlib.machinery.ExtensionFileLoader(fullname, str(ext))
                return importlib.util.spec_from_file_location(fullname, ext, loader=loader)
        return None


_finder: CompiledOrSourceFinder | None = None


def install() -> None:
    """Put the finder first on sys.meta_path (once). Installed even with no manifest, so that an
    extension left from an older build is never loaded in place of its source."""
    global _finder
    if _finder is not None:
        return
    _finder = CompiledOrSourceFinder(read_manifest(), pure=os.environ.get(PURE_ENV, "") not in ("", "0"))
    sys.meta_path.insert(0, _finder)


def status() -> dict[str, str]:
    """How each compiled-capable module imported so far was loaded: compiled, source or stale
    (an extension older than its edited source, run from source; `make install` rebuilds it)."""
    return dict(_finder.loaded) if _finder is not None else {}
