"""Newsletter and subscription boxes (STR4xx)."""

from ..patterns import literal, pattern_rule

NEWSLETTER_SIGNUP = pattern_rule(
    "STR401",
    "newsletter-signup",
    "Newsletter and subscription calls: 'Sign up for our newsletter', 'Subscribe', 'Enter your email'.",
    doc="""What it does: removes the text of newsletter and subscription boxes: calls
to sign up or subscribe, email-field placeholders, paywall prompts, and
Substack's "Thanks for reading …! Subscribe for free …", in four languages.

Why: newsletter boxes are placed inside and after article bodies and are kept
by extractors because they contain sentences.""",
    blocks=literal(
        "subscribe", "subscribe now", "subscribe today", "subscribe for free", "sign up",
        "sign me up", "sign up now", "newsletter", "newsletters", "get our newsletter",
        "enter your email", "enter your email address", "your email address", "email address",
        "type your email", "type your email…", "your email", "join now", "join our newsletter",
        "sign up for more like this", "be the first to know", "already a subscriber", "already a subscriber? log in",
        "already have an account? sign in", "subscribe to continue reading",
        "subscribe to read the full article", "this article is for subscribers only",
        "newsletter abonnieren", "jetzt abonnieren", "abonnieren", "abonnez-vous",
        "s'abonner", "inscrivez-vous", "je m'abonne", "suscríbete", "suscribirse",
        "suscríbete ahora", "e-mail-adresse", "adresse e-mail", "votre adresse e-mail",
        "correo electrónico", "tu correo electrónico",
    )
    + [
        r"(?:sign up|subscribe|register|join)(?: now| today| free| for free)?"
        r" (?:for|to) (?:our|the|my)\b.{0,60}\b(?:newsletters?|mailing list|updates|emails?"
        r"|digest|briefing)\b.{0,160}",
        r"(?:get|receive) (?:the |our )?.{0,60}(?:newsletter|headlines|stories|news|updates|deals|offers)"
        r" (?:delivered |sent )?(?:straight |directly )?(?:to|in) your inbox.{0,120}",
        r"get (?:the |our )?.{1,60} (?:delivered |sent )?(?:straight |directly )?(?:to|in) your inbox"
        r"(?: (?:every|each|once a) \w+(?: \w+)?)?",
        r"our (?:free |weekly |daily |monthly )*(?:newsletter|email) (?:brings|sends|delivers|gives) you .{1,160}",
        r"thanks for reading(?: .{1,80})?\W+this post is public so feel free to share it",
        r"thanks for reading(?: .{1,80})?\W+subscribe for free to receive new posts and support"
        r" (?:my|our) work",
        r"subscribe for free to receive new posts and support (?:my|our) work",
        r"(?:already a subscriber|already have an account)\W+(?:log|sign) ?in.{0,40}",
        r"subscribe (?:to|for) .{1,60}",
        # a pitch as a sentence: "Sign up to hear about volunteer days and what we find."
        r"(?:sign up|subscribe)(?: now| today| below| here)? to (?:hear|get|receive|learn|stay|be the first"
        r"|find out|keep up|join)\b.{0,150}",
        r"join (?:our|my|the) (?:[\w'’&-]+ ){0,2}?(?:newsletter|mailing list|email list)(?:\W.{0,100})?",
        # a pitch in a phrase: "Receive agency growth tips, delivered to your inbox"
        r".{0,60}\b(?:delivered|sent) (?:straight |directly )?to your inbox\b.{0,40}",
        r"enjoyed this (?:piece|article|post|story)\W{1,3}(?:we need|please|support|become|consider|help).{0,120}",
        r"(?:abonnieren sie|melden sie sich).{0,60}newsletter.{0,120}",
        r"(?:abonnez-vous|inscrivez-vous) à (?:notre|la) (?:newsletter|lettre).{0,120}",
        r"(?:suscríbete|regístrate) (?:a|en) (?:nuestro|nuestra|el|la) "
        r"(?:boletín|newsletter).{0,120}",
        r"(?:recibe|reciba) (?:nuestro|nuestra|el|la) (?:boletín|newsletter).{0,120}",
    ],
    removes=("Sign up for our newsletter", "Subscribe", "Type your email…", "Be the first to know!",
             "Get the latest headlines delivered to your inbox every morning.",
             "Get the Estuary Post in your inbox", "Join my newsletter",
             "Get the best tool deals sent to your inbox every week!", "Join Our Genius Newsletter",
             "The best of the Harbour Post, delivered to your inbox every morning",
             "Our free newsletter brings you the week's local news every Friday morning.",
             "Thanks for reading The Weekly Ledger! Subscribe for free to receive new posts and support my work.",
             "Newsletter abonnieren", "Abonnez-vous à notre newsletter",
             "Suscríbete a nuestro boletín",
             "Sign up to hear about volunteer days and what we find on the meadow."),
    keeps=("More than 40,000 readers subscribe to the newsletter, which began in 2015 as a hobby.",
           "Fans who sign up to get tickets early will pay the same price as everyone else.",
           "Once the scan is done, the full report is delivered to your inbox as a PDF with every finding"
           " ranked by how urgent it is.",
           "The council will subscribe to the regional transport plan, officials said."),
)

NEWSLETTER_CONFIRMATION = pattern_rule(
    "STR402",
    "newsletter-confirmation",
    "Sign-up confirmations: 'Thanks for signing up!', 'Check your inbox to confirm'.",
    doc="""What it does: removes the success and error messages of subscription
forms, which are in the page even before anyone subscribes.

The label of form plugins' hidden anti-spam field ("This field is for
validation purposes and should be left unchanged.") goes with them.

Why: hidden form states become visible text when a page is scraped.""",
    blocks=[
        r"(?:thanks|thank you) for (?:signing up|subscribing|joining)(?: (?:to|for) .{1,60}?)?"
        r"(?:[.!]\s.{0,160})?",
        r"you(?:'re| are)(?: now)? (?:subscribed|signed up|on the list)(?:\W.{0,120})?",
        r"(?:success\W+)?(?:please )?check your (?:inbox|email)(?: to confirm.{0,80})?",
        r"(?:great|success|almost done)\W+.{0,80}(?:inbox|email|subscri).{0,80}",
        r"(?:something went wrong|oops)\W+.{0,40}(?:try again|email).{0,60}",
        r"(?:thank you|thanks)\W+your submission has been received",
        r"(?:oops\W+)?something went wrong while submitting (?:the|this|your) form",
        r"please (?:enter|provide) a valid email(?: address)?",
        r"this field is for validation purposes and should be left unchanged",
        r"danke für (?:ihre|deine) anmeldung.{0,100}",
        r"merci (?:pour votre|de votre) inscription.{0,100}",
        r"gracias por (?:suscribirte|tu suscripción|registrarte).{0,100}",
    ],
    removes=("Thanks for signing up!", "Check your inbox to confirm your subscription.",
             "You're subscribed", "Please enter a valid email address",
             "Merci pour votre inscription !", "Thank you! Your submission has been received!",
             "Oops! Something went wrong while submitting the form."),
    keeps=("Thanks for signing up so many volunteers, the organisers told the crowd on Sunday.",),
)

NEWSLETTER_CONSENT = pattern_rule(
    "STR403",
    "newsletter-consent",
    "Opt-in consent lines: 'By signing up, you agree to our Privacy Policy', 'Unsubscribe at any time'.",
    doc="""What it does: removes the legal small print of sign-up boxes: consent to
terms and privacy policy, unsubscribe notices, reCAPTCHA notices, opt-in
checkbox labels.

Why: the small print sits inside article bodies with the newsletter box.""",
    blocks=[
        r"by (?:signing up|subscribing|registering|clicking.{1,40}|submitting.{1,40}|"
        r"entering your email.{0,40}|continuing),? (?:you|i) (?:agree|consent|acknowledge|accept|confirm).{0,400}",
        r"(?:you (?:can|may) )?unsubscribe (?:at any time|anytime).{0,200}",
        r"we (?:respect|value) your privacy.{0,200}",
        r"we(?:'ll| will) never share your (?:email|e-mail|details).{0,120}",
        r"no spam.{0,80}",
        r"this site is protected by recaptcha and the google privacy policy and terms of"
        r" service apply",
        r"(?:yes,? )?i (?:agree|consent|would like) to (?:receive|the|be contacted).{0,300}",
        r"i have read (?:the (?:privacy policy|terms(?: of (?:use|service))?|terms (?:and|&) conditions|"
        r"data protection \w+) )?and (?:agree|accept|consent).{0,200}",
        r"(?:privacy policy|terms of (?:use|service)|terms (?:and|&) conditions)(?:\W+(?:and|&)?\W*(?:privacy"
        r" policy|terms of (?:use|service)|terms (?:and|&) conditions|cookie policy))*",
        r"mit (?:der|dem) anmeldung.{0,40}(?:einverstanden|stimmen sie|akzeptieren).{0,300}",
        r"en vous (?:inscrivant|abonnant).{0,300}",
        r"al (?:suscribirte|registrarte|suscribirse).{0,300}",
    ],
    removes=("By signing up, you agree to our Terms of Use and Privacy Policy.",
             "By clicking Sign Me Up, you confirm you are 16+ and agree to our Terms of Use.",
             "You can unsubscribe at any time.",
             "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
             "No spam. Unsubscribe anytime.",
             "By signing up, I agree to the Terms and Privacy Policy.",
             "I have read the privacy policy and agree to the processing of my data."),
    keeps=("By signing up, members agreed to a code of conduct that the club drafted in 1998.",
           "I have read the terms of the lease twice, and the landlord's reply makes no sense to me."),
)

FORM_FIELDS = pattern_rule(
    "STR404",
    "form-fields",
    "Required-field labels of sign-up and contact forms: 'First Name *', 'Email Address *', '* indicates required'.",
    doc="""What it does: removes the labels of form fields marked as required with an
asterisk ("First Name *", "Work Email*", "Phone *", "Company *"), with the
error message a form plugin puts beside them ("First Name* Please enter your
first name"), and the "* indicates required" legend.

Why: lead and sign-up forms after an article (a download offer, a contact
box) become a column of labels when the page is scraped. The asterisk makes
the label a form's: "First Name" alone may be a heading, so it is kept.""",
    starts=[
        r"(?:(?:your |work |business )?(?:first|last|full|given|family) name|(?:your |work |business )?e-?mail"
        r"(?: address)?|(?:phone|mobile|telephone)(?: number)?|company(?: name)?|organi[sz]ation|job title"
        r"|(?:zip|postal|post) code)\s?\*(?:\s?(?:please|required)\b.{0,60})?\Z",
        r"\*\s?(?:indicates|denotes) (?:a )?required(?: fields?)?\.?\Z",
    ],
    removes=("First Name *", "Work Email*", "Phone Number *", "* indicates required",
             "First Name* Please enter your first name"),
    keeps=("First Name", "Company", "Email the editor*", "* Prices include tax."),
)

SUPPORT_APPEALS = pattern_rule(
    "STR405",
    "support-appeals",
    "Calls for money: 'Buy me a coffee', 'Become a patron', 'Support our journalism', 'Donate now'.",
    doc="""What it does: removes appeals for donations and paid support that blogs and
newsrooms put under their articles: "Buy me a coffee", "Become a patron on
Patreon", "Support independent journalism", "Make a donation", "Donate now".

Why: like a newsletter box, the appeal is the site's, not the article's, and
it is worded as a sentence, so extractors keep it.""",
    blocks=[
        r"(?:(?:did you (?:like|enjoy) this (?:article|post|piece)|enjoyed this (?:article|post|piece))\W+)?"
        r"(?:you can )?buy me a coffee(?:\W.{0,100})?",
        r"become a (?:patron|supporter|paying member|paid subscriber)(?: on patreon)?(?:\W.{0,160})?",
        r"support (?:our|my|this|independent|local) (?:work|journalism|site|blog|mission|newsroom|podcast|reporting)"
        r"(?:\W.{0,200})?",
        r"support [\w ]{1,40}! (?:donate|become a patron|subscribe)\b.{0,200}",
        r"the best way to support (?:my|our|this) (?:work|blog|site|podcast) is\b.{0,200}",
        r".{1,80} is a reader-supported publication\W.{0,200}",
        r"(?:make a )?donation|donate(?: now| today| here)?",
        r"donate (?:now|today) to .{1,80}",
    ],
    removes=("Did you like this article? You can buy me a coffee.", "Become a patron",
             "Support independent journalism", "Make a donation", "Donate now",
             "Support CNX Software! Donate via cryptocurrencies, become a Patron on Patreon.",
             "Back of Mind is a reader-supported publication. To receive new posts and support my work,"
             " consider becoming a free or paid subscriber."),
    keeps=("Donations: streamers accept tips via PayPal or Ko-fi links.",
           "Donate blood before the holidays, the Red Cross urged on Monday."),
)

RULES = [NEWSLETTER_SIGNUP, NEWSLETTER_CONFIRMATION, NEWSLETTER_CONSENT, FORM_FIELDS, SUPPORT_APPEALS]
