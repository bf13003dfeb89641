"""The colours every page uses: Okabe-Ito (safe for the common colour-vision deficiencies), one per fact kind."""

from __future__ import annotations

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
KIND_COLOURS: dict[str, str] = {
    "figure": OKABE_ITO["orange"],
    "event": OKABE_ITO["blue"],
    "place": OKABE_ITO["bluish_green"],
    "quote": OKABE_ITO["reddish_purple"],
    "claim": OKABE_ITO["sky_blue"],
}
DEATH_COLOUR = OKABE_ITO["vermillion"]  # deaths: places where they were reported, breakdowns
PLACE_COLOUR = KIND_COLOURS["place"]
UNKNOWN_COLOUR = "#999999"  # a kind without a colour of its own
INK = OKABE_ITO["black"]  # the articles' own figures on the record's charts (diamonds)
INK_EDGE = "#FFFFFF"  # their edge: a black mark stays visible on a dark page


def hex_to_rgb(colour: str, alpha: int = 255) -> list[int]:
    """'#D55E00' -> [213, 94, 0, 255], the colour form pydeck layers take."""
    colour = colour.lstrip("#")
    return [int(colour[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]
