"""Lookup words shared by the extractors: months, weekdays, number words, metrics and groups, and the language of quotes."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Words that stand for a number of people ("a dozen migrants", "a score of").
COLLECTIVES: dict[str, int] = {"a dozen": 12, "dozen": 12, "a couple of": 2, "a pair of": 2, "a score of": 20}

# Qualifiers before a number, longest first in use. Each maps to a FACTS.md qualifier.
QUALIFIERS: dict[str, str] = {
    "at least": "at_least", "a minimum of": "at_least", "no fewer than": "at_least",
    "no less than": "at_least", "as many as": "up_to", "up to": "up_to", "at most": "up_to",
    "a maximum of": "up_to", "more than": "more_than", "over": "more_than", "in excess of": "more_than",
    "upwards of": "more_than", "above": "more_than", "fewer than": "fewer_than", "less than": "fewer_than",
    "under": "fewer_than", "nearly": "about", "almost": "about", "about": "about", "around": "about",
    "roughly": "about", "approximately": "about", "some": "about", "an estimated": "about",
    "estimated": "about", "close to": "about", "just under": "fewer_than", "just over": "more_than",
    "well over": "more_than", "at the very least": "at_least", "a total of": "exact",
    "past": "more_than", "passed": "more_than", "topped": "more_than", "exceeded": "more_than",
    "surpassed": "more_than", "beyond": "more_than",
}  # fmt: skip

# The language of each metric. A figure takes the metric whose words sit nearest to it
# in its clause. Stems are matched at word starts ("drown" -> drowned, drowning).
METRIC_WORDS: dict[str, tuple[str, ...]] = {
    "deaths": (
        "died", "die", "dies", "dying", "dead", "death", "deaths", "killed", "killing", "kill",
        "drowned", "drowning", "drown", "bodies", "body", "lost their lives", "lost his life",
        "lost her life", "perished", "fatalities", "fatality", "victims", "toll", "lives were lost",
        "were found dead", "found dead", "lifeless", "succumbed", "deceased", "casualties",
    ),
    "missing": ("missing", "unaccounted for", "never been found", "not been found", "never found", "still being searched for", "disappeared", "feared dead", "presumed dead", "lost at sea"),
    # survivors, and people taken back to the coast they left ("brought back to France");
    # being taken to hospital is not a count of its own (it is part of the rescued)
    "rescued": (
        "rescued", "rescue", "rescuing", "survivors", "survivor", "survived", "saved",
        "pulled from the water", "plucked from", "pulled", "brought to safety", "recovered alive",
        "evacuated", "brought back", "taken back", "back to",
    ),
    "crossings": (
        "crossed", "cross", "crossing", "crossings", "arrived", "arrival", "arrivals", "arriving",
        "made the journey", "made the crossing", "made the cross-channel journey", "reached",
        "came ashore", "detected", "made it to", "have made", "has made", "journey",
    ),
    "on_board": (
        "on board", "onboard", "aboard", "carrying", "carried", "carry", "carries", "crammed", "packed", "passengers",
        "were in the boat", "in the dinghy", "crowded", "squeezed", "left a beach", "left the beach",
        "set off from", "set out from",
    ),
}
# Words of landing people that are an arrival on one side of the Channel and a rescue on the
# other: "22 people were picked up by British vessels and brought to Dover" crossed; "47
# people picked up ... and brought back to France" were rescued. `figures` reads the side
# from the sentence.
LANDING_WORDS: tuple[str, ...] = (
    "brought ashore", "ashore", "picked up", "landed", "intercepted", "brought to dover",
    "brought into dover", "brought in to dover", "brought to the uk", "brought to britain",
    "brought into the harbour", "brought into harbour", "escorted into", "brought to shore",
)  # fmt: skip
# Shores and crews that say which side of the Channel people were landed on ("French" alone,
# as in "the French beaches" they left, says nothing; "French rescuers" does).
FRENCH_SIDE: tuple[str, ...] = (
    "Calais", "Boulogne", "Boulogne-sur-Mer", "Dunkirk", "Dunkerque", "Gravelines", "Wimereux", "Sangatte",
    "Équihen", "Equihen", "Équihen-Plage", "Le Portel", "Loon-Plage", "Grande-Synthe", "Berck", "Hardelot",
    "Ambleteuse", "Audresselles", "France", "préfecture maritime", "prefecture maritime", "maritime prefecture",
    "gendarmerie", "gendarmes", "CROSS Gris-Nez", "SNSM", "French rescuers", "French rescue", "French navy",
    "French Navy", "French authorities", "French coastguard", "French coastguards", "French patrol",
    "French vessels", "French lifeboat", "French lifeboats", "French police", "French fishing",
)  # fmt: skip
BRITISH_SIDE: tuple[str, ...] = (
    "Dover", "Kent", "Dungeness", "Folkestone", "Deal", "Kingsdown", "Ramsgate", "Hythe", "Margate",
    "Manston", "Lydd", "Littlestone", "Walmer", "Border Force", "HM Coastguard", "RNLI", "British vessels",
    "British vessel", "British lifeboat", "British lifeboats",
)  # fmt: skip

# Who a count is of. Group None is a total ("people", "migrants").
GROUP_NOUNS: dict[str, str | None] = {
    "people": None, "persons": None, "person": None, "migrants": None, "migrant": None,
    "refugees": None, "asylum seekers": None, "asylum-seekers": None, "individuals": None,
    "passengers": None, "others": None, "adults": None, "exiles": None, "victims": None,
    "survivors": None, "bodies": None, "dead": None, "lives": None, "occupants": None, "nationals": None,
    "men": "men", "man": "men", "women": "women", "woman": "women", "children": "children",
    "child": "children", "kids": "children", "babies": "children", "baby": "children",
    "infants": "children", "toddlers": "children", "boys": "children", "girls": "children",
    "minors": "minors", "minor": "minors", "teenagers": "minors", "teenager": "minors",
    "teens": "minors", "unaccompanied minors": "minors", "young people": "minors",
    "pregnant woman": "women", "pregnant women": "women",
}  # fmt: skip


# --- the language of quotes: who speaks, and what is not a name ---------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


REPORTING_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "adding", "saying", "telling",
    "warned", "warns", "warning", "insisted", "insists", "insisting", "explained", "explains",
    "explaining", "stated", "claimed", "claiming", "declared", "announced", "argued", "argues",
    "arguing", "wrote", "writes", "writing", "tweeted", "posted", "urged", "urging", "vowed",
    "vowing", "promised", "pledged", "pledging", "noted", "noting", "stressed", "stressing",
    "admitted", "acknowledged", "asked", "replied", "responded", "commented", "confirmed",
    "denied", "described", "describing", "called", "calling", "criticised", "criticized",
    "accused", "accusing", "condemned", "suggested", "continued", "concluded", "recalled",
    "lamented", "predicted", "demanded", "branded", "labelled", "dubbed", "hailed",
    "welcomed", "cautioned", "reiterated", "sighed", "sighs", "according to",
    # headlines speak in the present: "Sunak vows to 'stop the boats'", "Patel slams 'cruel' gangs"
    "vows", "urges", "admits", "claims", "pledges", "promises", "denies", "confirms", "demands",
    "declares", "announces", "hails", "slams", "accuses", "describes", "condemns", "reveals",
    "revealed", "blasted", "blasts", "slammed",
)  # fmt: skip
# Capitalised words that end a title in a name: "British Prime Minister | Boris Johnson".
TITLE_WORDS = _words(
    """Minister Ministers President Secretary Chancellor Mayor Prefect Premier Leader Commissioner
    Director Chief Deputy Spokesman Spokeswoman Spokesperson Ambassador Senator MP MEP Governor
    Judge Prosecutor Captain Commander Officer Admiral Inspector Superintendent Constable Chairman
    Chairwoman Chair Founder Coordinator CEO King Queen Prince Princess Pope Bishop Archbishop
    Councillor Sheriff Attorney General Correspondent Skipper"""
)
HONORIFICS = _words(
    "Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Baroness Rev Mme Rt Hon"
)
POSTNOMINALS = _words("MP MEP QC KC OBE MBE CBE")
PARTICLES = _words("de du des la le van von der den da di al el bin ben ibn dos")
# Lower-case titles: "the minister", "a Home Office spokesperson", "skipper Dean Wallis".
TITLE_NOUNS = (
    "minister", "secretary", "president", "spokesman", "spokeswoman", "spokesperson", "prefect",
    "mayor", "official", "officer", "director", "head", "chief", "leader", "founder", "co-founder",
    "coordinator", "commissioner", "chancellor", "ambassador", "MP", "deputy", "senator",
    "prosecutor", "captain", "commander", "volunteer", "campaigner", "activist", "lawyer",
    "chairman", "chairwoman", "counterpart", "governor", "premier", "inspector", "manager",
    "researcher", "professor", "envoy", "adviser", "advisor", "source", "witness", "survivor",
    "fisherman", "skipper", "member", "nurse", "doctor", "worker", "charity", "agency", "ministry",
    "organisation", "organization", "association", "NGO", "judge", "coroner", "magistrate",
    "passenger", "resident", "eyewitness", "walker", "caller", "rescuer", "relative", "neighbour",
    "investigator",
)  # fmt: skip
# Titles of office: with "the" they stand for the person in the news ("the minister said").
OFFICE_NOUNS = _words(
    "minister secretary president spokesman spokeswoman spokesperson prefect mayor chancellor "
    "premier commissioner governor ambassador leader envoy judge coroner"
)
# Words before a title in a role that make it another office: "shadow home secretary" is not
# "the home secretary", nor is "former prime minister" "the prime minister".
ROLE_QUALIFIERS = _words("shadow former ex ex- deputy vice junior assistant acting opposition")
# What tells a person's gender, for "he" and "she": "Ms Braverman", "the charity's spokeswoman".
HONORIFIC_GENDERS: dict[str, str] = {
    "Mr": "m", "Sir": "m", "Lord": "m", "Monsieur": "m", "Mrs": "f", "Ms": "f", "Miss": "f",
    "Dame": "f", "Lady": "f", "Baroness": "f", "Mme": "f", "Madame": "f",
}  # fmt: skip
GENDERED_NOUNS: dict[str, str] = {
    "spokesman": "m", "chairman": "m", "businessman": "m", "fisherman": "m", "father": "m",
    "husband": "m", "son": "m", "brother": "m", "spokeswoman": "f", "chairwoman": "f",
    "businesswoman": "f", "mother": "f", "wife": "f", "daughter": "f", "sister": "f",
}  # fmt: skip
# Given names that tell a gender, when the article says nothing itself ("Ms", "spokeswoman"):
# common English and French names, and names common among people on the route (Afghan,
# Iranian, Iraqi Kurdish, Sudanese, Eritrean, Syrian). Names used for both ("Jean",
# "Camille", "Dominique", "Sacha", "Andrea", "Alex") are left out: unknown, not guessed.
FIRST_NAME_GENDERS: dict[str, str] = {
    **dict.fromkeys(_words(
        """John James David Michael Robert William Richard Thomas Mark Paul Peter Steven Stephen
        Andrew Daniel Matthew Christopher Anthony Simon Martin Ian Gary Kevin Neil Graham Keith
        Philip Tony Chris Dave Steve Mike Rob Tom Ben Jack Harry George Charles Edward Henry Oliver
        Rishi Boris Keir Nigel Sajid Gerald Emmanuel Pierre Jacques Laurent Philippe Michel
        Alain Bernard Patrick Nicolas Olivier Christophe Eric Thierry Didier Pascal Frédéric
        Frederic Sébastien Sebastien Julien Antoine François Francois Guillaume Mathieu Vincent
        Xavier Yves Luc Marc Hervé Herve Gilles Bruno Fabien Jérôme Jerome Damien Benoît Benoit
        Mohammed Muhammad Mohamed Mohammad Ahmed Ahmad Ali Hassan Hussein Hussain Ibrahim Omar Osman
        Othman Hamid Jawad Reza Yusuf Youssef Yonas Filmon Abdul Abdullah Mustafa Mostafa Karim
        Amir Samir Khalid Tariq Bilal Hamza Idris Ismail Mahmoud Rahim Rashid Saeed Zaid
        Kamal Farid Nasser Habib Jamal Dawit Tesfaye Yohannes Mehdi Hossein Majid Aziz Rahman"""
    ), "m"),
    **dict.fromkeys(_words(
        """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa
        Margaret Sandra Ashley Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca
        Laura Helen Sharon Cynthia Kathleen Amy Anna Emma Olivia Sophie Lucy Hannah Rachel Claire
        Kate Jane June Joan Ruth Julie Yvette Suella Priti Theresa Shabana Bridget Natalie Victoria
        Marie Nathalie Isabelle Sylvie Catherine Valérie Valerie Christine Céline
        Celine Sandrine Aurélie Aurelie Manon Élise Elise Lucie Chloé Chloe Pauline Juliette
        Fatima Fatma Aisha Aicha Amina Mariam Maryam Zainab Zeinab Hiba Rahma Layla Leila Lina
        Selam Senait Helen Saba Yasmin Yasmine Nour Noor Samira Zahra Zara Sara Hana Hanna"""
    ), "f"),
}
# What a sentence right after a quote calls it when it names the speaker there:
# '"..." That was the verdict of Jane Doe.', '"..." It was the home secretary's answer.'
SPEECH_NOUNS = (
    "verdict", "view", "words", "word", "message", "answer", "reply", "response", "warning",
    "assessment", "reaction", "conclusion", "plea", "judgement", "judgment", "promise", "pledge",
    "description", "account", "comment", "remark", "remarks", "advice", "appeal", "retort",
)  # fmt: skip
SPOKES_NOUNS = _words("spokesperson spokesman spokeswoman spokespeople spokesmen")
BODY_NOUNS = _words("charity agency ministry organisation organization association ngo")
# Speaking bodies: canonical name -> the ways articles write it.
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "Home Office": ("Home Office",),
    "Downing Street": ("Downing Street", "No 10", "No. 10", "Number 10"),
    "Elysee Palace": ("Elysee Palace", "Élysée Palace", "Elysée Palace", "Elysee", "Élysée", "Elysée"),
    "Interior Ministry": ("Interior Ministry", "Ministry of the Interior", "Ministry of Interior", "Beauvau"),
    "Maritime Prefecture": ("maritime prefecture", "préfecture maritime", "prefecture maritime", "Premar"),
    "Prefecture": ("prefecture", "préfecture"),
    "UNHCR": ("UNHCR", "UN refugee agency", "United Nations refugee agency", "UN High Commissioner for Refugees",
              "United Nations High Commissioner for Refugees"),
    "IOM": ("IOM", "International Organization for Migration", "International Organisation for Migration",
            "UN migration agency"),
    "RNLI": ("RNLI", "Royal National Lifeboat Institution"),
    "Border Force": ("Border Force",),
    "Utopia 56": ("Utopia 56", "Utopia56"),
    "Care4Calais": ("Care4Calais", "Care 4 Calais"),
    "Refugee Council": ("Refugee Council",),
    "Refugee Action": ("Refugee Action",),
    "Channel Rescue": ("Channel Rescue",),
    "Safe Passage": ("Safe Passage",),
    "Save the Children": ("Save the Children",),
    "Médecins Sans Frontières": ("Médecins Sans Frontières", "Medecins Sans Frontieres", "MSF",
                                 "Doctors Without Borders"),
    "Amnesty International": ("Amnesty International",),
    "Human Rights Watch": ("Human Rights Watch",),
    "Frontex": ("Frontex",),
    "Europol": ("Europol",),
    "European Commission": ("European Commission",),
    "National Crime Agency": ("National Crime Agency", "NCA"),
    "HM Coastguard": ("HM Coastguard", "Maritime and Coastguard Agency", "coastguard"),
    "CROSS Gris-Nez": ("CROSS Gris-Nez", "CROSS Gris Nez"),
    "Ministry of Defence": ("Ministry of Defence", "MoD"),
    "UK government": ("UK government", "British government"),
    "French government": ("French government",),
    "Kent Police": ("Kent Police",),
    "French police": ("French police", "French border police"),
    "Police": ("police",),
    "Prosecutor's office": ("prosecutor's office", "prosecutor’s office", "prosecutors"),
}  # fmt: skip
# Capitalised words that open sentences, not names: "The Elysee Palace", "Meanwhile Johnson".
FUNCTION_WORDS = _words(
    """The A An And But Or So Yet In On At By For From Of To With After Before When While As If
    Since Although Though Meanwhile However Earlier Later Last Next This That These Those It He She
    They We I You His Her Its Their Our My Your There Here Then Now Today Yesterday Tonight Also Some
    Many Most More Several Both All Each Every No Not Only Even Despite During Under Over Among Between
    Without Within Against Following Including Unlike Like Amid Why What Who How Where Which Whoever
    One Two Three Four Five Six Seven Eight Nine Ten Another Other Others Such Asked Speaking
    Thanks Please Read Share Updated Published Photo Image Video Watch Advertisement Instead Elsewhere
    Separately Overall Still Again Indeed Finally Currently Recently Previously Nevertheless Otherwise
    Ultimately Initially Altogether Hundreds Thousands Dozens Around About Nearly Almost"""
)
# Capitalised words that are never part of a person's name.
NOT_NAMES = FUNCTION_WORDS | _words(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter
    French British English Scottish Welsh Irish German Belgian Dutch Italian Spanish European
    American Afghan Iraqi Iranian Kurdish Syrian Sudanese Eritrean Albanian Vietnamese Egyptian
    Somali Ethiopian Yemeni Libyan Turkish Chinese Indian Pakistani African Asian
    Channel Sea Ocean Strait Coast Beach Port Harbour Street Road Square Palace Office Ministry
    Council Force Agency Union Police Guard Coastguard Party Government House Commons Lords
    Parliament Court Prefecture News Times Post Press Airport Station Centre Center Hospital
    University Institute Foundation Trust Association Navy Army Department Committee Commission
    Republic Kingdom States Nations North South East West Northern Southern Eastern Western Central
    Middle Upper Lower Great New Royal National International Labour Conservative Tory Tories
    Democrats Liberal Green Greens Reform Brexit Covid Twitter Facebook Instagram TikTok Telegram
    Officials Authorities Migrants Charities Volunteers Rescuers Witnesses Residents Sources Critics
    Campaigners Ministers Observers Experts Analysts Prosecutors Investigators Survivors Officers
    Home Interior Foreign Justice Defence Border Security Immigration Rwanda Bill Act Local Regional
    Moroccan Tunisian Algerian Nigerian Ukrainian Russian Polish Greek Romanian Bulgarian Portuguese
    Swiss Austrian Swedish Danish Norwegian Czech Hungarian Croatian Serbian Kosovan Kosovar Georgian
    Belarusian Lebanese Palestinian Israeli Jordanian Saudi Kuwaiti Bangladeshi Lankan Nepalese
    Chadian Nigerien Malian Senegalese Guinean Gambian Ghanaian Ivorian Cameroonian Congolese"""
)
# A few places, so that names are told apart from them without the gazetteer.
PLACES = _words(
    """France Britain England UK Scotland Wales Ireland Europe Africa Asia America Calais Dunkirk
    Dunkerque Dover Boulogne Boulogne-sur-Mer Wimereux Gravelines Sangatte Paris London Kent Folkestone
    Ramsgate Deal Dungeness Lille Brussels Belgium Germany Italy Spain Greece Turkey Libya Croatia
    Afghanistan Iraq Iran Syria Sudan Eritrea Albania Vietnam Rwanda Manche Pas-de-Calais Nord
    Grande-Synthe Loon-Plage Équihen-Plage Touquet Cherbourg Manston Westminster Whitehall"""
)
