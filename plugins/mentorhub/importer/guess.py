"""`--init-map`: which field a form's question is probably about, from its words.

Only a proposal: the organizer reads and edits the mapping it starts. Words cover the
hub's UI languages (en, es, fr, pt, de); anything else is listed unmapped.
"""

from __future__ import annotations

import re
import unicodedata

from ..hub.schema import RecordType

#: Field → words that, found in a header, point at it. First match wins, in this order.
_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("consent", ("consent", "agree", "acepto", "consiento", "autorizo", "accepte", "concordo",
                 "aceito", "einverstanden", "zustimm")),
    ("contact.public", ("show my email", "public email", "mostrar mi correo", "email public",
                        "e-mail public", "correo publico", "email publico")),
    ("contact.email", ("email", "e-mail", "correo", "courriel", "mail")),
    ("timezone", ("time zone", "timezone", "zona horaria", "fuseau", "fuso", "zeitzone")),
    ("languages", ("language", "idioma", "langue", "lingua", "sprache")),
    ("roles", ("role", "join as", "participar como", "rol", "rôle", "papel", "rolle")),
    ("offers", ("can mentor", "mentor on", "offer", "puedo mentorear", "ofrezco", "enseñar",
                "propose", "ofereço", "biete")),
    ("seeks", ("want to learn", "grow in", "seek", "quiero aprender", "busco", "apprendre",
               "aprender", "lernen")),
    ("headline", ("headline", "job title", "title", "cargo", "titular", "poste", "beruf")),
    ("pronouns", ("pronoun", "pronombre", "pronom", "pronome")),
    ("country", ("country", "país", "pais", "pays", "land")),
    ("location", ("city", "location", "ciudad", "ubicación", "ville", "cidade", "stadt", "ort")),
    ("capacity", ("how many mentees", "capacity", "cuántas", "cuantas", "combien", "quantos",
                  "wie viele")),
    ("formats", ("format", "how would you like to meet", "modalidad", "formato")),
    ("photo", ("photo", "picture", "foto", "avatar", "image")),
    ("github", ("github",)),
    ("links.LinkedIn", ("linkedin",)),
    ("links.Website", ("website", "sitio web", "site web", "webseite")),
    ("body", ("bio", "about you", "about yourself", "sobre ti", "présentez", "sobre você",
              "über dich")),
    ("joined", ("timestamp", "marca temporal", "horodatage", "carimbo", "zeitstempel",
                "start time", "hora de inicio")),
    ("rating", ("rating", "stars", "valoración", "calificación", "note sur", "avaliação", "bewertung")),
    ("quote", ("testimonial", "review", "quote", "testimonio", "témoignage", "depoimento")),
    ("reviewer", ("reviewer", "your name", "tu nombre", "votre nom", "seu nome", "dein name")),
    ("title", ("title", "título", "titre", "titel")),
    ("summary", ("summary", "resumen", "résumé", "resumo", "zusammenfassung")),
    ("date", ("date", "fecha", "data", "datum")),
    ("name", ("name", "nombre", "nom", "nome")),
)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def guess_target(header: str, record: RecordType) -> str | None:
    """The field `header` probably fills, if this record type has it."""
    plain = _plain(header)
    for target, words in _WORDS:
        # A word matches at the start of a word in the header: "pronoun" finds "Pronouns",
        # "ort" does not find "short".
        if any(re.search(r"\b" + re.escape(_plain(word)), plain) for word in words):
            base = target.split(".")[0]
            if target in ("consent", "body") or record.field(base) is not None:
                return target
    return None
