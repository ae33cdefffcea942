"""The actor knowledge base: countries, leaders with their terms, organisations, generic agents.

Built once from the TSV files in `data/` (and the user's own), it answers one question: which
entries could this surface form mean? Choosing among them (by date, by the article's other
countries) is the matcher's job.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from ..datafiles import load_table, split_values

PACKAGE = "newsevents.actors"


@dataclass(frozen=True)
class Entry:
    """One thing a name can refer to."""

    kind: str  # country | adjective | capital | institution | place | leader | organization |
    # agent | region
    name: str
    country: str | None
    sector: str | None = None
    code: str | None = None  # organisation code, for IGOs and groups without a country
    role: str | None = None
    start: str | None = None
    end: str | None = None
    person: bool = False
    equipment: bool = False  # a weapon standing for its force ("tanks shelled the town")
    # A leader's surname alias that may name someone else ("Mustafa"): it names the leader
    # only where the text supports it (see `ActorFinder.supported`).
    ambiguous: bool = False
    # The states a people without a state of its own lives in (regions.tsv `lands`).
    lands: tuple[str, ...] = ()

    def in_office(self, date: str) -> bool:
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)

    def distance(self, date: str) -> int:
        """How far (in days, roughly) `date` lies outside this entry's term; 0 inside it."""
        if self.in_office(date):
            return 0
        edge = self.start if self.start and date < self.start else self.end
        return abs(_days(edge) - _days(date)) if edge else 0


def _days(iso: str) -> int:
    y, m, d = (int(x) for x in iso[:10].split("-"))
    return y * 372 + m * 31 + d


def fold(text: str) -> str:
    """Accent-free form ("Goïta" -> "Goita"), so either spelling in the news matches."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def surface_forms(form: str) -> set[str]:
    """The spellings to look for: as written, accent-free, straight apostrophes, no leading
    article ("the Kremlin" is found as "Kremlin", the article stays outside the actor)."""
    form = form.strip()
    if form.lower().startswith("the "):
        form = form[4:]
    forms = {form, fold(form)}
    forms |= {f.replace("’", "'") for f in forms} | {f.replace("'", "’") for f in forms}
    return {f for f in forms if f}


@dataclass(frozen=True)
class Gazetteer:
    """Surface form -> the entries it may name. `names` are matched case-sensitively,
    `agents` in lower case."""

    names: dict[str, tuple[Entry, ...]]
    agents: dict[str, tuple[Entry, ...]]
    countries: dict[str, str]  # iso3 -> short name
    versions: tuple[str, ...]


def _add(index: dict, form: str, entry: Entry) -> None:
    for f in surface_forms(form):
        if entry not in index[f]:
            index[f].append(entry)


def _country_entries(rows, names, country_names) -> None:
    for row in rows:
        iso = row["iso3"]
        name = row["name"]
        country_names[iso] = name
        entry = Entry("country", name, iso)
        for form in [name, row.get("official", ""), *split_values(row.get("aliases", ""))]:
            if form:
                _add(names, form, entry)
        for form in split_values(row.get("adjectives", "")):
            _add(names, form, Entry("adjective", name, iso))
        for form in split_values(row.get("capitals", "")):
            _add(names, form, Entry("capital", name, iso, "GOV"))
        for pair in split_values(row.get("institutions", "")):
            label, _, sector = pair.partition("=")
            _add(names, label, Entry("institution", label.strip(), iso, sector.strip() or "GOV"))
        for form in split_values(row.get("places", "")):
            _add(names, form, Entry("place", form, iso))


# One-word aliases this short ("Ban", "Kim", "Bio") are ordinary words or common names too.
SHORT_ALIAS = 3


def _given_names(rows) -> set[str]:
    """First words of leaders' names that are given names, not a family name written first
    (the "Kim" of "Kim Jong Un", which is also his one-word alias)."""
    given = set()
    for row in rows:
        first = row["name"].split()[0]
        if len(row["name"].split()) > 1 and first not in split_values(row.get("aliases", "")):
            given.add(first)
    return given


def _ambiguous_alias(form: str, row: dict, given: set[str]) -> bool:
    """A surname alone that is another leader's given name ("Mustafa": Isa Mustafa, but also
    Mustafa Madbouly and Mustafa al-Kadhimi) or a short word; acronyms ("MBS") are not."""
    if " " in form or form == row["name"] or form.isupper():
        return False
    return form in given or len(form) <= SHORT_ALIAS


def _leader_entries(rows, names) -> None:
    given = _given_names(rows)
    for row in rows:
        role = row.get("role", "")
        org = role.partition("@")[2] or None
        entry = Entry(
            "leader",
            row["name"],
            row.get("country") or None,
            row.get("sector") or ("IGO" if org else "GOV"),
            code=org,
            role=role.partition("@")[0],
            start=row.get("start") or None,
            end=row.get("end") or None,
            person=True,
        )
        for form in [row["name"], *split_values(row.get("aliases", ""))]:
            ambiguous = _ambiguous_alias(form, row, given)
            _add(names, form, replace(entry, ambiguous=True) if ambiguous else entry)


def _organization_entries(rows, names) -> None:
    """Organisations by name, code and aliases. An alias written `?Democrats` is a word other
    bodies bear too (Sweden's, Britain's Liberal Democrats): it names the organisation only
    where the text supports it, like an ambiguous leader's surname."""
    for row in rows:
        entry = Entry(
            "organization",
            row["name"],
            row.get("country") or None,
            row.get("sector") or "IGO",
            code=row["code"],
        )
        aliases = split_values(row.get("aliases", ""))
        shared = {a[1:] for a in aliases if a.startswith("?")}
        for form in [row["name"], row["code"], *(a.lstrip("?") for a in aliases)]:
            if form:
                _add(names, form, replace(entry, ambiguous=True) if form in shared else entry)


def _region_entries(rows, names) -> None:
    for row in rows:
        label = split_values(row["name"])[0]
        entry = Entry("region", label, None, lands=tuple(split_values(row.get("lands", ""))))
        for form in [*split_values(row["name"]), *split_values(row.get("adjectives", ""))]:
            _add(names, form, entry)


def _coded_actor_entries(rows, names) -> None:
    """Actors named with a CAMEO-style code (`actors*.tsv`, from the user's knowledge base or
    an imported PETRARCH dictionary): the code's first three letters are the country (or IGO,
    or a fictional state), the rest the sector, so the coded actor carries the code itself.
    An actor with dated codes is chosen by date like a leader (its undated code, if any, is
    the default outside every term); `---` names an actor left uncoded. Its names replace
    whatever else they named: the user has said what they mean."""
    dated_names = {row["name"] for row in rows if row.get("start") or row.get("end")}
    claimed: set[str] = set()
    for row in rows:
        code = row["code"].upper()
        dated = row["name"] in dated_names
        entry = Entry("leader" if dated else "institution", row["name"],
                      None if code == "---" else code[:3],
                      None if code == "---" else code[3:] or None,
                      start=row.get("start") or None, end=row.get("end") or None,
                      person=dated)
        for form in [row["name"], *split_values(row.get("aliases", ""))]:
            for f in surface_forms(form) - claimed:
                names[f] = []
                claimed.add(f)
            _add(names, form, entry)


def _agent_entries(rows, agents) -> None:
    for row in rows:
        words = split_values(row["word"])
        for word in words:
            entry = Entry("agent", word, None, row["sector"], person=row.get("person") == "yes",
                          equipment=row.get("person") == "equipment")
            agents[word.lower()].append(entry)


@lru_cache(maxsize=4)
def load_gazetteer(user_dirs: tuple[str, ...] = ()) -> Gazetteer:
    names: dict[str, list[Entry]] = defaultdict(list)
    agents: dict[str, list[Entry]] = defaultdict(list)
    country_names: dict[str, str] = {}
    versions = []
    for prefix, build in (
        ("countries", lambda rows: _country_entries(rows, names, country_names)),
        ("organizations", lambda rows: _organization_entries(rows, names)),
        ("leaders", lambda rows: _leader_entries(rows, names)),
        ("regions", lambda rows: _region_entries(rows, names)),
        ("actors", lambda rows: _coded_actor_entries(rows, names)),
        ("agents", lambda rows: _agent_entries(rows, agents)),
    ):
        table = load_table(PACKAGE, prefix, user_dirs)
        build(table.rows)
        versions.extend(table.versions)
    return Gazetteer(
        {k: tuple(v) for k, v in names.items()},
        {k: tuple(v) for k, v in agents.items()},
        country_names,
        tuple(versions),
    )
