"""Find events in the dependency parse: a spaCy component writing `doc.spans["events"]`.

For each word that the trigger lexicon knows (a verb, a noun after a light verb, a noun with an
actor of its own), the source is the agent (subject, passive `by`-agent, shared subject of a
coordinated or participial verb), the target the patient or recipient (object, dative, `with`/
`to`/`against` phrases). Verbs that take another event as complement ("pledged to bolster",
"threatened to ban", "urged X to withdraw") combine with it through the complement table.
Each event span carries `span._.draft`, a `Draft` the pipeline turns into an `Event`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..records import Actor
from ..when import event_date
from .lexicon import NOT_AN_EVENT, Lexicon, Trigger


def _draft_of(span: Span) -> Draft | None:
    """The draft of an event span. Kept by offsets and span id: spaCy keys span extensions
    by offsets alone, and two events may share a trigger ("police clashed with protesters":
    repression one way, rioting the other)."""
    return span.doc.user_data.get(("newsevents_draft", span.start, span.end, span.id))


if not Span.has_extension("draft"):
    Span.set_extension("draft", getter=_draft_of)

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj"}
# Prepositions whose object is the target of the event they hang on, in order of preference.
TARGET_PREPS = ("with", "to", "against", "on", "upon", "toward", "towards", "into", "at",
                "from", "out", "for", "over", "between", "among", "along", "onto")
# Prepositions that reach from a noun to the actors behind it: "ties between Russia and Mali".
REACHING_PREPS = {"between", "of", "with", "among", "by", "from", "against", "to", "including"}
# CAMEO codes whose object is the actor's own means, not a target: "mobilized reservists",
# "withdrew its troops", "pulled out peacekeepers".
OWN_MEANS_CODES = ("15", "087", "166")
# A bare handover ("handed over X") is a release, unless it is to another state.
UNSPECIFIED_HANDOVER, EXTRADITION = "084", "063"
# Ordering foreigners to leave is expelling them.
EXPULSION, DIPLOMATS_EXPELLED = "166", "161"
# CAMEO codes of handing people over, whose target is who receives them, not who is handed:
# extradition and deportation (a release's target is whose people are freed: hostages handed
# to a mediator are not the mediator's).
TRANSFER_CODES = ("063", "1663")
# Mediation: its "between" names whom it is for, not who does it.
MEDIATION = "045"
# Kinds of event that, with no agent named, are coded to the country where they happen.
UNATTRIBUTED = {"ASSAULT"}
FUTURE_AUX = {"will", "shall", "'ll"}
POSSIBLE_AUX = {"could", "might", "may"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# Events that PLOVER codes as AGREE when they are promised, not done ("will visit")...
FUTURE_TO_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# ...and as THREATEN when they are hostile ("said they would boycott").
FUTURE_TO_THREATEN = {"SANCTION", "PROTEST", "COERCE", "ASSAULT", "MOBILIZE"}
# Auxiliaries that turn a reported event into a demand: "Russia said Sudan must return...".
DEONTIC_AUX = {"must", "should"}
# Sectors of crowds: force between them and the security forces is repression one way and
# rioting the other.
CROWD_SECTORS = {"CVL", "OPP", "LAB", "EDU"}
SECURITY_SECTORS = {"MIL", "COP"}
# Sectors of the state: their domestic events are aimed at the population, the others' at
# the government; their orders to their own subjects are acts, not requests.
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
REPRESSION, RIOT = "175", "145"
# A strike by a state or its army is an attack, not a walkout.
LABOUR_STRIKE = "143"
# Reported events that, told by a named actor about another, are accusations ("the US said
# Iraq had attacked...").
ACCUSABLE = {"ASSAULT", "COERCE"}
# Acts done to people, whose possessor is whom they are done to ("his arrest").
DONE_TO_PEOPLE = {"173", "174", "0841"}
BREACH = "128"  # defying norms or law: whoever says it of another accuses them
# Events that two parties do together: with a compound source and no target, each member is
# the other's target ("Putin and Goïta discussed...").
RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT"}
# Conjunctions of a clause whose event has not happened when the main clause's event does
# ("before they demobilize", "until their demands are met"); "after"/"as" clauses tell events
# of their own and are coded.
BACKGROUND_MARKS = {"before", "until"}
# Frames of a speaker's own further words ("said ... and urged", "and warned", "and vowed").
SPEAKERS_ACTS = {"request", "threat", "speech", "accusation", "intent", "command"}
# Verbal kinds of event that a participle tells beside the main act ("severed relations with
# the UAE, accusing it of arming the RSF"): coded on their own.
SAID_ALONGSIDE = {"ACCUSE", "REQUEST", "REJECT", "THREATEN"}
# Kinds of event whose object is only what they oppose.
OPPOSING = {"PROTEST", "ACCUSE", "REJECT", "THREATEN"}
# ...but what is opposed is whom it is against ("marched in solidarity with the Palestinians
# and against Israel's offensive"), support is for whom it is ("voiced support for Lebanon
# against Israeli pressure"), sanctions are on whom they are imposed.
TARGET_PREPS_BY_KIND = {
    **{kind: ("against", *(p for p in TARGET_PREPS if p != "against"))
       for kind in OPPOSING},
    **{kind: ("for", *(p for p in TARGET_PREPS if p not in ("for", "against")), "against")
       for kind in ("SUPPORT", "AID")},
    # ("to impose sanctions on Iranian officials over the supply of drones to Russia")
    "SANCTION": ("on", "against", *(p for p in TARGET_PREPS if p not in ("on", "against")))}
# Prepositions whose event noun only tells when something else happened.
TIME_PREPS = {"during", "amid", "ahead", "before", "until", "throughout", "since"}
DISSENT, OFFICIAL_COMPLAINT = "140", "114"
HOSTING, MEDIATION_INTENT, MEDIATION = "043", "039", "045"
# Verbs whose object does not do what follows ("promised Kyiv to deliver jets": the promiser
# does); with any other verb it does ("prompting the president to accuse Israel").
SUBJECT_CONTROL = {"promise", "pledge", "vow", "threaten", "offer"}
# Verbs that exclude an option: not excluding a hostile one keeps it open, a threat.
EXCLUDING = {("rule", "out"), ("exclude", "")}
# Rejecting another's demands by acting despite them, or an accusation by denying it.
DEFIANCE = "120"
FRAME_ROOTS = {"intent": "03", "threat": "13", "refusal": "12", "preparation": "15"}


@dataclass
class Draft:
    """An event as the parse gives it, before dates, dedup and output formatting."""

    cameo: str
    trigger: Span
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    mode: str | None = None
    negated: bool = False
    modality: str = "asserted"
    via: str = "verb"  # verb | light-verb | noun | frame
    clause: Token | None = None
    location: tuple[Actor, ...] = ()  # the country where the sentence places it
    home: tuple[Actor, ...] = ()  # the dateline's country: where a wire story's agents are
    rivals: int = 0  # other events coded in the same sentence
    # the sentence's actors and places by token, for a target the parse does not give
    mentioned: tuple[tuple[int, Actor], ...] = ()
    notes: list[str] = field(default_factory=list)


class EventCoder:
    """spaCy component: `doc.spans["events"]` from triggers, frames and actors."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        actors = _by_token(doc.spans.get("actors", []))
        places = _by_token(doc.spans.get("places", []))
        drafts: list[Draft] = []
        recent: list[tuple[Actor, ...]] = []
        towns = _towns(doc)
        dateline = doc.user_data.get("dateline_place")
        home = (Actor(text=dateline.name, name=dateline.name, code=dateline.country,
                      country=dateline.country, sector=None, start=-1, end=-1, kind="named"),
                ) if dateline is not None and dateline.country else ()
        for sent in doc.sents:
            # A sentence that names no place is placed where the ones before it were.
            own = _location(sent, actors, places, towns, self.lexicon.words)
            location = own or next((loc for loc in reversed(recent[-LOCATION_CARRY:]) if loc),
                                   ())
            recent.append(own)
            coder = SentenceCoder(self.lexicon, actors, sent, towns)
            found = [d for d in coder.code()
                     if _codable(replace(d, location=location or home)) or (
                         location and not d.source
                         and self.lexicon.kind(d.cameo) in UNATTRIBUTED)]
            mentioned = _mentioned(sent, actors, places, towns)
            for draft in found:
                draft.target = draft.target or coder.deed_told_before(draft, drafts)
                draft.mentioned = coder.bystanders(draft, mentioned)
                draft.location = location
                draft.home = home
                draft.rivals = len(found) - 1
            drafts.extend(found)
        spans = []
        for n, draft in enumerate(drafts):
            span = Span(doc, draft.trigger.start, draft.trigger.end, label=draft.cameo,
                        span_id=n)
            doc.user_data[("newsevents_draft", span.start, span.end, n)] = draft
            spans.append(span)
        doc.spans["events"] = spans
        return doc


class SentenceCoder:
    """The rules, applied to one sentence."""

    def __init__(self, lexicon: Lexicon, actors: dict[int, tuple[Actor, ...]], sent: Span,
                 towns: dict[int, Actor] | None = None):
        self.lex = lexicon
        self.actors = actors
        self.sent = sent
        self.towns = towns or {}  # the country of each town or province word (see `_towns`)
        self.used: set[int] = set()  # triggers already part of an event (complements, objects)

    # -- rule lookup --------------------------------------------------------------------------
    @cached_property
    def labels(self) -> list[frozenset[str]]:
        """What a rule's phrase can match at each word of the sentence: its lower-case form,
        and `%` on the words of a compound actor ("Gondor and Osgiliath")."""
        return [frozenset({t.lower_, "%"} if t.pos_ in ("NOUN", "PROPN") and t.conjuncts
                          else {t.lower_}) for t in self.sent]

    @cached_property
    def discarded(self) -> bool:
        """The sentence, or the story it is part of, holds a discard phrase: nothing in it is
        coded."""
        def holds(words, phrase):
            return any(tuple(words[n:n + len(phrase)]) == phrase for n in range(len(words)))
        discards = self.lex.discards
        if not (discards["sentence"] or discards["story"]):
            return False
        sentence = [t.lower_ for t in self.sent]
        story = [t.lower_ for t in self.sent.doc]
        return any(holds(sentence, p) for p in discards["sentence"]) or any(
            holds(story, p) for p in discards["story"])

    def verb_rule(self, token: Token, objects: set[str] | None = None) -> Trigger | None:
        """The most specific rule of a verb that fits its particles, `objects` (default: all
        its objects) and the words around it (before it in the sentence, after it in its own
        phrase); the more words a rule names (phrase, particle, object), the more specific."""
        if token.pos_ not in ("VERB",) and not (token.pos_ == "PROPN" and token.dep_ == "ROOT"):
            return None
        rules = self.lex.triggers.get(("VERB", token.lemma_.lower()), ())
        if not rules or self.discarded:
            return None
        preps = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "agent")
                 and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)}
        if objects is None:  # ("called Macron on Tuesday" is no "call on")
            objects = {w for o in self.objects(token) for w in _object_words(o)}
            if objects:  # "supplied Niger's government with air defence equipment"
                objects |= {w for p in token.children if p.dep_ == "prep" and p.lower_ == "with"
                            for o in p.children if o.dep_ == "pobj" for w in _object_words(o)}
        fitting = []
        for r in rules:
            if (r.prep and r.prep not in preps) or (r.objects and not r.objects & objects):
                continue
            sizes = [p.size for p in r.phrases
                     if p.matches(self.labels[:token.right_edge.i - self.sent.start + 1],
                                  token.i - self.sent.start)]
            if sizes or not r.phrases:
                named = max(sizes, default=0) + bool(r.objects) + bool(r.prep)
                fitting.append(((named, r.specificity()), r))
        if not fitting:
            return None
        best = max(fitting, key=lambda scored: scored[0])[1]
        return None if best.cameo == NOT_AN_EVENT else best

    def noun_rule(self, token: Token) -> Trigger | None:
        if token.pos_ not in ("NOUN", "PROPN") or self.discarded:
            return None
        lemma = token.lemma_.lower()
        for c in token.children:
            if c.dep_ == "compound":
                compound = self.lex.triggers.get(("NOUN", f"{c.lemma_.lower()} {lemma}"), ())
                if compound:
                    return compound[0]
        rules = self.lex.triggers.get(("NOUN", lemma), ())
        # ("a suspension of attacks" is a truce; "the withdrawal from the bloc" a sanction)
        preps = {p.lower_ for p in token.children if p.dep_ == "prep"}
        objects = {w for o in _pobjs(token, "of", "from") for w in _object_words(o)}
        fitting = [r for r in rules if r.objects and r.objects & objects
                   and (not r.prep or r.prep in preps)]
        if fitting:
            return max(fitting, key=Trigger.specificity)
        plain = [r for r in rules if not r.objects]
        if plain:
            return max(plain, key=Trigger.specificity)
        # "a mediation effort", "aid deliveries": the event is in the modifier; not so when
        # the noun names the actor ("peacekeeping troops", "a peacekeeping force").
        if any(a.kind == "agent" for a in self.actors.get(token.i, ())) \
                or lemma in self.lex.words["agentive"]:
            return None
        for c in token.children:
            if c.dep_ == "compound" and c.pos_ == "NOUN":
                inner = [r for r in self.lex.triggers.get(("NOUN", c.lemma_.lower()), ())
                         if not r.objects]
                if inner:
                    return inner[0]
        return None

    def objects(self, verb: Token) -> list[Token]:
        """Direct objects (the subject of a passive), their conjuncts, and the noun behind a
        measure ("5 million dollars of aid", "tons of food aid")."""
        found = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        for prt in (c for c in verb.children if c.dep_ == "prt" and c.lower_ == "up"):
            # "kidnapped up to 16 advisers": the parse hangs the object on "up to".
            found += [o for p in prt.children if p.lower_ == "to" for o in p.children
                      if o.dep_ == "pobj"]
        if any(c.dep_ == "auxpass" for c in verb.children):
            found += [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        found = [t for o in found for t in (o, *o.conjuncts)]
        for o in list(found):
            for prep in o.children:  # ("3 million euros in emergency aid" too)
                if prep.dep_ == "prep" and prep.lower_ in ("of", "in") and (
                        o.like_num or o.lemma_.lower() in self.lex.words["measure"]):
                    found.extend(c for c in prep.children if c.dep_ == "pobj")
        return found

    # -- arguments ---------------------------------------------------------------------------
    def actors_at(self, token: Token | None, depth: int = 0, reach: int = 1
                  ) -> tuple[Actor, ...]:
        """The actors a phrase names: its own, or those of the phrases it reaches through a
        preposition ("ties between Russia and Mali"), one step away; two through "of"
        ("a suspension of air links with Serbia")."""
        if token is None:
            return ()
        found: list[Actor] = []
        listed = [token, *token.conjuncts]
        for t in list(listed):  # "Mali, Burkina Faso and Niger": a list parsed as apposition
            listed += [c for a in t.children if a.dep_ == "appos" and self.actors.get(a.i)
                       for c in (a, *a.conjuncts)]
        for t in listed:
            here = self.actors.get(t.i, ())
            if here:
                found.extend(here)
            elif depth < reach and t.pos_ in ("NOUN", "PRON", "PROPN"):
                if depth > 0:  # "over Egypt's deployment of troops": Egypt
                    found.extend(a for c in t.children if c.dep_ == "poss"
                                 for a in self.actors.get(c.i, ()))
                for prep in t.children:
                    if prep.dep_ == "prep" and prep.lower_ in REACHING_PREPS:
                        further = 2 if depth == 0 and prep.lower_ == "of" else reach
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                found.extend(self.actors_at(pobj, depth + 1, further))
        return unique_actors(found)

    def subject(self, verb: Token) -> tuple[tuple[Actor, ...], bool]:
        """The agent of `verb` and whether the verb is passive."""
        if self.misparsed_main(verb):
            return self.actors_at(verb.head), False
        passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass"
                      for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
        if passive:  # (its agent, or "was granted asylum by Brazil" parsed as a prep)
            return self.actors_after(verb, "by"), True
        for c in verb.children:
            if c.dep_ in SUBJECT_DEPS:
                if c.tag_ == "WDT" or c.lower_ in ("who", "which", "that"):
                    act = self.restating(verb)
                    if act is not None:  # "..., a move that drew": the mover
                        return self.subject(act)[0], False
                    return self.actors_at(verb.head if verb.dep_ == "relcl" else None), False
                return self.actors_at(c), False
        if verb.dep_ == "ccomp" and verb.i > 0 and verb.doc[verb.i - 1].dep_ == "cc" \
                and verb.head.i < verb.i:
            return self.subject(verb.head)  # "X said ... and warned that": a second verb of X
        speaker = verb.head.head if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" else None
        rule = self.verb_rule(verb) if speaker is not None else None
        if speaker is not None and self.lex.frames.get(speaker.lemma_.lower()) == "speech" \
                and (self.lex.frames.get(verb.lemma_.lower()) in SPEAKERS_ACTS
                     or rule is not None and self.lex.kind(rule.cameo) in SAID_ALONGSIDE
                     and (not self.subject(verb.head)[0] or _tense_of(verb, speaker))):
            # (an accusation after a clause with no actor of its own: "X's office said
            # several clauses remained unresolved and accused Hamas of ..."; or in the
            # speaker's tense, not the report's: "X said Y had moved artillery and accused Z")
            # "Beijing said the vessel had entered its waters and urged Manila to stop": the
            # parse joins "urged" to the reported clause; it is the speaker's
            return self.subject(speaker)
        if verb.dep_ == "xcomp" and (controller := next((
                found for o in self.objects(verb.head) for found in [self.actors_at(o)]
                if found), ())) and verb.head.lemma_.lower() not in SUBJECT_CONTROL:
            return controller, False  # "prompting Lebanon's president to accuse Israel"
        if verb.dep_ in ("conj", "xcomp", "acomp") and verb.head.i != verb.i:
            inherited, head_passive = self.subject(verb.head)
            if head_passive and not inherited:
                # "He is expected to raise ... and will meet X", "Obama is scheduled to
                # attend": the passive head's subject is the dependent verb's agent.
                patient = next((c for c in verb.head.children
                                if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
                inherited = self.actors_at(patient)
            return inherited, False
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(
                t.text == ":" for t in verb.doc[min(verb.i, verb.head.i): max(verb.i,
                                                                              verb.head.i)]):
            return self.subject(verb.head)[0], False
        if verb.dep_ == "relcl":
            return self.actors_at(verb.head), False
        if verb.dep_ == "pcomp" and verb.head.lower_ in ("by", "in") and verb.tag_ == "VBG":
            return self.subject(verb.head.head)[0], False  # "retaliated by expelling"
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            found = self.actors_at(verb.head)
            if not found and self.document_content(verb) and verb.head.head.pos_ == "VERB" \
                    and verb.head.dep_ in OBJECT_DEPS:
                # the issuer ("issued a statement demanding"; not who "blocked" a draft)
                found = self.subject(verb.head.head)[0]
            return found, False
        return (), False

    def target(self, verb: Token, noun: Token | None = None, *, objects: bool = True,
               kind: str | None = None) -> tuple[Actor, ...]:
        """The patient or recipient: dative, object, then `with`/`to`/`against`... phrases of
        the verb (and of the event noun after a light verb), the other party of a framing
        conversation, the subject of an "unless" condition, the object of a purpose clause.
        `objects=False` when the object is the actor's own means ("mobilized reservists");
        `kind`: the event's PLOVER type; a complaint is against whom it is over, not the forum
        it is lodged with."""
        if kind == "ACCUSE":
            heads = [noun] if noun is not None else self.objects(verb)
            accused = [o for p in [*(t for h in heads for t in h.subtree), *verb.children]
                       if p.dep_ == "prep" and p.lower_ in ("against", "over")
                       for o in p.children if o.dep_ == "pobj"]  # (however it attaches)
            # ("filed a case at the ICJ accusing Israel")
            accused += [o for head in [*heads, verb] for c in head.children
                        if c.dep_ in ("acl", "advcl") and c.tag_ == "VBG"
                        and self.verb_rule(c) is not None
                        and self.lex.kind(self.verb_rule(c).cameo) == "ACCUSE"
                        for o in self.objects(c)]
            # (over a deed: whoever did it, not whom it was done to: "protested over the
            # detention of four Japanese nationals")
            found = next((found for o in accused for found in [
                self.agent_of(o) if self.hostile_deed(o) else self.actors_at(o) or tuple(
                    a for c in o.children if c.dep_ == "poss" for a in self.actors.get(c.i, ()))]
                if any(a.country or a.code for a in found)), ())
            if found:
                return found
            deeds = [o for o in heads if self.hostile_deed(o)]
            if deeds:  # "condemned the killing of X": whoever killed, not X; "denounced the
                # arrest as a kidnapping by the government": the government
                called = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
                          for o in p.children if o.dep_ == "pobj"]
                return unique_actors([a for o in [*deeds, *called] for a in self.agent_of(o)])
        act = self.restating(verb)
        if act is not None:  # "..., a move condemned by France", "an offer Kyiv rejected":
            return self.subject(act)[0]  # the mover
        candidates = [c for c in verb.children if c.dep_ in ("dative", "iobj")]
        # "found X guilty": the subject of the small clause
        candidates += [s for c in verb.children if c.dep_ in ("ccomp", "oprd", "xcomp")
                       and c.pos_ == "ADJ" for s in c.children if s.dep_ in SUBJECT_DEPS]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "soldiers killed in Ukraine"
            candidates.append(verb.head)
        if noun is None:
            candidates += self.objects(verb) if objects else []
        else:
            candidates.append(noun)
        for c in candidates:
            found = self.actors_at(c)
            if any(a.country or a.code for a in found):  # not "Patriot air defence systems"
                return found
        nouns = [noun] if noun is not None else self.objects(verb)
        # ("lifted sanctions imposed on India": whom the object was done to)
        done_to = [c for n in nouns for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        order = TARGET_PREPS_BY_KIND.get(kind, TARGET_PREPS)
        for head in [*nouns, verb, *done_to]:
            preps = [c for c in head.children if c.dep_ in ("prep", "dative")]
            # ("in solidarity with the Palestinians and against Israel's offensive")
            preps += [more for p in preps for more in p.conjuncts
                      if more.pos_ == "ADP" and more.lower_ != p.lower_]
            preps.sort(key=lambda p: order.index(p.lower_) if p.lower_ in order else 99)
            for prep in preps:
                if prep.lower_ not in order:
                    continue
                for pobj in [*prep.children, *(o for p in prep.children if prep.lower_ == "out"
                                               and p.dep_ == "prep" and p.lower_ == "of"
                                               for o in p.children)]:  # "out of Gaza"
                    if pobj.dep_ == "pobj":
                        found = self.actors_at(pobj) or (
                            self.agent_of(pobj) if kind in OPPOSING and self.hostile_deed(pobj)
                            else ())  # "protested against Israel's offensive": Israel
                        if found:  # "with his Qatari counterpart and with Rubio": both
                            return unique_actors([*found, *(
                                a for more in prep.conjuncts if more.lower_ == prep.lower_
                                for o in more.children if o.dep_ == "pobj"
                                for a in self.actors_at(o))])
        for c in [*candidates, *(o for head in [*nouns, verb] for p in head.children
                                 if p.dep_ == "prep" and p.lower_ in TARGET_PREPS
                                 for o in p.children if o.dep_ == "pobj")]:
            town = self.town_at(c)
            if town:  # "seized the cities of Goma and Bukavu": Congo
                return town
        counted = self.objects(verb) and all(o.like_num for o in self.objects(verb))
        if counted and verb.dep_ == "conj" and noun is None:
            return self.target(verb.head)  # "killed 12 people and wounded 30": more people
        return self.partner(verb) or self.condition_or_purpose(verb)

    def coordinated_target(self, verb: Token) -> tuple[Actor, ...]:
        """A demand or an offer with no addressee after a first act on someone is made to
        them: "blamed Washington for the collision and demanded an apology", "urged both sides
        to show restraint and offered to mediate"."""
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.i < verb.i:
            first = verb.head
            if verb.tag_ == "VBD" and first.tag_ == "VB" and first.dep_ == "xcomp":
                first = first.head  # (a past tense joined to an infinitive: to its governor)
            return self.target(first)
        return ()

    def claimant(self, noun: Token) -> tuple[Actor, ...]:
        """Who "claimed responsibility for" (or "took credit for") the act `noun` names."""
        owned = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
        if owned is None or owned.lemma_.lower() not in ("responsibility", "credit") or \
                owned.head.lemma_.lower() not in self.lex.words["claiming"]:
            return ()
        return self.subject(owned.head)[0]

    def hostile_deed(self, noun: Token) -> bool:
        """An event noun of force ("the killing", "the attack", "the arrest")."""
        rule = self.noun_rule(noun) if noun.pos_ == "NOUN" else None
        return rule is not None and self.lex.kind(rule.cameo) in ("ASSAULT", "COERCE")

    def deed_told_before(self, draft: Draft, earlier: list[Draft]) -> tuple[Actor, ...]:
        """"North Korea fired a missile ... Blinken condemned the launch" (or "the move"): an
        act named by a noun with no actor of its own, told in the sentences before, was done
        by whoever did it there."""
        kind = self.lex.kind(draft.cameo)
        for noun in self.objects(draft.clause if draft.clause is not None
                                 else draft.trigger.root):
            rule = self.noun_rule(noun) if noun.pos_ == "NOUN" else None
            restated = noun.lemma_.lower() in self.lex.words["restating"]
            if (rule is None and not restated) or self.actors_at(noun) or self.agent_of(noun) \
                    or rule is not None and self.lex.kind(rule.cameo) == kind:
                continue  # (nobody's, or the event itself: "expressed condolences")
            own = {(a.name, a.country, a.code) for a in draft.source}
            for told in reversed(earlier[-DEEDS_RECALLED:]):
                # (its doer placed where it was told: "state television" in a NIAMEY story)
                doers = localise(told.source, told.location or told.home,
                                 self.lex.words["outsider"])
                if doers and not {(a.name, a.country, a.code) for a in told.source} & own and (
                        restated or told.trigger.root.lemma_ == noun.lemma_
                        or self.lex.kind(told.cameo) == self.lex.kind(rule.cameo)):
                    return doers
        return ()

    def bystanders(self, draft: Draft, mentioned: tuple[tuple[int, Actor], ...]
                   ) -> tuple[tuple[int, Actor], ...]:
        """The sentence's actors and places that may stand for a target the parse does not
        give: not the victims of a deed the event is about ("condemned the killing of X": X is
        not whom the condemnation is aimed at), nor whoever reports the event."""
        root = draft.trigger.root
        victims = {t.i for o in self.objects(root) if self.hostile_deed(o)
                   for t in o.subtree if t.i != o.i}
        # (nor who reports it: "the US said Iraq had attacked" is no attack on the US)
        speakers = {t.i for head in root.ancestors
                    if self.lex.frames.get(head.lemma_.lower()) == "speech"
                    for c in head.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        return tuple((i, a) for i, a in mentioned if i not in victims | speakers)

    def agent_of(self, noun: Token) -> tuple[Actor, ...]:
        """Who did what an event noun names: its own actor ("the Israeli attack"), its
        possessor, or its "by" phrase."""
        return self.actors.get(noun.i, ()) or next(
            (self.actors_at(c) for c in noun.children if c.dep_ == "poss"), ()) or \
            self.actors_after(noun, "by")

    def town_at(self, token: Token) -> tuple[Actor, ...]:
        """The country of a town or province the phrase names, itself or after "of" ("the
        city of Kherson")."""
        words = [token, *token.conjuncts]
        words += [o for t in list(words) for p in t.children if p.dep_ == "prep"
                  and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        return next(((self.towns[t.i],) for t in words if t.i in self.towns), ())

    def threatened(self, verb: Token, source: tuple[Actor, ...], target: tuple[Actor, ...]
                   ) -> tuple[Actor, ...]:
        """A threat with no foreign target of its own is aimed at whoever its condition
        names: "threatened to demand the canal's return to U.S. control if Panama did not cut
        its fees": Panama."""
        if _foreign(target, source):
            return target
        for clause in verb.subtree:
            if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                                              for c in clause.children):
                found = self.subject(clause)[0]
                if _foreign(found, source):
                    return found
        return target

    def condition_or_purpose(self, verb: Token) -> tuple[Actor, ...]:
        """"threatened to X unless Baghdad accepted": Baghdad; "opened fire to disperse
        demonstrators": the demonstrators."""
        chain = [verb]
        while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head.i != chain[-1].i:
            chain.append(chain[-1].head)
        for head in chain:
            for clause in head.children:
                if clause.dep_ != "advcl":
                    continue
                marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "aux")}
                if marks & CONDITIONAL_MARKS:
                    found = self.subject(clause)[0]
                elif "to" in marks:
                    found = next((self.actors_at(o) for o in self.objects(clause)
                                  if self.actors_at(o)), ())
                else:
                    continue
                if found:
                    return found
        return ()

    def partner(self, verb: Token) -> tuple[Actor, ...]:
        """The other party of a conversation framing the clause: "During the call with X,
        Putin pledged..." -> X."""
        for prep in verb.children:
            if prep.dep_ != "prep":
                continue
            for pobj in prep.children:
                rule = self.noun_rule(pobj) if pobj.dep_ == "pobj" else None
                if rule is None or self.lex.kind(rule.cameo) != "CONSULT":
                    continue
                for inner in pobj.children:
                    if inner.dep_ == "prep" and inner.lower_ == "with":
                        for who in inner.children:
                            found = self.actors_at(who)
                            if found:
                                return found
        return ()

    # -- modality ----------------------------------------------------------------------------
    def negated(self, *tokens: Token) -> bool:
        def marks(t: Token):  # ("would never again take part": "never" hangs on "again")
            for c in t.children:
                yield c
                if c.dep_ == "advmod":
                    yield from (g for g in c.children if g.dep_ == "neg")
        return any(c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in (
            "neg", "det", "advmod") for t in tokens if t is not None for c in marks(t))

    def ultimatum(self, verb: Token) -> bool:
        """"will withdraw its force unless ...": a conditional threat."""
        chain = [verb]
        while chain[-1].dep_ in ("xcomp", "conj", "ccomp") and chain[-1].head.i != chain[-1].i:
            chain.append(chain[-1].head)
        return any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children)
                   for t in chain for c in t.children)

    def governing_frame(self, verb: Token) -> str | None:
        """The denial or wish frame a clause is told under: "Russia denied attacking the
        convoy", "Kyiv denied that its forces had shelled the town" (denied by its actor);
        "she hoped officials would be indicted" (wished for, not done)."""
        t = verb
        while t.dep_ in ("xcomp", "ccomp", "conj", "pcomp", "advcl") and t.head.i != t.i:
            t = t.head
            frame = self.lex.frames.get(t.lemma_.lower())
            if frame == "denial" and verb.i < t.i and any(c.dep_ == "dobj" for c in t.children):
                continue  # "X accused Y of ..., a charge Kyiv denied": the charge is denied
            if frame in ("denial", "wish"):
                return frame
        return None

    def kept_open(self, verb: Token) -> str | None:
        """The threat a ruled-out option makes when it is not ruled out ("did not rule out
        military action", "refused to rule out the use of force": 138, by what is kept open;
        else 130), or None when `verb` does not rule anything out."""
        if (verb.lemma_.lower(), next((c.lower_ for c in verb.children if c.dep_ == "prt"),
                                      "")) not in EXCLUDING:
            return None
        kinds = [self.kept_kind(n) for o in self.objects(verb)
                 for n in (o, *(c for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                                for c in p.children))]
        return next((code for k in kinds if (code := self.lex.complements.get(("13", k)))),
                    "130")

    def kept_kind(self, noun: Token) -> str | None:
        """What an option kept open is: "force", "military action", "a strike on Iranian sites"
        are ASSAULT; else the kind of its event noun."""
        rule = self.noun_rule(noun)
        if noun.lemma_.lower() == "force" or any(c.lower_ == "military" for c in noun.children) \
                or rule is not None and rule.cameo == LABOUR_STRIKE and any(
                    p.dep_ == "prep" and p.lower_ in ("on", "against") for p in noun.children):
            return "ASSAULT"
        return self.lex.kind(rule.cameo) if rule is not None else None

    def scheduled(self, verb: Token) -> bool:
        """"is due to travel", "is expected to meet": an act on a schedule, to come (coded as
        the act, not as a promise: nobody in the sentence promises it)."""
        return verb.dep_ == "xcomp" and verb.head.lower_ in self.lex.words["scheduled"]

    def modality(self, verb: Token, purpose: bool = True) -> str:
        """denied, hypothetical (if/unless/whether), intended (will, going to, "said they
        would"), else asserted; historical is decided later from the event's date."""
        governing = self.governing_frame(verb)
        if governing == "denial":
            return "denied"
        if governing == "wish" or self.lex.frames.get(verb.lemma_.lower()) == "wish":
            return "hypothetical"  # (also "is considering sanctions": the verb's own wish)
        chain = [verb]
        while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head.i != chain[-1].i:
            chain.append(chain[-1].head)
        if chain[-1].dep_ == "ccomp" and chain[-1].head.dep_ in ("advcl", "acl"):
            chain.append(chain[-1].head)  # "to help the police take back territory"
        for t in chain:
            if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in t.children):
                return "hypothetical"
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
            if purpose and infinitive and t.dep_ in ("advcl", "acl"):
                # what something is for ("a force to help the police take back territory")
                # is neither done nor promised
                return "hypothetical"
            if infinitive and t.dep_ == "xcomp" and (t.head.lemma_ == "be" or self.scheduled(t)):
                return "intended"  # "Hamas is to free 33 hostages", "is due to travel"
            if t.dep_ == "advcl" and any(c.lower_ in CONDITIONAL_MARKS for c in t.children):
                return "hypothetical"
            aux = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
            if "can" in aux or "ca" in aux:  # ("ca" of "can't")
                # "they can shoot at us": a possibility; "we cannot support it": a refusal,
                # as "will not" is
                return "intended" if self.negated(t) else "hypothetical"
            if aux & POSSIBLE_AUX:
                return "hypothetical"  # "a deal could be signed before the end of the year"
            if aux & FUTURE_AUX or ("going" in aux and any(
                    c.lower_ == "to" for c in t.children)):
                return "intended"
            if "would" in aux and t.head.i != t.i and self.lex.frames.get(
                    t.head.lemma_.lower()) in ("speech", "threat", "intent"):
                return "intended"
        return "asserted"

    # -- the rules ---------------------------------------------------------------------------
    def code(self) -> list[Draft]:
        if self.discarded:
            return []  # a discard phrase cancels the sentence, frames included
        drafts: list[Draft] = []
        tokens = list(self.sent)
        # Frames first: they consume their complements.
        for t in tokens:
            frame = self.lex.frames.get(t.lemma_.lower())
            if not frame or t.pos_ not in ("VERB", "ADJ", "AUX") or t.i in self.used \
                    or self.is_background(t) or self.is_purpose(t):
                continue
            if frame in ("denial", "wish"):
                continue  # the event is coded where it stands, modality denied/hypothetical
            if t.lemma_.lower() == "want" and (t.tag_ == "VBN" or any(
                    c.dep_ == "prep" and c.lower_ == "for" for c in t.children)):
                continue  # "the men wanted for the assassination": sought, not a request
            if frame == "speech":
                drafts.extend(self.reported_events(t))
            elif frame == "accusation":
                drafts.extend(self.accusation_event(t))
            else:
                drafts.extend(self.frame_event(t, frame))
        for t in tokens:
            if t.i not in self.used:
                drafts.extend(self.verb_events(t))
        for t in tokens:
            if t.i in self.used:
                continue
            draft = self.noun_event(t)
            if draft:
                drafts.append(draft)
        drafts.extend(self.brokered(drafts))
        refusals = {i: d for d in drafts if self.lex.kind(d.cameo) == "REJECT"
                    for i in (d.trigger.root.i, *((d.clause.i,) if d.clause else ()))}
        for defied in filter(None, map(self.defiance, tokens)):
            refusal = refusals.get(defied.clause.i) or refusals.get(defied.clause.head.i)
            if refusal is None:
                drafts.append(defied)
            elif not refusal.target:  # "declined to resign despite pressure by X": X
                refusal.target = defied.target
        for d in drafts:
            if d.clause is not None and self.ultimatum(d.clause):
                d.notes.append("ultimatum")
            if d.clause is not None and d.clause.pos_ in ("VERB", "AUX"):
                d.target = self.answered(d.clause, d.source, d.target)
                if self.lex.kind(d.cameo) == "THREATEN" or "ultimatum" in d.notes:
                    d.target = self.threatened(d.clause, d.source, d.target)
        return drafts

    def brokered(self, drafts: list[Draft]) -> list[Draft]:
        """"signed a U.S.-brokered peace deal", "the Qatar-mediated truce between Israel and
        Hamas", "after talks mediated by Qatar": the broker mediated between the parties
        (CAMEO 045)."""
        found = []
        for word in self.sent:
            if word.dep_ not in ("amod", "acl") or \
                    word.lemma_.lower() not in self.lex.words["brokering"]:
                continue
            broker = next((self.actors[c.i] for c in word.children
                           if c.dep_ in ("npadvmod", "compound", "nmod") and c.i in self.actors),
                          ()) or (self.actors_after(word, "by") if word.dep_ == "acl" else ())
            deal = word.head
            # (the deal's own act, else the sentence's: "agreed to a ceasefire ... after weeks
            # of talks mediated by Qatar")
            told = next((d for d in drafts if deal.i in (d.trigger.root.i, *(
                o.i for o in self.objects(d.trigger.root)))), None) or next(
                (d for d in drafts if d.clause is not None and d.clause.dep_ == "ROOT"), None)
            parties = [a for a in self.actors_at(deal) or (
                told.source + told.target if told else ()) if a not in broker]
            if broker and parties:
                found.append(Draft(cameo=MEDIATION, trigger=self.sent.doc[word.i: word.i + 1],
                                   source=broker, target=unique_actors(parties), via="noun",
                                   clause=told.clause if told else None))
        return found

    def defiance(self, prep: Token) -> Draft | None:
        """Acting "despite" another's demands, pressure or warnings rejects them: "will keep
        buying Russian oil despite Washington's demands that it stop" (the subject rejects
        Washington)."""
        clause = prep.head
        if prep.lower_ != "despite" or prep.dep_ != "prep" or clause.pos_ not in ("VERB", "AUX"):
            return None
        for noun in (o for o in prep.children if o.dep_ == "pobj"):
            if noun.lemma_.lower() not in self.lex.words["defied"]:
                continue
            source = self.subject(clause)[0]
            target = self.agent_of(noun) or self.actors_after(noun, "from")
            if not source or self.is_background(clause):
                return None
            return Draft(cameo=DEFIANCE, trigger=self.sent.doc[prep.i: prep.i + 1],
                         source=source, target=target, via="frame", clause=clause)
        return None

    def also_requested(self, comp: Token, asked: tuple[Actor, ...]) -> list[Draft]:
        """"urged the junta to end air strikes and to open a dialogue" (or "to respect the
        right to protest and to investigate"): every act asked for is only requested, by
        those `asked`."""
        found = []
        for more in comp.conjuncts:
            for rule, trig, noun in self.events_of(more)[:1]:
                self.used.update({more.i, trig.i})
                if asked:
                    found.append(Draft(
                        cameo=rule.cameo, source=asked,
                        trigger=self.sent.doc[trig.i: trig.i + 1],
                        target=self.target(more, noun, kind=self.lex.kind(rule.cameo)),
                        mode=rule.mode,
                        negated=self.negated(more, noun), modality="requested",
                        via="frame", clause=more))
        return found

    def complement(self, verb: Token) -> Token | None:
        """The clause a frame verb governs: "pledged to bolster", "is committed to opening"."""
        for c in verb.children:
            if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
                return c
            if c.dep_ == "prep" and c.lower_ == "to":
                for p in c.children:
                    if p.dep_ == "pcomp" and p.pos_ == "VERB":
                        return p
        # "have sworn to fight until ...": the parse may take the infinitive for an adverbial.
        return next((c for c in verb.rights if c.dep_ == "advcl" and c.pos_ == "VERB" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)

    def events_of(self, verb: Token) -> list[tuple[Trigger, Token, Token | None]]:
        """The events a verb stands for, one per object where objects differ ("expressed
        condolences and solidarity": two): (rule, trigger token, event noun or None). A verb
        with no rule of its own is a light verb for an event noun ("held talks")."""
        found: list[tuple[Trigger, Token, Token | None]] = []
        for obj in self.objects(verb):
            rule = self.verb_rule(verb, _object_words(obj))
            if rule is not None and rule.objects:
                if all(r.cameo != rule.cameo for r, _, _ in found):
                    found.append((rule, verb, None))
                continue
            noun_rule = self.noun_rule(obj)
            if noun_rule is not None and rule is None and \
                    verb.lemma_.lower() not in self.lex.words["obtaining"]:
                found.append((noun_rule, obj, obj))
        if not found:
            rule = self.verb_rule(verb)
            if rule is not None:
                found.append((rule, verb, None))
        return found

    def goal_events(self, verb: Token) -> list[tuple[Trigger, Token, Token | None]]:
        """The event noun a complement heads for: "ready to return to negotiations"."""
        return [(rule, pobj, pobj) for prep in verb.children
                if prep.dep_ == "prep" and prep.lower_ in ("to", "for")
                for pobj in prep.children if pobj.dep_ == "pobj"
                for rule in [self.noun_rule(pobj)] if rule is not None] + [
            (rule, noun, noun) for noun in verb.children  # ("agreed to talks", misparsed)
            if noun.dep_ == "xcomp" and noun.pos_ == "NOUN"
            for rule in [self.noun_rule(noun)] if rule is not None]

    def reported_events(self, verb: Token) -> list[Draft]:
        """What a speech verb adds to the event it reports: "X said Y must do Z" is X's demand
        on Y (CAMEO 10, by what Z is); a named actor saying another attacked or coerced is an
        accusation. The reported event itself is coded on its own, with its own source."""
        comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if comp is None:
            return []
        source, _ = self.subject(verb)
        target, _ = self.subject(comp)
        behind = self.behind(comp)
        if behind:  # "Israel said Iran was behind the attack": an accusation of Iran
            self.used.update(t.i for t in comp.subtree)
            return [Draft(cameo="112", trigger=self.sent.doc[verb.i: verb.i + 1],
                          source=source, target=target, via="frame", clause=verb)] \
                if source and target else []
        found = self.events_of(comp)
        inner = self.lex.kind(found[0][0].cameo) if found else None
        if any(c.dep_ == "aux" and c.lower_ in DEONTIC_AUX for c in comp.children):
            code = self.lex.complements.get(("10", inner or ""), "100")
            self.used.update({verb.i, *(t.i for t in comp.subtree)})  # all of it is demanded
            return [Draft(cameo=code, trigger=self.sent.doc[verb.i: verb.i + 1], source=source,
                          target=target, negated=self.negated(comp), via="frame", clause=verb)]
        # ("China said Canada's tariffs violated trade rules": nobody says so of themselves)
        breach = bool(found) and found[0][0].cameo == BREACH
        named = [a for a in source if a.kind in ("named", "person") or a.country and breach]
        leads = verb.i < comp.i and any(c.dep_ == "mark" and c.lower_ == "that"
                                        for c in comp.children)
        claims = verb.lemma_.lower() in self.lex.words["claim"] or leads
        if (claims and inner in ACCUSABLE or breach) and named and target and \
                {a.country for a in named} != {a.country for a in target}:
            if verb.lemma_.lower() in self.lex.words["claim"] or breach:
                # "the US claimed that ISIL had attacked Iraq": the claim is the news, the
                # attack only alleged.
                self.used.update(t.i for t in comp.subtree)
            return [Draft(cameo="112", trigger=self.sent.doc[verb.i: verb.i + 1],
                          source=tuple(named), target=target, via="frame", clause=verb)]
        return []

    def behind(self, clause: Token) -> bool:
        """"Iran was behind the attack", "agents may have been behind the killing": the clause
        puts its subject behind a hostile deed."""
        return clause.lemma_ == "be" and any(
            self.hostile_deed(o) for p in clause.children if p.dep_ == "prep"
            and p.lower_ == "behind" for o in p.children if o.dep_ == "pobj")

    def accusation_event(self, verb: Token) -> list[Draft]:
        """"X alleged that Y ...": X accuses Y; what Y is said to have done is coded too."""
        rule = self.verb_rule(verb)
        comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        source, _ = self.subject(verb)
        target = self.subject(comp)[0] if comp is not None else self.target(verb)
        self.used.add(verb.i)
        return [Draft(cameo=rule.cameo if rule else "112",
                      trigger=self.sent.doc[verb.i: verb.i + 1], source=source, target=target,
                      negated=self.negated(verb), via="frame", clause=verb)]

    def frame_event(self, verb: Token, frame: str) -> list[Draft]:
        """The event a frame verb makes of its complement ("pledged to bolster": AGREE), and
        for a request, also the act asked for, with modality requested."""
        commanded = False
        comp = self.complement(verb)
        while comp is not None and self.lex.frames.get(comp.lemma_.lower()) == "attempt" \
                and self.complement(comp) is not None:
            comp = self.complement(comp)  # "prepared to resume shelling", "would keep fighting"
        goal = self.goal_events(verb) if comp is None and frame == "intent" else []
        if goal:
            comp = verb  # "agreed to a cessation of hostilities": the noun is what is promised
        own_rule = self.verb_rule(verb)
        if frame == "command":
            # "a judge ordered Menem to appear": a demand on whom it orders; but "ordered the
            # arrest of" is the verb's own business, and an order to one's own forces is the
            # forces' act.
            ordered = [a for o in self.objects(verb) for a in self.actors_at(o)]
            commander = {a.country for a in self.subject(verb)[0]}
            own = ordered and all(a.sector in SECURITY_SECTORS and a.country in (
                commander | {None}) for a in ordered)
            if comp is None or not ordered or own:
                return []
            frame = "request"
            commanded = True
        if frame == "preparation":
            inner = self.events_of(comp) if comp is not None else []
            plover = self.lex.kind(inner[0][0].cameo) if inner else None
            frame = "preparation" if (FRAME_ROOTS["preparation"], plover or "") in \
                self.lex.complements else "attempt"
        if frame == "attempt":
            return []  # transparent: the complement is coded with this verb's subject
        if frame == "refusal" and comp is not None and (
                comp.lemma_.lower() in self.lex.words["withheld"]
                or self.lex.frames.get(comp.lemma_.lower()) == "speech"):
            self.used.update({verb.i, comp.i})
            return []  # "declined to comment"
        if comp is None and (frame != "request" or own_rule and own_rule.mode == "phone"):
            if own_rule is None or frame == "request":
                return []  # (a bare "called" is a phone call, or nothing: the verb decides)
            comp_event = None
        else:
            comp_events = goal or ((self.events_of(comp) or self.goal_events(comp))
                                   if comp is not None else [])
            comp_event = comp_events[0] if comp_events else None
        if frame == "request" and comp is not None and comp.dep_ == "ccomp" \
                and comp_event is None and own_rule is None:
            return []  # "insisted (that) unrest reflected ...": a claim, not a request
        source, passive = self.subject(verb)
        if passive and not source and frame in ("intent", "threat"):
            # "Vietnam is committed to opening ...": the one committed is the one promising.
            source = self.actors_at(next((c for c in verb.children
                                          if c.dep_ in PASSIVE_SUBJECT_DEPS), None))
        asked = self.objects(verb) or [c for c in verb.children
                                       if c.dep_ == "prep" and c.lower_ in ("on", "upon")]
        if frame == "request" and comp is not None and not asked and not any(
                c.dep_ in SUBJECT_DEPS for c in comp.children):
            frame = "intent"  # "wants to help Israel": the wanter's own intent
        if frame == "request":
            root = (own_rule.cameo[:2] if own_rule else "02")
            target = self.target(verb) or self.coordinated_target(verb)
            if not target and comp is not None:
                target = self.actors_at(next(
                    (c for c in comp.children if c.dep_ in SUBJECT_DEPS), None))
        else:
            root = FRAME_ROOTS[frame]
            target = ()
        requested: list[Draft] = self.also_requested(comp, target) if (
            frame == "request" and comp is not None) else []
        if comp_event:
            rule, trig, noun = comp_event
            inner = self.lex.code(rule.cameo)
            inner_target = self.target(comp, noun,
                                       objects=not rule.cameo.startswith(OWN_MEANS_CODES),
                                       kind=inner.plover)
            if frame == "request" and target and (noun is None or
                                                  comp.lemma_.lower() in self.lex.words["light"]):
                requested.append(Draft(
                    cameo=rule.cameo, trigger=self.sent.doc[trig.i: trig.i + 1], source=target,
                    target=inner_target, mode=rule.mode, negated=self.negated(comp, noun),
                    modality="requested", via="frame", clause=comp))
            if frame != "request" and not goal:  # "agreed to restore relations and reopen
                # embassies"
                for more in comp.conjuncts:
                    self.used.add(more.i)
                    self.used.update(more_trig.i for _, more_trig, _ in self.events_of(more))
            target = target or inner_target
            code = self.lex.complements.get((root, inner.plover or ""))
            if frame == "refusal" and inner.plover in ("REJECT", "ACCUSE", "THREATEN"):
                code = None
            code = code or (own_rule.cameo if own_rule else root + "0")
            if frame == "refusal" and (kept_open := self.kept_open(comp)) is not None:
                code = kept_open  # "refused to rule out the use of force"
            if root == "03" and rule.cameo == HOSTING and any(
                    (talks := self.noun_rule(o)) is not None
                    and self.lex.kind(talks.cameo) == "CONSULT"
                    for o in self.objects(comp)):
                code = MEDIATION_INTENT  # "offered to host talks between Israel and Hamas"
            self.used.update({trig.i, comp.i})
        else:
            if own_rule is None and frame not in ("request", "intent", "refusal"):
                return []
            code = own_rule.cameo if own_rule else root + "0"
            if comp is not None:
                self.used.add(comp.i)
                if not target:
                    target = self.target(comp)
        if not target and frame != "request":
            target = self.target(verb) or (self.coordinated_target(verb) if frame == "intent"
                                           else ())
        self.used.add(verb.i)
        modality = "asserted" if frame != "intent" else "intended"
        if frame == "intent" and code[:2] != "03":
            modality = "asserted"  # a vow to fight is a threat made now
        sentence_modality = self.modality(verb)
        if commanded and comp is not None and comp.lemma_.lower() in self.lex.words["leaving"] \
                and target and all(a.country and a.country not in {s.country for s in source}
                                   for a in target):
            # "Uzbekistan ordered U.S. forces to leave the base": an expulsion (of diplomats,
            # a break in relations)
            code = DIPLOMATS_EXPELLED if any(o.lemma_.lower() in self.lex.words["diplomat"]
                                             for o in self.objects(verb)) else EXPULSION
            return [Draft(cameo=code, trigger=self.sent.doc[verb.i: verb.i + 1],
                          source=source, target=target, negated=self.negated(verb), via="frame",
                          modality=sentence_modality, clause=verb)]
        if commanded and len(requested) == 1 and self.lex.kind(
                requested[0].cameo) == "COERCE" and source and all(
                a.sector in STATE_SECTORS for a in source) and target and all(
                a.sector not in STATE_SECTORS and a.country in {s.country for s in source} | {None}
                for a in target):
            # "the government ordered the opposition newspaper to suspend publication": an
            # authority's order to its own subjects is the coercion itself
            return [replace(requested[0], source=source, target=target, negated=False,
                            modality=sentence_modality, trigger=self.sent.doc[verb.i: verb.i + 1],
                            clause=verb)]
        return [Draft(
            cameo=code, trigger=self.sent.doc[verb.i: verb.i + 1], source=source, target=target,
            negated=self.negated(verb), via="frame",
            modality=sentence_modality if sentence_modality != "asserted" else modality,
            clause=verb,
        ), *requested]

    def is_purpose(self, verb: Token) -> bool:
        """"staged demonstrations to demand reforms", "opened fire, killing one": a purpose or
        manner clause of another event is part of that event, not one of its own; but words
        said alongside an act are news of their own ("imposed sanctions, accusing him of")."""
        if verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.i != verb.i:
            return self.is_purpose(verb.head)  # "killing three and wounding 17"
        if verb.dep_ not in ("advcl", "xcomp") or verb.head.i == verb.i:
            return False
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if not (infinitive or verb.tag_ == "VBG"):
            return False
        rule, head_rule = self.verb_rule(verb), self.verb_rule(verb.head)
        said = rule is not None and self.lex.kind(rule.cameo) in SAID_ALONGSIDE or \
            self.lex.frames.get(verb.lemma_.lower()) in ("threat", "accusation")
        if not infinitive and said and not (
                head_rule and self.lex.kind(head_rule.cameo) == "PROTEST"):
            # (a protest "calling for independence" carries its demand; hostage-takers
            # "threatening to blow up the building" make a threat)
            return False
        head = verb.head
        return bool(self.verb_rule(head) or any(self.noun_rule(o) for o in self.objects(head)))

    def event_subject(self, verb: Token) -> bool:
        """"A roadside bombing killed one soldier": the subject is an event, the agent unknown."""
        return any(c.dep_ in SUBJECT_DEPS and self.noun_rule(c) for c in verb.children)

    def speakers_aside(self, verb: Token) -> bool:
        """"spoke with Erdogan, who offered to host talks": a named person's offer, demand or
        warning told in a relative clause is news of its own, not a description."""
        return verb.dep_ == "relcl" and verb.tag_ == "VBD" and any(
            c.dep_ in SUBJECT_DEPS and c.lower_ == "who" for c in verb.children) and \
            self.lex.frames.get(verb.lemma_.lower()) in SPEAKERS_ACTS - {"speech"} and any(
                a.kind in ("person", "named") for a in self.actors.get(verb.head.i, ()))

    def misparsed_main(self, verb: Token) -> bool:
        """"Thousands of students protested in Manila": the parse makes the sentence a noun
        phrase with "protested" as its participle; people do not get protested, so the verb
        is the main clause's, done by the noun."""
        if verb.dep_ != "acl" or verb.head.dep_ != "ROOT" or verb.head.pos_ not in (
                "NOUN", "PROPN") or self.objects(verb):
            return False
        rule = self.verb_rule(verb)
        return rule is not None and self.lex.kind(rule.cameo) == "PROTEST"

    def is_background(self, verb: Token) -> bool:
        """Relative and noun-modifying clauses ("a helicopter that was captured", "property
        seized in the 1970s", "its demand that Israel ease...") describe the nouns they hang
        on; the news is in the main clauses. An existential "there were soldiers killed" is
        the exception. What such a clause governs ("a resolution that aims to tighten
        sanctions") is background too."""
        while True:
            if self.document_content(verb) or self.restating(verb) is not None or (
                    verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children)
            ) or self.misparsed_main(verb) or self.speakers_aside(verb):
                return False  # (also "fighting in South Kivu, where the rebels exchanged fire")
            if verb.dep_ == "relcl" or (verb.dep_ in ("acl", "ccomp") and verb.head.pos_ in (
                    "NOUN", "PROPN", "PRON")):
                head = verb.head
                return not (head.dep_ == "attr" and any(c.lower_ == "there" for c in
                                                        head.head.children))
            before = verb.dep_ == "pcomp" and verb.head.lower_ in BACKGROUND_MARKS
            if before or verb.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in verb.children):
                # background to an event of the main clause, if it has one
                head = verb.head.head if before else verb.head
                return bool(self.events_of(head)) or self.lex.frames.get(
                    head.lemma_.lower()) not in (None, "speech")
            if verb.dep_ not in ("xcomp", "conj", "advcl", "ccomp") or verb.head.i == verb.i \
                    or verb.head.pos_ not in ("VERB", "AUX"):
                return False
            verb = verb.head

    def restating(self, verb: Token) -> Token | None:
        """"recognised a Palestinian state, a move that drew criticism from Israel" (or "a
        move condemned by France"): a clause on a noun restating the sentence's act tells what
        came of it. The act's verb."""
        if not (verb.dep_ == "relcl" or verb.dep_ == "acl" and verb.tag_ == "VBN") or \
                verb.head.lemma_.lower() not in self.lex.words["restating"]:
            return None
        return next((t for t in verb.head.ancestors if t.pos_ in ("VERB", "AUX")), None)

    def reactor(self, verb: Token, noun: Token) -> tuple[Actor, ...]:
        """Who reacts in "drew criticism from Israel", "won the backing of Britain"."""
        return next((found for head in (noun, verb) for p in head.children
                     if p.dep_ in ("prep", "agent") and p.lower_ in ("from", "of", "by")
                     for o in p.children if o.dep_ == "pobj"
                     for found in [self.actors_at(o)] if found), ())

    def document_content(self, verb: Token) -> bool:
        """"issued a declaration demanding that ...": the participle tells what the document
        does."""
        return verb.dep_ == "acl" and verb.tag_ == "VBG" and \
            verb.head.lemma_.lower() in self.lex.words["document"]

    def verb_events(self, verb: Token) -> list[Draft]:
        if verb.pos_ not in ("VERB", "PROPN") or self.is_purpose(verb) \
                or self.is_background(verb):
            return []
        if self.natural_cause(verb):
            return []  # "bird flu has killed 15 people", "were killed by floods"
        if verb.lemma_.lower() in self.lex.words["answer"] and any(
                p.dep_ == "prep" and p.lower_ == "by" and any(
                    c.dep_ == "pcomp" and self.verb_rule(c) for c in p.children)
                for p in verb.children):
            return []  # "retaliated by shutting its consulate": the shutting is the act
        drafts = []
        for rule, trig, noun in self.events_of(verb):
            if self.lex.frames.get(verb.lemma_.lower()) == "speech" and noun is None \
                    and not rule.objects and not rule.phrases:
                continue  # (but "declared a ceasefire", "declared martial law" are acts)
            source, passive = self.subject(verb)
            reactor = self.reactor(verb, noun) if noun is not None and \
                verb.lemma_.lower() in self.lex.words["reaction"] else ()
            undergoer = source
            if reactor:  # "the plan drew condemnation from Egypt": Egypt condemns it
                source = reactor
            if not source and not passive and not self.event_subject(verb):
                continue  # an active verb with no agent: a label, a gerund, an order
            if rule.mode == "visit" and noun is None and (any(
                    a.sector in ("MIL", "COP", "REB") for a in source) or self.forces(verb)
                    or passive or verb.dep_ == "conj" and verb.tag_ == "VBN"):
                continue  # troops arriving are deployed, not visiting; a detainee "was flown
                # to Moscow" is carried, not visiting
            if rule.mode == "phone" and noun is None and not any(
                    self.actors_at(o) for o in self.objects(verb)):
                continue  # "what it called unpaid debts": nobody was phoned
            # "withdrew its troops" are the actor's own means; "expelled French forces" not.
            # So are troops sent to help ("deployed 2,000 troops to Nigeria to help").
            objects = self.objects(verb)
            own_means = (rule.cameo.startswith(OWN_MEANS_CODES) or rule.cameo.startswith(
                "07") and objects and all(o.lemma_.lower() in self.lex.words["force"]
                                          for o in objects)) and not any(
                a.country and a.country not in {s.country for s in source}
                for o in objects for a in self.actors_at(o))
            target = (rule.cameo.startswith(TRANSFER_CODES) and self.receiver(verb)) or \
                self.target(verb, noun, objects=not own_means,
                            kind=self.lex.kind(rule.cameo))
            if rule.cameo == DISSENT and noun is None and source and all(
                    a.sector in (None, "GOV", "IGO") and (a.country or a.code) for a in source):
                # "Tokyo protested the incursion": a state's protest is an official complaint
                rule = replace(rule, cameo=OFFICIAL_COMPLAINT)
            if noun is not None and self.lex.frames.get(verb.lemma_.lower()) == "denial" \
                    and self.lex.kind(rule.cameo) == "ACCUSE":
                # "Moscow denies the accusation": it rejects whoever made it
                rule, target, trig = replace(rule, cameo=DEFIANCE), self.agent_of(noun), verb
            if reactor:
                target = undergoer
            if any(o.lemma_.lower() in self.lex.words["diplomat"] for o in objects) and not \
                    _foreign(target, source):
                # "recalled its ambassador from Algiers": from the country he is posted to
                target = next((found for head in (verb, *objects) for p in head.children
                               if p.dep_ == "prep" and p.lower_ in ("from", "to", "in")
                               for o in p.children if o.dep_ == "pobj"
                               for found in [self.actors_at(o) or self.town_at(o)]
                               if found), target)
            if self.lex.kind(rule.cameo) == "AID" and not _foreign(target, source):
                # "delivered fighter jets to Ukraine", "sent helicopters to help the Colombian
                # army": what is sent is the giver's; the aid goes to whom it reaches
                target = next((found for found in (self.receiver(verb),
                                                   self.condition_or_purpose(verb))
                               if _foreign(found, source)), target)
            received = self.receiver(verb) if rule.cameo == UNSPECIFIED_HANDOVER else ()
            if received and all(a.country and a.country not in {s.country for s in source}
                                for a in received):
                # "handed over a drug lord to U.S. marshals": to another state, an extradition
                rule, target = replace(rule, cameo=EXTRADITION), received
            if not target and self.lex.kind(rule.cameo) == "REQUEST":
                target = self.coordinated_target(verb)
            if not target and rule.prep:  # "would stand by Kyiv": the particle's object
                target = self.actors_after(verb, rule.prep)
            if passive and not source and rule.cameo.startswith(TRANSFER_CODES):
                # "was extradited from Chile to Peru": by Chile
                source = self.actors_after(verb, "from")
            demanded = self.demanded(verb)
            if demanded is not None and self.lex.kind(rule.cameo) == "REQUEST":
                # "reiterated its demand ... that Israel ease ...": Israel is asked; what it
                # is asked to do is part of the request, not an event of its own.
                target = target or self.subject(demanded)[0]
                self.used.update(t.i for t in demanded.subtree)
            if verb.lemma_.lower() in self.lex.words["recipient"] and not passive:
                # ("X was received by Y": Y receives, as the parse already says)
                giver = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"]
                given = self.actors_at(next(giver[0].children, None)) if giver else ()
                source, target = given, source
            self.used.add(verb.i)
            if noun is not None:
                self.used.add(noun.i)
                if rule.objects:  # ("announced a suspension of attacks": no attack)
                    self.used.update(o.i for o in _pobjs(noun, "of", "from"))
            if rule.objects:  # "seek assistance": the object is part of the trigger, and
                # the act it invites or proposes with it ("accepted an invitation to make a
                # state visit", "rejected a plan to hold talks")
                objects = self.objects(verb)
                self.used.update(o.i for o in objects)
                self.used.update(t.i for o in objects for c in o.children
                                 if c.dep_ == "acl" and any(
                                     a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                                 for t in c.subtree)
            negated = self.negated(verb, noun)
            kept_open = self.kept_open(verb) if negated else None
            if kept_open is not None:  # "did not rule out military action": a threat
                rule, negated = replace(rule, cameo=kept_open, mode=None), False
            draft = Draft(
                cameo=rule.cameo, trigger=self.sent.doc[trig.i: trig.i + 1], source=source,
                target=target, mode=rule.mode, negated=negated, modality=self.modality(verb),
                via="light-verb" if noun is not None else "verb", clause=verb,
                notes=["scheduled"] if self.scheduled(verb) else [],
            )
            drafts.append(draft)
            if verb.lemma_.lower() in self.lex.words["mutual"]:
                sides = [(source, target), (target, source)] if target else []
                forces = next((s for s, o in sides if is_security(s) and is_crowd(o)), None)
                if forces is not None:
                    # "police clashed with protesters": repression one way, rioting the other
                    crowd = target if forces is source else source
                    drafts[-1] = replace(draft, cameo=REPRESSION, source=forces, target=crowd)
                    drafts.append(replace(draft, cameo=RIOT, source=crowd, target=forces,
                                          mode=None))
                else:
                    draft.notes.append("mutual")  # both sides fight
        return drafts

    def answered(self, verb: Token, source: tuple[Actor, ...], target: tuple[Actor, ...]
                 ) -> tuple[Actor, ...]:
        """An act "in retaliation for" or "in response to" another's deed is aimed at whoever
        did it, when it names no foreign target of its own: "imposed export controls in
        retaliation for Washington's chip restrictions", "ordered the deployment of troops in
        response to the arrival of U.S. warships"."""
        if _foreign(target, source):
            return target
        own = {a.country for a in source}
        deeds = [d for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                 for n in p.children if n.dep_ == "pobj"
                 and n.lemma_.lower() in self.lex.words["answer"]
                 for q in n.children if q.dep_ == "prep" and q.lower_ in ("for", "to", "against")
                 for d in q.children if d.dep_ == "pobj"]
        doers = [a for d in deeds for a in self.agent_of(d) or self.actors_at(d)
                 if a.country and a.country not in own]
        return tuple(doers) or target

    def natural_cause(self, verb: Token) -> bool:
        """Whether the doer of `verb` is a disease, a disaster or an accident."""
        doers = [c for c in verb.children if c.dep_ in SUBJECT_DEPS] + [
            o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        hazards = self.lex.words["hazard"]
        return any(d.lemma_.lower() in hazards or d.lower_.removesuffix("s") in hazards
                   for d in doers)  # (a sentence's first word may keep its plural lemma)

    def actors_after(self, token: Token, *preps: str) -> tuple[Actor, ...]:
        """The first actors named after `token`'s prepositions `preps`."""
        return next((found for o in _pobjs(token, *preps)
                     for found in [self.actors_at(o)] if found), ())

    def receiver(self, verb: Token) -> tuple[Actor, ...]:
        """Who a person or a thing is handed to: "extradited a French national to France",
        "delivered the first four of its jets to Ukraine" (however the parse attaches "to")."""
        return self.actors_after(verb, "to") or next(
            (found for o in self.objects(verb) for found in [self.actors_after(o, "to")]
             if found), ())

    def forces(self, verb: Token) -> bool:
        """Whether the subject of `verb` is a body of armed men ("the first deployment of NATO
        peacekeeping troops")."""
        return any(t.lemma_.lower() in self.lex.words["force"] for c in verb.children
                   if c.dep_ in SUBJECT_DEPS for t in c.subtree)

    def demanded(self, verb: Token) -> Token | None:
        """The clause saying what is asked: of the verb ("demanded that X ...") or of its
        object ("repeated its demand that X ...")."""
        for head in (verb, *self.objects(verb)):
            for c in head.children:
                if c.dep_ == "ccomp" or (c.dep_ == "acl" and head.i != verb.i
                                         and c.pos_ in ("VERB", "AUX")):
                    return c
        return None

    def is_argument(self, noun: Token) -> bool:
        """"rejected a US offer", "agreed upon a pact": the noun is what another event is
        about, not an event of its own; so is "suspended part of an aid programme"."""
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            if head.lower_ in TIME_PREPS or head.lower_ in ("after", "following", "since"):
                # "pledged support during talks with X", "deployed a carrier after the Hamas
                # attack on Israel": the talks, the attack are no object of the verb
                return False
            if head.lower_ == "of" and head.head.lemma_.lower() in self.lex.words["measure"]:
                return self.is_argument(head.head)
            head = head.head
        elif noun.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr", "conj"):
            return False
        if noun.dep_ == "conj":
            return self.is_argument(noun.head)
        frame = self.lex.frames.get(head.lemma_.lower())
        if frame == "attempt" and noun.dep_ in ("nsubj", "nsubjpass"):
            return False  # "the riots are continuing": the event goes on
        head_rule = self.verb_rule(head) if head.pos_ == "VERB" else None
        if noun.dep_ == "dobj" and head_rule is not None and self.lex.kind(
                head_rule.cameo) == "ACCUSE" and self.hostile_deed(noun):
            return False  # "condemned the killing of X": the killing is news too
        if head.pos_ == "NOUN" and noun.dep_ == "pobj" and head.i != noun.i:
            # "in protest against the trade deal": what is opposed is no news of its own
            # (but "gratitude for Russian aid" tells of the aid)
            rule = self.noun_rule(head)
            return rule is not None and self.lex.kind(rule.cameo) in OPPOSING
        return head.pos_ == "VERB" and bool(self.verb_rule(head) or frame)

    def dated_in_the_past(self, noun: Token) -> bool:
        """"their meeting at the Russia-Africa Summit in 2023": the event noun carries a date
        of its own, well before the article's: the date follows it with no other event word
        in between (outside the noun's own phrase), whatever the parse attaches it to."""
        doc = self.sent.doc
        own = {t.i for t in noun.subtree}
        phrases = [e.text for e in self.sent.ents if e.label_ == "DATE" and e.start > noun.i
                   and not any((self.verb_rule(t) or self.noun_rule(t)) and t.i not in own
                               for t in doc[noun.i + 1: e.start])]
        return bool(phrases) and event_date(phrases, self.sent.doc.user_data.get("date")
                                            ).historical

    def noun_event(self, noun: Token) -> Draft | None:
        """A nominal event standing alone: it needs an actor of its own ("Russian aid",
        "Putin's visit", "talks between X and Y"); an argument of another event is not one."""
        rule = self.noun_rule(noun) if noun.pos_ == "NOUN" else None
        if rule is None or self.is_argument(noun):
            return None
        source = self.actors.get(noun.i, ()) or next(
            (self.actors_at(c) for c in noun.children if c.dep_ == "poss"), ()) or \
            self.claimant(noun) or next(
            (found for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
             and c.lemma_.lower() in self.lex.words["organising"]
             and self.lex.kind(rule.cameo) != "CONSULT"  # (a summit's host: no party)
             for found in [self.subject(c)[0]] if found), ())  # "a strike called by unions"
        target: tuple[Actor, ...] = ()
        if rule.cameo in DONE_TO_PEOPLE and source and all(a.kind == "person" for a in source) \
                and not self.actors.get(noun.i):
            source, target = (), source  # "his arrest", "Navalny's release": whom it was done to
        target_prep = None
        for prep in noun.children:
            if prep.dep_ != "prep":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                found = self.actors_at(pobj)
                if prep.lower_ == "by" and found:
                    source = found
                elif prep.lower_ in ("between", "among") and found and source and \
                        rule.cameo.startswith(MEDIATION):
                    target = found  # "Cairo's mediation between Israel and Hamas"
                elif prep.lower_ in ("between", "among") and found:
                    source = found
                elif (prep.lower_ in TARGET_PREPS and prep.lower_ != "at" or prep.lower_ == "of"
                      and self.hostile_deed(noun)) and not target:
                    # ("a meeting at the summit" is a place; "the killing of X" is X's; an
                    # attack on a town is on its country)
                    found = found or (self.town_at(pobj) if self.hostile_deed(noun)
                                      and prep.lower_ in ("on", "upon") else ())
                    if found:
                        target, target_prep = found, prep.lower_
        clause = noun
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        # ("during talks with X", "during a visit to Kyiv": the subject's own talks, visit)
        partner = any(self.actors_at(o) for p in noun.children
                      if p.dep_ == "prep" and p.lower_ == "with"
                      for o in p.children if o.dep_ == "pobj") or (
            rule.mode == "visit" and bool(target))
        if not source and noun.dep_ == "pobj" and noun.head.lower_ in (
                "for", "to", "in", *(TIME_PREPS if partner else ())) \
                and noun.head.head.i == clause.i and \
                self.lex.kind(rule.cameo) == "CONSULT" and clause.pos_ == "VERB":
            source = self.subject(clause)[0]  # "negotiators return to Geneva for talks"
        if not source and self.lex.kind(rule.cameo) == "PROTEST" and \
                clause.pos_ == "VERB" and noun.dep_ in ("pobj", "advcl") and \
                noun.lemma_.lower() != "strike":  # ("strikes" alone may be air strikes)
            # "resigned after weeks of street protests": the governed protest against the
            # government that gives way to them
            governing = self.subject(clause)[0]
            if governing and all(a.country and a.sector in (None, "GOV") for a in governing):
                source = (Actor(text=noun.text, name=None, code="CVL", country=None,
                                sector="CVL", start=noun.idx, end=noun.idx + len(noun),
                                kind="agent"),)
                target = target or governing
        if not any(a.country or a.code for a in source) and not (
                self.lex.kind(rule.cameo) in UNATTRIBUTED and any(
                    a.country for a in target) and target_prep in ("on", "upon", "of")):
            # (nobody known: "in its war with Iraq" with "its" unresolved; but "the attacks
            # on New York" are news whoever made them)
            return None
        if rule.cameo == LABOUR_STRIKE and noun.lemma_.lower() == "strike" and all(
                a.sector in (None, "GOV", "MIL") for a in source):
            rule = replace(rule, cameo="195", mode="aerial")  # "Israeli and U.S. strikes"
        if any(c.dep_ == "amod" and c.lower_ in self.lex.words["unrealised"]
               for c in noun.children):
            return None  # "a planned offensive", "a possible attack": not (yet) done
        historical = self.dated_in_the_past(noun)
        restated = noun.dep_ in ("appos", "npadvmod") and noun.head.pos_ in ("VERB", "AUX")
        if noun.lemma_.lower() in self.lex.words["state"] and noun.dep_ == "pobj" and \
                noun.head.lower_ in ("in", "of", "during", "since", "throughout"):
            return None  # "a mediator in the Gaza war": a state of affairs, not news
        if noun.lemma_.lower() in self.lex.words["state"] and not target and any(
                p.dep_ == "prep" and p.lower_ in ("on", "against") for p in noun.children):
            return None  # "his war on drugs": a policy against no one named
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
                noun.head.head.lemma_.lower() in self.lex.words["remembrance"]:
            return None  # "the anniversary of the invasion": remembered, not news
        timed = noun.dep_ == "pobj" and noun.head.lower_ in TIME_PREPS and not partner
        if restated or not historical and (timed or (
                clause.pos_ in ("VERB", "AUX") and self.is_background(clause))):
            # "rioting during a G8 summit": the summit dates the news, it is not the news
            # ("during talks with X" are news of their own); "..., a charge Kyiv denied"
            # restates the sentence's event.
            return None  # (a past event recalled in passing is still coded, as historical)
        if not target and clause.pos_ in ("VERB", "AUX") and (
                noun.dep_ in ("dobj", "nsubjpass") or noun.dep_ == "pobj"
                and noun.head.lower_ in ("for", "over", "against", "about", "on", "to",
                                         "despite")):
            # ("expressed gratitude for Russian aid": to the grateful; "kept buying oil
            # despite Washington's demands": made of the defiant)
            governing, _ = self.subject(clause)
            if {a.country for a in governing} - {a.country for a in source}:
                target = governing
        self.used.add(noun.i)
        if rule.objects:  # (the attacks a suspension suspends are no attack)
            self.used.update(o.i for o in _pobjs(noun, "of", "from"))
        return Draft(
            cameo=rule.cameo, trigger=self.sent.doc[noun.i: noun.i + 1], source=source,
            target=target, mode=rule.mode, via="noun",
            notes=["mutual"] if noun.lemma_.lower() in self.lex.words["mutual"] else [],
            negated=self.negated(noun, clause if clause.pos_ in ("VERB", "AUX") else None),
            # (a noun's own phrase dates it: "to offer condolences after the attacks")
            modality=self.modality(clause, purpose=False) if clause.pos_ in ("VERB", "AUX")
            else "asserted",
            clause=clause,
        )


def is_crowd(actors: tuple[Actor, ...]) -> bool:
    return any(a.sector in CROWD_SECTORS for a in actors)


def is_security(actors: tuple[Actor, ...]) -> bool:
    return any(a.sector in SECURITY_SECTORS for a in actors)


def _pobjs(token: Token, *preps: str) -> list[Token]:
    """The objects of `token`'s prepositions `preps` ("to X", "by Y")."""
    return [o for p in token.children if p.dep_ in ("prep", "dative", "agent")
            and p.lower_ in preps for o in p.children if o.dep_ == "pobj"]


def _object_words(obj: Token) -> set[str]:
    """The lemmas by which an object selects a verb's sense: its own and its compound
    modifiers' ("suspended aid deliveries", "ended mediation efforts")."""
    return {obj.lemma_.lower()} | {c.lemma_.lower() for c in obj.children
                                   if c.dep_ == "compound"}


def _towns(doc: Doc) -> dict[int, Actor]:
    """Towns and provinces the text names (resolved by `where` before the events), by token:
    as targets they stand for their country."""
    found = {}
    for m in doc.user_data.get("geo_mentions", ()):
        place = m.place
        if place is None or not place.country or place.precision not in ("city", "admin1"):
            continue
        actor = Actor(text=m.text, name=place.name, code=place.country, country=place.country,
                      sector=None, start=m.start_char, end=m.end_char, kind="named")
        found.update({i: actor for i in range(m.start, m.end)})
    return found


def _foreign(actors: tuple[Actor, ...], source: tuple[Actor, ...]) -> bool:
    """Whether `actors` name a country other than the source's."""
    own = {a.country for a in source}
    return any(a.country and a.country not in own for a in actors)


def _tense_of(verb: Token, speaker: Token) -> bool:
    """Whether a verb joined to a reported clause is in the speaker's plain past while the
    report has a tense of its own ("said Y had moved ... and accused Z")."""
    def auxiliaries(t: Token) -> set[str]:
        return {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == speaker.tag_ == "VBD" and not auxiliaries(verb) \
        and bool(auxiliaries(verb.head))


def _mentioned(sent: Span, actors: dict, places: dict, towns: dict
               ) -> tuple[tuple[int, Actor], ...]:
    """Every actor and place of the sentence that has a country, with its token: the
    candidates for a target the parse does not give."""
    found = []
    for i in range(sent.start, sent.end):
        for a in actors.get(i, ()) + places.get(i, ()) + ((towns[i],) if i in towns else ()):
            if a.country:
                found.append((i, a))
    return tuple(found)


def _by_token(spans) -> dict[int, tuple[Actor, ...]]:
    """Actors by the token their phrase hangs from, and by any other token of the phrase that
    the parse attaches outside it (a mis-parsed "Côte d'Ivoire")."""
    found: dict[int, tuple[Actor, ...]] = {}
    for span in spans:
        found[span._.head_i] = span._.actors
    for span in spans:
        for t in span:
            if (t.head.i < span.start or t.head.i >= span.end) and t.i not in found:
                found[t.i] = span._.actors
    return found


# Events back that "condemned the launch" may name.
DEEDS_RECALLED = 6
# Sentences back that a place named earlier still places an event.
LOCATION_CARRY = 2
# Words of a bearing that place what is "north of Kabul" near Kabul.
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
              "southwest", "north-east", "north-west", "south-east", "south-west"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "into",
                  "within", "around", "through"}


def _location(sent: Span, actors: dict, places: dict, towns: dict,
              words: dict[str, frozenset[str]]) -> tuple[Actor, ...]:
    """The first country the sentence places things in: "in Kirkuk", "at a jail in northern
    Israel", "throughout Indonesia", "near Pokrovsk" (a town `where` resolved); not a mission
    abroad or a border named by a demonym ("near the Venezuelan border": on the other side, as
    often as not; "near Macedonia's border" is Macedonia's)."""
    for token in sent:
        prep = token.head
        if token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in DIRECTIONS:
            prep = prep.head  # "20 km north of Kabul", "southwest of Baghdad"
        elif token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.dep_ == "pobj":
            prep = prep.head.head  # "near the town of Mandera"
        if token.dep_ == "pobj" and (prep.lower_ in LOCATIVE_PREPS or prep.lower_ in DIRECTIONS):
            for found in (places.get(token.i, ()), actors.get(token.i, ()),
                          (towns[token.i],) if token.i in towns else ()):
                # (an embassy is not its country's soil: "at the Japanese embassy in Beijing"
                # is in China)
                located = [a for a in found if a.country and a.sector in (None, "GOV")
                           and token.lower_ not in words["mission"] and not (
                               token.lemma_.lower() in words["boundary"]
                               and not any(c.dep_ == "poss" for c in token.children))]
                if located:
                    return (located[0],)
    return ()


def localise(actors: tuple[Actor, ...], home: tuple[Actor, ...],
              outsiders: frozenset[str] = frozenset()) -> tuple[Actor, ...]:
    """Generic agents, and titled people the knowledge base does not know ("President
    Laurent Gbago"), take the country of `home`; `outsiders` ("negotiators") do not."""
    if not home:
        return actors
    country = home[0].country
    return tuple(replace(a, country=country, code=country + (a.sector or ""))
                 if not a.country and a.sector not in (None, "IGO", "NGO")
                 and (a.kind == "agent" and _head_word(a) not in outsiders
                      or a.kind == "person" and a.sector)
                 else a for a in actors)


def _head_word(actor: Actor) -> str:
    """The actor phrase's last word in the singular: "UN negotiators" -> "negotiator"."""
    word = actor.text.lower().split()[-1] if actor.text.strip() else ""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def unique_actors(actors: list[Actor]) -> tuple[Actor, ...]:
    seen = []
    for a in actors:
        if all((a.name, a.country, a.code) != (b.name, b.country, b.code) for b in seen):
            seen.append(a)
    return tuple(seen)


def _codable(draft: Draft) -> bool:
    """An event is worth a record when at least one side is a known political actor, or a
    generic one ("people", "police") the sentence places in a country."""
    def known(actors):
        return any(a.country or (a.code and a.kind != "agent") for a in actors)

    def placed(actors):
        return bool(draft.location) and any(a.kind == "agent" for a in actors)
    return known(draft.source) or known(draft.target) or placed(draft.source)
