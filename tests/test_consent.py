"""Consent boxes (``cleantext.consent``): which boxes are removed before the extraction."""

from __future__ import annotations

from _trees import stepped

import cleantext
from cleantext import Config
from cleantext.consent import remove_consent

_POST = [
    "Has anyone fitted the new side panel to last year's case? Mine arrived with two of the four "
    "thumbscrews missing and the glass sits a millimetre proud at the top edge.",
    "Same here. Support sent the screws in a week; the gap closed once I loosened the hinge, "
    "seated the panel and tightened the hinge again.",
]
_PURPOSES = [
    "These technologies are necessary for the website to function and cannot be switched off in "
    "our systems. They are usually only set in response to actions made by you which amount to a "
    "request for services, such as setting your privacy preferences, logging in or filling in forms.",
    "These technologies allow us to count visits and traffic sources so we can measure and improve "
    "the performance of our site. They help us to know which pages are the most and least popular "
    "and see how visitors move around the site.",
    "These technologies enable the website to provide enhanced functionality and personalisation. "
    "They may be set by us or by third party providers whose services we have added to our pages.",
    "These technologies may be set through our site by our advertising partners. They may be used "
    "by those companies to build a profile of your interests and show you relevant adverts on "
    "other sites.",
]


def _removed(body: str) -> tuple[int, str]:
    return stepped(remove_consent, body)


def test_boxes_named_for_consent_or_a_consent_manager_are_removed() -> None:
    body = (
        '<div id="onetrust-consent-sdk"><p>A</p></div>'
        '<div class="qc-cmp2-container"><p>B</p></div>'
        '<aside class="site-cookie-banner"><p>C</p></aside>'
        '<form class="newsletter"><label class="gfield_consent_label">D</label></form>'
        "<p>The post</p>"
    )
    count, html = _removed(body)
    assert count == 4
    assert "<p>The post</p>" in html
    assert not any(f"<p>{x}</p>" in html or f">{x}<" in html for x in "ABCD")


def test_a_box_inside_a_removed_box_is_counted_once_and_tail_text_stays() -> None:
    body = '<div id="onetrust-pc-sdk"><div class="ot-pc-content">A</div></div>after'
    count, html = _removed(body)
    assert count == 1
    assert html == "<html><body>after</body></html>"


def test_a_wrapper_holding_the_page_is_kept_whatever_its_name() -> None:
    body = (
        '<div class="page consent-given"><h1>Side panel fit</h1><p>The post</p>'
        '<div class="consent-banner"><p>We use cookies.</p></div></div>'
        '<div class="layout cookie-consent-accepted"><main><p>More</p></main></div>'
    )
    count, html = _removed(body)
    assert count == 1  # the banner inside the wrapper
    assert "consent-given" in html and "<main>" in html and "<p>The post</p>" in html
    assert "We use cookies" not in html


def test_boxes_deeper_than_the_top_levels_are_not_looked_at() -> None:
    form = '<form><fieldset class="gfield--type-consent"><label>I agree</label></fieldset></form>'
    count, html = _removed(f"<div><div><section>{form}</section></div></div>")
    assert count == 0
    assert "I agree" in html


def test_names_that_only_look_alike_stay() -> None:
    body = (
        '<div class="trusted-brands"><p>A</p></div>'  # "trusted", not TrustArc's "truste"
        '<div class="cookie-recipes"><p>B</p></div>'  # cookies to bake
        '<div class="robot-sdk-docs"><p>C</p></div>'  # "ot-sdk" inside a word
    )
    count, _ = _removed(body)
    assert count == 0


def _forum_page() -> str:
    posts = "".join(f'<div class="post"><p>{p}</p></div>' for p in _POST)
    window = "".join(f'<div class="ot-desc"><p>{p}</p></div>' for p in _PURPOSES)
    return (
        "<html><head><title>Side panel fit - Cases forum</title></head><body>"
        f'<div class="thread"><h2>Side panel fit</h2>{posts}</div>'
        f'<div id="onetrust-consent-sdk"><div id="onetrust-pc-sdk" class="otPcCenter">'
        f'<h2 id="ot-pc-title">Privacy Preference Center</h2>{window}</div></div>'
        "</body></html>"
    )


def test_the_preference_window_is_not_taken_for_the_thread() -> None:
    kept = cleantext.clean(_forum_page())
    assert not any(p in kept for p in _PURPOSES)
    assert all(p in kept for p in _POST)


def test_with_remove_consent_off_the_window_reaches_the_extraction() -> None:
    result = cleantext.clean_and_explain(_forum_page(), config=Config(remove_consent=False))
    texts = [d.text for d in result.decisions]
    assert any(p in texts for p in _PURPOSES)
