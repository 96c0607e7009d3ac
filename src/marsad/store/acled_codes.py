"""ACLED's code lists as its API serves them: actor type (inter) labels, interaction labels, region ids.

Since 2024 ACLED returns inter1/inter2/interaction as text labels unless `inter_num=1` is asked for;
regions are filtered by numeric id on ACLED's API and listed with that id by /region/read.
"""

from __future__ import annotations

INTER_LABELS: dict[int, str] = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
_INTER_BY_LABEL = {v.casefold(): k for k, v in INTER_LABELS.items()}

REGIONS: dict[int, str] = {
    1: "Western Africa",
    2: "Middle Africa",
    3: "Eastern Africa",
    4: "Southern Africa",
    5: "Northern Africa",
    7: "South Asia",
    8: "Western Asia",
    9: "Southeast Asia",
    11: "Middle East",
    12: "Europe",
    13: "Caucasus and Central Asia",
    14: "Central America",
    15: "South America",
    16: "Caribbean",
    17: "East Asia",
    18: "North America",
    19: "Oceania",
    20: "Antarctica",
}
_REGION_BY_NAME = {v.casefold(): k for k, v in REGIONS.items()}


def inter_label(code: int | None) -> str | None:
    return None if code is None else INTER_LABELS.get(code, str(code))


def inter_code(value: str) -> int:
    """An inter code from its number ("2") or its label ("Rebel group"); ValueError otherwise."""
    v = value.strip()
    if v.isdigit():
        return int(v)
    try:
        return _INTER_BY_LABEL[v.casefold()]
    except KeyError:
        raise ValueError(f"'{value}' is neither an inter code (1-8) nor an actor type label") from None


def interaction_label(code: str) -> str:
    """ "12" -> "State forces-Rebel group", "60" -> "Protesters only" (marsad stores the code)."""
    if len(code) != 2 or not code.isdigit():
        return code
    a, b = int(code[0]), int(code[1])
    first = INTER_LABELS.get(a, code[0])
    return f"{first} only" if b == 0 else f"{first}-{INTER_LABELS.get(b, code[1])}"


def interaction_code(value: str) -> str:
    """The stored two-digit code of an interaction given as a code or a label."""
    v = value.strip()
    if v.isdigit():
        return v
    low = v.casefold()
    if low.endswith(" only"):
        return f"{inter_code(v[: -len(' only')])}0"
    for a, la in INTER_LABELS.items():
        for b, lb in INTER_LABELS.items():
            if low == f"{la}-{lb}".casefold():
                return f"{min(a, b)}{max(a, b)}"
    raise ValueError(f"'{value}' is not an interaction code or label")


def region_name(value: str) -> str:
    """A region given by ACLED id ("11") or name, as the name marsad stores."""
    v = value.strip()
    if v.isdigit():
        try:
            return REGIONS[int(v)]
        except KeyError:
            raise ValueError(f"no ACLED region has id {v}") from None
    return v


def region_id(name: str) -> int | None:
    return _REGION_BY_NAME.get(name.strip().casefold())
