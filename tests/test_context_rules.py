"""Text cues that count only in some page context: a notice in the story's own box, a thank-you
line beside an appeal, a button label at the end of a menu line."""

from __future__ import annotations

import cleantext
from cleantext import Config, Extractor

RAW = Config(extractor=Extractor.NONE)  # the rules, not trafilatura, are under test

_STORY = (
    '<html><body><article><div class="story-body"><p>The council approved the new budget on Tuesday '
    "after a long debate about schools and roads.</p><p>{notice}</p></div></article>{footer}</body></html>"
)


def _drops(doc: str, config: Config = RAW) -> dict[str, str | None]:
    return {d.text: d.rule for d in cleantext.clean_and_explain(doc, config=config).decisions if not d.kept}


def test_a_notice_in_the_story_box_is_part_of_the_story() -> None:
    notice = "© 2024 Example Wire Agency. All rights reserved."
    assert _drops(_STORY.format(notice=notice, footer="")) == {}


def test_the_sites_notice_in_its_footer_is_dropped() -> None:
    footer = '<footer class="site-footer"><p>© 2024 Example Media Ltd. All rights reserved.</p></footer>'
    drops = _drops(_STORY.format(notice="The vote was seven to two.", footer=footer))
    assert drops == {"© 2024 Example Media Ltd. All rights reserved.": "legal.footer"}


def test_a_notice_in_a_copyright_box_after_the_story_is_dropped() -> None:
    page = (
        '<html><body><article><div class="story-body"><p>The council approved the new budget on Tuesday '
        'after a long debate about schools and roads.</p><p class="story-copyright">© 2024 Example Media '
        "Ltd. All rights reserved.</p></div></article></body></html>"
    )
    assert _drops(page) == {"© 2024 Example Media Ltd. All rights reserved.": "legal.footer"}


def test_a_notice_after_a_headline_or_a_link_is_dropped() -> None:
    # The line before is not a prose sentence: the notice is not the story's.
    page = _STORY.replace("after a long debate about schools and roads.", "").format(
        notice="© 2024 Example Media Ltd. All rights reserved.", footer=""
    )
    assert _drops(page) == {"© 2024 Example Media Ltd. All rights reserved.": "legal.footer"}


def test_plain_text_notices_are_dropped() -> None:
    text = "The council approved the budget on Tuesday.\n© 2024 Example Media Ltd. All rights reserved."
    assert _drops(text, Config()) == {"© 2024 Example Media Ltd. All rights reserved.": "legal.footer"}


def test_a_thank_you_beside_an_appeal_closes_it() -> None:
    text = (
        "The council approved the budget on Tuesday after a long debate.\n"
        "Support independent journalism\nThank you for your support!\n"
        "The vote was seven to two, and the mayor said work would begin in spring."
    )
    assert _drops(text, Config()) == {
        "Support independent journalism": "donation.appeal",
        "Thank you for your support!": "donation.thanks",
    }


def test_a_thank_you_alone_is_the_authors() -> None:
    text = (
        "Thanks for your support!\n"
        "I want to thank everyone who sponsors this project: your support keeps it going.\n"
        "A special thanks to the companies that pay for our build servers."
    )
    assert _drops(text, Config()) == {}


def test_a_thank_you_far_from_an_appeal_is_kept() -> None:
    prose = "\n".join(f"Paragraph {i} of the story, written as a full sentence of prose." for i in range(5))
    text = f"Support independent journalism\n{prose}\nThank you for your support!"
    assert _drops(text, Config()) == {"Support independent journalism": "donation.appeal"}


def test_a_button_label_ends_an_appeal_but_not_a_menu() -> None:
    assert _drops("Every gift keeps our reporters in the field. Donate now", Config()) == {
        "Every gift keeps our reporters in the field. Donate now": "donation.appeal"
    }
    assert _drops("Please donate now", Config()) == {"Please donate now": "donation.appeal"}
    assert _drops("Home News Events Gallery Donate now\nThe council met on Tuesday to vote.", Config()) == {}


# duplicate.run: a section printed again (responsive copies), not repeated short items.

_SECTION = [
    f"Section paragraph {n}: the remodel plan covers materials, labour, permits and the final "
    "inspection, with every cost listed before any work starts on site."
    for n in range(6)
]


def _run_rules(text: str) -> list[str | None]:
    return [d.rule for d in cleantext.clean_and_explain(text, config=Config(input_kind="text")).decisions]


def test_a_section_printed_twice_loses_its_second_copy() -> None:
    text = "\n".join(["Intro line of the page that says what it is about.", *_SECTION, *_SECTION])
    result = cleantext.clean_and_explain(text, config=Config(input_kind="text"))
    copies = [d for d in result.decisions if d.rule == "duplicate.run"]
    assert [d.text for d in copies] == _SECTION
    assert {d.evidence for d in copies} == {"repeats paragraphs 1-6"}
    assert result.paragraphs.count(_SECTION[0]) == 1


def test_a_section_printed_three_times_keeps_one() -> None:
    rules = _run_rules("\n".join(_SECTION * 3))
    assert rules == [None] * 6 + ["duplicate.run"] * 12


def test_short_repeated_items_and_short_runs_stay() -> None:
    items = [f"Meal {n}: one cup of rice, two eggs" for n in range(8)]
    assert "duplicate.run" not in _run_rules("\n".join([*items, "Plan B", *items]))
    four = _SECTION[:4]
    assert "duplicate.run" not in _run_rules("\n".join([*four, "Something else entirely here.", *four]))


def test_one_line_repeated_is_not_a_copied_section() -> None:
    text = "\n".join([_SECTION[0]] * 1500)
    rules = _run_rules(text)
    # Each line repeats the one before it: runs of one, never a copied section.
    assert "duplicate.run" not in rules


def test_a_tag_line_is_dropped_but_a_label_under_every_entry_is_kept() -> None:
    body = "The council approved the budget for the schools after a long debate on Tuesday night."
    page = f"{body}\nTags: budget, schools, council"
    assert [d.rule for d in cleantext.clean_and_explain(page).decisions][-1] == "tags.list"
    entry = "Paper {} on language models and their evaluation.\nTopics: AI, language"
    entries = "\n".join(entry.format(n) for n in range(6))
    assert "tags.list" not in [d.rule for d in cleantext.clean_and_explain(entries).decisions]
