"""Import TABARI/PETRARCH dictionaries (actors, agents, CAMEO verbs) as knowledge-base records.

What our coder can use becomes records: actor names with their codes and dated codes, agent
words with their sector (and plurals), verbs with their particle or direct object and CAMEO
code, every other verb pattern as a phrase of words around the verb (words before it, several
words after it, synsets spelled out, `%` compound actors, multi-word verbs such as WIRE_+TAP),
`[---]` patterns as patterns that stop coding, and discards lists. The rest is counted, by
reason, in the import report (codes outside CAMEO, alternative actor codes A/B, prefix agent
codes). Source and target come from the coder's own parse, so `$`/`+`/`^` markers only leave a
gap in a phrase, and `X:Y` codes keep X.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import KnowledgeError, message
from . import NOT_AN_EVENT, PHRASE, check_record

_XML_COMMENT = re.compile(r"<!\s*--.*?-->", re.S)
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_GROUP = re.compile(r"^---\s*(.*?)\s*((?:\[[^\]]*\]\s*)*)(?:#.*)?---")
_DATED = re.compile(r"^(?P<code>[^\s<>]+)\s*(?:(?P<op>[<>])\s*(?P<day>\d{6,8})|"
                    r"(?P<start>\d{6,8})\s*-\s*(?P<end>\d{6,8}))?$")
_MACRO = re.compile(r"^(!\w+!)\s*=\s*(.+)$")
_CAMEO = re.compile(r"^(0[1-9]|1\d|20)\d{1,2}$")
# Words after the verb that are its particle or preposition ("call on", "break off").
PARTICLES = frozenset(
    "about across after against along among around at away back by down for from in into of "
    "off on onto out over through to toward towards under up upon with within without".split())
MARKERS = {"$", "+", "^"}  # source, target, skip: the coder finds the actors itself
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "de"}


@dataclass
class Report:
    """What one dictionary became: records, and what was skipped or simplified, by reason."""

    source: str
    dictionary: str  # actors | agents | verbs
    records: list[dict] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    simplified: Counter = field(default_factory=Counter)
    converted: Counter = field(default_factory=Counter)  # features carried, by kind

    def add(self, record: dict) -> None:
        check_record(record)  # the importer writes only records `kb check` accepts
        self.records.append(record)

    def summary(self) -> str:
        kinds = Counter(r["kind"] for r in self.records)
        lines = [f"{self.source}: {self.dictionary} dictionary -> "
                 + ", ".join(f"{n} {k} records" for k, n in sorted(kinds.items()))]
        for title, counts in (("converted", self.converted), ("skipped", self.skipped),
                              ("simplified", self.simplified)):
            for reason, n in counts.most_common():
                lines.append(f"  {title}: {n} x {reason}")
        return "\n".join(lines)


def _lines(text: str) -> list[str]:
    """The dictionary's lines without XML, `#` and `;` comments."""
    text = _XML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return [re.split(r"[#;]", line, maxsplit=1)[0].rstrip() for line in text.splitlines()]


def detect(lines: list[str], name: str = "") -> str | None:
    """The dictionary's type, from its content; a list of phrases without codes is a discards
    list when its file name says so (TABARI's `.discards` files)."""
    if any(_GROUP.match(line.strip()) for line in lines):
        return "verbs"
    codes = [c for line in lines for c in _CODE_BLOCK.findall(line)]
    if any("~" in c for c in codes):
        return "agents"
    if codes:
        return "actors"
    return "discards" if "discard" in name.lower() and any(map(str.strip, lines)) else None


def import_file(path: str | Path) -> Report:
    """Read one TABARI/PETRARCH dictionary; its type is read from its content."""
    path = Path(path)
    lines = _lines(path.read_text(encoding="utf-8", errors="replace"))
    kind = detect(lines, path.name)
    if kind is None:
        raise KnowledgeError(message("E101", path=path,
                                     detail="no [CODE] entries or --- VERB [code] --- groups, "
                                            "nor a discards list"))
    report = Report(str(path), kind)
    {"actors": _actors, "agents": _agents, "verbs": _verbs, "discards": _discards}[kind](
        lines, report)
    return report


def write(report: Report, out_dir: str | Path) -> Path:
    """`OUT/<dictionary file name>.yaml`, headed by where it came from and the report."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    name = Path(report.source).name
    target = out / (re.sub(r"\.txt$", "", name) + ".yaml")
    header = [f"# Imported from {name} by `newsevents kb import-tabari`.",
              f"# version: {date.today():%Y.%m.%d}",
              *("# " + line for line in report.summary().splitlines()[1:])]
    body = yaml.safe_dump(report.records, sort_keys=False, allow_unicode=True, width=100)
    target.write_text("\n".join(header) + "\n" + body, encoding="utf-8")
    return target


# -- actors -------------------------------------------------------------------------------

def _day(text: str) -> date:
    if len(text) == 6:  # YYMMDD: TABARI's two-digit years
        year = int(text[:2])
        text = f"{2000 + year if year < 30 else 1900 + year}{text[2:]}"
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _name_forms(phrase: str) -> list[str]:
    """PETRARCH's upper-case phrase as news writes it: "GAZA_CITY" -> "Gaza City", and with
    short words after the first in capitals too ("GONZO_GMO" -> "Gonzo GMO"; "UN")."""
    words = [w for w in re.split(r"[\s_]+", phrase.strip("_ ")) if w]
    titled = [w.lower() if n and w.lower() in SMALL_WORDS else w.title()
              for n, w in enumerate(words)]
    capitals = [w.upper() if len(w.strip(".")) <= 3 and w.lower() not in SMALL_WORDS
                and (n or len(words) == 1) else t
                for n, (w, t) in enumerate(zip(words, titled, strict=True))]
    forms = [" ".join(titled), " ".join(capitals)]
    return list(dict.fromkeys(f for f in forms if f))


def _actor_record(entry: dict, report: Report) -> None:
    names = [f for phrase in entry["phrases"] for f in _name_forms(phrase)]
    names = list(dict.fromkeys(names))
    default, dated = None, []
    for block in entry["codes"]:
        found = _DATED.match(block.strip())
        if not found:
            report.skipped["unreadable code block"] += 1
            continue
        code = found["code"].upper()
        if "/" in code:
            report.skipped["alternative codes (A/B): not one actor code"] += 1
            continue
        if not re.fullmatch(r"[A-Z0-9]{3,}|---", code):
            report.skipped[f"special code {code}"] += 1
            continue
        if found["op"] == "<":
            dated.append({"code": code, "end": (_day(found["day"]) - timedelta(1)).isoformat()})
        elif found["op"] == ">":
            dated.append({"code": code,
                          "start": (_day(found["day"]) + timedelta(1)).isoformat()})
        elif found["start"]:
            dated.append({"code": code, "start": _day(found["start"]).isoformat(),
                          "end": _day(found["end"]).isoformat()})
        elif default is None:
            default = code
        else:
            report.skipped["second undated code of an actor"] += 1
    if default is None and not dated:
        report.skipped["actor without a usable code"] += 1
        return
    record = {"kind": "actor", "name": names[0]}
    if names[1:]:
        record["aliases"] = names[1:]
    if default:
        record["code"] = default
    if dated:
        record["codes"] = dated
    report.add(record)


def _actors(lines: list[str], report: Report) -> None:
    entry = None
    entries = []
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if text.startswith("+"):
            if entry is not None:
                entry["phrases"].append(_CODE_BLOCK.sub("", text[1:]).strip())
                entry["codes"] += _CODE_BLOCK.findall(text)
        elif text.startswith("["):
            if entry is not None:
                entry["codes"] += _CODE_BLOCK.findall(text)
        else:
            entry = {"phrases": [_CODE_BLOCK.sub("", text).strip()],
                     "codes": _CODE_BLOCK.findall(text)}
            entries.append(entry)
    for entry in entries:
        _actor_record(entry, report)


# -- agents -------------------------------------------------------------------------------

def _plural(phrase: str) -> str:
    """PETRARCH's regular plural of an agent phrase (its head: "ministers of silly walks")."""
    words = phrase.split(" ")
    head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    word = words[head]
    if word.endswith("man"):
        word = word[:-3] + "men"
    elif word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        word = word[:-1] + "ies"
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        word += "es"
    else:
        word += "s"
    return " ".join([*words[:head], word, *words[head + 1:]])


def _agents(lines: list[str], report: Report) -> None:
    macros: dict[str, list[str]] = {}
    for line in lines:
        text = line.strip()
        if not text:
            continue
        found = _MACRO.match(text)
        if found:
            macros[found[1]] = [v.strip() for v in found[2].split(",") if v.strip()]
            continue
        codes = _CODE_BLOCK.findall(text)
        if not codes:
            report.skipped["agent without a code"] += 1
            continue
        code = codes[0].replace(" ", "").upper()
        if not code.startswith("~"):
            report.skipped["prefix agent code (XXX~): our codes put the sector after the "
                           "country"] += 1
            continue
        plurals = re.search(r"\{([^}]*)\}", text)
        phrase = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", text).strip()
        phrases = [phrase]
        for name, values in macros.items():
            phrases = [p.replace(name, v) for p in phrases for v in values] \
                if any(name in p for p in phrases) else phrases
        words = [re.sub(r"[\s_]+", " ", p).strip().lower() for p in phrases]
        if plurals is None:
            words += [_plural(w) for w in words if not w.endswith(("s", "men"))]
        else:
            words += [re.sub(r"[\s_]+", " ", p).strip().lower()
                      for p in plurals[1].split() if p]
        record = {"kind": "agent", "words": list(dict.fromkeys(words)),
                  "sector": code.lstrip("~")}
        if not re.fullmatch(r"[A-Z][A-Z0-9]*", record["sector"]):
            report.skipped["unreadable agent code"] += 1
            continue
        report.add(record)


# -- discards -----------------------------------------------------------------------------

def _discards(lines: list[str], report: Report) -> None:
    """Phrases that cancel the coding of their sentence, or with a leading `+` of their whole
    story."""
    for line in lines:
        text = line.strip()
        if not text:
            continue
        scope = "story" if text.startswith("+") else "sentence"
        phrase = " ".join(re.split(r"[\s_]+", text.lstrip("+ ").lower())).strip()
        if not phrase or "|" in phrase or "*" in phrase:
            report.skipped["unreadable discard phrase"] += 1
            continue
        report.add({"kind": "discard", "phrase": phrase, "scope": scope})


# -- verbs --------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _lemmatizer():
    import spacy

    from ..nlp import MODELS
    for name in MODELS:
        try:
            nlp = spacy.load(name, exclude=["tok2vec", "tagger", "parser", "ner", "senter"])
        except OSError:
            continue
        return nlp, nlp.get_pipe("lemmatizer")
    raise KnowledgeError(message("E020", tried=", ".join(MODELS)))


@lru_cache(maxsize=4096)
def lemma(word: str, pos: str) -> str:
    """spaCy's lemma of a dictionary word ("SAID" -> "say", "TIES" -> "tie")."""
    from spacy.tokens import Doc
    nlp, lemmatizer = _lemmatizer()
    token = Doc(nlp.vocab, words=[word.lower()])[0]
    token.pos_ = pos
    token.set_morph("VerbForm=Fin|Tense=Past" if pos == "VERB" else "Number=Plur")
    return lemmatizer.rule_lemmatize(token)[0].lower()


@dataclass
class _Verb:
    lemma: str
    prep: str | None
    core: str  # the verb in a phrase: "*", or with its own words ("wire_*" for WIRE_+TAP)
    code: str | None
    base: bool  # listed in its base form (wins over an inflected listing of the same lemma)
    group: str


def _code(block: str, report: Report) -> str | None:
    """A CAMEO code from `[code]` (`---`: not an event); `[X:Y]` (PETRARCH's reciprocal event
    Y) keeps X; None if unusable."""
    code = block.strip()
    if ":" in code:
        report.simplified["reciprocal code X:Y coded as X only"] += 1
        code = code.partition(":")[0].strip()
    if code == NOT_AN_EVENT:
        return code
    if not _CAMEO.match(code) or code[:3] not in _ontology():
        report.skipped["code not in the CAMEO ontology"] += 1
        return None
    return code


@lru_cache(maxsize=1)
def _ontology() -> frozenset[str]:
    from ..datafiles import load_table
    return frozenset(r["code"] for r in load_table("newsevents.events", "cameo").rows)


def _split_verb(text: str) -> tuple[list[str], str, list[str]] | None:
    """(words before, the verb, words after) of a verb line or form: "BREAK_DOWN" is break +
    down, "WIRE_+TAP" is tap right after "wire" (`+` marks the verb of a phrase, else it is
    the first word); None if unreadable."""
    words = [w for w in re.split(r"[\s_]+", text) if w]
    marked = [n for n, w in enumerate(words) if w.startswith("+")]
    at = marked[0] if marked else 0
    verb = words[at].lstrip("+") if words else ""
    if len(marked) > 1 or not re.fullmatch(r"[A-Za-z'-]+", verb):
        return None
    return [w.lower() for w in words[:at]], verb.lower(), [w.lower() for w in words[at + 1:]]


def _regular_forms(verb: str) -> list[str]:
    """The -s, -ed and -ing forms PETRARCH makes of a verb listed in its base form."""
    consonant_y = verb.endswith("y") and verb[-2:-1] not in tuple("aeiou")
    stem = verb[:-1] if consonant_y else verb
    return [stem + "ies" if consonant_y else verb + "es" if verb.endswith(
                ("s", "x", "z", "ch", "sh")) else verb + "s",
            stem + "ied" if consonant_y else verb + "d" if verb.endswith("e") else verb + "ed",
            (verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb) + "ing"]


def _verb_line(text: str, group: dict, report: Report) -> list[_Verb]:
    """The verbs of a verb line ("BAN {BANS BANNED} [191]"): one per lemma its forms have in
    the parse (spaCy lemmatizes "cordoned" as "cordone"), sharing its particle and phrase."""
    forms = re.search(r"\{([^}]*)\}", text)
    found = _split_verb(_CODE_BLOCK.sub("", re.sub(r"\{[^}]*\}", "", text)))
    if found is None:
        report.skipped["unreadable verb line"] += 1
        return []
    before, word, after = found
    prep = None
    if not before and len(after) == 1 and after[0] in PARTICLES:
        prep = after.pop()
    elif before or after:
        report.converted["multi-word verb as a phrase around the verb"] += 1
    base = lemma(word, "VERB") == word
    others = [f[1] for f in map(_split_verb, forms[1].split()) if f] if forms else \
        _regular_forms(word) if base else []
    lemmas = list(dict.fromkeys(lemma(w, "VERB") for w in [word, *others]))
    report.converted["other lemma of a verb's forms"] += len(lemmas) - 1
    blocks = _CODE_BLOCK.findall(text)
    code = _code(blocks[0] if blocks else group["code"], report)
    core = "_".join([*before, "*", *after])
    return [_Verb(lem, prep, core, code, base or n > 0, group["name"])
            for n, lem in enumerate(lemmas)]


def _expand(tokens: list[str], synsets: dict[str, list[list[str]]], report: Report
            ) -> list[list[str]]:
    """Every word sequence a pattern's tokens stand for, with `&SYNSET`s spelled out."""
    out: list[list[str]] = [[]]
    for token in tokens:
        if token.startswith("&"):
            members = synsets.get(token.rstrip("_"))
            if members is None:
                report.skipped["unknown synset"] += 1
                return []
            out = [o + m for o in out for m in members]
        else:
            out = [o + [token] for o in out]
    return out


def _phrases(text: str, verb: _Verb, synsets, report: Report) -> list[str]:
    """A pattern as phrases of our triggers (`lexicon.Phrase`), its synsets spelled out: "_"
    joins words that follow each other, a space lets other words stand between; the actor
    markers ($ + ^) leave a gap (the coder finds the actors itself)."""
    def close(phrases, groups):
        return [p + ["_".join(g)] for p in phrases for g in groups] if groups[0] else phrases

    phrases: list[list[str]] = [[]]  # alternatives, as groups of joined words
    for token in text.split():
        groups: list[list[str]] = [[]]  # alternatives of the group being read
        for part in token.split("_"):
            if part in MARKERS:
                phrases, groups = close(phrases, groups), [[]]
            elif part:
                words = [[verb.core]] if part == "*" else _expand([part], synsets, report)
                groups = [g + w for g in groups for w in words]
        phrases = close(phrases, groups)
    return list(dict.fromkeys(" ".join(p).lower() for p in phrases))


def _pattern(text: str, verb: _Verb, synsets, report: Report) -> list[dict]:
    """Rows for one `- ... * ... [code]` pattern of a verb: a particle and a direct object
    where the pattern is just that, else the phrase of words around the verb."""
    blocks = _CODE_BLOCK.findall(text)
    if not blocks:
        report.skipped["pattern without a code"] += 1
        return []
    code = _code(blocks[0], report)
    if code is None:
        return []
    pattern = _CODE_BLOCK.sub("", text).lstrip("- ")
    tokens = [t for t in re.split(r"[\s_]+", pattern) if t]
    if tokens.count("*") != 1:
        report.skipped["pattern without the verb (*)"] += 1
        return []
    if any(t.startswith("&") and t not in synsets for t in tokens):
        report.skipped["unknown synset"] += 1
        return []
    star = tokens.index("*")
    row = {"kind": "pattern", "cameo": code, "verb": verb.lemma, "replaces": True}
    if verb.prep:
        row["prep"] = verb.prep
    if MARKERS & set(tokens):
        report.simplified["source/target markers ($ + ^) left to the parse"] += 1
    simple = _simple(tokens[star + 1:], verb, synsets, report) \
        if verb.core == "*" and not [t for t in tokens[:star] if t not in MARKERS] else None
    if simple is not None:
        row.update(simple)
    else:
        phrases = _phrases(pattern, verb, synsets, report)
        if not all(PHRASE.match(p) for p in phrases):
            report.skipped["unusable word in a phrase"] += 1
            return []
        if phrases == [verb.core]:
            report.skipped["pattern with only actor markers"] += 1
            return []
        row["phrase"] = phrases
        report.converted["pattern as a phrase around the verb"] += 1
    row["note"] = f"PETRARCH {verb.group}"
    return [row]


def _simple(after: list[str], verb: _Verb, synsets, report: Report) -> dict | None:
    """{prep, object} when the words after the verb are one particle and/or one direct object
    (each synset member one word), else None."""
    if any(t in MARKERS or t == "%" for t in after) or not after:
        return None
    preps, objects = set(), set()
    for words in _expand(after, synsets, report):
        words = [w.lower() for w in words]
        prep = words[0] if words[0] in PARTICLES and not verb.prep else verb.prep
        rest = words[1:] if words[0] in PARTICLES and not verb.prep else words
        if (prep and rest) or len(rest) > 1 or (rest and not re.fullmatch(r"[a-z][a-z'-]*",
                                                                          rest[0])):
            return None
        preps.add(prep)
        objects.update(lemma(w, "NOUN") for w in rest)
    if len(preps) != 1:
        return None
    (prep,) = preps
    return {**({"prep": prep} if prep else {}), **({"object": sorted(objects)} if objects
                                                   else {})}


def _verbs(lines: list[str], report: Report) -> None:
    synsets: dict[str, list[list[str]]] = {}
    synset: str | None = None
    group: dict | None = None
    verbs: list[_Verb] = []
    rows: list[tuple[_Verb, dict]] = []
    for line in lines:
        text = line.strip()
        if not text:
            continue
        header = _GROUP.match(text)
        if header:
            synset = None
            blocks = _CODE_BLOCK.findall(header[2])
            group = {"name": header[1].strip("_ "), "code": blocks[0] if blocks else "---",
                     "verbs": []}
            if len(blocks) > 1:
                report.skipped["second group code"] += 1
            continue
        if text.startswith("&") and not text.startswith("&", 1):
            synset, group = text.split()[0].rstrip("_"), None
            synsets[synset] = []
            continue
        if synset is not None and text.startswith("+"):
            members = _expand(text[1:].replace("_", " ").split(), synsets, report)
            synsets[synset].extend(members)
            continue
        if group is None:
            continue
        if text.startswith("-"):
            for verb in group["verbs"]:
                rows += [(verb, r) for r in _pattern(text, verb, synsets, report)]
            continue
        found = _verb_line(text, group, report)
        group["verbs"] += found
        verbs += found
    chosen: dict[tuple, tuple[_Verb, dict]] = {}
    for verb in verbs:
        if verb.code is None:
            continue
        row = {"kind": "pattern", "cameo": verb.code, "verb": verb.lemma, "replaces": True}
        if verb.prep:
            row["prep"] = verb.prep
        if verb.core != "*":
            row["phrase"] = [verb.core]
        row["note"] = f"PETRARCH {verb.group}"
        _choose(chosen, verb, row, report)
    for verb, row in rows:
        _choose(chosen, verb, row, report)
    for _, row in chosen.values():
        report.add(row)


def _choose(chosen: dict, verb: _Verb, row: dict, report: Report) -> None:
    """One row per pattern. A verb listed in an inflected form wins over its base form
    ("LEFT" over "LEAVE"): PETRARCH conjugates base forms regularly, so an irregular form is
    listed to be coded its own way; otherwise the first listed wins."""
    key = (row["verb"], row.get("prep"), tuple(row.get("object", ())),
           tuple(row.get("phrase", ())))
    if key in chosen:
        report.skipped["same pattern listed twice (inflected form or first kept)"] += 1
        if verb.base or not chosen[key][0].base:
            return
    chosen[key] = (verb, row)
