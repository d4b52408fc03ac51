"""Share, follow and print prompts (STR3xx)."""

from ..patterns import literal, pattern_rule

_NETWORKS = (r"facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|e-?mail|print|telegram|"
             r"tumblr|pocket|flipboard|messenger|threads|bluesky|mastodon|instagram|youtube|"
             r"tiktok|xing|vk|copy link|copy url|sms")

_ACCOUNT = r"(?:sign in|log ?in|join|register|sign up|create (?:an |your )?account|my account)"

SHARE_PROMPTS = pattern_rule(
    "STR301",
    "share-prompts",
    "Share-bar text: 'Share this:', 'Share on Facebook', 'Click to share on X', network names.",
    doc="""What it does: removes lines that are the labels of share buttons: "Share
this:", "Share on Facebook", "Click to share on Twitter (Opens in new window)",
"Share by Email", a button with its count ("Share 0", "Pin 221"), a bare
network name or a run of them ("Facebook Twitter WhatsApp"), Jetpack's
"Like this:" / "Loading...", in four languages.

Why: share bars are the commonest junk in scraped articles; their button
labels come out as one-word paragraphs.""",
    blocks=[
        r"(?:share|tweet|post|pin|send)(?: this| it)?(?: (?:article|story|post|page|on|via|to|by))?"
        rf"(?: (?:{_NETWORKS}))?",
        rf"click to (?:share|email|print)(?: (?:on|this|a link to a friend|via))?(?: (?:{_NETWORKS}))?"
        rf"(?:\W+opens in new window)?(?:\W+(?:{_NETWORKS}))?",
        rf"(?:(?:{_NETWORKS}|share|tweet|pin it|like|whatsapp)\W*){{1,12}}",
        r"like this(?:\W+like loading)?|like loading|loading",
        r"(?:open|close) share links(?: (?:open|close) share links)?",
        r"share (?:this|the) (?:article|story|post|page|resource|guide)(?: with (?:a friend|friends))?",
        r"shares?|\d+\s+shares?",
        # a button and its count: "Share 0", "Tweet 12", "Pin 221"
        r"(?:share|tweet|pin|pin it|like)\W{0,2}\d{1,7}",
        # "Share on X (Twitter) Share on Facebook", "Share on X (Opens in new window) X"
        rf"(?:share on (?:{_NETWORKS})(?: \((?:twitter|opens in (?:a )?new window)\))?(?: (?:{_NETWORKS}))?\W*){{1,8}}",
        rf"(?:teilen|artikel teilen|auf (?:{_NETWORKS}) teilen|partager|partager (?:cet article|sur (?:{_NETWORKS}))|"
        rf"compartir|comparte (?:este|esta) (?:artículo|noticia)|compartir en (?:{_NETWORKS}))",
    ],
    removes=("Share this:", "Share on Facebook", "Click to share on Twitter (Opens in new window)",
             "Click to share on Bluesky (Opens in new window) Bluesky",
             "Facebook", "Facebook Twitter WhatsApp Email", "Like this:", "Loading...",
             "Teilen", "Partager sur Facebook", "Compartir", "Share it!", "Share by Email", "Pin 221",
             "open share links close share links",
             "Share on X (Twitter) Share on Facebook Share on Pinterest Share on LinkedIn"),
    keeps=("Readers were asked to share on Facebook how the storm affected them.",
           "Twitter said the change would take effect next month."),
)

FOLLOW_PROMPTS = pattern_rule(
    "STR302",
    "follow-prompts",
    "'Follow us on …', 'Like us on Facebook', 'Follow @handle' lines.",
    doc="""What it does: removes calls to follow the site or author on social networks.

Why: they close many articles and author boxes, and carry no article text.""",
    blocks=[
        rf"follow(?: us| me)?(?: on (?:{_NETWORKS}|social media))?(?: (?:and|or|,) (?:{_NETWORKS}))*"
        r"(?:\W{1,3}@[\w.]{1,40}| for (?:more|the latest|new|daily|weekly)\b.{0,100})?",
        r"follow @\w+(?: on \w+)?",
        rf"like us on (?:{_NETWORKS})",
        r"connect with us",
        rf"folge?n? (?:sie )?uns(?: auf (?:{_NETWORKS}))?",
        rf"suivez[- ]nous(?: sur (?:{_NETWORKS}))?",
        rf"síguenos(?: en (?:{_NETWORKS}))?",
    ],
    removes=("Follow us on Twitter", "Follow", "Follow @examplenews", "Like us on Facebook",
             "Follow me on Instagram: @harbourkitchen", "Follow me on Instagram for new recipes every week!",
             "Suivez-nous sur Instagram", "Síguenos en Twitter"),
    keeps=("Follow the river north for two miles and the trail begins.",),
)

PRINT_SAVE_BUTTONS = pattern_rule(
    "STR303",
    "print-and-save-buttons",
    "Button labels: 'Print', 'Email this article', 'Jump to Recipe', 'Save', 'Listen'.",
    doc="""What it does: removes the labels of page tools: print, email, save, listen,
font size, and recipe-card buttons and prompts ("Jump to Recipe", "Pin Recipe", "Rate this
recipe", "Tried this recipe? Pin it for later!", "Did you make one of my recipes?"), and the copy
buttons of code blocks ("Copy", "Copied!").

Why: tool bars sit at the top and bottom of articles and recipes.""",
    blocks=literal(
        "print", "print this article", "print this page", "print article", "email this article",
        "email this", "email this story", "jump to recipe", "print recipe", "pin recipe",
        "save recipe", "rate this recipe", "rate recipe", "save", "save article", "saved",
        "listen", "listen to this article", "listen to article", "font size", "text size",
        "gift this article", "gift article", "copy link", "drucken", "imprimer", "imprimir",
        "artikel anhören", "écouter cet article", "escuchar", "zoom", "bookmark",
        "pin this for later", "pin it for later", "copy", "copied", "copy code", "copy to clipboard",
        "copied to clipboard",
    )
    + [r"listen to this article\W+\d+\s*min(?:utes?)?", r"\d+\s*min(?:ute)?s?\.?\s+(?:read|listen)",
       r"(?:tried|made) this recipe\W.{0,160}",
       r"(?:did|have) you (?:make|made|try|tried) (?:this|one of (?:my|our|these)) recipes?\W.{0,200}",
       r"reading time:? \d{1,3} min(?:ute)?s?\.?"],
    removes=("Print", "Jump to Recipe", "Listen to this article", "5 min read", "Drucken",
             "Tried this Recipe? Pin it for Later! Mention @examplekitchen or tag #examplekitchen!",
             "Pin this for later!",
             "Did you make one of my recipes? Please take a moment to leave a star rating below.",
             "Copied!", "Copy code"),
    keeps=("Print editions will stop next year, the publisher announced on Friday.",),
)

CALL_TO_ACTION_BUTTONS = pattern_rule(
    "STR304",
    "call-to-action-buttons",
    "Button and link labels: 'Learn more', 'Buy now', 'Check price at Amazon', 'Reply', 'Book now'.",
    doc="""What it does: removes lines that are only the label of a button or a teaser
link: shop and booking buttons, "Check price at …", "Read full review", "Learn
more", "Reply", "View this post on Instagram", "Table of contents"; the captions
of social embeds ("A post shared by …"), the lines of price-comparison and quote
widgets ("Price comparison from …", "Get a quote from …", "Get an instant
estimate"), contact, offer and discount buttons ("Get in touch", "Claim Your Free
Valuation", "Get 50% off your first month"), price buttons ("$139
at Peakline $145 at Trailhouse"), the controls of listings and galleries ("Sort:
Best Match", "Filters", "View", "Back", "Picture 1 of 4", "Page 1 of 8",
"Showing 1-24 of 204 products", "1–24 of 120 products") and of documentation
pages ("Expand description", "Edit this page", "Submit correction"), the labels
of a store's product cards and buy boxes ("Quick Shop", "Quick Shop 6 colors",
"$130 Add to cart", "369 Reviews", "4.5 out of 5 stars", "Rated 4.8 stars by
27,784 users", "Sale price", "Regular price $24.99 Sale price $19.99", "Save
$50.00", "Was $499.00 Now $449.00", "Select Size", "Add to wishlist", "In
Stock", "Image unavailable", and badges: "New arrival", "On sale", "Top rated"),
a marketplace's widgets (a rating whose score is printed twice, for the eye and
for screen readers: "4.6 4.6 out of 5 stars (2,318)"; carousel controls, "See
all formats and editions", "Report an issue with this product"), a game store's
summary of its reviews ("Recent: Very Positive (95% of 7,778)"), a review site's
rating badges ("Rating 4.85 / 5", "Our rating: 9/10"; not "Ratings 9.7/10", a
comparison table's row header), the headings of a product page's lists of other
products ("Frequently bought together", "Similar items"), the screen-reader
helpers of product pages, the names of icons that stand in for buttons
("Arrow-Thin-Down"), the labels of a site's header buttons ("Open menu", "Get
the app"), its menu's labels ("Blog", "Our Services"), a form's "Submit" and its
account links ("Join / Sign in"), the screen-reader notes of
links ("Opens in a new window"), the buttons of deal and directory widgets ("Get
Deal", "Get Quote (866) 377-8209", "Or call us directly 1-844-GOMOVES", "Now
$119 on Amazon Check Price"), the controls of dialogs, galleries and players
("Close modal", "Play", "View image in fullscreen", "Zoom in", "Link copied!",
"Search this site"), review teasers and other links that say where they go
("Read our full Acme X2 review", "Click here for dates & pricing!", with no full
stop), toggles ("Show 2 More"), a section's link to all its entries ("See all
seasonal recipes", "View All Plans") and affiliate buttons ("Get the Catan Board
Game on Amazon", "Shop Trail Runner 4 Now", "Buy now at Harbour Home
Appliances", "Add to Goodreads"), a product's trial buttons ("Try Jobber for
free", "Free 14-day trial. No credit card required", "Start your 14-day free
trial with Harbour CRM today", "Book a demo with Otter"; written as a sentence,
with a comma and more, it stays), and the prompts to add the site as a preferred
source on Google ("Add as a preferred source on Google").

Why: product boxes, cards and embeds leave their buttons behind as one-line
paragraphs between the real ones.""",
    blocks=literal(
        "learn more", "find out more", "read more about", "more info", "more information",
        "book now", "buy now", "shop now", "order now", "get a quote", "get started",
        "get started for free", "get it now", "try it free", "start free trial", "see it",
        "see details", "view details", "view deal", "view deals", "see deal", "see price",
        "check", "check price", "check availability", "compare", "compare prices", "read article",
        "read full review", "read the review", "read review", "jump to review", "jump to",
        "view this post on instagram", "a post shared by", "table of contents",
        "contents", "table of contents hide show", "table of contents show", "table of contents hide",
        "in this article", "in this post", "on this page", "what's in this article", "what’s in this article",
        "reply", "report", "quote", "like", "permalink", "show more", "show less",
        "load more", "see more", "view all", "see all", "back to top", "scroll to top",
        "skip to content", "skip to main content", "toggle navigation", "menu", "close",
        "search", "sign in", "log in", "login", "register", "sign up free", "download",
        "download now", "contact us", "call now", "call us", "website", "directions",
        "see the rating", "mehr erfahren", "jetzt kaufen", "en savoir plus", "acheter",
        "más información", "comprar", "saber más", "leer más", "get price", "get prices",
        "track price", "where to buy", "best prices today", "visit website", "visit site",
        "jump to details", "more details", "website call", "call website",
        # listing and gallery controls, and small print under buttons
        "sort and filter", "skip to product list", "filters", "toggle", "about us", "blog", "our blog",
        "our services", "submit",
        "show caption", "hide caption", "press enter or click to view image in full size",
        "no credit card required", "contents hide", "contents show", "toggle caption",
        "choosing a selection results in a full page refresh", "play video", "book a demo",
        "start now", "quick links", "helpful links", "expand all", "collapse all",
        "expand all collapse all",
        # the labels of a site's header buttons (app bars, menus)
        "open menu", "close menu", "open navigation", "close navigation", "open settings menu",
        "expand user menu", "get app", "get the app", "download the app", "download our app",
        # screen-reader notes on links, and deal-widget buttons
        "opens in a new window", "opens in a new tab", "open in a new tab", "open in a new window",
        "opens in new window", "opens in new tab", "get deal", "sign me up", "loading... sign me up",
        "see more reviews", "check price here", "check current price", "today's best deal",
        "today's best deals", "today’s best deal", "today’s best deals", "scroll for more", "apply now",
        "terms apply", "terms apply / rates & fees", "get in touch with one of our experts",
        "collapsed expand all", "check prices visit website", "take the next step", "jump to section",
        # a store's product cards and listing controls
        "quick shop", "quick view", "quick add", "product name", "product link", "regular price", "sale price",
        "current price", "original price", "filter & sort", "filter and sort", "sort by", "results per page",
        "no products in the cart", "type to search products", "unable to fetch price", "est. delivery",
        "browsing history", "all categories", "people who viewed this item also viewed",
        "found a lower price? let us know",
        "request a demo", "select size", "select a size", "add to cart", "add to bag", "add to basket",
        "add to wishlist", "add to wish list", "added to your cart!", "add to cart to see price", "in stock",
        "write a review", "quantity", "new arrival", "limited edition", "award winner", "top rated", "on sale",
        "follow the author", "trending searches", "frequently bought together", "products related to this item",
        "explore related items", "similar items", "recently viewed", "image unavailable", "image not available for",
        "be the first to review this item", "see all details", "click to see full view",
        "report an issue with this product", "report an issue with this product or seller",
        "previous page of related sponsored products", "next page of related sponsored products",
        "previous slide of product details", "next slide of product details", "see all formats and editions",
        "see more product details", "shop the store on amazon", "how customer reviews and ratings work",
        "learn more how customers reviews work on amazon",
        # documentation pages' controls
        "expand description", "submit correction", "submit a correction", "edit this page", "edit on github",
        # the controls of dialogs, galleries, players and search boxes
        "close modal", "close dialog", "close popup", "close pop-up", "close window", "close overlay",
        "close panel", "close banner", "close share options", "close feedback form", "dismiss", "expand",
        "collapse", "zoom in", "zoom out", "view image in fullscreen", "view image in full screen",
        "view in fullscreen", "view full screen", "enter fullscreen", "exit fullscreen", "fullscreen",
        "click to enlarge", "click to expand", "view larger image", "view photos", "view all photos",
        "view gallery", "view slideshow", "link copied", "copied to clipboard", "skip ad", "skip advertisement",
        "play", "mute", "unmute", "view", "back", "search this site", "search this site submit search", "submit search",
    )
    + [r"(?:check|see|view|compare) (?:the )?(?:price|prices|deal|deals|availability)"
       r"(?: (?:at|on) [\w .&'-]{1,40})?(?: [$£€][\d,.]{1,12}(?: list)?)?(?: \(?on sale\)?)?",
       # embeds and affiliate widgets: "A post shared by Jo (@jo)", "Price comparison from 200 stores"
       r"a post shared by .{1,80}",
       r"price comparison from .{1,60}",
       # price buttons: "$139 at Peakline $145 at Trailhouse", a product card's "$130 Add to cart" (the
       # key has lost the first "$") and its rating ("369 Reviews", "4.5 out of 5 stars"); one
       # pattern, as lines that start with a figure are many
       r"\d[\d,]{0,9}(?:\.\d\d)? (?:add to (?:cart|bag|basket)"
       r"|(?:at|from) [^\W\d][\w'’.&-]{0,30}(?: [\w'’.&-]{1,30}){0,3}"
       r"(?: [$£€]\d[\d,]{0,9}(?:\.\d\d)? (?:at|from) [^\W\d][\w'’.&-]{0,30}(?: [\w'’.&-]{1,30}){0,3}){0,3})"
       r"|\d[\d,.]{0,9}k? (?:customer |global )?(?:reviews?|ratings)|\d(?:\.\d)? out of 5(?: stars)?"
       # and a shop's stars with the score shown twice, for the eye and for screen readers
       r"|\d\.\d ?\d\.\d out of 5 stars(?: ?\(?\d[\d,]{0,9}\)?)?",
       # a review site's rating badge: "Rating 4.85 / 5", "Our rating: 9/10"
       r"(?:(?:our|my|overall|editor['’]?s|expert|user|average|total) )?(?:rating|score):? "
       r"\d{1,3}(?:\.\d{1,2})? ?(?:/|out of) ?(?:5|10|100)(?:\.0{1,2})?(?: stars)?",
       # a game store's summary of its reviews: "Recent: Very Positive (95% of 7,778)"
       r"(?:(?:english|all) reviews|recent(?: reviews)?):? (?:overwhelmingly |very |mostly )?"
       r"(?:positive|negative|mixed) \(\d{1,3}% of \d[\d,]{0,12}",  # the key has lost the ")"
       # a product card's button and its count of colours: "Quick Shop 6 colors"
       r"quick (?:shop|view|add) \d{1,3} colou?rs?",
       r"compare (?:new |used )?.{0,30}deals (?:with|at|on) .{1,40}",
       r"(?:get|request) (?:a |an |your )?(?:free |instant |custom )?(?:quotes?|estimates?)"
       r"(?: (?:from|now|today)\b.{0,60})?",
       r"get in touch(?: with us)?(?: today| now)?(?: to (?:see|learn|find out|discuss) .{1,60})?",
       r"claim (?:your|my) (?:free )?[\w'’.&-]{1,30}(?: [\w'’.&-]{1,30}){0,3}",
       # a discount's button: "Get 50% off your first month", "Get 25% off with your free trial"
       r"(?:get|save|take) (?:up to )?\d{1,3}% off (?:your first [\w-]{1,20}|with your free trial)"
       r"(?: \W? ?free shipping)?",
       r"check (?:their|our|the) rates(?: and availability)?",
       r"shop the (?:men|women)['’]?s .{1,80}",
       # the names of icons that stand in for them: "Arrow-Thin-Down", "chevron-right"
       r"(?:icon-)?(?:arrow|chevron|caret)(?:-[a-z]{1,12}){1,3}",
       r"sort(?: by)?: .{1,30}",
       r"loaded \d{1,7} results",
       r"(?:picture|image|photo|slide|page) \d{1,4} (?:of|/) \d{1,4}",
       r"show \d{1,4} (?:more|less)",
       # a section's link to all its entries: "See all seasonal recipes", "View All Plans"
       r"(?:see|view) all [\w'’&-]{1,20}(?: [\w'’&-]{1,20}){0,2}",
       r"(?:showing|displaying) \d[\d,]{0,6}(?: of| to|[–-]) ?\d[\d,]{0,6}(?: \(?of \d[\d,]{0,6})?"
       r" (?:products|items|results)\)?",
       r"\d[\d,]{0,6} ?[–-] ?\d[\d,]{0,6} of \d[\d,]{0,7} (?:products|items|results)",
       r"now \d{1,3}% off",
       # price tags beside a product: "Save $50.00", "Was $499.00 Now $449.00"
       r"save (?:up to )?[$£€]\d[\d,.]*",
       r"(?:was [$£€]\d[\d,.]* )?now [$£€]\d[\d,.]*",
       # a review list's filter by stars, and a count of raters: "5 star4 star3 star2 star1 star"
       r"(?:\d ?stars? ?){3,}",
       r"rated \d(?:\.\d)? (?:out of 5 )?stars? by \d[\d,]* (?:users|customers|reviewers|people|members)",
       # screen-reader helpers of product pages, and price labels of product cards
       r"(?:brief|full) content visible\W{1,3}double tap to read (?:full|brief) content",
       r"unit price\W{1,3}per",
       # a product card's prices with their labels: "Regular price $24.99 Sale price $19.99"
       r"(?:(?:sale|regular|original|current) price:? (?:from )?[$£€]?\d[\d,.]*(?: (?:usd|eur|gbp|cad|aud))? ?){1,3}",
       r"(?:buy|shop|order|get it|view|see|see it|read|watch(?: the)?(?: full)?(?: review| video)?)(?: now)? "
       r"(?:at|on|from) [\w .&'-]{1,40}",
       r"\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago",
       r"(?:reply|like|quote|report)(?:\W+(?:reply|like|quote|report|share))+",
       r"\+\s*more info",
       # an app's name may take three words, and the label a "free" or a "!": "Get the Harbour Daily News app!"
       r"get the (?:free )?[\w'’.&-]{1,30}(?: [\w'’.&-]{1,30}){0,2} app",
       r"add to goodreads(?: to-read list)?",
       # a product's trial buttons: "Try Jobber for free", "Start your 14-day free trial with Acme today"
       r"try (?:it |us |now |[\w'’.&-]{1,30}(?: [\w'’.&-]{1,30})? )?(?:for )?free(?: today| now)?",
       r"free \d{1,2}[- ]day trial(?:\W+no credit card required)?",
       r"book a (?:free )?demo(?: with [\w .&'’-]{1,40})?",
       r"start (?:your |a )?(?:\d{1,2}[- ]day )?free trial"
       r"(?: (?:of|with|for) [\w'’.&-]{1,30}(?: [\w'’.&-]{1,30}){0,3})?(?: today| now)?",
       # a directory's buttons with the phone number they call: "Get Quote (866) 377-8209"
       r"(?:get (?:a |your )?(?:free )?quotes?|check prices?) \(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}",
       # a call button with the number it dials, in figures or letters: "Call now (866) 377-8209",
       # "Or call us directly 1-844-HOMEYOU"
       r"(?:or )?call(?: us)?(?: directly| today| now)?:? (?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?[\da-z]{3}[ .-]?[\da-z]{4}",
       # a price box's buttons: "Now $119 on Amazon Check Price - Walmart"
       r"now \$?\d[\d,.]{0,9} (?:on|at) [\w.&'’-]{1,30}(?: check price(?: - [\w .&'’-]{1,30})?)?",
       # affiliate buttons: "Get the Catan Board Game on Amazon", "Check Amazon Price", "Shop Acme X2 Now"
       r"get (?:the|a|an|this|your) .{1,60} (?:on|at|from) (?:amazon|walmart|target|best buy|ebay)",
       r"(?:check|see|view) (?:amazon|walmart|target|ebay|best buy) prices?",
       r"shop .{1,40} now",
       # Google's "preferred sources" for its Top Stories
       r"add (?:\w+ )?as an? (?:preferred|trusted|reliable(?: and trusted)?) (?:news )?source"
       r"(?: (?:on|for|in) google(?: news| search)?)?",
       r"(?:make|set) .{1,40} (?:a|your) preferred source on google(?: news| search)?",
       # a header's account links: "Join / Sign in", "Sign in or Create an account"
       rf"{_ACCOUNT}(?: ?[/|] ?| or ){_ACCOUNT}"],
    # a review teaser as a link, with no full stop ("Read our full Acme X2 review"): written as a
    # sentence ("Read our full review."), it closes a paragraph of the article
    starts=[r"read (?:our|my|the) (?:full |complete |in-depth |detailed )?(?:.{1,80} )?review$",
            # a link that says where it goes, with no full stop ("Click here for dates & pricing!"):
            # written as a sentence, it is one of the article's
            r"click here (?:to|for) .{1,80}[^.\s]$"],
    removes=("Learn more", "Buy now", "Buy now at Harbour Home Appliances", "Check price at Amazon",
             "Check Price at Amazon On Sale", "Read on Amazon",
             "Watch review on YouTube", "Where to buy", "Reply", "3 months ago",
             "View this post on Instagram", "Table of contents", "In this article:",
             "Check Price at Backcountry $1,100 List",
             "A post shared by Harbour Kitchen (@harbourkitchen)", "Price comparison from over 24,000 stores worldwide",
             "Get a Quote from Northway Movers", "Shop the Men's Trail Runner 4 Shop the Women's Trail Runner 4",
             "Arrow-Thin-Down", "$139 at Peakline $145 at Trailhouse", "$1,599.00 from Lowe's",
             "Open menu", "Get the Threadly app", "Get the Harbour Daily News app!",
             "Add to Goodreads To-Read List →", "(opens in a new tab)", "➡️ Check current price",
             "Today’s Best Deal", "Terms Apply / Rates & Fees", "Get Quote (866) 377-8209",
             "Now $119 on Amazon Check Price - Walmart", "Collapsed Expand All",
             "Add as a preferred source on Google", "Make The Ledger your preferred source on Google",
             "Read our full Acme X2 review", "Get the Catan Board Game on Amazon", "Check Amazon Price",
             "Click here for dates, pricing, & availability!", "Show 2 More ▼",
             "Shop Trail Runner 4 Now", "Quick Shop", "Quick Shop 6 colors", "$130 Add to cart",
             "Add to cart to see price", "369 Reviews", "(1 Review)", "4.5 out of 5 stars", "146,980 global ratings",
             "All Categories", "Report an issue with this product or seller",
             "Next page of related Sponsored Products", "4.5 4.5 out of 5 stars (10)", "4.44.4 out of 5 stars25,309",
             "Rating 4.85 / 5", "Our rating: 9/10", "Overall score: 8.5 out of 10", "Check",
             "Try Jobber for free", "Start your 14-day free trial with Harbour CRM today",
             "Regular price $24.99 Sale price $19.99", "Sale price $14.00", "New Arrival", "Top Rated", "On Sale",
             "Save $50.00", "Was $499.00 Now $449.00", "5 star4 star3 star2 star1 star",
             "Rated 4.8 stars by 27,784 users", "Get Quotes", "Play", "Or call us directly 1-844-GOMOVES",
             "Call now (866) 377-8209", "View", "Back",
             "Free 14-day trial. No credit card required", "Book a demo with Otter",
             "See all seasonal recipes", "View All Plans",
             "Recent: Overwhelmingly Positive (95% of 15,164)", "English Reviews Very Positive (89% of 728,400)",
             "› See more product details", "Sale price", "Filter & Sort",
             "Showing 1-24 of 204 products", "Showing 2 of 2 products", "1–24 of 120 products",
             "Displaying 1 to 24 (of 204 products)", "Select Size", "Add to wishlist",
             "In Stock", "Frequently bought together", "Image unavailable", "Join / Sign in",
             "Sign in or Create an account", "Close modal", "View image in fullscreen", "Link copied!",
             "Search This Site Submit Search", "Get in touch", "Get in touch today to see how we can help you!",
             "Get an instant estimate", "Request a Custom Quote", "Get 50% off your first month!", "Blog",
             "Our Services", "Submit", "Claim Your Free Valuation", "Claim my free post"),
    keeps=("Learn more about the tides, the guide said, before you walk out to the island.",
           "Join or register before the end of May to vote at the annual meeting.",
           "Get a quote in writing before any work starts, and compare it with two others.",
           "Get in touch with the planning office before you apply: a decision can take six weeks.",
           "Get 50% off your first month by cancelling before the trial ends, the small print says.",
           "Claim your free parking permit at the town hall before the end of March; bring a utility bill.",
           "Buy now only if the width suits your kitchen: measure the gap twice before you order.",
           "Try our Standard plan for free",  # three words between: a plan's name, which pages keep
           "Start your 14-day free trial, or call us if you have questions.",
           "See all the ways the river changed after the dam came down, in the photographs below.",
           "4.79 from 1,847 verified reviews",
           "Our rating: 9/10 for the trail, though the last mile was muddy after the storm.",
           "Ratings 9.7/10",  # a comparison table's row header, flattened into a line
           "In stock at most branches from Monday, the chain said, after a month of empty shelves.",
           "Get the app working offline before you travel: maps and tickets load without a signal.",
           "Add as a preferred source on Google only the outlets you read every day, the guide says.",
           "Read our full review policy before you send us a product: we buy every item we test.",
           "Read our full Acme X2 review.",
           "Click here to see the full plant list, with the spacing of each row.",
           "200 add to cart in the first hour, and most of them buy.",
           "369 reviews later, the first batch still tops the list.", "4.5 Rating",
           "Quick view: 6 colours of the paint, from chalk to slate.",
           "Close the window before you paint the frame, and keep it shut for a day."),
)

FEEDBACK_PROMPTS = pattern_rule(
    "STR305",
    "feedback-prompts",
    "Page-feedback widgets: 'Was this article helpful?', 'Yes No', 'Thank you for your feedback!'.",
    doc="""What it does: removes the text of "was this helpful" widgets: the
question, its Yes/No buttons, the thank-you message and the tally ("84% of
people found this article helpful"), in four languages.

Why: help centres, guides and health sites close every article with such a
widget; its question and buttons come out as short paragraphs after the body.""",
    blocks=[
        r"(?:was|is) this (?:article|page|post|guide|answer|content|information) (?:helpful|useful)"
        r"(?:\W+(?:yes\W+no|no\W+yes))?",
        r"did you find (?:this|the) (?:article|page|post|guide|content|information) (?:helpful|useful)"
        r"(?:\W+(?:yes\W+no|no\W+yes))?",
        r"how (?:helpful|useful) was this (?:article|page|post)",
        r"how (?:was|did you like|did you enjoy) (?:this|today's|this week's)"
        r" (?:issue|newsletter|edition|article|post)",
        r"rate (?:this|today's|this week's) (?:newsletter )?(?:issue|newsletter|edition|article|post)\b.{0,120}",
        r"yes\W+no|(?:thank you|thanks) for (?:your|the) feedback(?:\W.{0,80})?",
        r"help us improve (?:your|the) (?:reading )?experience",
        r"got a minute\W+your feedback (?:will )?helps? us\b.{0,120}",
        r"\d{1,3}\s?% of (?:people|readers|users) found this (?:article|page|post|answer) helpful",
        r"(?:\d+ (?:out of|of) \d+ )?(?:people|readers|users) found this (?:article|page|post|answer) helpful",
        # star-rating plugins
        r"click on a star to rate it|no votes so far\W{1,3}be the first to rate this post",
        r"\d(?:\.\d{1,2})? from \d{1,6} votes?",
        r"war (?:dieser artikel|diese seite) hilfreich|cet article (?:vous )?a-t-il été utile|"
        r"(?:¿)?(?:te|le) (?:ha resultado|resultó) útil (?:este artículo|esta página)",
    ],
    removes=("Was this article helpful?", "Did you find this content helpful?", "Yes No",
             "Thank you for your feedback!", "84% of people found this article helpful.",
             "War dieser Artikel hilfreich?", "Click on a star to rate it!",
             "No votes so far! Be the first to rate this post.", "4.8 from 12 votes", "How was this issue?",
             "Rate this week's newsletter issue with a single click.", "Did you find the article helpful?",
             "Help us improve your reading experience",
             "Got a minute? Your feedback will help us build a better experience for you."),
    keeps=("Was this article helpful to the council? Members said it changed the vote.",),
)

RULES = [SHARE_PROMPTS, FOLLOW_PROMPTS, PRINT_SAVE_BUTTONS, CALL_TO_ACTION_BUTTONS, FEEDBACK_PROMPTS]
