"""The main journeys of the web application in a real browser: Debian's Chromium, driven by
Selenium through the installed chromedriver (no browser download). Skipped, with the reason,
where Chromium is not installed; CI installs it."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from .webhulp import app_voor, werkmap

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="Chromium en chromedriver zijn niet geïnstalleerd "
                                       "(apt-get install chromium chromium-driver; .ci/run doet "
                                       "dat)")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("browser")
    regios, uitvoer = werkmap(map_)
    app = app_voor(regios, uitvoer, map_ / "register.sqlite", door="mr. J. Jansen")
    yield from _draai(app, regios)


@pytest.fixture(scope="module")
def server_percelen(tmp_path_factory, percelen_eenmaal_gegenereerd):
    """Assen as a tender of two percelen (tests/percelen.py), in a copy of its own."""
    map_ = tmp_path_factory.mktemp("browser-percelen")
    for bron in percelen_eenmaal_gegenereerd:
        shutil.copytree(bron, map_ / bron.name)
    app = app_voor(map_ / "regios", map_ / "uit", map_ / "register.sqlite", door="mr. J. Jansen")
    yield from _draai(app, map_ / "regios")


def _draai(app, regios: Path):
    """Serve `app` on a free port in a thread; yields its URL and the regions' folder."""
    import uvicorn

    poort = _vrije_poort()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=poort,
                                           log_level="warning"))
    draad = threading.Thread(target=server.run, daemon=True)
    draad.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{poort}", regios
    server.should_exit = True
    draad.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    yield from chromium(tmp_path_factory.mktemp("chromium"))


def chromium(profiel: Path):
    """Headless Chromium through the installed chromedriver, with its profile in `profiel`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opties = webdriver.ChromeOptions()
    opties.binary_location = CHROMIUM or ""
    for vlag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                 f"--user-data-dir={profiel}"):
        opties.add_argument(vlag)
    stuur = webdriver.Chrome(service=Service(executable_path=DRIVER), options=opties)
    stuur.implicitly_wait(5)
    yield stuur
    stuur.quit()


def _by():
    from selenium.webdriver.common.by import By

    return By


def test_regio_openen_en_schermafdruk(server, browser, tmp_path):
    url, _ = server
    browser.get(url + "/")
    browser.find_element(_by().LINK_TEXT, "Regio Assen").click()
    assert browser.find_element(_by().TAG_NAME, "h1").text == "Regio Assen"
    assert "Wonen <Plus> Coöperatie U.A." in browser.find_element(_by().TAG_NAME, "main").text
    doel = Path(os.environ.get("CONTRACTEN_SCHERMAFDRUK") or tmp_path / "web.png")
    assert browser.save_screenshot(str(doel))
    assert doel.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_document_openen(server, browser):
    url, _ = server
    browser.get(url + "/regio/assen")
    browser.find_element(_by().PARTIAL_LINK_TEXT, "programma-van-eisen.docx").click()
    assert "Programma van Eisen" in browser.find_element(_by().CLASS_NAME, "document").text
    assert browser.find_element(_by().ID, "status").text == "concept"


def test_twee_versies_vergelijken(server, browser):
    url, _ = server
    browser.get(url + "/regio/assen")
    _klik_en_wacht(browser, browser.find_element(
        _by().XPATH, "//form[contains(@action, 'vergelijk')]//button"))
    _klik_en_wacht(browser, browser.find_element(_by().ID, "maak-vergelijking"))
    rapport = browser.find_element(_by().ID, "rapport").text
    assert "2025" in rapport and "2026" in rapport
    assert browser.find_elements(_by().CSS_SELECTOR, "#redlines a")


def _klik_en_wacht(browser, knop) -> None:
    """Click a form's button and wait for the page it leads to: a `get` right after the click
    could otherwise cancel the form before it was sent."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    pagina = browser.find_element(_by().TAG_NAME, "html")
    knop.click()

    def weg(_: object) -> bool:
        # The old page is gone once its root no longer answers: Chromium says so as a stale
        # element, or, in the middle of the navigation, as a node that "does not belong to the
        # document" (an ordinary WebDriverException): both mean the new page is coming.
        try:
            pagina.is_enabled()
        except WebDriverException:
            return True
        return False

    WebDriverWait(browser, 30).until(weg)


def _bevestig(browser, opmerking: str = "") -> None:
    """On the confirmation page: the remark, then the button that records."""
    assert browser.find_element(_by().TAG_NAME, "h1").text.startswith("Bevestigen: ")
    if opmerking:
        browser.find_element(_by().ID, "opmerking").send_keys(opmerking)
    _klik_en_wacht(browser, browser.find_element(_by().ID, "bevestig"))


def test_goedkeuren_en_in_de_geschiedenis_zien(server, browser):
    url, _ = server
    pad = "assen/2026/overeenkomsten/wonen-plus.docx"  # no other test of this module uses it
    browser.get(url + "/regio/assen/goedkeuring")
    rij = browser.find_element(_by().XPATH, f"//tr[td/a[text()='{pad}']]")
    _klik_en_wacht(browser, rij.find_element(_by().TAG_NAME, "button"))
    _bevestig(browser, "Getoetst door juridisch")
    assert "Juridisch akkoord is vastgelegd voor 1 document." in browser.find_element(
        _by().ID, "vastgelegd").text
    browser.get(url + f"/regio/assen/geschiedenis?pad={pad}")
    tekst = browser.find_element(_by().ID, "geschiedenis").text
    assert "juridisch akkoord mr. J. Jansen 01-12-2026 09:30 Getoetst door juridisch" in tekst


def test_definitief_geweigerd_met_de_plekken(server, browser):
    """Juridisch akkoord, then definitief: the letter shows example values, so the page says
    where they are and nothing is marked."""
    url, _ = server
    pad = "assen/2026/brieven/socialreturn/stichting-de-esch.docx"  # only this test uses it
    for _ in ("juridisch akkoord", "definitief"):
        browser.get(url + "/regio/assen/goedkeuring?soort=socialreturn-brief&zoek=de+esch")
        rij = browser.find_element(_by().XPATH, f"//tr[td/a[text()='{pad}']]")
        _klik_en_wacht(browser, rij.find_element(_by().TAG_NAME, "button"))
        _bevestig(browser)
    assert browser.find_element(_by().TAG_NAME, "h1").text == "Niet definitief"
    redenen = browser.find_element(_by().ID, "redenen").text
    # 13: the signatory's name and function are example values too
    assert "brieven/socialreturn/stichting-de-esch.docx: bevat 13 voorbeeldwaarden" in redenen
    assert "[voorbeeld_niet_definitief]" in redenen
    browser.get(url + f"/regio/assen/geschiedenis?pad={pad}")
    assert "definitief" not in browser.find_element(_by().ID, "geschiedenis").text


def test_termijn_in_de_agenda(server, browser):
    url, _ = server
    browser.get(url + "/regio/assen/agenda?binnen=30")
    browser.find_element(_by().LINK_TEXT, "365").click()
    tekst = browser.find_element(_by().ID, "termijnen").text
    assert "1 januari 2027" in tekst and "geïndexeerde tarieven 2027 gaan in" in tekst


def _opnieuw_maken(browser, url: str, regio: str) -> str:
    browser.get(url + f"/regio/{regio}")
    browser.find_element(_by().ID, "genereer").click()
    for _ in range(240):
        if browser.find_elements(_by().ID, "uitkomst"):
            break
        time.sleep(0.5)
    return browser.find_element(_by().TAG_NAME, "main").text


def test_opnieuw_maken_en_de_wijziging_zien(server, browser):
    """After a change in the profile, the button remakes the documents it touches, and the
    page says which."""
    url, regios = server
    assert "Klaar:" in _opnieuw_maken(browser, url, "amersfoort")
    assert "Klaar: 0 Word-documenten" in _opnieuw_maken(browser, url, "amersfoort")
    aanbieders = regios / "amersfoort/aanbieders.yaml"
    aanbieders.write_text(aanbieders.read_text(encoding="utf-8").replace(
        "Stichting Samen Eemland", "Stichting Samen Eemland en Vallei", 1), encoding="utf-8")
    na = _opnieuw_maken(browser, url, "amersfoort")
    assert "Klaar:" in na and "Klaar: 0 Word-documenten" not in na
    assert "overeenkomsten/stichting-samen-eemland.docx" in na


def test_een_contract_per_perceel_goedkeuren(server_percelen, browser):
    """A tender of two percelen: the region page lists each perceel and one aanbieder twice,
    once per contract; approving its contract in perceel 2 leaves the one in perceel 1."""
    from .percelen import TWEE

    url, _ = server_percelen
    browser.get(url + "/regio/assen")
    assert "Perceel 2: Thuis en dagbesteding" in browser.find_element(_by().ID, "percelen").text
    contracten = browser.find_element(_by().ID, "contracten").text
    assert contracten.count("Zorg & Welzijn 'De Brug' B.V.") == 2
    pad = f"assen/2025/overeenkomsten/perceel-2/{TWEE}.docx"
    browser.get(url + "/regio/assen/goedkeuring")
    rij = browser.find_element(_by().XPATH, f"//tr[td/a[text()='{pad}']]")
    assert "2" in [td.text for td in rij.find_elements(_by().TAG_NAME, "td")]
    _klik_en_wacht(browser, rij.find_element(_by().TAG_NAME, "button"))
    _bevestig(browser)
    for perceel, status in ((2, "juridisch akkoord"), (1, "concept")):
        browser.get(url + f"/regio/assen/contract?aanbieder={TWEE}&perceel={perceel}")
        kaart = browser.find_element(_by().CSS_SELECTOR, "section.documentkaart")
        assert f"Status: {status}" in kaart.text


def test_een_taak_blijft_te_zien_na_een_herstart_van_de_webserver(browser, tmp_path):
    """The job is in the register, not in the web process: after a restart (a new server on
    the same register) its page still says how it ended."""
    from urllib.parse import urlsplit

    from .conftest import REGIOS

    regios = tmp_path / "regios"
    shutil.copytree(REGIOS, regios)
    instellingen = (regios, tmp_path / "uit", tmp_path / "register.sqlite")
    eerste = _draai(app_voor(*instellingen, door="mr. J. Jansen"), regios)
    url, _ = next(eerste)
    try:
        assert "Klaar:" in _opnieuw_maken(browser, url, "amersfoort")
        adres = urlsplit(browser.current_url).path
        assert adres.startswith("/taak/")
    finally:
        next(eerste, None)  # the server stops
    tweede = _draai(app_voor(*instellingen, door="mr. J. Jansen"), regios)
    url, _ = next(tweede)
    try:
        browser.get(url + adres)
        tekst = browser.find_element(_by().TAG_NAME, "main").text
        assert "Klaar:" in tekst and "overeenkomsten/" in tekst
    finally:
        next(tweede, None)
