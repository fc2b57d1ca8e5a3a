"""other.placeholder: a template's "Lorem ipsum" filler, and the prose about it that must stay."""

from __future__ import annotations

import pytest

import cleantext
from cleantext import Category

_STORY = (
    "The allotment society voted on Tuesday to share its rainwater tanks between the plots on "
    "the lower terrace, after two dry summers left the beans short."
)


def _drops(text: str) -> dict[str, tuple[str | None, Category | None]]:
    result = cleantext.clean_and_explain(text)
    return {d.text: (d.rule, d.category) for d in result.decisions if not d.kept}


@pytest.mark.parametrize(
    "filler",
    [
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt "
        "ut labore et dolore magna aliqua.",
        # a generator's passage, past the classic opening
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Vivamus lacinia odio vitae "
        "vestibulum vestibulum. Cras venenatis euismod malesuada.",
        # the headings and numbered cards of an unfinished template
        "Lorem Ipsum",
        "Lorem ipsum 3",
        # Cicero's own passage, which the filler was cut from
        "Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit.",
    ],
)
def test_filler_is_dropped_as_placeholder(filler: str) -> None:
    drops = _drops(f"{_STORY}\n\n{filler}\n\n{_STORY}")
    assert drops == {filler: ("other.placeholder", Category.OTHER)}


def test_the_evidence_names_the_filler_and_its_share() -> None:
    result = cleantext.clean_and_explain(f"{_STORY}\n\nLorem ipsum dolor sit amet.")
    (dropped,) = [d for d in result.decisions if not d.kept]
    assert dropped.evidence == "placeholder text 'lorem ipsum' (100% filler words)"


@pytest.mark.parametrize(
    "prose",
    [
        "Lorem ipsum is the scrambled Latin that designers pour into a layout before the real words arrive.",
        "Die Agentur lieferte statt der bestellten Texte nur Lorem ipsum, der Kunde merkte es im Druck.",
        "Le graphiste a laissé du lorem ipsum dans la brochure municipale, imprimée à mille exemplaires.",
        "El diseñador dejó el texto lorem ipsum en la portada y nadie lo revisó antes de imprimir.",
        "Il tipografo ha stampato il lorem ipsum sul volantino della sagra, con imbarazzo del comune.",
        "O designer deixou o lorem ipsum no cartaz da feira e ninguém reparou até ao dia seguinte.",
        "De ontwerper liet de lorem ipsum in de folder staan en niemand zag het voor de drukker belde.",
        "Grafik zostawił tekst lorem ipsum na plakacie festynu i nikt tego nie zauważył przed drukiem.",
        # Latin that is not the filler: no "lorem ipsum", no "dolor sit amet"
        "Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae.",
    ],
)
def test_prose_about_the_filler_and_other_latin_stay(prose: str) -> None:
    assert _drops(f"{_STORY}\n\n{prose}\n\n{_STORY}") == {}


def test_filler_in_a_page_is_dropped_and_the_article_kept() -> None:
    page = (
        "<html><head><title>Rainwater tanks shared</title></head><body><article>"
        f"<p>{_STORY}</p><div class='card'><h3>Lorem ipsum</h3>"
        "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p></div>"
        f"<p>{_STORY}</p></article></body></html>"
    )
    result = cleantext.clean_and_explain(page)
    assert result.paragraphs == [_STORY, _STORY]
    assert {d.rule for d in result.decisions if not d.kept} == {"other.placeholder"}
