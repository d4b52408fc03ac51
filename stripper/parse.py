"""Text to a tree: lxml's HTML parser, set up as trafilatura sets it up (comments
and processing instructions dropped, ids not collected), so that the tree suits
both the density extractor and the trafilatura fallback."""

from __future__ import annotations

import re

from lxml import etree, html

from .errors import StripperError

_PARSER = html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True)
_BYTES_PARSER = html.HTMLParser(
    collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True, encoding="utf-8"
)
# Every element is an HtmlElement (text_content(), as trafilatura expects), picked in C.
# lxml.html's own lookup is a Python method called for every element proxy lxml makes
# (4% of a page's instructions); the form-field classes it also gives are not used here.
_LOOKUP = etree.ElementDefaultClassLookup(
    element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction, entity=html.HtmlEntity
)
_PARSER.set_element_class_lookup(_LOOKUP)
_BYTES_PARSER.set_element_class_lookup(_LOOKUP)


def parse_html(text: str):
    """The page's ``<html>`` element; a fragment is wrapped in ``<html><body>``.

    A page closed early (a theme's header template that ends in ``</body></html>``, the
    article after it) reads as a browser reads it: the end tags do not end the page.
    """
    text = _without_early_end(text)
    try:
        root = html.document_fromstring(text, parser=_PARSER)
    except ValueError:  # an XML declaration naming an encoding: lxml wants bytes then
        try:
            root = html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=_BYTES_PARSER)
        except Exception as exc:
            raise StripperError(f"not parseable as HTML ({exc})") from None
    except Exception as exc:  # libxml2 gave up: "Document is empty" and the like
        raise StripperError(f"not parseable as HTML ({exc})") from None
    if root.tag != "html":  # a document whose only element became the root
        page = html.Element("html")
        body = html.Element("body")
        body.append(root)
        page.append(body)
        root = page
    else:
        _gather_body(root)
    return root


# libxml2 drops everything after the first ``</html>``; a browser ignores the tag and goes on.
_HTML_END = re.compile(r"</html\s*>", re.IGNORECASE)


def _without_early_end(text: str) -> str:
    """``text`` without its ``</html>`` tags when one comes before the end of the page."""
    end = _HTML_END.search(text)
    if end is None or not text[end.end():].strip():
        return text
    return _HTML_END.sub("", text)


def _gather_body(root) -> None:
    """What libxml2 put after the first ``<body>`` (whatever followed an early ``</body>``, or
    the body of a second document run on after the first), moved to the end of that body, where
    a browser puts it."""
    body = root.find("body")
    if body is None or body is root[-1]:
        return
    for element in root[root.index(body) + 1:]:
        if element.tag == "head":
            continue  # a second document's head: metadata, which the first head has
        if element.tag != "body":
            body.append(element)
            continue
        if element.text:  # a second body: its text and elements, not the element
            if len(body):
                body[-1].tail = (body[-1].tail or "") + element.text
            else:
                body.text = (body.text or "") + element.text
        body.extend(list(element))
        root.remove(element)


def page_body(tree):
    """The page's ``<body>``, or the tree itself when it has none."""
    body = tree.find("body")
    return tree if body is None else body
