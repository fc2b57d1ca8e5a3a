"""Consent boxes: the cookie banner and privacy-preference window, removed before the extraction.

Most pages carry a consent manager's markup: a cookie banner, and a preference window with one
paragraph per purpose ("These technologies are necessary for the site to function…",
"These cookies track your online activity…"). It is in the HTML from the start, usually hidden
until a script shows it. trafilatura discards boxes whose class or id says ``cookie``, but the
consent managers' own names rarely do (OneTrust's window is ``onetrust-consent-sdk`` and
``ot-pc-content``, Quantcast's ``qc-cmp2-container``), and on a page whose own text is thin (a
forum thread rendered by script, a product page) the preference window is the longest prose on
the page: trafilatura takes it as the main content, and the real text is lost.

:func:`remove_consent` removes, before the extraction, every box near the top of the body whose
class or id names consent or a consent manager (:data:`CONSENT_NAMES`): the word "consent",
cookie banners, notices, bars and walls by those names, and the element names of the widely used
consent management platforms (OneTrust, Cookiebot, Didomi, Usercentrics, TrustArc, Quantcast Choice,
Sourcepoint, CookieYes, Complianz, Borlabs, iubenda, Osano, Termly, Klaro, Axeptio,
tarteaucitron, Ensighten, Cookie Law Info). These are the names of the consent software, on
thousands of sites, not of any site. A box that holds the page's ``main`` or ``article``
element or its ``h1`` is kept whatever its name: a wrapper that records the reader's consent
state in its class (``consent-given``) holds the whole page. The consent text left outside such
boxes (a banner without those names, a plain-text copy) is still judged by the ``cookie`` rules.

Only the top :data:`MAX_DEPTH` levels below the body are looked at: consent managers append their
box to the body itself. Looking at every box of the body cost 15% of cleantext's time on WCXB
(one XPath over all class and id values and a search of them), for two more pages (+0.0001):
a form's consent checkbox and a cookie table deep in a consent window of another name.

Measured on WCXB (1,358 pages; seventh session): +0.0013 F1, 7 pages on 7 sites change, all up
(forums +0.012, products +0.003, listings +0.002), with five different consent managers among
them; ScrapingHub unchanged (no page changes). CPU: about 0.5% of cleantext's time.
"""

from __future__ import annotations

import regex
from lxml import etree
from lxml.html import HtmlElement

# Class and id names of consent boxes (searched in each class or id value, case-insensitively).
CONSENT_NAMES = regex.compile(
    r"consent|cookie-?(?:banner|notice|bar|law|popup|modal|dialog|wall)"
    r"|onetrust|\bot-(?:sdk|pc)|cybotcookiebot|didomi|usercentrics|\btruste\b|trustarc|qc-cmp"
    r"|\bsp_message|cookielawinfo|\bcky-|\bcmplz-|borlabscookie|\bbrlbs-|iubenda-cs|osano-cm"
    r"|termly|klaro|axeptio|tarteaucitron|\bens(?:notifybanner|modal)",
    regex.IGNORECASE,
)

# How deep below the body a consent box is looked for: consent managers append their box to the
# body itself (every one measured on WCXB sits at the first level); two more levels reach a box
# a page's own template puts in its root wrapper. Deeper boxes are not looked at (a form's
# consent checkbox, a cookie table in a privacy policy).
MAX_DEPTH = 3
# What makes a box too big to be a consent box: the page's own main text is inside it.
_HOLDS_PAGE = etree.XPath("self::main | self::article | .//main | .//article | .//h1")


def remove_consent(tree: HtmlElement) -> int:
    """Remove the consent boxes near the top of ``tree``'s body (in place); return how many."""
    body = tree.find("body")
    if body is None:
        return 0
    boxes = _consent_boxes(body, MAX_DEPTH, [])
    for box in boxes:
        box.drop_tree()  # its tail text stays in the page
    return len(boxes)


def _consent_boxes(parent: HtmlElement, depth: int, found: list[HtmlElement]) -> list[HtmlElement]:
    """The consent boxes among ``parent``'s descendants down to ``depth`` levels, outermost only
    (a walk in Python: the top levels of a page are a few dozen elements, cheaper than an XPath)."""
    for child in parent:
        if not isinstance(child.tag, str):
            continue  # a comment or processing instruction
        names = f"{child.get('class', '')} {child.get('id', '')}"
        if CONSENT_NAMES.search(names) is not None and not _HOLDS_PAGE(child):
            found.append(child)  # and nothing inside it is looked at
        elif depth > 1 and len(child):
            _consent_boxes(child, depth - 1, found)  # a wrapper that holds the page included
    return found
