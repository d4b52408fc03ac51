"""Comment forms and prompts (STR1xx)."""

from ..patterns import literal, pattern_rule

COMMENT_PROMPTS = pattern_rule(
    "STR101",
    "comment-form-prompts",
    "Comment-form prompts and notices: 'Leave a Reply', 'Please enter your comment!'.",
    doc="""What it does: removes lines that are the visible text of a comment form:
headings ("Leave a Reply"), placeholders that scrapers keep ("Please enter your
comment!", "Please enter your name here"), validation messages and the
privacy and "save my name" notices, in English, German, French and Spanish.

Why: comment forms sit right after the article body, so extractors and
container-targeting scrapers keep their text as if it were the article's last lines.""",
    blocks=literal(
        "leave a reply", "leave a comment", "leave a reply cancel reply", "post a comment",
        "add a comment", "write a comment", "submit a comment", "post comment", "submit comment",
        "join the discussion", "join the conversation", "comments are closed",
        "cancel reply", "please enter your comment", "please enter your name here",
        "please enter your email address here", "you have entered an incorrect email address",
        "log in to comment", "login to comment", "log in to leave a comment",
        "sign in to comment", "you must be logged in to post a comment",
        "notify me of follow-up comments by email", "notify me of new posts by email",
        "notify me of new comments via email", "notify me of new posts via email",
        "schreibe einen kommentar", "kommentar verfassen", "hinterlasse einen kommentar",
        "antworten abbrechen", "kommentar abschicken", "laisser un commentaire",
        "laisser une réponse", "annuler la réponse", "poster un commentaire",
        "vous devez être connecté pour publier un commentaire", "deja un comentario",
        "deja una respuesta", "cancelar respuesta", "publicar comentario",
        "debes iniciar sesión para publicar un comentario",
    )
    + [
        r"(?:leave a (?:reply|comment)\W+)?your email address will not be published"
        r"(?:\W+required fields are marked)?",
        r"required fields are marked",
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
        "You have entered an incorrect email address!",
        "LEAVE A REPLY",
        "Cancel reply",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Your email address will not be published. Required fields are marked *",
        "Log in to comment",
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
        r"(?:\d+|one)\s+(?:thoughts?|responses?|comments?|replies)\s+(?:on|to)\s+.{1,200}",
        r"comments?\s*\(?\d*\)?",
        r"(?:view|show|load|read|see|hide)\s+(?:all\s+)?(?:\d+\s+)?comments?",
        r"no comments yet(?:\W+be the first to comment)?",
        r"be the first to comment",
        r"kommentare?\s*\(?\d*\)?",
        r"commentaires?\s*\(?\d*\)?",
        r"comentarios?\s*\(?\d*\)?",
    ],
    removes=("12 Comments", "No comments yet", "One thought on “How we built it”",
             "View all 48 comments", "Comments (3)", "3 Kommentare"),
    keeps=("The article drew 12 comments within an hour, most of them angry.",
           "Comments made by the minister on Tuesday were later withdrawn."),
)

COMMENT_FORM_LABELS = pattern_rule(
    "STR103",
    "comment-form-labels",
    "Bare form-field labels after the article: 'Name *', 'Email *', 'Website', 'Comment'.",
    scope="tail",
    doc="""What it does: removes bare field labels ("Name *", "Email", "Website",
"Comment", "Post Comment") in the trailing part of the page, after the last
real paragraph.

Why: a scraped comment form leaves its field labels behind; single words like
"Name" are only safe to drop in the trailing region, so the rule is tail-scoped.""",
    blocks=[
        r"(?:your\s+)?(?:name|e-?mail(?:\s+address)?|website|url|comment|message|reply|"
        r"nom|nombre|correo(?:\s+electrónico)?|sitio\s+web|site\s+web|commentaire|comentario|"
        r"kommentar|webseite|e-mail-adresse)",
        r"post comment|submit|send|senden|envoyer|enviar",
    ],
    removes=("Name *", "Email *", "Website", "Comment", "Post Comment"),
    keeps=("Name the day and we will be there, the mayor said of the ceremony.",),
)

RULES = [COMMENT_PROMPTS, COMMENT_COUNT, COMMENT_FORM_LABELS]
