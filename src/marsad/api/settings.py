"""Configuration of `marsad serve`, read from the environment (pydantic-settings).

MARSAD_DATABASE_URL        the store (default: the embedded SQLite file, see marsad.store.db)
MARSAD_API_TOKENS          comma-separated `user:token` pairs allowed to write (and to read when
                           reads are not public)
MARSAD_PUBLIC_READ         true (default) / false: whether GET endpoints need a token
MARSAD_MAX_REQUEST_BYTES   largest request body accepted (default 1 MiB); larger gets 413
"""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MARSAD_", extra="ignore")

    database_url: str | None = None
    # Kept as a secret so tokens never show up in reprs or logs.
    api_tokens: SecretStr = SecretStr("")
    public_read: bool = True
    max_request_bytes: int = Field(default=1 << 20, ge=1024)
    # Largest page the read API serves; exports stream instead of paging.
    max_page_size: int = Field(default=1000, ge=1, le=10000)
    max_map_points: int = Field(default=5000, ge=1, le=10000)

    @field_validator("api_tokens", mode="before")
    @classmethod
    def _strip(cls, v: object) -> object:
        return v.strip() if isinstance(v, str) else v

    def token_table(self) -> dict[str, str]:
        """token -> user. Malformed entries are an error at start-up, not a silent hole."""
        table: dict[str, str] = {}
        raw = self.api_tokens.get_secret_value()
        for entry in filter(None, (e.strip() for e in raw.split(","))):
            user, sep, token = entry.partition(":")
            user, token = user.strip(), token.strip()
            if not sep or not user or not token:
                raise ValueError("MARSAD_API_TOKENS entries must look like user:token")
            if len(token) < 8:
                raise ValueError(f"the token of user {user!r} is shorter than 8 characters")
            table[token] = user
        return table
