"""French words for the values the schema allows. Pages show these, never the raw codes."""

from __future__ import annotations

EVENT_STATUS = {
    "occurred": "A eu lieu",
    "announced": "Annoncé",
    "planned": "Prévu",
    "reported": "Rapporté, non confirmé",
    "denied": "Démenti",
    "cancelled": "Annulé",
}
CERTAINTY = {  # follows the word "date"
    "exact": "",
    "approximate": "approximative",
    "inferred": "déduite",
}
# In the calendar and the feed, after a date that is not known to the day.
UNKNOWN_DAY = {"month": "jour inconnu", "year": "mois et jour inconnus", "bounded": "jour inconnu"}
SPAN_NOTE = {  # why a calendar entry covers more than one day
    "period": "Date connue seulement au mois ou à l'année : l'entrée couvre toute la période.",
    "bounded": "Jour inconnu : l'entrée couvre tous les jours où il a pu avoir lieu.",
}
INFERRED_OUTLET = "média déduit"
ACTOR_KIND = {  # in the order the actors index shows them
    "person": "Personnes",
    "state": "États",
    "organization": "Organisations",
    "media": "Médias et agences",
    "group": "Groupes",
    "place": "Lieux",
}
QUESTION_STATUS = {
    "open": "Ouverte",
    "partly_answered": "Réponse partielle",
    "answered": "Répondue",
}
QUESTION_GROUP = {  # headings over the questions of one status
    "open": "Sans réponse",
    "partly_answered": "En partie répondues",
    "answered": "Répondues",
}
STANCE = {
    "supports": "Va dans ce sens",
    "contradicts": "Va à l'encontre",
    "context": "Contexte",
}
TREATY_STATUS = {
    "announced": "Annoncé",
    "signed": "Signé",
    "ratified": "Ratifié",
    "in_force": "En vigueur",
    "invoked": "Invoqué",
    "suspended": "Suspendu",
    "terminated": "Dénoncé",
}
LANGUAGE = {"fr": "français", "en": "anglais", "ru": "russe", "ko": "coréen", "de": "allemand"}

ALL = {
    "event_status": EVENT_STATUS,
    "certainty": CERTAINTY,
    "actor_kind": ACTOR_KIND,
    "question_status": QUESTION_STATUS,
    "question_group": QUESTION_GROUP,
    "stance": STANCE,
    "treaty_status": TREATY_STATUS,
    "language": LANGUAGE,
}
