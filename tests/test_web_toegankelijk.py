"""The pages as people work with them, in Chromium: a contract and its documents by keyboard,
the approval queue with several documents approved at once after the summary, and every page
checked with axe-core (axe-selenium-python brings axe.min.js: nothing is downloaded) without a
serious or critical violation."""

from __future__ import annotations

import re

import pytest

from .test_web_browser import _bevestig, _by, _draai, _klik_en_wacht, chromium, pytestmark
from .webhulp import app_voor, werkmap

__all__ = ["pytestmark"]  # skipped, with the reason, without Chromium

ERNSTIG = ("serious", "critical")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("toegankelijk")
    regios, uitvoer = werkmap(map_)
    yield from _draai(app_voor(regios, uitvoer, map_ / "register.sqlite", door="mr. J. Jansen"),
                      regios)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    yield from chromium(tmp_path_factory.mktemp("chromium"))


def _keys():
    from selenium.webdriver.common.keys import Keys

    return Keys


def _enter(browser, element) -> None:
    """Reach `element` as a keyboard user does and press Enter on it."""
    browser.execute_script("arguments[0].focus()", element)
    assert browser.switch_to.active_element == element
    _klik_en_wacht(browser, _Toets(browser))


class _Toets:
    """What `_klik_en_wacht` clicks: Enter on the focused element."""

    def __init__(self, browser) -> None:
        self.browser = browser

    def click(self) -> None:
        self.browser.switch_to.active_element.send_keys(_keys().ENTER)


def test_een_contract_met_het_toetsenbord(server, browser):
    url, _ = server
    browser.get(url + "/regio/assen")
    _enter(browser, browser.find_element(_by().LINK_TEXT, "Stichting Westerhof"))
    assert browser.find_element(_by().TAG_NAME, "h1").text == "Stichting Westerhof"
    kaarten = browser.find_elements(_by().CSS_SELECTOR, "section.documentkaart")
    assert [k.find_element(_by().TAG_NAME, "h3").text for k in kaarten] == [
        "Overeenkomst", "Indexatiebrief", "Tariefaddendum", "Brief social return"]
    # the warnings as Word and pdf show them: red
    rood = browser.find_element(_by().CSS_SELECTOR, "section.documentkaart .waarschuwing")
    assert rood.text.startswith("Let op:")
    assert rood.value_of_css_property("color") in ("rgba(176, 0, 32, 1)", "rgb(176, 0, 32)")
    knop = kaarten[0].find_element(_by().TAG_NAME, "button")
    assert knop.accessible_name == "Juridisch akkoord voor Overeenkomst Stichting Westerhof …"
    _enter(browser, knop)
    assert "Versie" in browser.find_element(_by().ID, "vast-te-leggen").text
    browser.find_element(_by().ID, "opmerking").send_keys("Gelezen")
    _enter(browser, browser.find_element(_by().ID, "bevestig"))
    assert "Juridisch akkoord is vastgelegd voor 1 document." in browser.find_element(
        _by().ID, "vastgelegd").text
    assert "juridisch akkoord door mr. J. Jansen, 01-12-2026 09:30: Gelezen" in \
        browser.find_element(_by().ID, "uitkomst").text


def test_de_wachtrij_meerdere_tegelijk(server, browser):
    from selenium.webdriver.support.ui import Select

    url, _ = server
    browser.get(url + "/regio/assen/goedkeuring")
    Select(browser.find_element(_by().NAME, "soort")).select_by_visible_text("Tariefaddendum")
    _klik_en_wacht(browser, browser.find_element(
        _by().XPATH, "//form[@role='search']//button"))
    vakjes = browser.find_elements(_by().CSS_SELECTOR, "input[type=checkbox]")
    assert len(vakjes) == 14
    gekozen = []
    for vakje in vakjes[:3]:
        vakje.send_keys(_keys().SPACE)  # by keyboard
        assert vakje.is_selected()
        gekozen.append(vakje.get_attribute("value").split(" ", 1))
    _klik_en_wacht(browser, browser.find_element(_by().ID, "gekozen"))
    samenvatting = browser.find_element(_by().ID, "vast-te-leggen").text
    for sha, pad in gekozen:
        assert pad in samenvatting and sha in samenvatting
    assert len(browser.find_elements(_by().CSS_SELECTOR, "#vast-te-leggen tr")) == 4
    _bevestig(browser, "Tarieven nagerekend")
    assert "Juridisch akkoord is vastgelegd voor 3 documenten." in browser.find_element(
        _by().ID, "vastgelegd").text
    assert browser.find_element(_by().ID, "uitkomst").text.count(
        "juridisch akkoord door mr. J. Jansen") == 3


def _axe(browser) -> list[dict]:
    from axe_selenium_python import Axe

    axe = Axe(browser)
    axe.inject()
    uitkomst = axe.run()
    return [(v["id"], [n["html"][:200] for n in v["nodes"][:3]], v["nodes"][0].get("any"))
            for v in uitkomst["violations"] if v["impact"] in ERNSTIG]


@pytest.mark.parametrize("adres", [
    "/", "/regio/assen", "/regio/assen?zoek=stichting", "/regio/assen/goedkeuring",
    "/regio/assen/goedkeuring?status=definitief", "/regio/assen/agenda?binnen=365",
    "/regio/assen/contract?aanbieder=wonen-plus&perceel=1",
    "/regio/assen/document?pad=assen/2026/overeenkomsten/hunzedal-zorg.docx",
    "/regio/assen/geschiedenis?pad=assen/2026/programma-van-eisen.docx",
    "/regio/assen/vergelijk?oud=2025&nieuw=2026", "/inloggen",
])
def test_elke_pagina_zonder_ernstige_toegankelijkheidsfout(server, browser, adres):
    url, _ = server
    browser.get(url + adres)
    assert _axe(browser) == []


def test_bevestigen_en_vastgelegd_zonder_ernstige_toegankelijkheidsfout(server, browser):
    url, _ = server
    browser.get(url + "/regio/assen/goedkeuring?soort=indexatiebrief&kies=alle")
    _klik_en_wacht(browser, browser.find_element(_by().ID, "gekozen"))
    assert re.match(r"Bevestigen: ", browser.find_element(_by().TAG_NAME, "h1").text)
    assert _axe(browser) == []
    _bevestig(browser)
    assert "vastgelegd voor 14 documenten" in browser.find_element(_by().ID, "vastgelegd").text
    assert _axe(browser) == []


def test_de_wijzigingen_van_een_document_zonder_ernstige_toegankelijkheidsfout(server, browser):
    url, _ = server
    browser.get(url + "/regio/assen/vergelijk?oud=2025&nieuw=2026")
    _klik_en_wacht(browser, browser.find_element(_by().ID, "maak-vergelijking"))
    browser.get(url + "/regio/assen/document?pad=assen/2026/overeenkomsten/wonen-plus.docx")
    wijzigingen = browser.find_element(_by().ID, "wijzigingen-tekst")
    weg = [d.text for d in wijzigingen.find_elements(_by().TAG_NAME, "del")]
    assert any(w.endswith("110,00") for w in weg)
    assert "Redline tegen prijspeil 2025" in browser.find_element(_by().ID, "wijzigingen").text
    assert _axe(browser) == []
