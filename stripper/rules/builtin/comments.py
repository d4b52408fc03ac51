"""Comment forms and prompts, comment threads (STR1xx)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, repeat
from operator import or_

from ...metadata import MONTH_WORDS
from ..model import Rule, TextState, is_prose
from ..patterns import literal, pattern_rule

COMMENT_PROMPTS = pattern_rule(
    "STR101",
    "comment-form-prompts",
    "Comment-form prompts and notices: 'Leave a Reply', 'Please enter your comment!'.",
    doc="""What it does: removes lines that are the visible text of a comment form:
headings ("Leave a Reply"), placeholders that scrapers keep ("Please enter your
comment!", "Please enter your name here"), validation messages and the
privacy and "save my name" notices, in English, German, French and Spanish;
and the prompts Q&A sites put under a question ("You must log in to answer
this question.", "Explore related questions").

Why: comment forms sit right after the article body, so extractors and
container-targeting scrapers keep their text as if it were the article's last lines.""",
    blocks=literal(
        "leave a reply", "leave a comment", "leave a reply cancel reply", "post a comment",
        "add a comment", "write a comment", "submit a comment", "post comment", "submit comment",
        "join the discussion", "join the conversation",
        "cancel reply", "please enter your comment", "please enter your name here",
        "please enter your email address here", "you have entered an incorrect email address",
        "log in to comment", "login to comment", "log in to leave a comment",
        "sign in to comment", "you must be logged in to post a comment",
        "create an account or sign in to comment", "you need to be a member in order to leave a comment",
        "notify me of follow-up comments by email", "notify me of new posts by email",
        "notify me of new comments via email", "notify me of new posts via email",
        "schreibe einen kommentar", "kommentar verfassen", "hinterlasse einen kommentar",
        "antworten abbrechen", "kommentar abschicken", "laisser un commentaire",
        "laisser une réponse", "annuler la réponse", "poster un commentaire",
        "vous devez être connecté pour publier un commentaire", "deja un comentario",
        "deja una respuesta", "cancelar respuesta", "publicar comentario",
        "debes iniciar sesión para publicar un comentario",
        # Q&A sites' prompts under a question
        "start asking to get answers", "find the answer to your question by asking",
        "explore related questions", "see similar questions with these tags", "your answer",
    )
    + [
        r"(?:leave a (?:reply|comment)\W+)?your email address will not be published"
        r"(?:\W+required fields are marked)?",
        r"required fields are marked",
        r"comments are (?:now )?closed(?: (?:for|on) this (?:post|article|story|page))?",
        r"share your (?:\w+ )?(?:comments?|thoughts) (?:here|below)",
        r"you must (?:log in|sign in|be logged in) to (?:answer|ask|post|reply)(?: (?:this|a) question)?",
        r"not the answer you['’]re looking for\W.{0,200}",
        r"save my name,? email,? and website in this browser for the next time i comment",
        r"this site uses akismet to reduce spam\W+learn how your comment data is processed",
        r"(?:deine|ihre) e-mail-adresse wird nicht veröffentlicht"
        r"(?:\W+erforderliche felder sind mit \W* markiert)?",
        r"erforderliche felder sind mit \W* markiert",
        r"meinen namen, (?:meine )?e-mail(?:-adresse)? und (?:meine )?website in diesem browser"
        r" speichern, bis ich wieder kommentiere",
        r"votre adresse (?:e-mail|de messagerie) ne sera pas publiée"
        r"(?:\W+les champs obligatoires sont indiqués avec)?",
        r"les champs obligatoires sont indiqués avec",
        r"enregistrer mon nom,? mon e-mail et mon site (?:web )?dans le navigateur pour mon"
        r" prochain commentaire",
        r"tu dirección de correo electrónico no será publicada"
        r"(?:\W+los campos obligatorios están marcados con)?",
        r"los campos obligatorios están marcados con",
        r"guarda mi nombre,? correo electrónico y web en este navegador para la próxima vez"
        r" que comente",
    ],
    removes=(
        "Please enter your comment!",
        "Please enter your name here",
        "Share your insightful comments here.",
        "You have entered an incorrect email address!",
        "LEAVE A REPLY",
        "Comments are closed for this post.",
        "Cancel reply",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Your email address will not be published. Required fields are marked *",
        "Log in to comment",
        "Create an account or sign in to comment",
        "You must log in to answer this question.",
        "See similar questions with these tags.",
        "Not the answer you're looking for? Browse other questions tagged sourdough or ask your own question.",
        "Schreibe einen Kommentar",
        "Laisser un commentaire",
        "Deja una respuesta",
    ),
    keeps=(
        "Please enter your comment in the box below the article, the editors wrote in 2019.",
        "She said she would leave a reply on the council's website before the deadline.",
        "Comments are closed on weekends, the forum's moderators explained in a statement.",
    ),
)

COMMENT_COUNT = pattern_rule(
    "STR102",
    "comment-count",
    "Comment counters and links: '12 comments', 'No comments yet', 'View comments'.",
    doc="""What it does: removes lines that only count or link to the comments
("12 Comments", "One thought on “Title”", "No comments yet", "Show comments").

Why: counters sit in bylines and after the body, and carry no article text.""",
    blocks=[
        r"(?:\d+|one|no)\s+(?:comments?|responses?|replies|reactions?|kommentare?|"
        r"commentaires?|comentarios?|réponses?|respuestas?)(?:\s+(?:so far|yet))?",
        # "One thought on “Title”", "20 replies to this topic" (not "One response to the crisis was ...")
        r"(?:\d+|one)\s+(?:thoughts?|responses?|comments?|replies)\s+(?:on|to)\s+"
        r"(?:[\"“'‘«„].{1,200}|this (?:topic|thread|post|article|story|entry))",
        r"comments?\s*\(?\d*\)?",
        r"(?:view|show|load|read|see|hide)\s+(?:all\s+)?(?:\d+\s+)?comments?",
        r"no comments yet(?:\W+be the first to comment)?",
        r"be the first to comment",
        r"kommentare?\s*\(?\d*\)?",
        r"commentaires?\s*\(?\d*\)?",
        r"comentarios?\s*\(?\d*\)?",
    ],
    removes=("12 Comments", "No comments yet", "One thought on “How we built it”",
             "20 replies to this topic",
             "View all 48 comments", "Comments (3)", "3 Kommentare"),
    keeps=("The article drew 12 comments within an hour, most of them angry.",
           "One response to the crisis was to raise rates.",
           "Comments made by the minister on Tuesday were later withdrawn."),
)

ANSWER_CONTROLS = pattern_rule(
    "STR106",
    "answer-controls",
    "Q&A pages' answer counter and controls: '2 Answers', 'Sorted by:', 'Improve this answer'.",
    doc="""What it does: removes the line that counts a question's answers ("2
Answers", "No answers", "3 Answers 3" with the sort control's count run in),
the sort control ("Sorted by:", "Highest score (default)") and the links
under each post ("Improve this question", "Improve this answer").

Why: they stand between the question and its answers and carry no text of
either. Unlike a comment counter, the answer counter does not mark the end
of an article (STR890 does not use these lines): the answers after it are
the content.""",
    blocks=[
        r"(?:\d{1,6}|one|no) answers?(?: \d{1,6})?",
        # the sort options, with what they say in parentheses ("Trending" alone is a heading); a key
        # loses its closing parenthesis: "highest score (default"
        r"sorted by:?|(?:highest score|date modified|date created|trending)"
        r" \((?:default|newest first|oldest first|recent votes count more)\)?",
        r"(?:share )?improve this (?:question|answer)(?: follow)?",
    ],
    removes=("2 Answers", "No answers", "Sorted by:", "Highest score (default)", "Improve this answer"),
    keeps=("2 answers came back from the council, both of them late.",
           "Improve this recipe with a pinch of salt, the chef suggests."),
)

COMMENT_FORM_LABELS = pattern_rule(
    "STR103",
    "comment-form-labels",
    "Bare form-field labels after the article: 'Name *', 'Email *', 'Website', 'Comment'.",
    scope="tail",
    doc="""What it does: removes bare field labels ("Name *", "Email", "Website",
"Comment", "Post Comment") and comment plugins' controls ("Notify of",
"Newest Oldest Most Voted") in the trailing part of the page, after the last
real paragraph.

Why: a scraped comment form leaves its field labels behind; single words like
"Name" are only safe to drop in the trailing region, so the rule is tail-scoped.""",
    blocks=[
        r"(?:your\s+)?(?:name|e-?mail(?:\s+address)?|website|url|comment|message|reply|"
        r"nom|nombre|correo(?:\s+electrónico)?|sitio\s+web|site\s+web|commentaire|comentario|"
        r"kommentar|webseite|e-mail-adresse)",
        r"post comment|submit|send|senden|envoyer|enviar",
        # comment plugins' controls, and the "Δ" of WordPress's anti-spam field
        r"notify of|new follow-up comments new replies to my comments|δ",
        r"(?:most voted|newest|oldest|inline feedbacks)(?:\W+(?:most voted|newest|oldest|inline feedbacks)){1,3}",
    ],
    removes=("Name *", "Email *", "Website", "Comment", "Post Comment", "Notify of", "Δ", "Newest Oldest Most Voted"),
    keeps=("Name the day and we will be there, the mayor said of the ceremony.",),
)

DATE = (rf"(?:(?:{MONTH_WORDS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}}\.? (?:{MONTH_WORDS})\.?,? \d{{4}}"
         r"|\d{1,4}[./-]\d{1,2}[./-]\d{2,4})")
_TIME = r"\d{1,2}[:.h]\d\d(?: ?[ap]\.?m\.?)?"
# The header of a posted comment: "Jo says:", "Jo March 3, 2024 at 6:26 pm", "Reply to Jo",
# "3 months ago", "Pingback: ...". Each is a line of its own, in several languages.
_COMMENT_HEADER = re.compile(
    rf"(?:.{{1,60}}?\s(?:says|said|sagt|schreibt|dit|a écrit|dice|escribió)\s?:?"
    rf"|(?!(?:published|updated|last updated|posted on|modified|veröffentlicht|aktualisiert|publié|mis à jour"
    rf"|publicado|actualizado)\b)(?:posted by:? )?.{{0,60}}?\b(?:on |am |le |el )?{DATE},?\s"
    rf"(?:at |um |à |a las )?{_TIME}(?: \w{{2,4}})?"
    rf"|(?:reply|replying|antwort|réponse|respuesta) (?:to|an|à|a) .{{1,40}}"
    rf"|\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago"
    rf"|(?:pingback|trackback)\s?:.{{1,200}})",
    re.IGNORECASE,
)
# How headers end and start: a cheap first test before the regex.
_HEADER_ENDS = tuple("0123456789") + ("says", "says:", "said:", "sagt:", "schreibt:", "dit :", "dit:", "écrit :",
                                       "écrit:", "dice:", "escribió:", " ago", "am", "pm", "a.m.", "p.m.")
_HEADER_STARTS = ("reply to ", "replying to ", "pingback", "trackback", "antwort an ", "réponse à ",
                  "respuesta a ")
_HEADER_MAX_WORDS = 14
# A thread is two headers or more past this share of the page's text.
_MIN_HEADERS = 2
_MIN_SHARE_BEFORE = 0.25
_NAME_MAX_WORDS = 4


def comment_threads(state: TextState, indices: Sequence[int]) -> list[int]:
    """From the first comment header after the article to the end of the last comment."""
    if state.kind != "text":
        return []  # a page's extractor has already told a forum's posts from an article's comments
    texts = state.texts
    first = state.first_past(_MIN_SHARE_BEFORE)
    # Headers are looked for among all blocks (other rules may have removed some, such as
    # "3 months ago"); the regex runs only on short lines that end or start as a header does.
    folded = state.folded
    tail = folded[first:]
    shaped = map(or_, map(str.endswith, tail, repeat(_HEADER_ENDS)), map(str.startswith, tail, repeat(_HEADER_STARTS)))
    headers = [i for i in compress(range(first, len(texts)), shaped)
               if len(text := folded[i]) <= 120 and len(text.split()) <= _HEADER_MAX_WORDS
               and _COMMENT_HEADER.fullmatch(texts[i])]
    if len(headers) < _MIN_HEADERS:
        return []
    start = headers[0]
    # The commenter's name may stand on its own line just before the header.
    live = list(indices)
    earlier = [i for i in live if i < start]
    if earlier and not _TERMINAL.search(texts[earlier[-1]]) \
            and len(texts[earlier[-1]].split()) <= _NAME_MAX_WORDS:
        start = earlier[-1]
    # The thread ends with the last comment: the lines after the last header up to its first
    # sentence, and the rest of that paragraph. Whatever follows is left to the other rules.
    end = headers[-1]
    later = [i for i in live if i > end]
    for n, i in enumerate(later):
        if is_prose(texts[i]):
            end = i
            for j in later[n + 1:]:
                if state.paras[j] != state.paras[i]:
                    break
                end = j
            break
    return [i for i in live if start <= i <= end]


_TERMINAL = re.compile(r"[.!?:]$")

COMMENT_THREADS = Rule(
    "STR104",
    "comment-threads",
    "text",
    "Readers' comments after the article: from the first comment header ('Jo says:') to the last comment.",
    comment_threads,
    enabled=False,
    doc="""What it does: when scraped text, past its first quarter, holds two comment
headers or more ("Jo says:", "Jo March 3, 2024 at 6:26 pm", "Reply to Jo",
"3 months ago", "Pingback: ..."), removes everything from the first of them
(and the commenter's name on the line before it) to the end of the last
comment: its first sentence and the rest of its paragraph.

Why: a comment thread is made of full sentences, so the trailing-junk pass,
which stops at prose, leaves it whole, and with it the footer after it (once
the thread is gone, that pass reaches the footer). One header alone is not
enough: an article may quote a dated message; two past the page's first
quarter are a thread. Scraped text only: on a page, the extractor has already
left out the comment sections of articles and kept the posts of forums, where
the thread is the content.

Off by default: it looks at every line of the text's last three quarters,
about a tenth of the scraped-text path's time; turn it on with
``--extend-select STR104``.""",
    removes=("Jo Marsh says:\nGreat guide, thank you! We tried the coastal walk last weekend.\n"
             "Sam Reed says:\nGlad it helped, Jo. The northern loop is even better in spring.",
             "Dana\nMarch 3, 2024 at 6:26 pm\nDoes the ferry still run in winter?\n"
             "Lee\nMarch 4, 2024 at 9:02 am\nOnly on weekends, from what I saw."),
    keeps=("The mayor says:\nThe harbour will reopen in May, once the wall is repaired.",),
)

# A poster's name in a forum's lists: up to three words, with no comma.
_NAME = r"[^\s,]{1,40}(?: [^\s,]{1,40}){0,2}"

POSTER_DETAILS = pattern_rule(
    "STR105",
    "poster-details",
    "Forum and Q&A user cards: 'Posts: 4,958', 'Joined', '410 posts · Joined 2002', '7 Likes', badge counts.",
    doc="""What it does: removes the lines of the card forums and Q&A sites show beside
each post: the poster's post count ("Posts: 4,958", "Threads: 23", "410 posts ·
Joined 2002"), join date ("Join Date: Aug 2008"), rank ("New member",
"Well-known member", "7+ Year Member", "Moderator", "Original poster"),
reaction scores and the list of who reacted ("Reactions: Brian33, unixfool and
felixen"), "Reply With Quote" and "Sent from my iPhone using Tapatalk"
under a post, "This topic was automatically closed ..." under a thread, the
card's bare labels ("Member", "Messages", "Posts", "Points": their figures are
lines of their own, which STR805 removes), the "Last edited: ..." note, a
review's "Verified buyer", phpBB's post header ("Post by jo » Sat Feb 10, 2024
6:12 pm"), Q&A sites' "answered Mar 3, 2024 at 9:02", like counters ("7 Likes")
and reputation badges ("12 silver badges 3 bronze badges", a line each, or run
together in scraped text as "1211 silver badges33 bronze badges"), the heading
of a topic's "Top Posters In This Topic" box, XenForo's "Thread starter" tag,
NodeBB's post header once its links are gone ("wrote on last edited by"), and
vBulletin's header of a quoted post ("Originally Posted by jonburnaby").

Why: on a thread the posts are the content, and each one drags its poster's
card into the text as short lines between them.""",
    # labels and ranks: plain phrases, looked up in a set
    blocks=literal(
        "joined", "moderator", "administrator", "member", "messages", "posts", "points", "original poster",
        *(f"{rank} member" for rank in (
            "new", "junior", "senior", "regular", "established", "active", "valued", "well-known", "full",
            "registered", "premium", "gold", "silver", "platinum", "lifetime", "vip", "elite", "supporting",
            "veteran", "prominent", "distinguished", "respected", "notable", "esteemed", "honored", "legendary")),
        # XenForo's and vBulletin's cards and post footers ("Jo likes this." is left: a poster's name
        # can start a line any way, and such a pattern would be tried on every line)
        "reaction score", "join date", "reply with quote", "report inappropriate content",
        "top posters in this topic",
        # XenForo's thread header, and NodeBB's post header once its links (poster, time) are gone
        "thread starter", "wrote on last edited by",
    ) + [
        r"(?:posts|threads|topics|replies):? \d[\d,]{0,9}",
        r"joined:? .{0,30}\d{4}(?:,? \d\d?:\d\d(?: ?[ap]m)?)?",
        r"join date:? .{3,30}\d{4}|reply with quote \d+",
        # a mobile app's signature, and the notice under a closed thread
        r"sent from my .{1,60} using .{1,40}",
        r"this topic was automatically closed after \d+ (?:minutes?|hours?|days?|months?)\."
        r" new replies are no longer allowed",
        r"verified (?:buyer|purchase|owner|reviewer)",
        r"last edited:? .{3,30}\d{4}.{0,12}",
        # phpBB's post header: "Post by jo » Sat Feb 10, 2024 6:12 pm"
        r"post by .{1,40} » .{5,40}",
        # vBulletin's header of a quoted post: "Originally Posted by jonburnaby"
        rf"originally posted by {_NAME}",
        # XenForo's list of who reacted to a post: "Reactions: Brian33, unixfool and felixen"
        rf"reactions: {_NAME}(?:, {_NAME}){{0,9}}(?: and (?:\d{{1,4}} others?|{_NAME}))?",
        # Q&A sites' post signature: "answered Mar 3, 2024 at 9:02"
        r"(?:asked|answered|edited|modified) .{3,20}\d{4} at \d\d?:\d\d",
        # counters and ranks, in one pattern (lines that start with a figure are many, and each pattern
        # is a test): "410 posts · Joined 2002", "7 Likes", "7+ Year Member", reputation badges run together
        r"\d[\d,.]{0,9}k? (?:posts?(?: · joined \d{4})?|likes?)|\d{1,2}\+? years? member"
        r"|(?:[\d,.]{1,10}k?)?(?:\d{1,6} gold badges?)?\d{1,6} silver badges?\d{1,6} bronze badges?"
        r"|\d{1,6} (?:gold|silver|bronze) badges?",
    ],
    removes=("Posts: 4,958", "Threads: 23", "410 posts · Joined 2002", "Joined", "Moderator", "7 Likes", "New member",
             "Joined: Mon Feb 05, 2024 7:41 pm", "Post by aquaNovice » Sat Feb 10, 2024 6:12 pm",
             "Originally Posted by jonburnaby",
             "answered Mar 3, 2024 at 9:02", "Last edited: Jul 9, 2022", "Original poster", "Verified buyer",
             "55.4k2424 gold badges197197 silver badges315315 bronze badges", "66 bronze badges", "Well-known member",
             "7+ Year Member", "Reaction score", "Join Date: Aug 2008", "Reply With Quote 0",
             "Messages", "Member", "Thread starter",
             "Sent from my SM-S908U using Tapatalk", "Reactions: Brian33, unixfool and felixen",
             "Reactions: Holiday.with.Ken, WiSK and 3 others",
             "This topic was automatically closed after 30 days. New replies are no longer allowed."),
    keeps=("He joined the club in 2002 and has posted every week since.",
           "Posts on the old board were archived in 2019.",
           "Your output will look like this", "She became a full member of the guild in 1998.",
           "Reactions: mixed at first, then, within a week, most readers wrote in to agree.",
           "Originally posted by the Harbour Ledger in 2019, this guide has been updated since."),
)

RULES = [COMMENT_PROMPTS, COMMENT_COUNT, COMMENT_FORM_LABELS, COMMENT_THREADS, POSTER_DETAILS, ANSWER_CONTROLS]
