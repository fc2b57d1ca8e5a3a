"""Text cues that count only in some page context: a notice in the story's own box."""

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
