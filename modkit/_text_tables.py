"""Lookup tables of the scoring-text normaliser (modkit._text): data only, no logic.

Which characters fold to what (stage 1), which letters of other scripts look Latin (stage 2), which
TLDs make a link (stage 3), which words l33t, masks and repeats may restore (stages 5-7), and the
l33t alphabet. Changing what the normaliser maps is a change of these tables.
"""

from __future__ import annotations

__all__ = [
    "CONF_LOWER",
    "CONF_UPPER",
    "DECORATED_LATIN",
    "GENERIC_MARKS",
    "LEET",
    "PLAIN_WORDS",
    "SAFE_TLDS",
    "SPECIAL",
    "TARGET_WORDS",
    "WORD_TLDS",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- stage 1: fold ------------------------------------------------------------------------------

#: Blocks of combining marks dropped by the fold (marks that other scripts need stay).
GENERIC_MARKS = (
    (0x0300, 0x036F),
    (0x0483, 0x0489),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE00, 0xFE0F),
    (0xFE20, 0xFE2F),
    (0xE0100, 0xE01EF),
)

SPECIAL: dict[str, str] = {
    # invisible letters and fillers that are not format characters
    "\u115f": "",
    "\u1160": "",
    "\u17b4": "",
    "\u17b5": "",
    "\ufffc": "",
    "\u3164": " ",
    "\uffa0": " ",
    "\u2800": " ",
    # letters without a canonical decomposition
    "œ": "oe",
    "æ": "ae",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ħ": "h",
    "ŧ": "t",
    "ı": "i",
    "ȷ": "j",
    "ĸ": "k",
    "ƀ": "b",
    "ɨ": "i",
    "ʉ": "u",
    # small capitals and phonetic lookalikes (Latin script: mapped everywhere)
    "ᴀ": "a",
    "ʙ": "b",
    "ᴄ": "c",
    "ᴅ": "d",
    "ᴇ": "e",
    "ꜰ": "f",
    "ɢ": "g",
    "ʜ": "h",
    "ɪ": "i",
    "ᴊ": "j",
    "ᴋ": "k",
    "ʟ": "l",
    "ᴍ": "m",
    "ɴ": "n",
    "ᴏ": "o",
    "ᴘ": "p",
    "ꞯ": "q",
    "ʀ": "r",
    "ꜱ": "s",
    "ᴛ": "t",
    "ᴜ": "u",
    "ᴠ": "v",
    "ᴡ": "w",
    "ʏ": "y",
    "ᴢ": "z",
    "ɑ": "a",
    "ɡ": "g",
    "ɩ": "i",
    "ɵ": "o",
    # apostrophes, quotes, dashes
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
}
for _i in range(26):
    SPECIAL[chr(0x249C + _i)] = chr(0x61 + _i)  # parenthesized small (NFKC gives "(a)")
    SPECIAL[chr(0x1F110 + _i)] = chr(0x61 + _i)  # parenthesized capital
    SPECIAL[chr(0x1F150 + _i)] = chr(0x61 + _i)  # negative circled
    SPECIAL[chr(0x1F170 + _i)] = chr(0x61 + _i)  # negative squared
    SPECIAL[chr(0x1F1E6 + _i)] = chr(0x61 + _i)  # regional indicators

# Latin letters with a hook, stroke, bar, curl, tail, flourish... that have no decomposition, to
# their base letter (``ƈ``, ``ɗ``, ``ƙ``, ``ɍ``), in ``letter + base`` pairs. Derived from the
# character names: every ``LATIN SMALL LETTER X WITH ...`` (``WITH SMALL LETTER`` is a digraph,
# left out) that the fold did not already make ``x``, without Catalan ``ŀ``:
#     [c + m[1].lower() for c in map(chr, range(0x100, 0x30000)) if (m := re.match(
#         r"LATIN SMALL LETTER ([A-Z]) WITH (?!SMALL LETTER)", unicodedata.name(c, "")))]
# plus ``ŋ`` and ``ɛ``, lookalikes without ``WITH``. Capitals fold to these through case folding.
DECORATED_LATIN = """
ƃb ƈc ƌd ƒf ƙk ƚl ƞn ƥp ƫt ƭt ƴy ƶz ǥg ȡd ȥz ȴl ȵn ȶt ȼc ȿs ɀz ɇe ɉj ɋq ɍr ɏy ɓb ɕc ɖd ɗd
ɠg ɦh ɫl ɬl ɭl ɱm ɲn ɳn ɼr ɽr ɾr ʂs ʈt ʋv ʐz ʑz ʝj ʠq ᵬb ᵭd ᵮf ᵯm ᵰn ᵱp ᵲr ᵳr ᵴs ᵵt ᵶz ᵽp
ᶀb ᶁd ᶂf ᶃg ᶄk ᶅl ᶆm ᶇn ᶈp ᶉr ᶊs ᶌv ᶍx ᶎz ᶏa ᶑd ᶒe ᶖi ᶙu ẚa ỿy ⱡl ⱥa ⱦt ⱨh ⱪk ⱬz ⱱv ⱳw
ⱴv ⱸe ⱺo ꝁk ꝃk ꝅk ꝉl ꝋo ꝍo ꝑp ꝓp ꝕp ꝗq ꝙq ꝟv ꞎl ꞑn ꞓc ꞔc ꞕh ꞗb ꞙf ꞡg ꞣk ꞥn ꞧr ꞩs ꞹu ꟈd
ꟊs ꬴe ꬷl ꬸl ꬹl ꬺm ꬻn ꭉr ꭎu ꭒu ꭖx ꭗx ꭘx ꭙx ꭚy 𝼉t 𝼑l 𝼓l 𝼖r 𝼚i 𝼛o 𝼝c 𝼞s ŋn ɛe
"""
for _pair in DECORATED_LATIN.split():
    SPECIAL.setdefault(_pair[0], _pair[1])

# Lookalikes of Latin letters in other scripts, lower case (stage 2 maps them in context): only
# close ones, so that a Russian word such as ``москва`` is not read as Latin.
CONF_LOWER = {
    # Cyrillic
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "у": "y",
    "х": "x",
    "ѕ": "s",
    "і": "i",
    "ј": "j",
    "һ": "h",
    "ӏ": "l",
    "ү": "y",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "ѵ": "v",
    "ѡ": "w",
    # Greek
    "α": "a",
    "γ": "y",
    "ε": "e",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "υ": "u",
    "χ": "x",
    "ω": "w",
    "ϲ": "c",
    "ϳ": "j",
    "ϱ": "p",
    # Armenian
    "օ": "o",
    "ս": "u",
    "ց": "g",
    "հ": "h",
    "ո": "n",
    "զ": "q",
    "յ": "j",
}
# Upper-case lookalikes: kept upper case by stage 1, so that ``Н`` can become ``h`` (not the
# ``n`` of its lower case); lowered by stage 2 when their word is not mapped.
CONF_UPPER = {
    "А": "a",
    "В": "b",
    "Е": "e",
    "К": "k",
    "М": "m",
    "Н": "h",
    "О": "o",
    "Р": "p",
    "С": "c",
    "Т": "t",
    "У": "y",
    "Х": "x",
    "Ѕ": "s",
    "І": "i",
    "Ј": "j",
    "Һ": "h",
    "Ӏ": "l",
    "Ү": "y",
    "Ԁ": "d",
    "Ԛ": "q",
    "Ԝ": "w",
    "Ѵ": "v",
    "Ԍ": "g",
    "Α": "a",
    "Β": "b",
    "Ε": "e",
    "Ζ": "z",
    "Η": "h",
    "Ι": "i",
    "Κ": "k",
    "Μ": "m",
    "Ν": "n",
    "Ο": "o",
    "Ρ": "p",
    "Τ": "t",
    "Υ": "y",
    "Χ": "x",
    "Ϲ": "c",
    "Ϳ": "j",
    "Օ": "o",
    "Ս": "u",
    "Լ": "l",
    "Տ": "s",
    "Ꭺ": "a",
    "Ᏼ": "b",
    "Ꮯ": "c",
    "Ꭰ": "d",
    "Ꭼ": "e",
    "Ꮐ": "g",
    "Ꮋ": "h",
    "Ꭵ": "i",
    "Ꭻ": "j",
    "Ꮶ": "k",
    "Ꮮ": "l",
    "Ꮇ": "m",
    "Ꮲ": "p",
    "Ꮪ": "s",
    "Ꭲ": "t",
    "Ꮩ": "v",
    "Ꮃ": "w",
    "Ꮓ": "z",
    "Ꭱ": "r",
    "Ꮢ": "r",
    "Ꮤ": "w",
    "Ꭹ": "y",
    "Ꮟ": "b",
}


# --- stage 3: links -----------------------------------------------------------------------------

# Bare ``name.tld``: TLDs that are not common French or English words, since a missing space
# after a full stop (``merci.au revoir``, ``done.today``) must not make a URL.
SAFE_TLDS = _words(
    """com net org info biz xyz top online site shop store club casino poker porn xxx icu cyou
    buzz vip mobi asia io ai co tv cc ly gl gg ws su ru uk fr eu ch nl pl cz sk ua kz cn jp kr tw
    hk vn th br ar mx cl nz za ng ke tk ml ga cf gq pw gov edu pt ro hu gr dk fi ie li mc ae sg
    ph pk ir tr eg fm gs"""
)
# ``site point com``, ``site . com``, ``nom at gmail dot com``: a short list.
WORD_TLDS = _words("com org fr ru biz xyz io uk cn tk ch co")


# --- stages 5-7: lexicon and l33t ---------------------------------------------------------------

# What l33t edges and masked words may be restored to. Order matters for masked words: the
# first word that fits wins.
TARGET_WORDS = """
fuck fucking fucked fucker fuckers fucks fuckin motherfucker motherfuckers shit shits shitty
bullshit bitch bitches bastard bastards asshole assholes ass arse arsehole dick dicks dickhead
cunt cunts cock cocks pussy pussies twat twats wanker wankers whore whores slut sluts fag fags
faggot faggots nigger niggers nigga niggas retard retards retarded idiot idiots moron morons
stupid dumb dumbass jerk jerks piss pissed crap damn hell suck sucks sucker loser losers scum
tranny dyke dykes spic chink kike porn porno sex sexy nude nudes boobs tits motherfuck
putain putains pute putes connard connards connasse connasses conne connes con cons salope
salopes salaud salauds merde merdes merdique encule encules enculer enculee enculees nique
niquer niquez batard batards pede pedes tapette tapettes gouine gouines negre negres bougnoule
bougnoules youpin youpins bite bites couille couilles cul culs foutre bordel chier debile
debiles cretin cretins abruti abrutis imbecile imbeciles mongol mongols attarde attardes gogol
pouffiasse pouffiasses petasse petasses grognasse branleur branleurs pisse bouffon bouffons
sexe nazi nazis
pathetic disgusting stupidity vermin garbage filth filthy pedophile pedophiles pedo rapist
rapists raped bitchy witch vagina penis dildo jackass douche douchebag prick pricks bollocks
tosser wankers psycho lunatic degenerate subhuman cockroach cockroaches parasite parasites
ordure ordures raclure pourriture enfoire enfoires connerie conneries chienne garce pouffe
trainee catin chatte nichons sodomie violeur violeurs racaille racailles minable minables
pitoyable degueulasse idiote idiotes cassos boloss crevard
tocard tocards crevure crevures crever creve crevez ducon trouduc enflure enflures fumier fumiers
charogne charognes vermine salopard salopards bicot bicots bamboula chintok chinetoque niakoue
youtre lopette lopettes fiotte fiottes tarlouze tarlouzes travelo travelos baltringue pignouf
blaireau blaireaux plouc ploucs naze nazes guignol guignols mongolien mongoliens
viagra cialis levitra casino casinos poker bitcoin crypto forex loan loans pharmacy pills
escort escorts webcam dating bonus lottery jackpot cash money free winner prize
"""
# Words that repeats may come back to, besides the targets above.
PLAIN_WORDS = """
nul nulle nuls cool good too soon see need feel keep all well will kill full bull boss kiss
miss pass less mess book look food moon yes omg mdr ptdr lol bonne belle elle cette comme homme
femme creee creees agreee agreees
"""

LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
