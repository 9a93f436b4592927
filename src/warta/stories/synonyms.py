"""Paraphrase groups for comparing statements: stems that news prose uses interchangeably.

Language knowledge as data: each line is one group of stems (after
:func:`warta.stories.text.stem`); the first stem stands for the group. Indonesian first,
with the English equivalents so that mixed-language stories meet too.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

_GROUPS = """
akibat konsekuensi dampak imbas consequence consequences
sepakat janji setuju pakta deal agreement accord
senjata persenjataan amunisi weapon weapons arms munition
tewas meninggal mati wafat gugur killed dead died
luka cedera injured wounded
serang serbu attack attacked
temu jumpa meet meeting summit
kunjung lawat visit
tiba datang sampai arrive arrived arrival
berangkat tinggal depart departed left
tangkap tahan ringkus arrest arrested detained
bayar tebus pay
ancam ancaman threat threaten warned
peringat warn warning
tolak bantah deny denied reject
umum nyata announce announced
kata ujar tutur ucap say said
uji coba test tested
luncur tembak launch launched fired
rudal misil missile missiles
kereta train
presiden president
perang konflik war conflict
bantu tolong help aid
sanksi embargo sanction sanctions
gempa earthquake quake
banjir flood floods
korban victim victims
harga price
biaya ongkos investasi cost costs investment
naik tambah rise increase
turun kurang fall decrease
"""


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _GROUPS.strip().splitlines():
        stems = line.split()
        for s in stems:
            table.setdefault(s, stems[0])
    return table


def canonical_stem(stem: str) -> str:
    return _table().get(stem, stem)


def canonical_stems(stems: Iterable[str]) -> set[str]:
    table = _table()
    return {table.get(s, s) for s in stems}
