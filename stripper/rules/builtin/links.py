"""Coverage, section and "read more" link lines (STR2xx)."""

from ..patterns import literal, pattern_rule

COVERAGE_LINKS = pattern_rule(
    "STR201",
    "coverage-hub-links",
    "Hub links between paragraphs: 'Full coverage: Technology', 'More coverage'.",
    doc="""What it does: removes lines that point to a topic hub: "Full coverage:
Technology", "More coverage: Elections", "More on this story".

Why: wire stories carry these links between paragraphs; they survive
extraction as stray one-line paragraphs in the middle of the body.""",
    labels=[r"full coverage", r"more coverage", r"related coverage", r"live coverage",
            r"more on this story", r"more on this topic"],
    blocks=literal("full coverage", "more coverage", "related coverage", "more on this story",
                   "more on this topic"),
    label_max_words=12,
    removes=("Full coverage: Technology", "More coverage", "Full coverage: Russia-Ukraine war"),
    keeps=("Full coverage of the hearing was broadcast on three channels, the network said.",),
)

READ_MORE_LINKS = pattern_rule(
    "STR202",
    "read-more-links",
    "'Read more:', 'Related:', 'See also', 'Also read' link lines, in five languages.",
    doc="""What it does: removes lines made of a "see also" label, alone or followed by
a headline: "Read more: How the storm hit", "Related: ...", "See also", "Also read".

Why: sites insert these teasers between paragraphs; the headline they carry
belongs to another article.""",
    labels=[r"read more", r"read also", r"also read", r"read next", r"see also", r"related",
            r"related story", r"related article", r"related content", r"recommended",
            r"also", r"more", r"watch", r"listen", r"read", r"must read", r"don't miss",
            r"check out", r"related reading", r"recommended reading", r"suggested reading",
            r"you (?:may|might) also like",
            r"lire aussi", r"à lire aussi", r"a lire aussi", r"voir aussi", r"à voir aussi",
            r"lire également", r"lee también", r"lea también", r"leer también",
            r"te puede interesar", r"ver también", r"también te puede interesar",
            r"mehr zum thema", r"lesen sie auch", r"auch interessant", r"siehe auch",
            r"das könnte sie auch interessieren", r"leggi anche", r"читайте также", r"смотрите также",
            r"читайте также на", r"по теме"],
    blocks=literal("read more", "read also", "also read", "read next", "see also", "related",
                   "continue reading", "keep reading", "read the full story",
                   "read the full article", "click here to read more", "lire aussi",
                   "lire la suite", "voir aussi", "lee también", "leer más", "seguir leyendo",
                   "mehr zum thema", "weiterlesen", "lesen sie auch", "mehr lesen",
                   "siehe auch", "читайте также"),
    label_max_words=20,
    removes=("Read more: How the storm changed the coastline", "Related:", "See also",
             "Also read: Five things to know about the new law", "Lire aussi : La réforme",
             "Lee también: El Gobierno aprueba el plan", "Mehr zum Thema: Die Reform",
             "Check out: Best Advice For Renting a Car in Iceland", "RELATED READING: Answering My Top FAQs",
             "Читайте также: На главной площади зальют каток"),
    keeps=("Read more carefully, the report says, and the numbers tell another story.",
           "See also the appendix, which lists every station that reported flooding.",
           "Check out the harbour at low tide: the wrecks show then.",
           "Read-only dashboards for residents"),
)

RULES = [COVERAGE_LINKS, READ_MORE_LINKS]
