"""The sources file of `marsad watch` (data/sources.sample.yaml shows every key):

user_agent: ...        # optional, defaults to marsad's
min_host_gap: 1.0      # seconds between two requests to one host
sources:
  - name: Enab Baladi   # unique; the key of the source's state in the store
    url: https://...    # the RSS/Atom feed
    interval: 300       # seconds between polls (default 300, at least 10)
    source_scale: National
    country: Syria
    language: ar        # items whose text is not mostly Arabic are skipped and counted
    fetch_articles: true   # fetch the page of items whose feed gives only a summary
    outlet: عنب بلدي     # outlet name stored with the articles (default: the feed's title)
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from marsad.ingest.fetch import USER_AGENT


class SourceConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    url: str = Field(min_length=8, max_length=2000)
    interval: float = Field(default=300.0, ge=1.0, le=7 * 86400)
    source_scale: str = ""
    country: str = ""
    language: str = "ar"
    fetch_articles: bool = True
    outlet: str | None = None
    enabled: bool = True

    @field_validator("url")
    @classmethod
    def _http(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        return v


class WatchConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_agent: str = USER_AGENT
    min_host_gap: float = Field(default=1.0, ge=0.0, le=60.0)
    workers: int = Field(default=4, ge=1, le=64)
    sources: list[SourceConfig]

    @model_validator(mode="after")
    def _unique_names(self) -> WatchConfig:
        seen: set[str] = set()
        for s in self.sources:
            if s.name in seen:
                raise ValueError(f"source name {s.name!r} appears twice")
            seen.add(s.name)
        return self


class ConfigError(ValueError):
    pass


def load_config(path: Path | str) -> WatchConfig:
    """Read and validate a sources file; ConfigError with the file and the offending key otherwise."""
    p = Path(path)
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{p}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("sources"), list):
        raise ConfigError(f"{p}: expected a mapping with a 'sources' list")
    try:
        return WatchConfig.model_validate(raw)
    except ValidationError as exc:
        e = exc.errors()[0]
        where = ".".join(map(str, e["loc"]))
        raise ConfigError(f"{p}: {where}: {e['msg']}") from None
