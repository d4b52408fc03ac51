"""Cookie and consent notices (STR6xx) and advertising labels (STR7xx)."""

from ..patterns import literal, pattern_rule

COOKIE_NOTICES = pattern_rule(
    "STR601",
    "cookie-notices",
    "Cookie and consent banners: 'We use cookies …', 'Accept all', 'Cookie settings'.",
    doc="""What it does: removes the text and buttons of cookie and consent banners,
in four languages.

Why: consent banners are in the HTML of almost every European page and end up
at the start or end of scraped text; an embed held back until its cookies are
accepted leaves its notice between paragraphs ("To see this content please
enable targeting cookies").""",
    blocks=[
        r"(?:this|our) (?:web)?site uses cookies(?:[ ,.]+(?:to|and|for|so|in order)\b.{0,500})?",
        r"we (?:and our partners )?use cookies(?: and similar technologies)?"
        r"(?:[ ,.]+(?:to|on|for|so|and|in order)\b.{0,500})?",
        r"by (?:continuing to (?:use|browse)|using) (?:this|our) (?:web)?site.{0,300}",
        r"we(?: have)? (?:placed|set|stored?) (?:some )?cookies on your (?:device|computer)(?: to\b.{0,500})?",
        r"(?:accept|reject|decline|allow|refuse|deny)(?: all| necessary| essential)?(?: cookies)?",
        r"(?:cookie|privacy) (?:settings|preferences|policy|notice|consent)",
        r"manage (?:cookies|preferences|consent|options|settings)|i accept|i agree|got it|ok,? got it",
        # an embed held back until its cookies are accepted
        r"to (?:see|view|watch|play) this (?:content|video|embed|post|map)\W{0,3} please (?:enable|accept|allow)"
        r" .{0,40}cookies\b.{0,80}",
        r"(?:wir|diese (?:web)?seite|diese website) (?:verwenden|verwendet|nutzen|nutzt) cookies.{0,500}",
        r"alle akzeptieren|alle ablehnen|cookie-einstellungen|einstellungen|zustimmen|akzeptieren",
        r"(?:nous utilisons|ce site utilise) (?:des )?cookies.{0,500}",
        r"tout accepter|tout refuser|paramétrer les cookies|gérer les cookies|accepter|refuser",
        r"(?:utilizamos|usamos|este sitio(?: web)? utiliza|esta web utiliza) cookies.{0,500}",
        r"aceptar(?: todas)?(?: las cookies)?|rechazar(?: todas)?|configurar cookies",
    ],
    removes=("We use cookies to improve your experience. By using our site you agree to our cookie policy.",
             "Accept all cookies", "Cookie settings", "Wir verwenden Cookies, um unsere Website zu verbessern.",
             "Tout accepter", "Utilizamos cookies propias y de terceros.",
             "We have placed cookies on your device to help make this website better.",
             "To see this content please enable targeting cookies. Manage cookie settings"),
    keeps=("We use cookies as a case study in the second chapter, the author explains.",
           "We have placed cookies on your device, the regulator said, without asking first.",
           "Accept the offer or walk away: that was the choice the union faced."),
)

SCRIPT_NOTICES = pattern_rule(
    "STR602",
    "script-notices",
    "Placeholders of players and apps that need scripts: 'Please enable JavaScript', 'Video unavailable'.",
    doc="""What it does: removes the fallback messages that embedded players, maps and
apps print when scripts do not run, in four languages, the "Loading..."
placeholders they show until their script has run, and the "Lorem ipsum"
filler of template blocks that were never filled in.

Why: a scraper does not run scripts, so every embed on the page leaves its
"enable JavaScript" placeholder between the paragraphs.""",
    blocks=[
        r"(?:(?:this )?video (?:is )?unavailable\W*)?(?:please )?(?:enable|turn on|activate) javascript"
        r"(?: in your browser)?(?: to (?:watch|view|see|play|use|run) (?:this|the) \w+(?: \w+)?)?",
        r"(?:this )?video (?:is )?(?:unavailable|not available)(?: in your (?:country|region))?",
        r"your browser does not support (?:the )?(?:video|audio|html5 video|iframes?)(?: tag| element)?",
        r"you need to enable javascript to run this app",
        r"javascript (?:is )?(?:required|disabled)(?: to (?:view|use) this (?:content|page|site))?",
        r"bitte aktivieren sie javascript.{0,80}",
        r"(?:veuillez )?activer javascript.{0,80}",
        r"(?:por favor,? )?(?:habilita|activa) javascript.{0,80}",
        r"loading(?: (?:the )?(?:paragraph|specifications|specs|prices?(?: for your region)?|comments|video|map|"
        r"player|content|results|reviews|widget))?(?:\.\.\.|…)?",
        r"lorem ipsum\b.*",
        r"oops\W{1,3}looks like we(?:'re| are) having trouble connecting to (?:our|the) server",
    ],
    removes=("Video unavailable. Please enable JavaScript to watch this video.",
             "Your browser does not support the video tag.", "Please enable JavaScript",
             "Bitte aktivieren Sie JavaScript, um dieses Video anzusehen.", "Loading...",
             "Loading prices for your region", "Lorem ipsum dolor sit amet, consectetur adipiscing elit."),
    keeps=("Please enable JavaScript only for sites you trust, the security researchers advised.",
           "The video was unavailable for several hours after the outage, the company said."),
)

# The sentence of an affiliate disclosure (STR701).
_AFFILIATE_DISCLOSURE = (r"as an (?:amazon )?(?:associate|affiliate)(?: marketer)?,? (?:i|we) earn"
                         r" from qualifying purchases")

AD_LABELS = pattern_rule(
    "STR701",
    "ad-labels",
    "Advertising labels: 'Advertisement', 'Sponsored', 'Story continues below advertisement'.",
    doc="""What it does: removes the labels of ad slots between paragraphs, in several
languages, with the note or the ad's own line that follows them ("Advertisement -
Page continues below", "Advertisement: New Cookbook Out Now!"), and affiliate
disclosures on a line of their own ("As an Amazon Associate we earn from
qualifying purchases.").

Why: the ad is gone from scraped text but its label stays, as a one-word paragraph;
a disclosure is the site's notice, repeated on every page, not the article's.""",
    blocks=literal(
        "advertisement", "advertisements", "advertising", "sponsored", "sponsored content",
        "paid content", "paid post", "promoted", "promoted content", "ad", "ads",
        "story continues below advertisement", "article continues below advertisement",
        "article continues below", "story continues below", "continue reading below",
        "scroll to continue with content", "skip advertisement", "content continues below",
        "advertisement - scroll to continue", "anzeige", "werbung", "publicité", "publicidad",
        "anuncio", "pubblicità", "реклама", "広告", "ad feedback", "report this ad",
        "sponsor message", "sponsored message",
    )
    + [r"advertisement\W+(?:story|article|content) continues below(?: advertisement)?",
       r"advertisement\W+continue reading below",
       # the label and what follows it: "Advertisement - Page continues below", "Advertisement.
       # Scroll to continue reading.", "Advertisement: New Cookbook Out Now!" (a sentence about advertising
       # has no mark after its first word)
       r"advertisement ?[-–—:.(|] ?.{1,60}",
       # an affiliate disclosure on a line of its own: "As an Amazon Associate we earn from qualifying
       # purchases.", or a line that says it is one ("Disclosure: As an affiliate, I earn ...")
       _AFFILIATE_DISCLOSURE, rf"disclosure: {_AFFILIATE_DISCLOSURE}\b.{{0,300}}"],
    removes=("Advertisement", "Story continues below advertisement", "Sponsored", "Anzeige",
             "Advertisement - Continue Reading Below", "Sponsor Message", "Advertisement - Page continues below",
             "Advertisement. Scroll to continue reading.", "Advertisement: New Cookbook Out Now!",
             "As an Amazon Associate we earn from qualifying purchases.",
             "Disclosure: As an affiliate, I earn from qualifying purchases. Links to shops may be affiliate links.",
             "Publicité"),
    keeps=("Advertisement spending fell by a third during the first months of the pandemic.",
           "As an Amazon Associate, the shop's owner says, she earns more from qualifying purchases than from ads.",
           "As an Amazon affiliate, I earn from qualifying purchases, which pay for the test kitchen's flour."),
)

RULES = [COOKIE_NOTICES, SCRIPT_NOTICES, AD_LABELS]
