"""Collapsed panels (``cleantext.collapsed``): which hidden boxes are opened before extraction."""

from __future__ import annotations

from _trees import stepped

import cleantext
from cleantext.collapsed import open_collapsed

_ANSWERS = [
    "Frost arrives in late October here, so the beds are mulched with straw in the first week "
    "of that month and watered well the day before.",
    "Garlic goes in two weeks after the first frost, a hand's depth down, with the pointed end "
    "up and a spacing of about fifteen centimetres.",
    "Rhubarb crowns are divided every fifth winter while they are dormant; each piece needs one "
    "healthy bud and a fist-sized piece of root.",
]


def _opened(body: str) -> tuple[int, str]:
    return stepped(open_collapsed, body)


def test_accordion_tab_and_faq_panels_lose_their_hidden_marks() -> None:
    body = (
        '<div class="accordion__panel" style="display: none;">A</div>'
        '<section role="tabpanel" hidden>B</section>'
        '<div class="faq-answer" aria-hidden="true">C</div>'
        '<div role="region" aria-labelledby="q1" style="color: red; display:none !important">D</div>'
    )
    count, html = _opened(body)
    assert count == 4
    assert "display" not in html and "hidden" not in html
    assert 'style="color: red; "' in html


def test_menus_windows_and_other_hidden_boxes_stay_hidden() -> None:
    body = (
        '<div class="nav-accordion" style="display:none">menu</div>'
        '<div class="collapse navbar-collapse" hidden>links</div>'
        '<div class="faq-modal" aria-hidden="true">window</div>'
        '<div class="drawer__panel" aria-hidden="true">drawer</div>'
        '<div class="promo" style="display:none">promo</div>'
        '<span class="icon" aria-hidden="true">*</span>'
        '<footer><div class="accordion-content" hidden>footer links</div></footer>'
    )
    count, html = _opened(body)
    assert count == 0
    assert html == f"<html><body>{body}</body></html>"  # nothing changed


def _faq_page() -> str:
    panels = "".join(
        f'<h3><button aria-controls="a{i}">Question {i}</button></h3>'
        f'<div id="a{i}" class="accordion-panel" style="display:none"><p>{text}</p></div>'
        for i, text in enumerate(_ANSWERS)
    )
    intro = (
        "<p>Our allotment society answers the questions members ask most often about the "
        "autumn work on the beds, the planting calendar and the perennials.</p>"
        "<p>The answers come from the members who have worked the plots longest, and the "
        "committee checks them against the county's planting guide every spring.</p>"
        "<p>Open a question to read its answer; ask at the shed on Saturdays if yours is not "
        "here, and we will add it before the next season begins.</p>"
    )
    return (
        "<html><head><title>Autumn questions</title></head><body><main><h1>Autumn questions</h1>"
        f"{intro}{panels}</main><footer><p>Allotment society newsletter</p></footer></body></html>"
    )


# The recovery of missed prose (which reads hidden boxes too) is off: the extraction is tested.
_EXTRACTION_ONLY = cleantext.Config(recover_prose=False)


def test_the_answers_of_a_folded_faq_are_extracted() -> None:
    kept = cleantext.clean(_faq_page(), config=_EXTRACTION_ONLY)
    assert all(any(answer[:50] in p for p in kept) for answer in _ANSWERS)


def test_with_open_collapsed_off_the_panels_stay_as_the_page_has_them() -> None:
    kept = cleantext.clean(_faq_page(), config=_EXTRACTION_ONLY.replace(open_collapsed=False))
    assert not any(answer[:50] in p for p in kept for answer in _ANSWERS)
