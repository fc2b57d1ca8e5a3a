"""cta.overlay: the text of pop-over, lightbox and dialog windows, and the look-alikes it keeps."""

from __future__ import annotations

import cleantext
from cleantext import Category, Config, Extractor

RAW = Config(extractor=Extractor.NONE)  # the rules, not trafilatura, are under test

_PROSE = (
    "<p>The walking boot has a leather upper, a waterproof lining and a rubber sole that grips on "
    "wet rock; it weighs 540 grams in size 42.</p>"
)


def _page(box: str) -> str:
    return f"<html><body><main>{_PROSE}{box}{_PROSE}</main></body></html>"


def _drops(doc: str) -> dict[str, tuple[str | None, Category | None]]:
    result = cleantext.clean_and_explain(doc, config=RAW)
    return {d.text: (d.rule, d.category) for d in result.decisions if not d.kept}


def test_a_dialog_windows_text_is_dropped() -> None:
    box = (
        '<div role="dialog"><h2>Estimated delivery</h2><p>Your parcel should arrive by this date if '
        "you order today; we count the seller's dispatch time and the carrier's transit time.</p></div>"
    )
    drops = _drops(_page(box))
    assert drops == {
        "Estimated delivery": ("cta.overlay", Category.CTA),
        "Your parcel should arrive by this date if you order today; we count the seller's dispatch "
        "time and the carrier's transit time.": ("cta.overlay", Category.CTA),
    }


def test_an_alert_dialog_is_dropped() -> None:
    box = '<div role="alertdialog"><p>Sign in to save this item to your list.</p></div>'
    assert _drops(_page(box)) == {"Sign in to save this item to your list.": ("cta.overlay", Category.CTA)}


def test_pop_over_and_lightbox_boxes_are_dropped() -> None:
    box = (
        '<div class="seller-badge-popover"><p>Top sellers answer messages within a day and ship on '
        'time.</p></div><div class="why-ad-lightbox__body"><p>Sponsored items are chosen from what you '
        "viewed recently.</p></div>"
    )
    assert {rule for rule, _ in _drops(_page(box)).values()} == {"cta.overlay"}
    assert len(_drops(_page(box))) == 2


def test_a_menu_inside_a_pop_over_is_left_to_the_other_rules() -> None:
    links = "".join(f'<li><a href="/help/{i}">Help topic number {i}</a></li>' for i in range(4))
    box = f'<div class="account-popover"><ul>{links}</ul></div>'
    assert not any(rule == "cta.overlay" for rule, _ in _drops(_page(box)).values())


def test_long_text_in_a_dialog_is_kept() -> None:
    long_text = " ".join(["The boot was tested for a season on wet and dry trails by our staff."] * 6)
    assert _drops(_page(f'<div role="dialog"><p>{long_text}</p></div>')) == {}


def test_modal_and_dialogue_boxes_are_kept() -> None:
    # A modal often holds the page's own details (a size table, the full description); a
    # "dialogue" box is a script or an interview. Neither is an overlay token.
    box = (
        '<div class="modal-dialog"><p>Size 42 fits a foot of 26.5 centimetres.</p></div>'
        '<div class="dialogue"><p>Interviewer: why leather? Maker: it lasts longer.</p></div>'
    )
    assert _drops(_page(box)) == {}


def test_prose_about_deliveries_in_the_story_is_kept() -> None:
    story = (
        "<html><body><article><p>The shipping company said deliveries to the islands would arrive "
        "two days late this week because of the storm.</p><p>Returns and exchanges at the port's "
        "shops were suspended until Monday, the harbour office said.</p></article></body></html>"
    )
    assert _drops(story) == {}
