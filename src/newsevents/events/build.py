"""From parse drafts to `Event` records: PLOVER type, CAMEO refinement, mode, context,
modality, date, confidence; then one record per event per article."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from ..records import Actor, Article, Event
from ..when import event_date
from .coder import (
    FUTURE_TO_AGREE,
    FUTURE_TO_THREATEN,
    RECIPROCAL,
    STATE_SECTORS,
    UNATTRIBUTED,
    Draft,
    localise,
    unique_actors,
)
from .lexicon import Lexicon

# Confidence from the evidence of a draft: how the trigger was found, whether both sides were
# found in the text, whether the event is in the main clause, how many other events compete
# for the same sentence, how long (hard to parse) the sentence is. Set by reading the
# calibration table of `newsevents evaluate` on the dev sets (events at 0.8 or more should be
# right 85% of the time); re-run it after changing these.
BASE_CONFIDENCE = {"verb": 0.6, "frame": 0.6, "light-verb": 0.55, "noun": 0.45}
BONUS_SOURCE = 0.15
BONUS_TARGET = 0.1  # a target named in the sentence, not one inferred from the place
PENALTY_REFERENCE = 0.1
PENALTY_NO_SOURCE = 0.2
BONUS_MAIN_CLAUSE = 0.05
PENALTY_SUBORDINATE = 0.15  # a coordinated, complement or adverbial clause
SUBORDINATE_DEPS = {"conj", "xcomp", "advcl", "pcomp"}
PENALTY_RIVAL = 0.1  # per other event of the sentence, at most two
PENALTY_LONG = 0.1
LONG_SENTENCE = 30  # tokens


def finish(draft: Draft, sent: Span, sentence_index: int, article: Article, lexicon: Lexicon,
           version: str, offset: int = 0) -> Event:
    """`sent` is parsed from a segment of the article starting at `offset`; texts in the record
    are taken from the article as received."""
    def original(start: int, end: int) -> str:
        return article.text[start + offset: end + offset]

    code = draft.cameo
    plover = lexicon.code(code).plover
    modality = draft.modality
    negated = draft.negated
    if negated and modality == "intended" and plover in FUTURE_TO_AGREE | {"AGREE"}:
        # "will not accept refugees": a refusal, not a negated promise.
        code = lexicon.complements.get(("12", plover), "120")
        negated = False
    elif "ultimatum" in draft.notes and plover not in ("THREATEN", "REQUEST", "REJECT"):
        code = lexicon.complements.get(("13", plover or ""), "130")
    elif modality in ("intended", "hypothetical") and draft.via != "frame" \
            and "scheduled" not in draft.notes:  # (a visit on a schedule is still a visit)
        if plover in FUTURE_TO_AGREE:
            code = lexicon.complements.get(("03", plover), "030")
        elif plover in FUTURE_TO_THREATEN:
            code = lexicon.complements.get(("13", plover), "130")
    if code == SHOW_OF_FORCE and (len({a.country for a in draft.source if a.country}) > 1 or any(
            c.lower_ == "joint" for c in draft.trigger.root.children)):
        code = MILITARY_COOPERATION  # "French and Egyptian warships launched war games"
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    contexts = _contexts(sent, lexicon, original)
    code = _refine(code, contexts, lemmas, lexicon)
    entry = lexicon.code(code)
    plover = entry.plover
    mode = draft.mode or entry.mode
    if plover == "CONSULT" and lemmas & lexicon.words["phone"] and code in ("040", "046", "04"):
        code, mode = "041", "phone"
        entry = lexicon.code(code)
    # (placed by its own sentence, not by one before it)
    here = bool(draft.location) and sent.start_char <= draft.location[0].start < sent.end_char
    source, target = _orient(draft.source, draft.target, plover, draft.location,
                             domestic=plover in DOMESTIC or mode in DOMESTIC_THREATS,
                             mutual="mutual" in draft.notes, home=draft.home,
                             outsiders=lexicon.words["outsider"], here=here)
    if source and not target:
        target = _unnamed_target(draft, source, plover)
    if (code in MUTUAL_CODES or "mutual" in draft.notes) and source and target:
        # "X held talks with Y": a conversation is had by both; each side is the other's
        # counterpart, as PLOVER codes a meeting.
        source, target = unique_actors(source + target), unique_actors(target + source)
    if plover == "ASSAULT" and draft.trigger.root.lemma_.lower() in lexicon.words["killing"] \
            and any(a.kind == "person" or set(a.text.lower().split()) & lexicon.words["leader"]
                    for a in target):
        # "guerrillas killed the deputy chief of ...": the killing of a leader
        code, mode = ASSASSINATION, "assassinate"
        entry = lexicon.code(code)
    if plover == "CONSULT" and mode is None and here:
        mode = _meeting_mode(source, target, draft.location)
    if plover in DIPLOMATIC_TYPES and "diplomatic" not in contexts and _between_states(
            source, target):
        contexts.append("diplomatic")
    date = event_date(_date_phrases(sent, draft, lexicon), article.date,
                      future=modality == "intended")
    if date.historical and modality == "asserted":
        modality = "historical"
    if modality in ("denied", "requested"):
        negated = True  # its own actor says it did not happen; or it is only asked for
    elif negated:
        modality = "negated"
    confidence = BASE_CONFIDENCE[draft.via]
    confidence += BONUS_SOURCE * (bool(draft.source) and any(map(_resolved, source)))
    confidence += BONUS_TARGET * (bool(draft.target) and any(map(_resolved, target)))
    clause_dep = draft.clause.dep_ if draft.clause is not None else None
    confidence += BONUS_MAIN_CLAUSE * (clause_dep == "ROOT")
    confidence -= PENALTY_SUBORDINATE * (clause_dep in SUBORDINATE_DEPS)
    confidence -= PENALTY_RIVAL * min(draft.rivals, 2)
    confidence -= PENALTY_LONG * (len(sent) > LONG_SENTENCE)
    confidence -= PENALTY_REFERENCE * any(a.text.lower() != a.name.lower()
                                          and a.kind == "person" and a.text.islower()
                                          for a in source + target if a.name)
    confidence -= PENALTY_NO_SOURCE * (not draft.source)  # (none, or one only inferred)
    trigger = draft.trigger
    return Event(
        doc_id=article.id,
        sentence_index=sentence_index,
        sentence=original(sent.start_char, _text_end(sent)).strip(),
        event=plover,
        cameo=code,
        mode=mode,
        context=tuple(contexts),
        source=_shift(source, offset, original),
        target=_shift(target, offset, original),
        date=date.date,
        date_text=date.text,
        negated=negated,
        modality=modality,
        goldstein=entry.goldstein,
        quad_class=entry.quad_class,
        confidence=round(max(0.05, min(0.99, confidence)), 2),
        trigger=original(trigger.start_char, trigger.end_char),
        trigger_span=(trigger.start_char + offset, trigger.end_char + offset),
        version=version,
    )


# Kinds of event that parties named together do with each other when no one else is named.
SETTLED_TOGETHER = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "RETREAT"}


def _unnamed_target(draft: Draft, source: tuple[Actor, ...], plover: str | None
                    ) -> tuple[Actor, ...]:
    """The target of an event whose parse names none: the actor or place of another country
    than the source's nearest to the trigger ("Pakistan put its forces on high alert, saying
    India planned a strike"; "deposited $2 billion in Pakistan's central bank"), else the
    source's own country when it has one (a resignation, an investigation at home; allies
    striking together do not strike each other). Only the country is inferred, and the event
    gets no bonus for a named target."""
    own = {a.country for a in source if a.country}
    if len(own) > 1 and plover in SETTLED_TOGETHER:
        return tuple(reversed(source))  # "Israel and Hamas agreed a ceasefire": each other
    if plover == "CONSULT" and _stateless(source):
        own |= {a.country for a in draft.location}  # ("EU ministers met in Luxembourg")
    trigger = draft.trigger.root.i
    others = [(abs(i - trigger), a) for i, a in draft.mentioned if a.country not in own]
    if others:
        nearest = min(others, key=lambda pair: pair[0])[1]
        return (replace(nearest, sector=None, code=nearest.country, kind="agent"),)
    home = [a for a in source if a.country]
    return (replace(home[0], sector=None, code=home[0].country, kind="agent"),
            ) if len({a.country for a in home}) == 1 else ()


def _meeting_mode(source: tuple[Actor, ...], target: tuple[Actor, ...],
                  location: tuple[Actor, ...]) -> str | None:
    """PLOVER's CONSULT mode from where the meeting is: in the target's country the source
    visits, in its own it hosts, elsewhere it is a third-party meeting."""
    place = location[0].country if location else None
    sources = {a.country for a in source if a.country}
    targets = {a.country for a in target if a.country}
    if not (place and sources and targets):
        return None
    if place not in sources | targets:
        return "third-party"
    if place in targets and place not in sources or sources == targets:
        return "visit"  # (between parties named together, one of them came to the other)
    return "host" if place not in targets else None


# Verbal kinds of event that, between the governments of two countries, are diplomacy.
DIPLOMATIC_TYPES = {"CONSULT", "AGREE", "SUPPORT", "REQUEST", "REJECT", "ACCUSE", "THREATEN",
                    "COOPERATE"}


def _between_states(source: tuple[Actor, ...], target: tuple[Actor, ...]) -> bool:
    """Both sides are states (governments, or countries as such), and not the same one."""
    def states(actors):
        return {a.country for a in actors if a.country and a.sector in (None, "GOV")}
    sources, targets = states(source), states(target)
    return bool(sources and targets and sources != targets)


def _resolved(actor: Actor) -> bool:
    """A country or a named organisation; "the government" of nobody knows where is not."""
    return bool(actor.country or (actor.code and actor.kind != "agent"))


def _text_end(sent: Span) -> int:
    """End of the sentence's last word: blanked boilerplate after it is not part of it."""
    words = [t for t in sent if not t.is_space]
    return words[-1].idx + len(words[-1]) if words else sent.end_char


def _shift(actors: tuple[Actor, ...], offset: int, original) -> tuple[Actor, ...]:
    """Actors with offsets into the article and their text as written there."""
    return tuple(replace(a, start=a.start + offset, end=a.end + offset,
                         text=original(a.start, a.end)) for a in actors)


PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
PARAGRAPH_MIN_CUES = 2  # cue words in the rest of the paragraph that make its context strong
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _contexts(sent: Span, lexicon: Lexicon, original) -> list[str]:
    """PLOVER contexts from the event's sentence, then from its paragraph (text between blank
    lines) with a weaker weight: a context the other sentences of the paragraph cue at least
    PARAGRAPH_MIN_CUES times (one passing word is not the paragraph's topic). The paragraph is
    read from the article as written (`original(start, end)` in Doc offsets), since the
    prefilter may have skipped the parse of its other sentences."""
    found = list(_token_cues(sent, lexicon))
    text = sent.doc.text
    breaks = [m.span() for m in PARAGRAPH_BREAK.finditer(text)]
    # spaCy keeps whitespace (a break, a sentence the prefilter blanked) in the sentence
    text_start = sent.start_char + len(sent.text) - len(sent.text.lstrip())
    text_end = sent.start_char + len(sent.text.rstrip())
    start = max((end for _, end in breaks if end <= text_start), default=0)
    end = min((begin for begin, _ in breaks if begin >= text_end), default=len(text))
    rest = original(start, text_start) + " " + original(text_end, end)
    for context, cues in _text_cues(rest, lexicon).items():
        if cues >= PARAGRAPH_MIN_CUES and context not in found:
            found.append(context)
    return found


def _token_cues(sent: Span, lexicon: Lexicon) -> dict[str, int]:
    """Cues among parsed tokens: lemma or word form. Words inside a multi-word name ('West
    Bank', 'Human Rights Watch') are not cues, unless the whole name is one ('Al-Qaeda')."""
    names = {i: ent for ent in sent.ents if len(ent) > 1 for i in range(ent.start, ent.end)}
    forms, pieces, whole = [], [], []
    for token in sent:
        name = names.get(token.i)
        if name is not None:
            if token.i == name.start:
                whole.append(name.text.lower().removeprefix("the "))
            pieces.append(" ")
            continue
        forms.append({token.lemma_.lower(), token.lower_})
        pieces.append(token.text_with_ws.lower())
    return _cue_counts(forms, "".join(pieces), whole, lexicon)


def _text_cues(text: str, lexicon: Lexicon) -> dict[str, int]:
    """Cues in unparsed text: word forms with regular endings undone ('elections', 'voted').
    A capitalised word next to another is part of a name ('World Bank') and not a cue."""
    words = list(WORD.finditer(text))
    capital = [w.group()[0].isupper() for w in words]
    forms, kept = [], []
    for n, w in enumerate(words):
        beside = [capital[m] for m in (n - 1, n + 1) if 0 <= m < len(words)
                  and text[min(w.end(), words[m].end()):max(w.start(), words[m].start())]
                  .isspace()]
        if capital[n] and any(beside):
            kept.append(" ")
            continue
        forms.append(_word_forms(w.group().lower()))
        kept.append(w.group().lower())
    return _cue_counts(forms, " ".join(kept), [], lexicon)


def _word_forms(word: str) -> set[str]:
    forms = {word}
    for ending, replacements in (("ies", ("y",)), ("es", ("", "e")), ("s", ("",)),
                                 ("ed", ("", "e")), ("ing", ("", "e"))):
        if word.endswith(ending) and not word.endswith("ss") and len(word) > len(ending) + 2:
            forms.update(word[:-len(ending)] + r for r in replacements)
    return forms


def _cue_counts(forms: list[set[str]], text: str, names: list[str],
                lexicon: Lexicon) -> dict[str, int]:
    """Context -> number of cues, in order of first cue: one per word whose forms include a
    cue, per phrase cue found in `text` (cues that are not one plain word) and per whole name
    that is a cue."""
    counts: dict[str, int] = {}
    phrases = (w for w in lexicon.contexts if not w.isalpha())
    hits = [next((f for f in sorted(word) if f in lexicon.contexts), None) for word in forms]
    hits += [p for p in phrases
             for _ in re.finditer(rf"(?<![\w-]){re.escape(p)}(?![\w-])", text)]
    for cue in [h for h in hits if h] + [n for n in names if n in lexicon.contexts]:
        for c in lexicon.contexts[cue]:
            counts[c] = counts.get(c, 0) + 1
    return counts


def _refine(code: str, contexts: list[str], lemmas: set[str], lexicon: Lexicon) -> str:
    for when, refined in lexicon.refinements.get(code, ()):
        if when.startswith("words:"):
            if lemmas & set(when[6:].split("|")):
                return refined
        elif when in contexts:
            return refined
    return code


def _orient(source: tuple[Actor, ...], target: tuple[Actor, ...], plover: str | None,
            location: tuple[Actor, ...] = (), *, domestic: bool = False, mutual: bool = False,
            home: tuple[Actor, ...] = (), outsiders: frozenset[str] = frozenset(),
            here: bool = True) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """Unknown actors (a name with no country or code) do not count; generic agents with no
    country of their own belong to the place of the event, else to the other side's country
    ("accepted demands from rebels": the government's own rebels), else to the dateline's
    country ("police" in a NAIROBI story), unless they are `outsiders` (mediators,
    peacekeepers: seldom of the place they work in); domestic kinds of event with no target
    target the country where they happen; in compound actors
    nobody targets themselves; joint actions target each other. `here`: the sentence names
    the `location` itself (a place carried from sentences before is weaker evidence)."""
    source = tuple(a for a in source if a.country or a.code) or ()
    target = tuple(a for a in target if a.country or a.code) or ()
    # (what is acted on belonging to no country of its own, before it is given one)
    stateless = bool(target) and not any(a.country for a in target)
    source = localise(source, location or _countries_of(target) or home, outsiders)
    target = localise(target, location or _countries_of(source) or home, outsiders)
    if target and location and plover in LOCATED and not any(a.country for a in target) \
            and not any(a.sector in ("IGO", "NGO") for a in target):
        # "an air strike against an Islamic State target southwest of Baghdad": a stateless
        # armed group is hit where it is.
        target = target + location
    joint = len({_key(a) for a in source}) > 1 and (
        plover in RECIPROCAL or mutual or plover in EXCHANGED and stateless)
    if joint and plover in RECIPROCAL and {a.country for a in target if a.country} <= {
            a.country for a in source}:
        # "Israel and Hamas agreed to an exchange of Israeli hostages": the parties agree
        # with each other, whoever the agreement is about.
        target = ()
    if not target and source and not joint:
        if location and here and location[0].country not in {a.country for a in source} \
                and plover in LOCATED and not (plover == "CONSULT" and _stateless(source)):
            # "fired at targets in Jericho", "evacuate settlements in Gaza" (but "EU
            # ministers meeting in Luxembourg" meet among themselves)
            target = location
        elif home and plover in HELPED and home[0].country not in {
                a.country for a in source}:
            target = home  # "Britain pledged aid" in a KABUL story: to Afghanistan
        elif domestic or (plover in UNATTRIBUTED and location):
            # ("Myanmar's military bombed a school in Sagaing": an attack at home with no
            # target named hits its own country.)
            home = (location or _countries_of(source))[:1]
            # (whom an attack hit is not said: the country alone)
            sector = "" if plover in UNATTRIBUTED else "CVL" if any(
                a.sector in STATE_SECTORS for a in source) else "GOV"
            target = tuple(replace(a, sector=sector or None, code=(a.country or "") + sector,
                                   kind="agent") for a in home)
    if source and len(target) > 1:
        source_countries = {a.country for a in source}
        target = tuple(a for a in target if a.country not in source_countries) or target
    if target and len(source) > 1:
        target_countries = {a.country for a in target}
        kept = tuple(a for a in source if a.country not in target_countries or not a.country)
        source = kept or source
    if source and target and {_key(a) for a in source} == {_key(a) for a in target} \
            and len(source) == 1:
        target = ()
    if joint and (not target or stateless):
        # ("Thai and Cambodian troops exchanged fire", "Russia and Ukraine freed prisoners")
        target = tuple(reversed(source))
    if not source and location and plover in UNATTRIBUTED:
        # "A roadside bomb near Samarra killed ...": an attack nobody claims is coded to
        # the country where it happened.
        source = tuple(replace(a, sector=None, code=a.country, kind="agent")
                       for a in location)
        # ("A car bomb exploded in Baghdad": and it hit the country)
        target = target or tuple(replace(a, sector=None, code=a.country, kind="agent")
                                 for a in location)
    elif not source and location and plover == "COERCE" and target and (
            here or not any(a.country for a in target)):
        # "a missionary was arrested in Lebanon": by the country's police
        source = tuple(replace(a, sector="COP", code=(a.country or "") + "COP", kind="agent")
                       for a in location)
    elif not source and target:
        # "five Iranians held in the United States were freed", "the army chief was
        # detained": an act whose doer is not said is the country's where it happened, else
        # the country's it was done to (only the country is inferred; a place named sentences
        # before yields to it)
        home = (location if here else ()) or tuple(a for a in target if a.country)[:1] \
            or location
        source = tuple(replace(a, sector=None, code=a.country, kind="agent") for a in home)
    return source, target


# A show of force put on by several countries together, or called joint, is military
# cooperation.
SHOW_OF_FORCE, MILITARY_COOPERATION = "150", "062"
# Kinds of event that parties named together do to each other's people ("Russia and Ukraine
# freed prisoners"): joint when what they act on belongs to no country of its own.
EXCHANGED = {"RETREAT"}
# Killing a named person or a leader (wordclasses.tsv) is an assassination.
ASSASSINATION = "186"
# CAMEO codes of conversations, had by both sides alike (not visits, hosting or mediation,
# which go one way).
MUTUAL_CODES = {"040", "041", "046"}
# Help and promises with no recipient named go to the country the story is filed from.
HELPED = {"AID", "AGREE"}
# Kinds of event that, with no target named, are aimed at the country they happen in.
DOMESTIC = {"PROTEST", "COERCE", "CONCEDE"}
# Threats of repression at home ("threatened to impose a curfew in Algiers"): like DOMESTIC.
DOMESTIC_THREATS = {"restrict", "curfew"}
# Material kinds of event whose place, with no target named, is what they are done to
# (not so for words: condemning an attack in Russia does not accuse Russia).
LOCATED = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "CONCEDE", "AID", "AGREE",
           "SANCTION", "CONSULT", "REQUEST"}


def _stateless(actors: tuple[Actor, ...]) -> bool:
    """International or regional bodies and groups ("EU ministers", "African leaders"): their
    meetings are among themselves, wherever they are held."""
    return all(a.sector == "IGO" or not a.country for a in actors)


def _countries_of(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    countries = {a.country for a in actors if a.country}
    return tuple(a for a in actors if a.country) if len(countries) == 1 else ()


def _key(actor: Actor) -> tuple:
    return (actor.name, actor.country, actor.code)


def _date_phrases(sent: Span, draft: Draft, lexicon: Lexicon) -> list[str]:
    """DATE entities that belong to this event, nearest first. A date belongs to the event
    word closest before it: in "reiterated commitments made during their meeting at the summit
    in 2023" the year dates the meeting, not the reiteration, whatever the parse says."""
    trigger = draft.trigger.start
    # A noun's own phrase ("their meeting at the summit in 2023") dates it with its words.
    phrase = {t.i for t in draft.trigger.root.subtree} if draft.via == "noun" else set()
    own = []
    for ent in (e for e in sent.ents if e.label_ == "DATE"):
        anchor = next((t.i for t in reversed(sent.doc[sent.start: ent.start])
                       if _is_event_word(t, lexicon)), None)
        clause = draft.clause.i if draft.clause is not None else trigger
        if anchor is None or anchor in (trigger, clause) or anchor in phrase \
                or sent.doc[anchor].head.i == clause:
            own.append(ent)
    own.sort(key=lambda e: abs(e.start - trigger))
    return [e.text for e in own]


def _is_event_word(token, lexicon: Lexicon) -> bool:
    pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
    return pos is not None and ((pos, token.lemma_.lower()) in lexicon.triggers
                                or token.lower_ in ("summit", "conference", "talks"))


def merge(events: list[Event]) -> list[Event]:
    """One record per event per article: the same type, actors and polarity mentioned again
    (a headline and its paragraph, a recap) count as one with more mentions. Mentions with
    different explicit dates stay apart; an undated mention joins a dated one and takes its
    date."""
    kept: list[Event] = []
    for e in events:
        key = _merge_key(e)
        twin = next((k for k in kept if _merge_key(k) == key and _same_act(k, e) and (
            k.date == e.date or k.date_text is None or e.date_text is None)), None)
        if twin is None:
            kept.append(e)
            continue
        dated = e if twin.date_text is None and e.date_text is not None else twin
        # The most specific mention stands for the event (a paragraph over its headline).
        best = max((twin, e), key=lambda x: (len(x.cameo), x.confidence, -x.sentence_index))
        kept[kept.index(twin)] = replace(
            best,
            date=dated.date,
            date_text=dated.date_text,
            modality=dated.modality,
            mentions=twin.mentions + e.mentions,
            context=tuple(dict.fromkeys(twin.context + e.context)),
            confidence=max(twin.confidence, e.confidence),
        )
    return kept


def _same_act(a: Event, b: Event) -> bool:
    """Two mentions may tell one act when their CAMEO codes agree to three digits or one is
    its root's unspecified code ("attacked" 190 and "air strike" 195); tear gas (175) and
    arrests (173) by the same police are two acts."""
    x, y = a.cameo[:3], b.cameo[:3]
    return x == y or x[2:] == "0" and x[:2] == y[:2] or y[2:] == "0" and x[:2] == y[:2]


# Kinds of event done together, so without a direction of their own.
JOINT = {"CONSULT", "AGREE", "COOPERATE"}


def _merge_key(e: Event) -> tuple:
    """Joint kinds of event (meetings, agreements, cooperation) between the same countries
    are one event whoever the sentence puts first ("Putin pledged ... Mali", "both leaders
    agreed ..."); the others keep their direction."""
    countries = frozenset(a.country for a in e.source + e.target if a.country)
    promised = e.modality == "intended"  # (a visit to come is not the call that announced it)
    if e.event in JOINT and len(countries) > 1:
        return (e.event, countries, e.negated, promised)
    return (e.event or e.cameo, frozenset(_key(a) for a in e.source),
            frozenset(_key(a) for a in e.target), e.negated, promised)
